// The truedat sandbox's state: the seeded accounts and the live sessions. td-auth keeps every live
// token's jti in a Redis SessionCache and accepts a token only when its JWT verifies and its jti
// is there (research §4 "Session validity"); this is that cache, in memory, keyed the same way.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { TruedatConfig } from './config';
import { signJwt, verifyJwt, type JwtClaims } from './jwt';

export interface Account {
  id: number;
  userName: string;
  password: string;
}

export interface Session {
  accessJti: string;
  account: Account;
  issuedAtMs: number;
  accessExpMs: number;
  refreshJti: string;
  refreshExpMs: number;
}

export interface IssuedSession {
  session: Session;
  token: string;
  refreshToken: string;
}

export type AccessCheck =
  | { status: 'live'; session: Session }
  /** The signature verifies but the token is past its exp; the session may still be in the cache. */
  | { status: 'expired'; session: Session | undefined }
  /** The signature verifies but the jti is no longer live (logged out, refreshed, reset). */
  | { status: 'revoked' }
  /** Not a token this sandbox signed, or one with the wrong audience: never ours. */
  | { status: 'forged' };

export type RefreshCheck = { ok: true; refreshJti: string; accessJti: string } | { ok: false };

// A long-running sandbox should not grow without bound; the oldest sessions go first.
const MAX_SESSIONS = 10_000;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export class SessionStore {
  // A fresh signing key per store, so tokens never survive a restart or a reset.
  private secret = randomBytes(64);
  private readonly sessions = new Map<string, Session>();
  private readonly refreshOwners = new Map<string, string>();
  private readonly accounts = new Map<string, Account>();
  // Compared against when the user is unknown, so both paths do the same work (td-auth runs
  // Bcrypt.no_user_verify() for the same reason; research §4 "Credential check").
  private readonly dummyDigest = digest(randomUUID());

  constructor(private readonly config: TruedatConfig) {
    // td-auth looks users up by String.downcase(user_name), so stored names are lower case.
    [config, config.second, config.third].forEach((user, i) => {
      if (!user) return;
      const userName = user.username.toLowerCase();
      this.accounts.set(userName, { id: i + 1, userName, password: user.password });
    });
  }

  findAccount(userName: string): Account | undefined {
    return this.accounts.get(userName.toLowerCase());
  }

  passwordMatches(account: Account | undefined, password: string): boolean {
    const expected = account ? digest(account.password) : this.dummyDigest;
    return timingSafeEqual(expected, digest(password)) && account !== undefined;
  }

  create(account: Account, nowMs: number): IssuedSession {
    return this.issue(account, nowMs, nowMs + this.config.refreshTtlSeconds * 1000);
  }

  /** A new pair for the same account; the refresh token keeps the old exp (absolute 24 h cap). */
  rotate(account: Account, nowMs: number, refreshExpMs: number): IssuedSession {
    return this.issue(account, nowMs, refreshExpMs);
  }

  checkAccess(token: string, nowMs: number): AccessCheck {
    const verified = verifyJwt(this.secret, token);
    if (!verified.ok || verified.claims.aud !== 'truedat' || verified.claims.iss !== 'tdauth') return { status: 'forged' };
    const jti = verified.claims.jti;
    const session = typeof jti === 'string' ? this.sessions.get(jti) : undefined;
    const exp = verified.claims.exp;
    if (typeof exp !== 'number' || nowMs >= exp * 1000) return { status: 'expired', session };
    return session ? { status: 'live', session } : { status: 'revoked' };
  }

  checkRefresh(token: string, nowMs: number): RefreshCheck {
    const verified = verifyJwt(this.secret, token);
    if (!verified.ok || verified.claims.aud !== 'tdauth') return { ok: false };
    const { jti, sub, exp } = verified.claims;
    if (typeof jti !== 'string' || typeof sub !== 'string' || typeof exp !== 'number') return { ok: false };
    if (nowMs >= exp * 1000 || !this.refreshOwners.has(jti)) return { ok: false };
    return { ok: true, refreshJti: jti, accessJti: sub };
  }

  /**
   * A session that is in no cache: what a faulty service would hand a request it failed to refuse
   * (faults missing-bearer-let-in and forged-token-accepted). Ending it ends nothing.
   */
  standIn(nowMs: number): Session {
    const account = [...this.accounts.values()][0] ?? { id: 0, userName: '', password: '' };
    const expMs = nowMs + this.config.accessTtlSeconds * 1000;
    return { accessJti: `stand-in-${randomUUID()}`, account, issuedAtMs: nowMs, accessExpMs: expMs, refreshJti: '', refreshExpMs: expMs };
  }

  /** Ends one session: its access jti and its refresh jti. */
  end(session: Session): void {
    this.sessions.delete(session.accessJti);
    this.refreshOwners.delete(session.refreshJti);
  }

  endRefresh(refreshJti: string): void {
    const owner = this.refreshOwners.get(refreshJti);
    this.refreshOwners.delete(refreshJti);
    if (owner) this.sessions.delete(owner);
  }

  /** Ends every session of one account (only the fault login-revokes-previous uses this). */
  endAllFor(account: Account): void {
    for (const session of [...this.sessions.values()]) if (session.account.id === account.id) this.end(session);
  }

  clear(): void {
    this.sessions.clear();
    this.refreshOwners.clear();
    this.secret = randomBytes(64);
  }

  private issue(account: Account, nowMs: number, refreshExpMs: number): IssuedSession {
    const iat = Math.floor(nowMs / 1000);
    const session: Session = {
      accessJti: randomUUID(),
      account,
      issuedAtMs: nowMs,
      accessExpMs: (iat + this.config.accessTtlSeconds) * 1000,
      refreshJti: randomUUID(),
      refreshExpMs,
    };
    // The claims td-auth's AccessToken and RefreshToken carry (research §4 "Token format").
    const access: JwtClaims = {
      aud: 'truedat',
      iss: 'tdauth',
      iat,
      nbf: iat,
      exp: iat + this.config.accessTtlSeconds,
      jti: session.accessJti,
      sub: JSON.stringify({ id: account.id, user_name: account.userName }),
      user_name: account.userName,
      role: 'user',
      groups: [],
      amr: ['pwd'],
    };
    const refresh: JwtClaims = { aud: 'tdauth', iss: 'tdauth', iat, nbf: iat, exp: Math.floor(refreshExpMs / 1000), jti: session.refreshJti, sub: session.accessJti };
    this.sessions.set(session.accessJti, session);
    this.refreshOwners.set(session.refreshJti, session.accessJti);
    this.trim();
    return { session, token: signJwt(this.secret, access), refreshToken: signJwt(this.secret, refresh) };
  }

  private trim(): void {
    for (const jti of this.sessions.keys()) {
      if (this.sessions.size <= MAX_SESSIONS) return;
      const session = this.sessions.get(jti);
      if (session) this.end(session);
    }
  }
}
