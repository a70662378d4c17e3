// Strict HTTP Basic parsing (RFC 7617). Node's base64 decoder is lenient: it skips characters
// outside the alphabet, accepts base64url and extra padding, and decodes truncated input, so
// "YWxp!!Y2U6c2VjcmV0" would log alice in. A credential is accepted only when the token68 is
// canonical base64 of valid UTF-8 with no control characters (see research/auth-reliability.md).

export interface BasicCredentials {
  userId: string;
  password: string;
}

export type BasicParseResult =
  | { ok: true; credentials: BasicCredentials }
  | { ok: false; reason: 'missing' | 'scheme' | 'encoding' | 'format' };

const CANONICAL_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// Control characters are forbidden in user-id and password (RFC 7617 §2): C0, DEL and the C1
// range, which Unicode also classes as control characters (general category Cc).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function decodeStrictBase64Utf8(token: string): string | undefined {
  if (!CANONICAL_BASE64.test(token) || token.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(token, 'base64');
  if (bytes.toString('base64') !== token) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Parses an Authorization header value; the scheme word is case-insensitive, one space follows it. */
export function parseBasicAuthorization(header: string | string[] | undefined): BasicParseResult {
  if (header === undefined || header === '') return { ok: false, reason: 'missing' };
  if (Array.isArray(header)) return { ok: false, reason: 'format' };
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*) +(\S+)\s*$/.exec(header.trim());
  if (!match) return { ok: false, reason: 'scheme' };
  const [, scheme = '', token = ''] = match;
  if (scheme.toLowerCase() !== 'basic') return { ok: false, reason: 'scheme' };
  const decoded = decodeStrictBase64Utf8(token);
  if (decoded === undefined) return { ok: false, reason: 'encoding' };
  const colon = decoded.indexOf(':');
  if (colon <= 0 || CONTROL.test(decoded)) return { ok: false, reason: 'format' };
  return { ok: true, credentials: { userId: decoded.slice(0, colon).normalize('NFC'), password: decoded.slice(colon + 1) } };
}

/** Reads a Bearer token (scheme case-insensitive); undefined when absent or another scheme. */
export function parseBearer(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^bearer +(\S+)\s*$/i.exec(header.trim());
  return match?.[1];
}
