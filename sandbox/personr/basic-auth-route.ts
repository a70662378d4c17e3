// POST /api-basic-auth: Basic email:password in, a one-year bearer token out
// (vendor-docs/personr-basic-auth-token.md, "Generate a bearer token using basic authentication").
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseBasicAuthorization, type BasicCredentials } from '../core/basic-auth';
import { REFUSES_METHOD } from '../core/http-guards';
import type { VendorContext } from '../core/vendor-module';
import { isJson, isMultipart } from './body';
import type { PersonrDrift } from './drift';
import type { PersonrFault } from './faults';
import { invalidLoginCredentials, sendJson, WORKFLOW_FAILURE, WRONG_METHOD } from './responses';
import { sameSecret, TOKEN_LIFETIME_SECONDS, type PersonrStore } from './store';

// Compared against when the email is unknown, so both refusals cost the same time.
const NO_SUCH_PASSWORD = randomUUID();

/** Splits user-id and password again at the last colon (only the split-at-last-colon fault does). */
function splitAtLastColon(c: BasicCredentials): BasicCredentials {
  const joined = `${c.userId}:${c.password}`;
  const colon = joined.lastIndexOf(':');
  return { userId: joined.slice(0, colon), password: joined.slice(colon + 1) };
}

export function registerBasicAuth(app: FastifyInstance, ctx: VendorContext, store: PersonrStore): void {
  const fault = (name: PersonrFault): boolean => ctx.faults.isOn(name);
  const refuse = (reply: FastifyReply, status: number): FastifyReply =>
    sendJson(reply, status, invalidLoginCredentials({ asciiApostrophe: fault('ascii-apostrophe'), reasonChanged: fault('reason-changed') }));

  const issueToken = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const now = ctx.clock.now(request);
    const contentType = request.headers['content-type'];
    if ((fault('json-content-type-refused') && isJson(contentType)) || (fault('multipart-refused') && isMultipart(contentType))) {
      return sendJson(reply, 400, WORKFLOW_FAILURE);
    }
    const parsed = parseBasicAuthorization(request.headers.authorization);
    // inference (research §2, Sandbox behaviour 4): Personr documents only the 400 for bad
    // credentials; a missing, malformed or non-Basic header gets the same 400, never a 401.
    if (!parsed.ok) return refuse(reply, fault('bad-header-401') ? 401 : 400);
    const credentials = fault('split-at-last-colon') ? splitAtLastColon(parsed.credentials) : parsed.credentials;

    const account = store.account(credentials.userId);
    const passwordOk = sameSecret(credentials.password, account?.password ?? NO_SUCH_PASSWORD);
    if (!account) return refuse(reply, fault('unknown-user-404') ? 404 : 400);
    if (!passwordOk) return refuse(reply, fault('wrong-password-401') ? 401 : 400);

    const reused = fault('same-token-reissued') ? store.latestLive(account.userId, now) : undefined;
    const token = reused ?? store.issue(account.userId, now, fault('reissue-keeps-earlier'));
    const response: Record<string, unknown> = { token, user_id: account.userId, expires: TOKEN_LIFETIME_SECONDS };
    if (fault('user-id-dropped')) delete response.user_id;
    if (fault('expires-in-days')) response.expires = 365;
    if (fault('password-echoed')) response.password = credentials.password;
    return sendJson(reply, fault('issue-201') ? 201 : 200, { status: 'success', response });
  };

  app.post('/api-basic-auth', issueToken);

  // The document states POST, while its cURL and Node.js samples send GET (finding get-samples).
  // inference (Bubble's generated API docs list 405 "Wrong method" {message}; RFC 9110 §15.5.6
  // requires Allow): any other method is refused with 405 and issues no token. Under the observed
  // profile GET runs the workflow like POST (drift get-runs-workflow: Bubble's current manual,
  // "on a POST or GET request").
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    config: REFUSES_METHOD,
    url: '/api-basic-auth',
    handler: async (request, reply) => {
      const getRuns = fault('get-issues-token') || ctx.drift.isObserved('get-runs-workflow' satisfies PersonrDrift);
      if (request.method === 'GET' && getRuns) return issueToken(request, reply);
      return sendJson(reply.header('allow', 'POST'), 405, WRONG_METHOD);
    },
  });
}
