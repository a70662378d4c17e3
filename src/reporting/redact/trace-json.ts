// Masks credential-looking values inside a trace's JSON: the event lines of `*.trace` and
// `*.network`, and the recorded bodies under `resources/`. A trace records every request and
// response, so a token the vendor issued (a response body's "token", a refresh cookie, a custom
// auth header) is in it although only the worker that captured it knew the value. Values are
// found by the name they sit under, with the runtime's own rule (isSensitiveKey); a header or
// cookie record {name, value} is judged by its name. JSON held in a string (a request's
// postData) is opened and masked too, and every string is also passed, decoded, through the
// report redaction (a call log stored as one JSON string has its header lines as "\n  token: …",
// which only decoded text shows as lines). Text that is not JSON is returned unchanged.
import { isSensitiveKey } from '../../redaction/mask-sensitive';

const MIN_MASKED_LENGTH = 8;
const MASK = '«masked»';

type Redact = (text: string) => string;

function maskString(value: string, sensitive: boolean, redact: Redact): string {
  if (sensitive && value.length >= MIN_MASKED_LENGTH) return MASK;
  const trimmed = value.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(maskJson(JSON.parse(value) as unknown, false, redact));
    } catch {
      return redact(value);
    }
  }
  return redact(value);
}

function maskJson(value: unknown, sensitive: boolean, redact: Redact): unknown {
  if (typeof value === 'string') return maskString(value, sensitive, redact);
  if (Array.isArray(value)) return value.map((item) => maskJson(item, sensitive, redact));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // {name, value}: a header, cookie or query parameter record, sensitive by its name.
  const named = typeof record.name === 'string' && 'value' in record && isSensitiveKey(record.name);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) {
    out[key] = maskJson(child, (named && key === 'value') || isSensitiveKey(key) || (sensitive && key === 'value'), redact);
  }
  return out;
}

/** JSON, or JSON lines; every line that does not parse is kept as it is. */
export function maskTraceJson(text: string, redact: Redact = (s) => s): string {
  return text
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return line;
      try {
        return JSON.stringify(maskJson(JSON.parse(trimmed) as unknown, false, redact));
      } catch {
        return line;
      }
    })
    .join('\n');
}

export function isTraceJsonMember(name: string): boolean {
  return /\.(?:trace|network|json)$/.test(name);
}
