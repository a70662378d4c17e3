// Masks values that look like credentials by the name they sit under (a `token`, `password` or
// `api_key` field of a response body), for the body excerpts and actual values a failure shows.
// The Redactor only knows values it was given; a token a vendor issues and the contract never
// captured is only recognisable by its key.

const SENSITIVE_KEY = /token|secret|passw|api[-_]?key|session|cookie|authorization|credential|jwt/i;
const MIN_MASKED_LENGTH = 8;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

export function maskedText(value: string): string {
  return `«masked, ${value.length} chars»`;
}

/** A copy of a JSON value with every long string under a sensitive key masked. */
export function maskSensitive(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return isSensitiveKey(key) && value.length >= MIN_MASKED_LENGTH ? maskedText(value) : value;
  if (Array.isArray(value)) return value.map((item) => maskSensitive(item, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskSensitive(v, k);
    return out;
  }
  return value;
}
