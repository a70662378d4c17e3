// Prints model data as a readable TypeScript object literal: unquoted keys where they are
// identifiers, single-quoted strings, short objects on one line, long ones one property per line,
// and source locations in the current file as `at(line, col)`. The output is deterministic (key
// order as in the model), which is what the golden tests compare.

const LINE_LIMIT = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export interface PrintOptions {
  /** Locations in this file print as at(line, col); others print as objects. */
  file: string;
  indent: string;
  /** The indentation of the line the literal starts on. */
  base: string;
}

export function printLiteral(value: unknown, options: PrintOptions, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => printLiteral(item, options, depth + 1));
    return wrap('[', ']', items, options, depth);
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (isLocation(record) && record.file === options.file) return `at(${String(record.line)}, ${String(record.col)})`;
    const entries = Object.entries(record).filter(([, v]) => v !== undefined);
    const items = entries.map(([key, v]) => `${IDENTIFIER.test(key) ? key : quote(key)}: ${printLiteral(v, options, depth + 1)}`);
    return wrap('{ ', ' }', items, options, depth, '{}');
  }
  throw new Error(`cannot print a ${typeof value} as a literal`);
}

function wrap(open: string, close: string, items: string[], options: PrintOptions, depth: number, empty = `${open}${close}`): string {
  if (items.length === 0) return empty.replace(/\s+/g, '');
  const flat = `${open}${items.join(', ')}${close}`;
  const column = options.base.length + options.indent.length * (depth + 1);
  if (!flat.includes('\n') && flat.length + column <= LINE_LIMIT) return flat;
  const inner = options.base + options.indent.repeat(depth + 1);
  const outer = options.base + options.indent.repeat(depth);
  return `${open.trim()}\n${items.map((item) => `${inner}${item},`).join('\n')}\n${outer}${close.trim()}`;
}

function isLocation(record: Record<string, unknown>): boolean {
  const keys = Object.keys(record);
  return keys.length === 3 && typeof record.file === 'string' && typeof record.line === 'number' && typeof record.col === 'number';
}

/** A TypeScript string literal: single-quoted, or double-quoted when that needs no escapes. */
export function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(q === "'" ? /'/g : /"/g, `\\${q}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${q}${escaped}${q}`;
}
