// Reads the cookies a response sets from its Set-Cookie headers (RFC 6265 §5.2, the parts a
// contract needs: name, value, and whether the header deletes the cookie instead of setting it).

export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string>; // lower-case attribute name -> value ("" for flags)
  /** True when the header removes the cookie: Max-Age <= 0 or an Expires date in the past. */
  deletes: boolean;
}

export function parseSetCookie(header: string, now = Date.now()): SetCookie | undefined {
  const [pair = '', ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  let value = pair.slice(eq + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const attributes: Record<string, string> = {};
  for (const part of rest) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    if (key) attributes[key] = at < 0 ? '' : part.slice(at + 1).trim();
  }
  const maxAge = attributes['max-age'];
  const expires = attributes.expires;
  const deletes =
    maxAge !== undefined && /^-?\d+$/.test(maxAge)
      ? Number(maxAge) <= 0
      : expires !== undefined && !Number.isNaN(Date.parse(expires)) && Date.parse(expires) <= now;
  return { name, value, attributes, deletes };
}

/** The cookies set by a list of Set-Cookie header values; a later header for a name wins. */
export function setCookies(headerValues: readonly string[]): Map<string, SetCookie> {
  const cookies = new Map<string, SetCookie>();
  for (const header of headerValues) {
    const cookie = parseSetCookie(header);
    if (cookie) cookies.set(cookie.name, cookie);
  }
  return cookies;
}
