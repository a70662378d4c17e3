// HS512 JSON Web Tokens, as td-auth issues them (Joken, HS512; research §4 "Token format"). Only
// what the sandbox needs: sign, and verify the signature. Claims (exp, aud, iss) are checked by
// the caller against the sandbox clock, so expiry stays testable with x-sandbox-clock-offset.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

export type JwtVerifyResult =
  | { ok: true; claims: JwtClaims }
  /** Not three base64url parts of JSON, or a header that is not HS512: never a token we issued. */
  | { ok: false; reason: 'malformed' | 'bad-signature' };

const HEADER = { alg: 'HS512', typ: 'JWT' };
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeJsonObject(part: string): JwtClaims | undefined {
  if (!BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}

function signature(secret: Buffer, signingInput: string): Buffer {
  return createHmac('sha512', secret).update(signingInput).digest();
}

export function signJwt(secret: Buffer, claims: JwtClaims): string {
  const input = `${encode(HEADER)}.${encode(claims)}`;
  return `${input}.${signature(secret, input).toString('base64url')}`;
}

/** Checks the structure, the algorithm (HS512 only, so "alg":"none" fails) and the signature. */
export function verifyJwt(secret: Buffer, token: string): JwtVerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJsonObject(headerPart);
  const claims = decodeJsonObject(payloadPart);
  if (!header || !claims || !BASE64URL.test(signaturePart)) return { ok: false, reason: 'malformed' };
  if (header.alg !== 'HS512') return { ok: false, reason: 'bad-signature' };
  const expected = signature(secret, `${headerPart}.${payloadPart}`);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  return { ok: true, claims };
}
