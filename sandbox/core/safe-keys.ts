// Objects built from names a client chose (form fields, multipart fields, query parameters, bracket
// names such as "user[user_name]") must never reach Object.prototype. A name like
// "__proto__[authorization]" nested into a plain object writes to the prototype of every object in
// the process (issue 11: one such request let every later Nexudus call in without credentials).
// So every such object is built with a null prototype, and the three names that lead to a
// prototype are dropped whole, wherever they appear in a bracketed name.

const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** The parts of a bracketed field name: "a[b][c]" gives ["a", "b", "c"]. */
function nameParts(name: string): string[] {
  return name.split(/[[\]]+/).filter((part) => part !== '');
}

/** False for a name that is, or contains as a bracketed part, __proto__, constructor or prototype. */
export function isSafeKey(name: string): boolean {
  return !PROTOTYPE_NAMES.has(name) && !nameParts(name).some((part) => PROTOTYPE_NAMES.has(part));
}

/** A null-prototype object to fill with client-chosen keys. */
export function emptyRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A null-prototype copy of an object's own enumerable entries, without the unsafe names. */
export function safeRecord(source: object): Record<string, unknown> {
  const copy = emptyRecord();
  for (const [key, value] of Object.entries(source)) if (isSafeKey(key)) copy[key] = value;
  return copy;
}

/** True for a plain key-value object (what the form, multipart and query parsers produce). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
