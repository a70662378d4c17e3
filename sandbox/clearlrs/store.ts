// ClearLRS's service account and the Basic credential sets it has issued. Nothing here reads the
// wall clock: callers pass the request's time, so tests can move it per request.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClearlrsFault } from './faults';

export interface CredentialSet {
  username: string;
  password: string;
  expiresAt: number;
  /** Identity keys of data.actor (see actor.ts); undefined when the set is not restricted. */
  actor?: string[];
}

export interface ServiceAccount {
  key: string;
  secret: string;
}

/** Compares secrets in constant time, hashing first so lengths do not leak either. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function serviceAccountFrom(env: Readonly<Record<string, string | undefined>>): ServiceAccount | undefined {
  const key = env.CLEARLRS_API_KEY;
  const secret = env.CLEARLRS_API_SECRET;
  return key && secret ? { key, secret } : undefined;
}

export class ClearlrsStore {
  private readonly sets = new Map<string, CredentialSet>();

  constructor(readonly service: ServiceAccount | undefined) {}

  isService(userId: string, password: string): boolean {
    if (!this.service) return false;
    // Both halves are always compared so a right key with a wrong secret costs the same time.
    const keyOk = sameSecret(userId, this.service.key);
    const secretOk = sameSecret(password, this.service.secret);
    return keyOk && secretOk;
  }

  /** inference: a username stays taken even after its set expires ("unique for every set"). */
  has(username: string): boolean {
    return this.sets.has(username);
  }

  get(username: string): CredentialSet | undefined {
    return this.sets.get(username);
  }

  /**
   * True when the password matches and the set has not expired at `now`. `fault` lets the
   * sandbox break one rule at a time (see faults.ts).
   */
  isLive(set: CredentialSet, password: string, now: number, fault: (name: ClearlrsFault) => boolean): boolean {
    const passwordOk = sameSecret(password, set.password) || fault('any-password-accepted');
    // inference: after ttlMins the credentials get 401, like any refused credentials (§1, 5).
    const live = now < set.expiresAt || fault('creds-never-expire');
    return passwordOk && live && !fault('issued-creds-refused');
  }

  put(set: CredentialSet): void {
    this.sets.set(set.username, set);
  }

  reset(): void {
    this.sets.clear();
  }
}
