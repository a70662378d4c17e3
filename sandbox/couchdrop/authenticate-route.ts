// POST /authenticate: username and password in, a short-lived token out
// (vendor-docs/couchdrop-authenticate.md, "Authenticate with username and password").
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { REFUSES_METHOD } from '../core/http-guards';
import type { VendorContext } from '../core/vendor-module';
import { readLoginBody } from './body';
import type { CouchdropFault } from './faults';
import { ACCOUNT_INVALID, sendJson, TWO_FACTOR_REQUIRED } from './responses';
import { sameSecret, type CouchdropStore } from './store';

// Compared against when the user is unknown, so both refusals cost the same time.
const NO_SUCH_PASSWORD = randomUUID();

export function registerAuthenticate(app: FastifyInstance, ctx: VendorContext, store: CouchdropStore): void {
  const fault = (name: CouchdropFault): boolean => ctx.faults.isOn(name);

  app.post('/authenticate', async (request, reply) => {
    const now = ctx.clock.now(request);
    const body = readLoginBody(request.body, request.headers['content-type']);
    const ignored = body.kind === 'form' && fault('form-body-ignored');
    if (body.kind === 'unreadable' || ignored || !body.username || !body.password) {
      // inference: a missing field or unreadable body simply fails the account lookup in the
      // historical service, so it gets the same 403 (vendor-behaviour.md §3, Sandbox behaviour 1).
      if (fault('incomplete-body-accepted') && !ignored) return sendJson(reply, 200, { token: randomUUID() }, true);
      return sendJson(reply, 403, ACCOUNT_INVALID);
    }
    // inference: `system` is recorded by the real service and has no effect on the outcome.
    if (body.system !== undefined && fault('system-field-refused')) return sendJson(reply, 403, ACCOUNT_INVALID);

    const account = store.account(body.username);
    const passwordOk = sameSecret(body.password, account?.password ?? NO_SUCH_PASSWORD);
    if (!account) {
      return fault('unknown-user-404') ? sendJson(reply, 404, { err: 'Account not found' }) : sendJson(reply, 403, ACCOUNT_INVALID);
    }
    if (!passwordOk) {
      return sendJson(reply, fault('wrong-password-401') ? 401 : 403, ACCOUNT_INVALID);
    }
    // The document: 401 "2FA required" for a user with two-factor authentication. No source says
    // how the second factor is supplied, so the sandbox offers no way to complete it.
    if (account.twoFactor && !fault('2fa-user-let-in')) return sendJson(reply, 401, TWO_FACTOR_REQUIRED);

    const reused = fault('same-token-reissued') ? store.latestLive(account.username, now) : undefined;
    const token = reused ?? store.issue(account.username, now);
    // inference: earlier tokens stay valid until they expire (historical code kept every row).
    if (fault('reissue-revokes-earlier')) store.revokeOthers(account.username, token);
    const status = body.kind === 'json' && fault('json-login-201') ? 201 : 200;
    return sendJson(reply, status, fault('password-echoed') ? { token, password: body.password } : { token }, true);
  });

  // inference: the document states POST only; other methods get 405 with Allow (RFC 9110 §15.5.6)
  // rather than Fastify's 404, so a client using the wrong method learns why.
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    config: REFUSES_METHOD,
    url: '/authenticate',
    handler: async (_request, reply) => sendJson(reply.header('allow', 'POST'), 405, { err: 'Method not allowed' }),
  });
}
