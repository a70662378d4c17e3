// Reads the JSON body of POST /api/auth/basic. JSON is parsed here rather than by Fastify so the
// vendor decides how an unreadable body is answered (and a fault can break exactly that).
import { UnreadableJson } from '../core/lenient-json';
import { checkActor } from './actor';

export interface CreateRequest {
  username?: string;
  password?: string;
  ttlMins: number;
  /** Identity keys of data.actor, when one was given and is valid. */
  actor?: string[];
}

export type CreateParse =
  | { ok: true; value: CreateRequest }
  | { ok: false; problem: 'not-json' | 'missing' | 'invalid' | 'actor'; message: string; partial?: CreateRequest };

// inference: the document gives no default for ttlMins and marks no field required; the sandbox
// defaults an absent ttlMins to 60 minutes (vendor-behaviour.md §1, "Required-ness").
export const DEFAULT_TTL_MINS = 60;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Validates the body; with `skipActorCheck` an actor is stored whatever it looks like. */
export function parseCreateBody(body: unknown, skipActorCheck: boolean): CreateParse {
  if (body instanceof UnreadableJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problem: 'not-json', message: 'The body must be a JSON object.' };
  }
  const fields = body as Record<string, unknown>;
  const ttl = fields.ttlMins ?? DEFAULT_TTL_MINS;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    return { ok: false, problem: 'invalid', message: 'ttlMins must be a positive number of minutes.' };
  }
  const data = fields.data;
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    return { ok: false, problem: 'invalid', message: 'data must be an object.' };
  }
  let actor: string[] | undefined;
  const rawActor = (data as Record<string, unknown> | undefined)?.actor;
  if (rawActor !== undefined) {
    const check = checkActor(rawActor);
    if (check.ok) actor = check.identities;
    else if (!skipActorCheck) return { ok: false, problem: 'actor', message: `data.actor is not a valid xAPI actor: ${check.reason}.` };
    // A fault stores an invalid actor as one that matches nobody.
    else actor = [];
  }
  const value: CreateRequest = { username: text(fields.username), password: text(fields.password), ttlMins: ttl, actor };
  if (!value.username || !value.password) {
    return { ok: false, problem: 'missing', message: 'username and password must be non-empty strings.', partial: value };
  }
  return { ok: true, value };
}
