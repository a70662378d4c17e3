// The two resources the contracts call with Basic credentials (research §5, Sandbox behaviour 4):
// the who-am-I profile of the members portal, and the admin API's coworker list.
import type { FastifyInstance } from 'fastify';
import type { VendorContext } from '../core/vendor-module';
import { checkBasic, sendRefusal } from './authenticate';
import type { NexudusFault } from './faults';
import { coworkerList, sendJson, userProfile } from './responses';
import { COWORKERS, type NexudusStore } from './store';

export function registerRoutes(app: FastifyInstance, ctx: VendorContext, store: NexudusStore): void {
  const fault = (name: NexudusFault): boolean => ctx.faults.isOn(name);

  // "Any API calls using this authentication method will run in the context of the user making
  // the call" (document): the profile is the caller's own.
  // support.nexudus.com article 360009842898: GET https://xyz.spaces.nexudus.com/en/user/me, the
  // space's portal host.
  if (ctx.base !== 'admin') app.get('/en/user/me', async (request, reply) => {
    const outcome = checkBasic(request, ctx, store);
    if (!outcome.ok) return sendRefusal(reply, outcome.status);
    const other = COWORKERS[0];
    const shown = fault('me-other-user') && other ? { id: other.Id, fullName: other.FullName, email: other.Email } : outcome.user;
    return sendJson(reply, 200, userProfile(shown));
  });

  // developers.nexudus.com REST API: "this endpoint uses https://spaces.nexudus.com and not the
  // domain of the space", the admin host.
  if (ctx.base !== 'space') app.get('/api/sys/coworkers', async (request, reply) => {
    const outcome = checkBasic(request, ctx, store);
    if (!outcome.ok) return sendRefusal(reply, outcome.status);
    return sendJson(reply, 200, coworkerList(request.query as Record<string, unknown>, fault('coworkers-records-dropped')));
  });
}
