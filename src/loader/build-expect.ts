// The expect part of a step -> ExpectSpec: status codes, matchers for headers, cookies and body
// paths, and the response schema reference. Checks patterns are safe and body paths parse, so
// that such mistakes surface at load time rather than halfway through a run.
import { ORDER_KINDS, type ExpectSpec, type NamedMatcher, type TemplateValue, type ValueMatcher } from '../dsl/model';
import { BODY_PATH_HINT, isBodyPath } from './body-path';
import { checkPattern } from './check-pattern';
import { quote, subject } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';
import { splitCondition } from './split-condition';
import { dict, isDict } from './view';

const WHOLE_TEMPLATE = /^\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}$/;

export function buildExpect(data: unknown, path: Path, problems: Problems): ExpectSpec {
  const exp = dict(data);
  const codes = (Array.isArray(exp.status) ? exp.status : [exp.status]).filter((c): c is number => typeof c === 'number');
  const status = exp.status === undefined ? {} : { status: { codes, loc: problems.loc([...path, 'status'], 'value') } };
  const schema = typeof exp.schema === 'string' ? { schema: { file: exp.schema, loc: problems.loc([...path, 'schema'], 'value') } } : {};
  const allowed = exp.status === undefined ? undefined : codes;
  return {
    ...status,
    headers: matchers(exp.headers, [...path, 'headers'], problems, 'header', allowed),
    cookies: matchers(exp.cookies, [...path, 'cookies'], problems, 'cookie', allowed),
    ...schema,
    body: matchers(exp.body, [...path, 'body'], problems, 'body', allowed),
    loc: problems.loc(path),
  };
}

function matchers(data: unknown, path: Path, problems: Problems, what: 'header' | 'cookie' | 'body', allowed: readonly number[] | undefined): NamedMatcher[] {
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
    const { rest, whenStatus, otherwise } = splitCondition(value, at, problems, allowed);
    const matcher = buildMatcher(rest, at, problems);
    const other = otherwise === undefined ? undefined : buildMatcher(otherwise, [...at, 'otherwise'], problems);
    if (matcher) out.push({ name, matcher, ...(whenStatus ? { whenStatus } : {}), ...(other ? { otherwise: other } : {}) });
  }
  return out;
}

function buildMatcher(value: unknown, path: Path, problems: Problems): ValueMatcher | undefined {
  const loc = problems.loc(path);
  if (!isDict(value)) return Array.isArray(value) ? undefined : { kind: 'equals', value: value as TemplateValue, loc };
  // The DSL schema allows a second key so that pattern can carry flags (whenStatus is split off
  // before this); any other second key is a mistake.
  const keys = Object.keys(value);
  if (keys.length > 2 || (keys.length === 2 && !(keys.includes('pattern') && keys.includes('flags')))) {
    problems.add(path, 'too many keys', `${subject(path, 'matcher')} must have exactly one of equals, notEquals, pattern, present, absent, greaterThan, lessThan, atLeast or atMost (flags goes with pattern); found ${keys.join(' and ')}`);
    return undefined;
  }
  if ('equals' in value) return { kind: 'equals', value: (value.equals ?? null) as TemplateValue, loc };
  if ('notEquals' in value) return { kind: 'notEquals', value: (value.notEquals ?? null) as TemplateValue, loc };
  if (typeof value.pattern === 'string') {
    const flags = typeof value.flags === 'string' ? value.flags : '';
    checkPattern(value.pattern, flags, [...path, 'pattern'], problems);
    return { kind: 'pattern', pattern: value.pattern, ...(flags ? { flags } : {}), loc };
  }
  const order = ORDER_KINDS.find((k) => k in value);
  if (order) {
    const bound = value[order];
    if (typeof bound === 'number') return { kind: order, value: bound, loc };
    if (typeof bound === 'string' && !WHOLE_TEMPLATE.test(bound.trim())) {
      problems.add([...path, order], 'not a number', `${subject([...path, order], order)} must be a number or a whole template naming a captured number, such as "{{first}}"; found ${quote(bound)}`);
    }
    return typeof bound === 'string' ? { kind: order, value: bound, loc } : undefined;
  }
  if (value.present === true) return { kind: 'present', loc };
  if (value.absent === true) return { kind: 'absent', loc };
  return undefined;
}
