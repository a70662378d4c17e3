// The places in a JSON Schema document that hold schemas (the root, each property's schema,
// each $defs entry, each allOf member, …), walked the way a validator reads them. A keyword ajv
// names without a path is looked for only there: a property *named* "requird" under properties
// is data, not the misspelt keyword, and must not catch the error.
import type { Path } from './located';
import { isDict } from './view';

type Dict = Record<string, unknown>;

const SCHEMA = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
const SCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Every schema object in the document with its path, depth first, the root first. */
export function* schemaPlaces(node: unknown, at: Path = []): Generator<[Path, Dict]> {
  if (!isDict(node)) return;
  yield [at, node];
  for (const [key, child] of Object.entries(node)) {
    if (SCHEMA.includes(key)) yield* schemaPlaces(child, [...at, key]);
    else if (SCHEMA_MAP.includes(key) && isDict(child)) for (const [name, sub] of Object.entries(child)) yield* schemaPlaces(sub, [...at, key, name]);
    else if (SCHEMA_LIST.includes(key) && Array.isArray(child)) for (const [i, sub] of child.entries()) yield* schemaPlaces(sub, [...at, key, i]);
  }
}

/**
 * The path of keyword `name` in the first schema (at or below `base`) that uses it and passes
 * `test`; undefined when none does.
 */
export function findKeyword(data: unknown, name: string, base: Path = [], test: (schema: Dict) => boolean = () => true): Path | undefined {
  const start = base.reduce<unknown>((node, key) => (isDict(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined), data);
  for (const [at, schema] of schemaPlaces(start, base)) if (name in schema && test(schema)) return [...at, name];
  return undefined;
}
