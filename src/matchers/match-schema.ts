// `expect.schema`: the body against a JSON Schema 2020-12 file. Every ajv error becomes one
// mismatch (path, keyword, message, the value found); undeclared properties become notes.
import type { SourceLocation } from '../dsl/model';
import type { MatchResult } from './match-result';
import { resolveBodyPath } from './body-path';
import type { SchemaRegistry } from './schema-registry';

export interface SchemaMatch {
  results: MatchResult[];
  /** Properties present in the body but not declared by the schema: "body user.avatar". */
  notes: string[];
}

interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  message?: string;
  params: Record<string, unknown>;
}

export function matchSchema(registry: SchemaRegistry, file: string, body: unknown, bodyIsJson: boolean, loc: SourceLocation): SchemaMatch {
  if (!bodyIsJson) {
    return { results: [{ pass: false, path: 'body', expected: `JSON matching schemas/${file}`, actual: '(the body is not JSON)', keyword: 'schema', loc }], notes: [] };
  }
  const schema = registry.get(file);
  const results: MatchResult[] = [];
  if (!schema.validate(body)) {
    // One result per object for missing properties: "must have required properties 'a', 'b'".
    const missing = new Map<string, { result: MatchResult; properties: string[] }>();
    for (const error of (schema.validate.errors ?? []) as AjvErrorLike[]) {
      const group = error.keyword === 'required' ? missing.get(error.instancePath) : undefined;
      if (group) {
        group.properties.push(String(error.params.missingProperty));
        group.result.expected = `must have required properties ${group.properties.map((p) => `'${p}'`).join(', ')} (schemas/${file}${error.schemaPath})`;
        continue;
      }
      const where = bodyPathOf(error.instancePath);
      const result: MatchResult = {
        pass: false,
        path: `body ${where}`,
        expected: `${error.message ?? error.keyword}${describeParams(error)} (schemas/${file}${error.schemaPath})`,
        actual: abbreviate(where === '(root)' ? body : resolveBodyPath(body, where).value),
        keyword: error.keyword,
        loc,
      };
      if (error.keyword === 'required') missing.set(error.instancePath, { result, properties: [String(error.params.missingProperty)] });
      results.push(result);
    }
  }
  const notes: string[] = [];
  if (schema.notes && !schema.notes(body)) {
    for (const error of (schema.notes.errors ?? []) as AjvErrorLike[]) {
      if (error.keyword !== 'unevaluatedProperties') continue;
      const property = String(error.params.unevaluatedProperty);
      const parent = bodyPathOf(error.instancePath);
      notes.push(`body ${parent === '(root)' ? '' : `${parent}.`}${property} is not declared in schemas/${file}`);
    }
  }
  return { results, notes };
}

/** ajv's JSON Pointer instance path as a body path: /a/0/b -> a[0].b. */
export function bodyPathOf(pointer: string): string {
  if (!pointer) return '(root)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `['${part.replace(/'/g, "\\'")}']`;
  }
  return out;
}

function describeParams(error: AjvErrorLike): string {
  if (error.keyword === 'additionalProperties') return ` ('${String(error.params.additionalProperty)}')`;
  return '';
}

/** The value found, small enough to read in a failure: long strings cut, nested values elided. */
export function abbreviate(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (Array.isArray(value)) {
    if (depth >= 2) return value.length === 0 ? [] : ['…'];
    const items = value.slice(0, 5).map((item) => abbreviate(item, depth + 1));
    return value.length > 5 ? [...items, `… ${value.length - 5} more`] : items;
  }
  if (value !== null && typeof value === 'object') {
    if (depth >= 2) return Object.keys(value).length === 0 ? {} : { '…': '…' };
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value);
    for (const [key, item] of entries.slice(0, 8)) out[key] = abbreviate(item, depth + 1);
    if (entries.length > 8) out['…'] = `${entries.length - 8} more`;
    return out;
  }
  return value;
}
