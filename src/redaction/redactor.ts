// Replaces secret values in any text the suite produces (errors, step titles, attachments,
// annotations, reports) with a stable placeholder «NAME». A secret can reach text in several
// encodings, so each registered value is matched in every form a request or a log can carry it:
// raw, base64 (at each of the three byte alignments, which catches it inside base64(user:pass)),
// URL-encoded (both encodeURIComponent and form style), and JSON-escaped. Independently of the
// registered values, any `Basic <token68>` or `Bearer <token>` credential and any JSON Web Token
// is masked by pattern, so a value the redactor never saw (a token issued mid-run, a header
// built from other values) still cannot leak.

/** Values shorter than this are not redacted: they would blank out ordinary words and digits. */
export const MIN_SECRET_LENGTH = 4;

// A credential after the scheme word: a token68 (RFC 7235) or a JWT. Challenge parameters
// (`Basic realm="x"`, `Bearer error="invalid_token"`) are not credentials and stay readable.
const CREDENTIAL_PATTERN =
  /\b(Basic|Bearer)([ \t]+)(?!(?:realm|charset|error|error_description|error_uri|scope)[ \t]*=)([A-Za-z0-9\-._~+/]+=*)(?![A-Za-z0-9\-._~+/=])/gi;
// A JSON Web Token anywhere (a session token the suite never captured, in a body excerpt).
const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

export class Redactor {
  private readonly forms = new Map<string, string>(); // encoded form -> placeholder
  private matcher: RegExp | undefined;
  private dirty = false;

  /** A redactor that also applies the parent's values (e.g. one per test over one per worker). */
  constructor(private readonly parent?: Redactor) {}

  /** Registers a secret value under a name; its placeholder is «name». Short values are ignored. */
  add(name: string, value: string): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
    const placeholder = `«${name}»`;
    for (const form of encodedForms(value)) {
      // The first name registered for a value wins, so placeholders stay stable within a run.
      if (form.length >= MIN_SECRET_LENGTH && !this.forms.has(form)) {
        this.forms.set(form, placeholder);
        this.dirty = true;
      }
    }
  }

  /** How many encoded forms are registered here and in the parents. */
  get size(): number {
    return this.forms.size + (this.parent?.size ?? 0);
  }

  redact(text: string): string {
    if (!text) return text;
    let out = this.replaceValues(text);
    if (this.parent) out = this.parent.replaceValues(out);
    return out
      .replace(CREDENTIAL_PATTERN, (match: string, scheme: string, space: string, token: string) =>
        looksLikeWord(token) ? match : `${scheme}${space}«${scheme.toLowerCase()}-credentials»`,
      )
      .replace(JWT_PATTERN, '«jwt»');
  }

  private replaceValues(text: string): string {
    if (this.forms.size === 0) return text;
    if (this.dirty || !this.matcher) {
      // Longest first, so a value that contains another registered value is replaced whole.
      const alternatives = [...this.forms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.matcher = new RegExp(alternatives.join('|'), 'g');
      this.dirty = false;
    }
    return text.replace(this.matcher, (match) => this.forms.get(match) ?? match);
  }
}

/** Every form in which `value` can appear in text: raw, base64, URL-encoded, JSON-escaped. */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>([value]);
  const uri = encodeURIComponent(value);
  forms.add(uri);
  forms.add(uri.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  forms.add(new URLSearchParams({ v: value }).toString().slice(2)); // form style: spaces as +, ! as %21
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // A JSON document embedded as a string in another (a report's JSON holding an error message
  // that quotes a request body) escapes the value twice.
  forms.add(JSON.stringify(json).slice(1, -1));
  for (const b64 of base64Forms(value)) forms.add(b64);
  return [...forms];
}

/**
 * The base64 text that encodes `value` whatever bytes precede it: for each of the three
 * alignments, the characters that depend on the value's bytes only. `base64("user:" + pass)`
 * therefore contains one of these three strings for `pass`.
 */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('base64').replace(/=+$/, '')];
  for (let shift = 1; shift <= 2; shift += 1) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
    // The first 4 characters mix the zero bytes with the value; the last group mixes the
    // value with whatever follows it, unless the value ends exactly on a 3-byte boundary.
    const total = shift + bytes.length;
    const end = total % 3 === 0 ? padded.length : Math.floor(total / 3) * 4;
    const inner = padded.slice(4, end);
    if (inner.length >= 8) forms.push(inner);
  }
  // Without shift 0's unaligned tail: the value followed by more bytes (e.g. "pass" + "\n").
  const aligned = Math.floor(bytes.length / 3) * 4;
  const head = bytes.toString('base64').slice(0, aligned);
  if (head.length >= 8) forms.push(head);
  return forms;
}

/** "Basic Authentication", "Bearer tokens": prose, not a credential. */
function looksLikeWord(token: string): boolean {
  return token.length < 8 || /^[A-Za-z][a-z-]*$/.test(token);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
