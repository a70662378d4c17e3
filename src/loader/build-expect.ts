// The expect part of a step -> ExpectSpec: status codes, matchers for headers, cookies and body
// paths, and the response schema reference. Checks regexes compile and body paths parse, so
// that such mistakes surface at load time rather than halfway through a run.
import type { ExpectSpec, NamedMatcher, TemplateValue, ValueMatcher } from '../dsl/model';
import { BODY_PATH_HINT, isBodyPath } from './body-path';
import { quote, subject } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';
import { dict, isDict } from './view';

export function buildExpect(data: unknown, path: Path, problems: Problems): ExpectSpec {
  const exp = dict(data);
  const codes = (Array.isArray(exp.status) ? exp.status : [exp.status]).filter((c): c is number => typeof c === 'number');
  const status = exp.status === undefined ? {} : { status: { codes, loc: problems.loc([...path, 'status'], 'value') } };
  const schema = typeof exp.schema === 'string' ? { schema: { file: exp.schema, loc: problems.loc([...path, 'schema'], 'value') } } : {};
  return {
    ...status,
    headers: matchers(exp.headers, [...path, 'headers'], problems, 'header'),
    cookies: matchers(exp.cookies, [...path, 'cookies'], problems, 'cookie'),
    ...schema,
    body: matchers(exp.body, [...path, 'body'], problems, 'body'),
    loc: problems.loc(path),
  };
}

function matchers(data: unknown, path: Path, problems: Problems, what: 'header' | 'cookie' | 'body'): NamedMatcher[] {
  const out: NamedMatcher[] = [];
  const seen = new Map<string, string>();
  for (const [written, value] of Object.entries(dict(data))) {
    const at = [...path, written];
    // Header names are case-insensitive, so the model keeps them lower-cased.
    const name = what === 'header' ? written.toLowerCase() : written;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problems.add(at, 'repeated header', `expect.headers must name each header once (names are case-insensitive); '${written}' repeats '${earlier}'`, { part: 'key' });
    }
    seen.set(name, written);
    if (what === 'body' && !isBodyPath(written)) {
      problems.add(at, 'invalid body path', `expect.body paths must address the JSON body; ${quote(written)} is not a body path`, { part: 'key', hint: BODY_PATH_HINT });
    }
    const matcher = buildMatcher(value, at, problems);
    if (matcher) out.push({ name, matcher });
  }
  return out;
}

function buildMatcher(value: unknown, path: Path, problems: Problems): ValueMatcher | undefined {
  const loc = problems.loc(path);
  if (!isDict(value)) return Array.isArray(value) ? undefined : { kind: 'equals', value: value as TemplateValue, loc };
  if ('equals' in value) return { kind: 'equals', value: (value.equals ?? null) as TemplateValue, loc };
  if ('notEquals' in value) return { kind: 'notEquals', value: (value.notEquals ?? null) as TemplateValue, loc };
  if (typeof value.pattern === 'string') {
    try {
      new RegExp(value.pattern);
    } catch (err) {
      const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
      problems.add([...path, 'pattern'], 'invalid regular expression', `${subject([...path, 'pattern'], 'pattern')} must be a valid JavaScript regular expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, {
        hint: 'Escape special characters such as ( [ { . * + ? with a backslash to match them literally.',
      });
    }
    return { kind: 'pattern', pattern: value.pattern, loc };
  }
  if (value.present === true) return { kind: 'present', loc };
  if (value.absent === true) return { kind: 'absent', loc };
  return undefined;
}
