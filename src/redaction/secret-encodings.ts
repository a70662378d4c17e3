// Every form in which a secret can turn up in an artefact. A report stores text in many ways:
// raw, JSON-escaped inside a JSON file, URL-encoded in a logged URL, base64 inside an attachment
// body or a Basic header, where the secret may start at any of the three byte offsets of a
// base64 group. Searching for the raw value alone would report a leaky artefact as clean.
/** A secret and the variable it came from. */
export interface NamedValue {
  name: string;
  value: string;
}

/** One byte pattern to search for, with a label that names the secret but never shows it. */
export interface SecretPattern {
  name: string; // the variable, e.g. TRUEDAT_PASSWORD
  encoding: string; // e.g. "raw", "base64 (offset 1)", "Basic header with TRUEDAT_USERNAME"
  bytes: Buffer;
}

/** Shorter fragments than this would match by chance inside unrelated base64 data. */
const MIN_FRAGMENT = 8;

/**
 * The base64 text that any byte string containing `value` must contain, for each of the three
 * offsets at which `value` can start inside a base64 group. Characters that also depend on the
 * bytes before or after the value are cut off, so a fragment matches whatever surrounds it.
 */
export function base64Fragments(value: Buffer): string[] {
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset), value]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    // Characters before `skip` mix in the zero bytes of the prefix; characters from `end` on
    // mix in whatever byte follows the value.
    const skip = Math.ceil((offset * 8) / 6);
    const end = Math.floor((padded.length * 8) / 6);
    const fragment = encoded.slice(skip, end);
    if (fragment.length >= MIN_FRAGMENT) fragments.push(fragment);
  }
  return [...new Set(fragments)];
}

/** JSON string escaping with every non-ASCII character as \uXXXX, as some serializers write it. */
function asciiJsonEscape(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function htmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The text forms of one secret, keyed by a label for the encoding. */
export function textForms(value: string): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (label: string, text: string): void => {
    if (!text || [...forms.values()].includes(text)) return;
    forms.set(label, text);
  };
  add('raw', value);
  const jsonEscaped = JSON.stringify(value).slice(1, -1);
  add('JSON-escaped', jsonEscaped);
  add('JSON-escaped (\\u)', asciiJsonEscape(value));
  add('JSON-escaped twice', JSON.stringify(jsonEscaped).slice(1, -1));
  add('URL-encoded', encodeURIComponent(value));
  add('URL-encoded (lower-case hex)', encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  add('form-encoded', new URLSearchParams({ v: value }).toString().slice(2));
  add('HTML-escaped', htmlEscape(value));
  return forms;
}

/** Every pattern for one secret: its text forms, then base64 and base64url at all offsets. */
export function patternsFor(secret: NamedValue): SecretPattern[] {
  const patterns: SecretPattern[] = [];
  for (const [encoding, text] of textForms(secret.value)) {
    patterns.push({ name: secret.name, encoding, bytes: Buffer.from(text, 'utf8') });
  }
  base64Fragments(Buffer.from(secret.value, 'utf8')).forEach((fragment, i) => {
    patterns.push({ name: secret.name, encoding: `base64 (form ${i + 1})`, bytes: Buffer.from(fragment) });
    const url = fragment.replace(/\+/g, '-').replace(/\//g, '_');
    if (url !== fragment) patterns.push({ name: secret.name, encoding: `base64url (form ${i + 1})`, bytes: Buffer.from(url) });
  });
  return patterns;
}

/**
 * The exact Authorization values a Basic login with this secret sends: base64("user:secret")
 * for every user-like value configured beside it. The base64 fragments above already find these;
 * naming them separately makes a hit say "Basic header" rather than "base64".
 */
export function basicHeaderPatterns(secret: NamedValue, users: readonly NamedValue[]): SecretPattern[] {
  return users.map((user) => ({
    name: secret.name,
    encoding: `Basic header value with ${user.name}`,
    bytes: Buffer.from(Buffer.from(`${user.value}:${secret.value}`, 'utf8').toString('base64')),
  }));
}
