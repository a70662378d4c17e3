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
  // status and schema may be written as {codes|file, clauses} to name the clauses they prove.
  const statusNode = isDict(exp.status) ? exp.status : { codes: exp.status };
  const written = statusNode.codes;
  const codes = (Array.isArray(written) ? written : [written]).filter((c): c is number => typeof c === 'number');
  const status = exp.status === undefined ? {} : { status: { codes, ...ownClauses(statusNode), loc: problems.loc([...path, 'status'], 'value') } };
  const schemaNode = isDict(exp.schema) ? exp.schema : { file: exp.schema };
  const file = schemaNode.file;
  const schema = typeof file === 'string' ? { schema: { file, ...ownClauses(schemaNode), loc: problems.loc([...path, 'schema'], 'value') } } : {};
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
    const { rest, empty, whenStatus, otherwise } = splitCondition(value, at, problems, allowed);
    if (empty) continue;
    const matcher = buildMatcher(rest, at, problems);
    const other = otherwise === undefined ? undefined : buildMatcher(otherwise, [...at, 'otherwise'], problems);
    if (matcher) out.push({ name, matcher, ...(isDict(value) ? ownClauses(value) : {}), ...(whenStatus ? { whenStatus } : {}), ...(other ? { otherwise: other } : {}) });
  }
  return out;
}

/** `clauses:` as written beside an expectation, only when it is there (checked in check-clauses.ts). */
export function ownClauses(node: Record<string, unknown>): { clauses?: string[] } {
  if (!Array.isArray(node.clauses)) return {};
  return { clauses: node.clauses.filter((c): c is string => typeof c === 'string') };
}

function buildMatcher(written: unknown, path: Path, problems: Problems): ValueMatcher | undefined {
  const loc = problems.loc(path);
  if (!isDict(written)) return Array.isArray(written) ? undefined : { kind: 'equals', value: written as TemplateValue, loc };
  // clauses: says what the expectation proves, not how to match (whenStatus and otherwise are
  // split off before this); the rest is the matcher.
  const value = Object.fromEntries(Object.entries(written).filter(([key]) => key !== 'clauses'));
  // Beside clauses, one key, or pattern with its flags; any other set is a mistake.
  const keys = Object.keys(value);
  if (keys.length === 0) {
    problems.add(path, 'no matcher', `${subject(path, 'matcher')} must have one of equals, notEquals, pattern, present, absent, greaterThan, lessThan, atLeast or atMost beside clauses`);
    return undefined;
  }
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
