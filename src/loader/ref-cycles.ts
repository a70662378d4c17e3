// Finds $ref cycles that never read into the body: a.json's root refers to b.json, whose root
// refers back to a.json, or a $defs entry that refers to itself through allOf. Ajv compiles
// some of these and then overflows the stack on the first response (and others overflow at
// compile time), so the loader refuses them. A recursive schema that descends into the body
// first (`properties: { child: { $ref: "#" } }`) is fine: each step consumes a level of data.
import path from 'node:path';
import type { Path } from './located';
import { isDict } from './view';

/** One $ref of a cycle: the file it is written in, where, and what it says. */
export interface RefEdge {
  file: string; // relative to schemas/, e.g. "acme/token.json"
  at: Path; // path of the $ref key's value in that file
  ref: string;
  from: string; // JSON pointer of the schema holding the $ref
  target: { file: string; pointer: string };
}

/** Reads another schema file (relative to schemas/); undefined when it is missing or broken. */
export type ReadSchema = (file: string) => unknown;

// Keywords whose subschemas apply to the same instance: following only these never moves into
// the body, so a cycle through them alone is endless.
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'];
const IN_PLACE_MANY = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE_MAP = ['dependentSchemas'];
// Keywords whose subschemas apply to parts of the instance, walked only to find more $refs.
const DEEPER_ONE = ['items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const DEEPER_MANY = ['prefixItems'];
const DEEPER_MAP = ['properties', 'patternProperties', '$defs', 'definitions'];

/** The first endless $ref cycle reachable from `file`, as the $refs that make it up. */
export function findRefCycle(file: string, data: unknown, read: ReadSchema): RefEdge[] | undefined {
  const docs = new Map<string, unknown>([[file, data]]);
  const doc = (name: string): unknown => {
    if (!docs.has(name)) docs.set(name, read(name));
    return docs.get(name);
  };
  const state = new Map<string, 'active' | 'done'>();
  // The nodes being visited, each with the $ref that led to it (none for an allOf branch).
  const path: { id: string; via?: RefEdge }[] = [];

  const visit = (name: string, pointer: string, via?: RefEdge): RefEdge[] | undefined => {
    const id = `${name}#${pointer}`;
    const seen = state.get(id);
    if (seen === 'done') return undefined;
    if (seen === 'active') {
      const start = path.findIndex((n) => n.id === id);
      return [...path.slice(start + 1).map((n) => n.via), via].filter((e): e is RefEdge => e !== undefined);
    }
    const node = resolvePointer(doc(name), pointer);
    if (!isDict(node)) return undefined;
    state.set(id, 'active');
    path.push({ id, via });
    for (const [suffix, child] of inPlaceChildren(node)) {
      let cycle: RefEdge[] | undefined;
      if (child === '$ref') {
        const target = refTarget(name, doc(name), String(node.$ref));
        if (target === undefined) continue;
        const edge = { file: name, at: [...pathOf(pointer), '$ref'], ref: String(node.$ref), from: pointer, target };
        cycle = visit(target.file, target.pointer, edge);
      } else cycle = visit(name, `${pointer}${suffix}`);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };

  for (const pointer of allSchemaPointers(data, '')) {
    const cycle = visit(file, pointer);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The same-instance subschemas of a schema object: "/allOf/0" and the like, or '$ref'. */
function inPlaceChildren(node: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (typeof node.$ref === 'string') out.push(['', '$ref']);
  for (const key of IN_PLACE_ONE) if (isDict(node[key])) out.push([`/${key}`, node[key]]);
  for (const key of IN_PLACE_MANY) {
    const items = node[key];
    if (Array.isArray(items)) items.forEach((item, i) => out.push([`/${key}/${i}`, item]));
  }
  for (const key of IN_PLACE_MAP) {
    const map = node[key];
    if (isDict(map)) for (const name of Object.keys(map)) out.push([`/${key}/${escape(name)}`, map[name]]);
  }
  return out;
}

/** Every schema object in a file, as JSON pointers, so a cycle among $defs is found too. */
function allSchemaPointers(node: unknown, pointer: string): string[] {
  if (!isDict(node)) return [];
  const out = [pointer];
  const child = (key: string, value: unknown): void => void out.push(...allSchemaPointers(value, `${pointer}/${key}`));
  for (const key of [...IN_PLACE_ONE, ...DEEPER_ONE]) child(key, node[key]);
  for (const key of [...IN_PLACE_MANY, ...DEEPER_MANY]) {
    const items = node[key];
    if (Array.isArray(items)) items.forEach((item, i) => child(`${key}/${i}`, item));
  }
  for (const key of [...IN_PLACE_MAP, ...DEEPER_MAP]) {
    const map = node[key];
    if (isDict(map)) for (const name of Object.keys(map)) child(`${key}/${escape(name)}`, map[name]);
  }
  return out;
}

/**
 * Where a $ref points, when the loader can tell: "#/…" in the same file, or a relative file path
 * (resolved like ajv does, against the file's $id or its path under schemas/). Anchors and
 * absolute URIs are left to ajv.
 */
function refTarget(file: string, data: unknown, ref: string): { file: string; pointer: string } | undefined {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
  if (fragment !== '' && !fragment.startsWith('/')) return undefined;
  if (filePart === '') return { file, pointer: fragment };
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) || filePart.startsWith('/')) return undefined;
  const id = isDict(data) && typeof data.$id === 'string' ? data.$id : file;
  if (/^[a-z][a-z0-9+.-]*:/i.test(id)) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(id), filePart));
  return target.startsWith('..') ? undefined : { file: target, pointer: fragment };
}

function resolvePointer(node: unknown, pointer: string): unknown {
  if (pointer === '') return node;
  return pathOf(pointer).reduce<unknown>((at, key) => (isDict(at) || Array.isArray(at) ? (at as Record<string | number, unknown>)[key] : undefined), node);
}

function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
