// Nexudus's users and coworkers, seeded from env/sandbox.env. Basic authentication keeps no state
// (there is no token to issue or revoke), so the store only answers who an email belongs to.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface NexudusUser {
  id: number;
  fullName: string;
  email: string;
  password: string;
  /** The user's "API Access" option (user details → "Status" tab). */
  apiAccess: boolean;
  unrestrictedAdmin: boolean;
  roles: string[];
}

export interface Coworker {
  Id: number;
  FullName: string;
  Email: string;
}

// inference: the ids and names are the sandbox's own; DefaultBusinessId stands for the location.
export const DEFAULT_BUSINESS_ID = 1_414_141_414;

/** Compares secrets in constant time, hashing first so that lengths do not leak either. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function seedUsers(env: Readonly<Record<string, string | undefined>>): NexudusUser[] {
  const users: NexudusUser[] = [];
  const add = (email: string | undefined, password: string | undefined, user: Omit<NexudusUser, 'email' | 'password' | 'id'>): void => {
    if (email && password) users.push({ id: 1_000_001 + users.length, email: email.normalize('NFC'), password, ...user });
  };
  // The document's two preconditions: "API Access" enabled, and unrestricted administrator or ≥ 1 role.
  add(env.NEXUDUS_EMAIL, env.NEXUDUS_PASSWORD, { fullName: 'Sandbox Administrator', apiAccess: true, unrestrictedAdmin: true, roles: [] });
  add(env.NEXUDUS_NO_API_ACCESS_EMAIL, env.NEXUDUS_NO_API_ACCESS_PASSWORD, {
    fullName: 'Sandbox Admin Without API Access',
    apiAccess: false,
    unrestrictedAdmin: true,
    roles: [],
  });
  add(env.NEXUDUS_NO_ROLE_EMAIL, env.NEXUDUS_NO_ROLE_PASSWORD, { fullName: 'Sandbox User Without Role', apiAccess: true, unrestrictedAdmin: false, roles: [] });
  return users;
}

export const COWORKERS: readonly Coworker[] = [
  { Id: 2_000_001, FullName: 'Ada Lovelace', Email: 'ada@coworkers.example' },
  { Id: 2_000_002, FullName: 'Grace Hopper', Email: 'grace@coworkers.example' },
  { Id: 2_000_003, FullName: 'Alan Turing', Email: 'alan@coworkers.example' },
];

export class NexudusStore {
  constructor(readonly users: readonly NexudusUser[]) {}

  /** inference (research §5, Sandbox behaviour 1): the email is compared case-insensitively. */
  user(email: string): NexudusUser | undefined {
    const wanted = email.normalize('NFC').toLowerCase();
    return this.users.find((u) => u.email.toLowerCase() === wanted);
  }
}
