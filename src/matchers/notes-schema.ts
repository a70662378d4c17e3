// Builds the "notes" variant of a response schema: the same schema, with
// `unevaluatedProperties: false` added to every object schema that leaves extra properties open.
// Validating a body against it lists the properties the vendor sends but the contract does not
// declare. They are noted, never failed: vendors add fields, and the contract should hear about
// it without going red. A schema that says `additionalProperties: false` already fails on them.

const BRANCHES = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else']);
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SUBSCHEMAS = new Set(['items', 'additionalItems', 'contains', 'propertyNames', 'unevaluatedItems']);

/** The notes schema with the given $id, or undefined when no object schema is left open. */
export function notesSchema(schema: Record<string, unknown>, id: string): Record<string, unknown> | undefined {
  let changed = false;
  const visit = (node: unknown, closable: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, closable));
    if (node === null || typeof node !== 'object') return node;
    const src = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(src)) {
      if (BRANCHES.has(key)) {
        // A branch of a combination sees only part of the object: closing it would flag the
        // properties its siblings declare. The schema holding the combination is closed instead.
        out[key] = Array.isArray(value) ? value.map((item) => visit(item, false)) : visit(value, false);
      } else if (SUBSCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') {
        const map: Record<string, unknown> = {};
        // $defs may be referenced from inside a combination, so they are not closed at their top.
        const childClosable = key !== '$defs' && key !== 'definitions';
        for (const [name, child] of Object.entries(value)) map[name] = visit(child, childClosable);
        out[key] = map;
      } else if (SUBSCHEMAS.has(key) || key === 'prefixItems' || key === 'additionalProperties') {
        out[key] = visit(value, true);
      } else {
        out[key] = value;
      }
    }
    // A $ref to another file at a closable place is pointed at that file's notes variant, so
    // the objects it describes are checked too (the registry builds the variant on demand).
    if (closable && typeof src.$ref === 'string' && !('properties' in src) && isFileRef(src.$ref)) {
      out.$ref = notesRef(src.$ref);
      changed = true;
    }
    const objectish = src.type === 'object' || (Array.isArray(src.type) && src.type.includes('object')) || 'properties' in src;
    const open = !('additionalProperties' in src) && !('unevaluatedProperties' in src) && !('patternProperties' in src);
    if (closable && objectish && open) {
      out.unevaluatedProperties = false;
      changed = true;
    }
    return out;
  };
  const result = visit(schema, true) as Record<string, unknown>;
  return changed ? { ...result, $id: id } : undefined;
}

/** "customer.json" or "customer.json#": a whole other file, not a fragment of one. */
function isFileRef(ref: string): boolean {
  return !ref.startsWith('#') && /\.json#?$/.test(ref);
}

/** The notes variant of a schema file or $id: "shop/order.json" -> "shop/order.notes.json". */
export function notesRef(ref: string): string {
  return ref.replace(/\.json#?$/, '.notes.json');
}

export function isNotesRef(ref: string): boolean {
  return ref.endsWith('.notes.json');
}
