// POST /api/auth/basic: a service account inserts Basic credentials for an actor
// (vendor-docs/clearlrs-create-basic-token.md, "Create Basic Token").
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseBasicAuthorization } from '../core/basic-auth';
import { REFUSES_METHOD } from '../core/http-guards';
import type { VendorContext } from '../core/vendor-module';
import { parseCreateBody } from './body';
import type { ClearlrsFault } from './faults';
import { sendError, sendJson, sendUnauthorized } from './responses';
import type { ClearlrsStore } from './store';

export function registerCreate(app: FastifyInstance, ctx: VendorContext, store: ClearlrsStore): void {
  const fault = (name: ClearlrsFault): boolean => ctx.faults.isOn(name);

  app.post('/api/auth/basic', async (request, reply) => {
    const now = ctx.clock.now(request);
    // inference: the document states no auth; Clear's guide requires a service account whose
    // API key and secret are sent as Basic credentials (vendor-behaviour.md §1, Sandbox behaviour 1).
    const auth = parseBasicAuthorization(request.headers.authorization);
    const serviceOk = auth.ok && store.isService(auth.credentials.userId, auth.credentials.password);
    if (!serviceOk && !fault('service-auth-skipped')) {
      return sendUnauthorized(reply, 'ClearLRS API', 'Service account credentials are missing or wrong.');
    }
    // inference: Clear's other /api examples send JSON; another content type gets 415.
    if (!/^\s*application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      return sendError(reply, 415, 'unsupported_media_type', 'The body must be application/json.');
    }

    const parsed = parseCreateBody(request.body, fault('actor-not-validated'));
    if (!parsed.ok) {
      if (parsed.problem === 'not-json' && fault('malformed-json-500')) {
        return sendError(reply, 500, 'internal_error', 'The server failed to handle the request.');
      }
      if (parsed.problem === 'missing' && fault('missing-fields-accepted')) {
        return sendJson(reply, 200, { username: parsed.partial?.username ?? randomUUID() });
      }
      // inference: 400 for a missing or invalid argument, per the xAPI error codes (§1).
      return sendError(reply, 400, 'bad_request', parsed.message);
    }
    const { username = '', password = '', ttlMins, actor } = parsed.value;
    const bodyHasData = typeof request.body === 'object' && request.body !== null && 'data' in request.body;
    if (!bodyHasData && fault('data-required')) return sendError(reply, 400, 'bad_request', 'data must be an object.');

    // The document: usernames "must be unique for every set of new credentials". The status and
    // body of a duplicate are undocumented. inference: 409 with the sandbox's error body (§1, 3).
    if (store.has(username) && !fault('duplicate-overwrites')) {
      return sendError(reply, 409, 'conflict', 'The username is already in use.');
    }
    // inference: the lifetime counts from creation, not from last use (§1, "Lifetime").
    store.put({ username, password, expiresAt: now + ttlMins * 60_000, actor });
    // inference: the documented {"username": "uuid"} echoes the caller's username (§1, 200 response).
    const shown = fault('username-not-echoed') ? randomUUID() : username;
    return sendJson(reply, fault('create-201') ? 201 : 200, { username: shown });
  });

  // inference: the document states POST only; other methods get 405 with Allow (RFC 9110 §15.5.6).
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    config: REFUSES_METHOD,
    url: '/api/auth/basic',
    handler: async (_request, reply) => sendError(reply.header('allow', 'POST'), 405, 'method_not_allowed', 'Use POST.'),
  });
}
