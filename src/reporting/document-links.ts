// Links from a scenario's `doc` annotation ("truedat-create-session.md § Request Body") to the
// vendor's published page and section. The published URL of each document file comes from the
// manifest (manifest.ts documentUrls); the section becomes the page anchor the way
// documentation sites slug headings (lower case, punctuation dropped, spaces to hyphens).
import type { Link } from 'allure-js-commons';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s)>\]]+/;

export function headingAnchor(section: string): string {
  return section
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** A link for "<file> § <section>", or a URL written in the text itself; undefined without a URL. */
export function docLink(doc: string, urls: ReadonlyMap<string, string>): Link | undefined {
  const inline = URL_IN_TEXT.exec(doc)?.[0];
  const [file = '', section = ''] = doc.replace(URL_IN_TEXT, '').replace(/[\s(]+\)?\s*$/, '').split(/\s*§\s*/);
  const page = inline ?? urls.get(file.trim());
  if (!page) return undefined;
  const url = inline || !section ? page : `${page.split('#')[0] ?? page}#${headingAnchor(section)}`;
  return { name: `${file.trim()}${section ? ` § ${section.trim()}` : ''}`, url, type: 'link' };
}
