// Mutants from a response schema: every const/enum changed, every required property dropped or
// retyped, at every depth a body can reach, following $refs (to $defs in the same file, to other
// files under schemas/, to a pointer inside them) so that a schema built from shared parts is
// mutated as thoroughly as one written out in full.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PathSegment } from '../matchers/body-path';
import type { Mutation } from './mutant';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
}

/** A schema with the document it lives in, so that its own $refs resolve against that file. */
interface Placed {
  schema: JsonSchema;
  file: string; // relative to schemas/, e.g. "latchkey/session.json"
  root: unknown; // that file's whole document, for "#/..." pointers
}

const MAX_DEPTH = 3; // body depth; auth answers are shallow, and a recursive schema must end
const MAX_REFS = 8; // $ref hops along one path

export function* schemaMutations(schemasDir: string, file: string): Generator<[Mutation, string]> {
  const documents = new Map<string, unknown>();
  const load = (name: string): unknown => {
    if (!documents.has(name)) documents.set(name, readJson(path.join(schemasDir, name)));
    return documents.get(name);
  };
  const root = load(file);
  if (!isSchema(root)) return;
  yield* walk({ schema: root, file, root }, [], 0, 0, load);
}

function* walk(placed: Placed, at: PathSegment[], depth: number, hops: number, load: (file: string) => unknown): Generator<[Mutation, string]> {
  if (depth > MAX_DEPTH) return;
  const { schema } = placed;
  if (schema.$ref !== undefined && hops < MAX_REFS) {
    const target = resolveRef(placed, schema.$ref, load);
    if (target) yield* walk(target, at, depth, hops + 1, load);
  }
  for (const member of schema.allOf ?? []) if (isSchema(member)) yield* walk({ ...placed, schema: member }, at, depth, hops, load);
  if (schema.const !== undefined || schema.enum) yield [{ kind: 'change-value', path: at }, `${label(at)} outside its ${schema.const !== undefined ? 'const' : 'enum'}`];
  for (const name of schema.required ?? []) {
    const p = [...at, name];
    yield [{ kind: 'drop-property', path: p }, `required ${label(p)} dropped`];
    const other = otherType(propertyType(placed, name, load));
    if (other !== undefined) yield [{ kind: 'change-type', path: p, value: other }, `${label(p)} retyped to ${JSON.stringify(other)}`];
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (isSchema(child)) yield* walk({ ...placed, schema: child }, [...at, name], depth + 1, hops, load);
  }
  if (isSchema(schema.items)) yield* walk({ ...placed, schema: schema.items }, [...at, 0], depth + 1, hops, load);
}

/** The type of property `name`, looking through a $ref on the property itself. */
function propertyType(placed: Placed, name: string, load: (file: string) => unknown): string | undefined {
  let current: Placed | undefined = isSchema(placed.schema.properties?.[name]) ? { ...placed, schema: placed.schema.properties[name] } : undefined;
  for (let hop = 0; current && hop < MAX_REFS; hop++) {
    const type = Array.isArray(current.schema.type) ? current.schema.type[0] : current.schema.type;
    if (type !== undefined || current.schema.$ref === undefined) return type;
    current = resolveRef(current, current.schema.$ref, load);
  }
  return undefined;
}

/** "#/$defs/a", "other.json", "other.json#/$defs/a": relative to the file the $ref is in. */
function resolveRef(from: Placed, ref: string, load: (file: string) => unknown): Placed | undefined {
  const [target = '', pointer = ''] = ref.split('#', 2);
  // An absolute URI names a schema by $id; the loader has checked those, mutants skip them.
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const file = target === '' ? from.file : path.posix.normalize(path.posix.join(path.posix.dirname(from.file), target));
  if (file.startsWith('..')) return undefined;
  const root = target === '' ? from.root : load(file);
  const schema = pointerInto(root, pointer);
  return isSchema(schema) ? { schema, file, root } : undefined;
}

function pointerInto(root: unknown, pointer: string): unknown {
  const parts = pointer.split('/').slice(1).map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

function otherType(type: string | undefined): unknown {
  if (type === 'string') return 12345;
  if (type === 'integer' || type === 'number') return 'mutant';
  if (type === 'boolean') return 'true';
  if (type === 'object' || type === 'array') return 'mutant';
  return undefined;
}

function label(p: PathSegment[]): string {
  return p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') || '(body)';
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined; // the loader has already reported a schema that does not read
  }
}
