// Couchdrop's accounts and issued tokens. Accounts are seeded from env/sandbox.env; tokens live
// in memory until reset(). Nothing here reads the wall clock: callers pass the request's time.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';

export interface CouchdropAccount {
  username: string;
  password: string;
  emailAddress: string;
  twoFactor: boolean;
}

interface IssuedToken {
  username: string;
  expiresAt: number;
  revoked: boolean;
}

// inference: the document says tokens "only exist for a short period of time" without a number
// (vendor-behaviour.md §3, Sandbox behaviour 7); the sandbox picks one hour.
export const TOKEN_TTL_MS = 60 * 60 * 1000;

// Tokens are never deleted on an expired lookup (time is per request, so a token expired for one
// request may be live for another); the map is capped instead, oldest first.
const MAX_TOKENS = 10_000;

/** Compares secrets in constant time, hashing first so lengths do not leak either. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function seedAccounts(env: Readonly<Record<string, string | undefined>>): CouchdropAccount[] {
  const accounts: CouchdropAccount[] = [];
  const add = (username: string | undefined, password: string | undefined, twoFactor: boolean): void => {
    if (!username || !password) return;
    // inference: the historical service returned an email_address with the account; the sandbox
    // makes one up from the username (vendor-behaviour.md §3, contract table "Verify-style endpoint").
    accounts.push({ username, password, twoFactor, emailAddress: `${username}@couchdrop.example` });
  };
  add(env.COUCHDROP_USERNAME, env.COUCHDROP_PASSWORD, false);
  add(env.COUCHDROP_2FA_USERNAME, env.COUCHDROP_2FA_PASSWORD, true);
  // A second user without 2FA, sandbox only: the token-expiry contract (which moves the sandbox
  // clock) logs in as it under a lock of its own, beside the first user's chain. Tokens "inherit
  // the permissions of the authenticating user" (the document), so each user's are its own.
  add(env.COUCHDROP_SECOND_USERNAME, env.COUCHDROP_SECOND_PASSWORD, false);
  return accounts;
}

export class CouchdropStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(readonly accounts: readonly CouchdropAccount[]) {}

  account(username: string): CouchdropAccount | undefined {
    return this.accounts.find((a) => a.username === username);
  }

  /** Mints a new token for the user; `now` is the request's clock. */
  issue(username: string, now: number): string {
    // inference: historical code minted a fresh str(uuid.uuid4()) per call (vendor-behaviour.md §3).
    const token = randomUUID();
    this.tokens.set(token, { username, expiresAt: now + TOKEN_TTL_MS, revoked: false });
    if (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return token;
  }

  /** The user's newest token that is still live at `now` (used only by a fault). */
  latestLive(username: string, now: number): string | undefined {
    let found: string | undefined;
    for (const [token, t] of this.tokens) {
      if (t.username === username && !t.revoked && t.expiresAt > now) found = token;
    }
    return found;
  }

  /** Revokes every token of the user except `keep` (used only by a fault). */
  revokeOthers(username: string, keep: string): void {
    for (const [token, t] of this.tokens) if (t.username === username && token !== keep) t.revoked = true;
  }

  /** The token's record whatever its state, or undefined when the sandbox never issued it. */
  lookup(token: string): { username: string; expired: (now: number) => boolean; revoked: boolean } | undefined {
    const t = this.tokens.get(token);
    if (!t) return undefined;
    return { username: t.username, revoked: t.revoked, expired: (now) => now >= t.expiresAt };
  }

  reset(): void {
    this.tokens.clear();
  }
}
