// POST /api-probe: a protected workflow that stands in for Personr's real ones (create applicant,
// retrieve applicant status, …; research §2 "Protected endpoints"), so the contracts can use the
// token as the document says: "Authorization: Bearer YOUR_TOKEN" on every subsequent call.
// inference: the route name and its 200 body are the sandbox's own; a real run points
// PERSONR_PROBE_WORKFLOW at a real workflow that needs no parameters.
import type { FastifyInstance } from 'fastify';
import { parseBearer } from '../core/basic-auth';
import type { VendorContext } from '../core/vendor-module';
import type { PersonrDrift } from './drift';
import type { PersonrFault } from './faults';
import { sendJson, unauthorized } from './responses';
import { bubbleId, type PersonrStore } from './store';

export const PROBE_PATH = '/api-probe';

export function registerProbe(app: FastifyInstance, ctx: VendorContext, store: PersonrStore): void {
  const fault = (name: PersonrFault): boolean => ctx.faults.isOn(name);

  app.post(PROBE_PATH, async (request, reply) => {
    const now = ctx.clock.now(request);
    // inference (Bubble forum thread 369687): every refusal is 401 with Bubble's Unauthorized body.
    const refuse = (): unknown => sendJson(reply, 401, unauthorized(bubbleId(now)));
    const token = parseBearer(request.headers.authorization);
    if (token === undefined) {
      const anonymous = request.headers.authorization === undefined && fault('probe-open-without-token');
      return anonymous ? sendJson(reply, 200, { status: 'success', response: {} }) : refuse();
    }
    const { state, userId } = store.check(token, now, {
      neverExpires: fault('token-never-expires'),
      // Bubble's 30-day idle rule (drift idle-expiry-30-days: forum.bubble.io 366845) applies under
      // the observed profile; the documented profile keeps the document's absolute year.
      idleExpiry: fault('idle-expiry-30-days') || ctx.drift.isObserved('idle-expiry-30-days' satisfies PersonrDrift),
    });
    if (state === 'unknown' && fault('unknown-token-accepted')) return sendJson(reply, 200, { status: 'success', response: {} });
    if (state !== 'live' || userId === undefined || fault('valid-token-refused')) return refuse();
    // inference (Bubble workflow responses, research §2): {"status":"success","response":{…}}; the
    // workflow runs as the token's user ("The token is attached to the user credentials it was
    // created with"), which it reports as user_id.
    const runsAs = fault('probe-wrong-user') ? bubbleId(now) : userId;
    return sendJson(reply, 200, { status: 'success', response: { user_id: runsAs } });
  });
}
