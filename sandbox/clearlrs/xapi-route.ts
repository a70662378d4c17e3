// The xAPI resources issued credentials are used on. The document only says the credentials "can
// be used to make further API requests on behalf of the actor"; the resource, the version header
// and the status codes follow the xAPI specification (vendor-behaviour.md §1, Sandbox behaviour 6).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseBasicAuthorization } from '../core/basic-auth';
import type { VendorContext } from '../core/vendor-module';
import { checkActor } from './actor';
import type { ClearlrsDrift } from './drift';
import type { ClearlrsFault } from './faults';
import { sendError, sendJson, XAPI_VERSION } from './responses';
import type { ClearlrsStore, CredentialSet } from './store';

const EMPTY_RESULT = { statements: [], more: '' };

type Access = { ok: true; set?: CredentialSet } | { ok: false };

export function registerXapi(app: FastifyInstance, ctx: VendorContext, store: ClearlrsStore): void {
  const fault = (name: ClearlrsFault): boolean => ctx.faults.isOn(name);

  /** Checks the Basic credentials of an xAPI request; answers 401 itself when they fail. */
  function authorise(request: FastifyRequest, reply: FastifyReply): Access {
    const auth = parseBasicAuthorization(request.headers.authorization);
    if (!auth.ok) {
      if (fault('unparseable-auth-anonymous')) return { ok: true };
      return refuse(reply);
    }
    // Clear's getting-started guide reads /xapi/statements with the service account's key:secret
    // (drift service-account-on-xapi); under the observed profile that is let in, unrestricted.
    const { userId, password } = auth.credentials;
    if (ctx.drift.isObserved('service-account-on-xapi' satisfies ClearlrsDrift) && store.isService(userId, password)) return { ok: true };
    const set = store.get(userId);
    if (!set) return refuse(reply);
    if (!store.isLive(set, password, ctx.clock.now(request), fault)) return refuse(reply);
    return { ok: true, set };
  }

  function refuse(reply: FastifyReply): { ok: false } {
    void reply.header('www-authenticate', 'Basic realm="ClearLRS xAPI", charset="UTF-8"');
    void sendError(reply, 401, 'unauthorized', 'The credentials are missing, wrong or expired.');
    return { ok: false };
  }

  // Every xAPI response carries the version header (xAPI-Communication.md, "Versioning").
  app.addHook('onSend', async (request, reply) => {
    if (request.url.includes('/xapi/')) void reply.header('x-experience-api-version', XAPI_VERSION);
  });

  app.get('/xapi/statements', async (request, reply) => {
    // The xAPI spec: a request without X-Experience-API-Version, or with a version the LRS does
    // not support, MUST be refused with 400. inference: checked before the credentials, so a
    // client learns about the missing header whatever its credentials.
    const version = request.headers['x-experience-api-version'];
    if (!(typeof version === 'string' && /^1\.0(\.\d+)?$/.test(version.trim())) && !fault('version-header-ignored')) {
      return sendError(reply, 400, 'bad_request', `X-Experience-API-Version must name a supported version (${XAPI_VERSION}).`);
    }
    const access = authorise(request, reply);
    if (!access.ok) return reply;

    const rawAgent = (request.query as Record<string, unknown>).agent;
    if (rawAgent !== undefined) {
      let agent: unknown;
      try {
        agent = typeof rawAgent === 'string' ? JSON.parse(rawAgent) : undefined;
      } catch {
        agent = undefined;
      }
      const check = checkActor(agent);
      if (!check.ok) return sendError(reply, 400, 'bad_request', 'agent must be a JSON xAPI Agent.');
      // The document: data.actor "will restrict these credentials to the same level of
      // permissions as the supplied actor". inference: reading another agent is 403 (xAPI codes).
      const allowed = access.set?.actor;
      if (allowed && !check.identities.some((id) => allowed.includes(id)) && !fault('actor-ignored')) {
        return sendError(reply, 403, 'forbidden', 'These credentials may only read their own actor.');
      }
    }
    // inference: the sandbox keeps no statements, so every permitted query finds none.
    return sendJson(reply, 200, EMPTY_RESULT);
  });

  // The About resource needs no credentials (xAPI-Communication.md, "About Resource").
  app.get('/xapi/about', async (_request, reply) => sendJson(reply, 200, { version: [XAPI_VERSION] }));
}
