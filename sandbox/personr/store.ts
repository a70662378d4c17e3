// Personr's accounts and issued tokens. Accounts are seeded from env/sandbox.env; tokens live in
// memory until reset(). Nothing here reads the wall clock: callers pass the request's time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PersonrAccount {
  email: string;
  password: string;
  userId: string;
}

interface IssuedToken {
  userId: string;
  issuedAt: number;
  lastUsedAt: number;
  revoked: boolean;
}

export type TokenState = 'live' | 'revoked' | 'expired' | 'unknown';

/** "This token has a lifetime of 1 year" (document); 31536000 s is the 200 body's `expires`. */
export const TOKEN_LIFETIME_SECONDS = 31_536_000;
// inference (Bubble support: unused user tokens expire after 30 days, research §2 "Token lifetime"):
// Personr does not say so, so the sandbox enforces it only under the observed profile (drift
// idle-expiry-30-days) or the fault of that name.
export const IDLE_EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;

// Tokens are never deleted on an expired lookup (time is per request, so a token expired for one
// request may be live for another); the map is capped instead, oldest first.
const MAX_TOKENS = 10_000;

/** Compares secrets in constant time, hashing first so that lengths do not leak either. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** A Bubble unique id: a 13-digit millisecond timestamp, "x", and 18 random digits. */
export function bubbleId(now: number): string {
  // inference (the document's example ids, research §2 "Token format"): the form is Bubble's.
  const random = (randomBytes(8).readBigUInt64BE() % 10n ** 18n).toString().padStart(18, '0');
  return `${String(Math.floor(now)).padStart(13, '0').slice(-13)}x${random}`;
}

export interface SeededAccount extends PersonrAccount {
  /** What `npm run sandbox` calls it. */
  label: string;
}

/**
 * The service account (PERSONR_EMAIL) and, when set, a second one (PERSONR_SECOND_EMAIL): the
 * contracts lock per account, and the refusals run on the second beside the first's logins. Each
 * account's tokens are its own ("attached to the user credentials it was created with").
 */
export function seedAccounts(env: Readonly<Record<string, string | undefined>>): SeededAccount[] {
  const seeded: SeededAccount[] = [];
  // The user id is fixed at seeding so that it stays the same across reset(), as a real user's does;
  // its timestamp part is a constant rather than the wall clock.
  if (env.PERSONR_EMAIL && env.PERSONR_PASSWORD) {
    seeded.push({ label: 'service account', email: env.PERSONR_EMAIL, password: env.PERSONR_PASSWORD, userId: bubbleId(1_700_000_000_000) });
  }
  if (env.PERSONR_SECOND_EMAIL && env.PERSONR_SECOND_PASSWORD) {
    seeded.push({ label: 'second service account', email: env.PERSONR_SECOND_EMAIL, password: env.PERSONR_SECOND_PASSWORD, userId: bubbleId(1_700_000_000_001) });
  }
  return seeded;
}

export class PersonrStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(readonly accounts: readonly PersonrAccount[]) {}

  /** inference (research §2, Sandbox behaviour 3: Bubble keys users by email): case-insensitive. */
  account(email: string): PersonrAccount | undefined {
    const wanted = email.toLowerCase();
    return this.accounts.find((a) => a.email.toLowerCase() === wanted);
  }

  accountById(userId: string): PersonrAccount | undefined {
    return this.accounts.find((a) => a.userId === userId);
  }

  /**
   * Mints a token for the user and, unless `keepEarlier`, revokes every earlier one: "invalidated
   * whenever a new token is generated" (document, "Using basic authentication").
   */
  issue(userId: string, now: number, keepEarlier: boolean): string {
    // inference (the document's example token, research §2 "Token format"): bus|<user_id>|<id>.
    const token = `bus|${userId}|${bubbleId(now)}`;
    if (!keepEarlier) for (const t of this.tokens.values()) if (t.userId === userId) t.revoked = true;
    this.tokens.set(token, { userId, issuedAt: now, lastUsedAt: now, revoked: false });
    if (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return token;
  }

  /** The user's newest token that is still live at `now` (used only by a fault). */
  latestLive(userId: string, now: number): string | undefined {
    let found: string | undefined;
    for (const [token, t] of this.tokens) {
      if (t.userId === userId && this.stateOf(t, now, { neverExpires: false, idleExpiry: false }) === 'live') found = token;
    }
    return found;
  }

  /** What the token is worth at `now`; a live token's last use moves to `now`. */
  check(token: string, now: number, rules: { neverExpires: boolean; idleExpiry: boolean }): { state: TokenState; userId?: string } {
    const t = this.tokens.get(token);
    if (!t) return { state: 'unknown' };
    const state = this.stateOf(t, now, rules);
    if (state === 'live') t.lastUsedAt = Math.max(t.lastUsedAt, now);
    return { state, userId: t.userId };
  }

  reset(): void {
    this.tokens.clear();
  }

  private stateOf(t: IssuedToken, now: number, rules: { neverExpires: boolean; idleExpiry: boolean }): TokenState {
    if (t.revoked) return 'revoked';
    if (!rules.neverExpires && now >= t.issuedAt + TOKEN_LIFETIME_SECONDS * 1000) return 'expired';
    if (rules.idleExpiry && now >= t.lastUsedAt + IDLE_EXPIRY_MS) return 'expired';
    return 'live';
  }
}
