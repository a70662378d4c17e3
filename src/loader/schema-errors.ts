// Ajv's complaints about a response schema, reworded for a QA engineer and placed at the
// keyword they are about in the schema file.
import type { ErrorObject } from 'ajv';
import { formatNames } from 'ajv-formats/dist/formats';
import type { ContractError } from '../dsl/errors';
import { pathOf } from './ajv-errors';
import { didYouMean } from './did-you-mean';
import { describeValue, quote, subject, typeName } from './describe';
import { KEYWORDS_2020 } from './json-schema-keywords';
import type { Located, Path } from './located';
import { findKeyword } from './schema-places';
import { isDict } from './view';

/** The first error at each place in the schema: ajv lists the specific one before its unions. */
export function metaErrors(errors: readonly ErrorObject[], source: Located): ContractError[] {
  const seen = new Set<string>();
  const out: ContractError[] = [];
  for (const e of errors) {
    if (seen.has(e.instancePath)) continue;
    seen.add(e.instancePath);
    const at = pathOf(e.instancePath);
    const what = subject(at, 'the schema');
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues?.map(String);
    const value = valueAt(source.data, at);
    const type = e.keyword === 'type' ? (e.params as { type?: unknown }).type : undefined;
    const message = allowed
      ? `${what} must be one of ${allowed.join(', ')}; found ${describeValue(value)}`
      : `${what} ${type !== undefined ? `must be ${typeName(type)}` : (e.message ?? 'is not valid')}, found ${describeValue(value, true)}`;
    const hint = allowed && typeof value === 'string' ? didYouMean(value, allowed) : undefined;
    out.push({ title: 'invalid JSON Schema', ...source.spot(at), message, ...(hint ? { hint } : {}) });
  }
  return out;
}

/**
 * Ajv's compile-time (strict mode, $ref, regex) messages, reworded and placed at the keyword
 * they name. `ref` says what became of a missing $ref target.
 */
export function compileError(raw: string, source: Located, ref?: 'missing' | 'broken'): ContractError {
  // ajv names the place as "#/properties/a" or, for a schema with an $id, "<id>#/properties/a".
  const pointer = /at (?:path )?"[^"#]*#([^"]*)"/.exec(raw)?.[1];
  const base = pointer !== undefined ? pathOf(decodeURIComponent(pointer)) : [];
  const make = (at: Path, message: string, hint?: string, part: 'key' | 'value' = 'key'): ContractError => ({
    title: 'invalid JSON Schema',
    ...source.spot(at, part),
    message,
    ...(hint ? { hint } : {}),
  });
  let m = /unknown keyword: "([^"]+)"/.exec(raw);
  if (m?.[1]) {
    const keyword = m[1];
    return make(findKeyword(source.data, keyword, base) ?? base, `a JSON Schema 2020-12 must only use known keywords; ${quote(keyword)} is not one`, didYouMean(keyword, KEYWORDS_2020));
  }
  m = /"([^"]+)" without "([^"]+)" is ignored/.exec(raw);
  if (m?.[1] && m[2]) {
    const [keyword, needed] = [m[1], m[2]];
    const at = findKeyword(source.data, keyword, base, (schema) => !(needed in schema)) ?? base;
    return make(at, `${quote(keyword)} must be used with ${quote(needed)} in the same schema; ajv strict mode refuses it alone (it would be ignored)`);
  }
  m = /"(prefixItems|items)" is (\d+)-tuple, but minItems or maxItems\/items are not specified or different/.exec(raw);
  if (m?.[1] && m[2]) {
    const rule = `a ${m[2]}-item ${quote(m[1])} tuple must also say how long the array is: "minItems": ${m[2]} together with "items": false or "maxItems": ${m[2]} (ajv strict mode)`;
    return make(findKeyword(source.data, m[1], base) ?? base, rule);
  }
  m = /required property "([^"]+)" is not defined/.exec(raw);
  if (m?.[1]) {
    const name = m[1];
    const index = valueAt(source.data, [...base, 'required']);
    const at = Array.isArray(index) && index.includes(name) ? [...base, 'required', index.indexOf(name)] : [...base, 'required'];
    return make(at, `required property ${quote(name)} must also be defined under properties (ajv strict mode)`, undefined, 'value');
  }
  m = /unknown format "([^"]+)"/.exec(raw);
  if (m?.[1]) return make([...base, 'format'], `format ${quote(m[1])} must be a format that ajv-formats knows`, didYouMean(m[1], formatNames), 'value');
  m = /can't resolve reference (\S+) from id/.exec(raw);
  if (m?.[1]) {
    const target = m[1];
    const rule =
      ref === 'broken'
        ? `$ref ${quote(target)} must point to a valid schema; that schema file has errors of its own`
        : `$ref ${quote(target)} must point to a definition in this file or to a file under schemas/ (relative to this one)`;
    return make(findPair(source.data, '$ref', target) ?? base, rule, undefined, 'value');
  }
  m = /Invalid regular expression: \/(.*)\/u?: (.*)$/s.exec(raw);
  if (m?.[1] !== undefined && m[2]) {
    return make(findPair(source.data, 'pattern', m[1]) ?? base, `pattern ${quote(m[1])} must be a valid regular expression (with the u flag): ${m[2].toLowerCase()}`, undefined, 'value');
  }
  return make(base, `${source.file} must be a valid JSON Schema 2020-12: ${raw.replace(/^strict mode: /, '')}`);
}

function valueAt(data: unknown, at: Path): unknown {
  return at.reduce<unknown>((node, key) => (isDict(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined), data);
}

/** Path of the first key `name` (with `value`, when given), depth first. */
function findPair(node: unknown, name: string, value?: string, at: Path = []): Path | undefined {
  if (!isDict(node) && !Array.isArray(node)) return undefined;
  for (const [key, child] of Object.entries(node)) {
    const here = [...at, Array.isArray(node) ? Number(key) : key];
    if (!Array.isArray(node) && key === name && (value === undefined || child === value)) return here;
    const deeper = findPair(child, name, value, here);
    if (deeper) return deeper;
  }
  return undefined;
}
