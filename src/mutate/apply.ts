// Applies one mutation to a proxied response. Returns undefined when the mutation does not fit
// the response actually received (the path is not in the body, the header was never sent):
// such a mutant is reported "not applicable", never counted as survived.
import type { PathSegment } from '../matchers/body-path';
import type { ProxyResponse } from '../replay/proxy';
import { parseJson } from '../replay/scrub';
import type { Mutation } from './mutant';

export const HTML_PAGE = '<!doctype html><html><head><title>Maintenance</title></head><body><h1>We will be back soon</h1></body></html>';

export function applyMutation(mutation: Mutation, response: ProxyResponse): ProxyResponse | undefined {
  switch (mutation.kind) {
    case 'status':
      return { ...response, status: mutation.status };
    case 'remove-header':
      if (response.headers[mutation.header] === undefined) return undefined;
      return { ...response, headers: Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== mutation.header)) };
    case 'add-header':
      return { ...response, headers: { ...response.headers, [mutation.header]: 'mutant' } };
    case 'remove-cookie': {
      const kept = response.setCookies.filter((c) => !c.startsWith(`${mutation.cookie}=`));
      return kept.length === response.setCookies.length ? undefined : { ...response, setCookies: kept };
    }
    case 'add-cookie':
      return { ...response, setCookies: [...response.setCookies, `${mutation.cookie}=mutant; Path=/`] };
    case 'html-page':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, setCookies: response.setCookies, body: Buffer.from(HTML_PAGE) };
    case 'token-refused':
      return { status: 401, headers: { 'content-type': 'application/json' }, setCookies: [], body: Buffer.from('{"error":"mutant: this credential no longer works"}') };
    default:
      return mutateBody(mutation, response);
  }
}

function mutateBody(mutation: Extract<Mutation, { path: PathSegment[] }>, response: ProxyResponse): ProxyResponse | undefined {
  const parsed = parseJson(response.body.toString('utf8'), response.headers['content-type']);
  if (!parsed.ok) return undefined;
  const body = structuredClone(parsed.value);
  const parentPath = mutation.path.slice(0, -1);
  const last = mutation.path[mutation.path.length - 1];
  const parent = parentPath.length === 0 ? body : at(body, parentPath);
  if (mutation.path.length === 0) {
    return mutation.kind === 'change-value' ? withBody(response, changed(body)) : undefined;
  }
  if (parent === null || typeof parent !== 'object' || last === undefined) return undefined;
  const holder = parent as Record<string | number, unknown>;
  const present = Object.prototype.hasOwnProperty.call(holder, last);
  if (mutation.kind === 'add-property') {
    holder[last] = 'mutant';
    return withBody(response, body);
  }
  if (!present) return undefined;
  if (mutation.kind === 'drop-property') {
    if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
    else delete holder[last];
  } else if (mutation.kind === 'change-type') {
    holder[last] = mutation.value;
  } else {
    holder[last] = changed(holder[last]);
  }
  return withBody(response, body);
}

function at(body: unknown, path: readonly PathSegment[]): unknown {
  let current = body;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A value of the same type that differs: what a vendor changing a constant would send. */
function changed(value: unknown): unknown {
  if (typeof value === 'string') return `${value}-mutant`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 'mutant';
}

function withBody(response: ProxyResponse, body: unknown): ProxyResponse {
  return { ...response, body: Buffer.from(JSON.stringify(body)) };
}
