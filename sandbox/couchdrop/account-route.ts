// GET /manage/account: the protected call that proves a token works. The document does not
// name one; the route, the `token` header and the bodies come from Couchdrop's other pages and
// historical service (vendor-behaviour.md §3, "Using the token" and "Verify-style endpoint").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBearer } from '../core/basic-auth';
import type { VendorContext } from '../core/vendor-module';
import type { CouchdropFault } from './faults';
import { sendJson, TOKEN_NOT_VALID } from './responses';
import type { CouchdropStore } from './store';

function presentedToken(request: FastifyRequest, bearerAccepted: boolean): string | undefined {
  const header = request.headers.token;
  if (typeof header === 'string' && header !== '') return header;
  // inference: older Couchdrop docs passed the token as ?token=…; the sandbox still reads it.
  const query = (request.query as Record<string, unknown>).token;
  if (typeof query === 'string' && query !== '') return query;
  return bearerAccepted ? parseBearer(request.headers.authorization) : undefined;
}

export function registerAccount(app: FastifyInstance, ctx: VendorContext, store: CouchdropStore): void {
  const fault = (name: CouchdropFault): boolean => ctx.faults.isOn(name);

  app.get('/manage/account', async (request, reply) => {
    const now = ctx.clock.now(request);
    const token = presentedToken(request, fault('bearer-accepted'));
    const issued = token === undefined ? undefined : store.lookup(token);
    // inference: historical service answered 403 {"err":"Token was not valid"}; the current error
    // table also uses 403 for "no permission" (vendor-behaviour.md §3, Sandbox behaviour 7).
    if (!issued) return sendJson(reply, fault('invalid-token-401') ? 401 : 403, TOKEN_NOT_VALID);
    if (issued.revoked || (issued.expired(now) && !fault('token-never-expires'))) {
      return sendJson(reply, 403, TOKEN_NOT_VALID);
    }
    if (fault('valid-token-refused')) return sendJson(reply, 403, TOKEN_NOT_VALID);

    const account = store.account(issued.username);
    if (!account) return sendJson(reply, 403, TOKEN_NOT_VALID);
    const shown = fault('other-users-account')
      ? { username: 'someone-else', emailAddress: 'someone-else@couchdrop.example' }
      : account;
    // inference: the historical body {"account":{username,email_address,…}} (routes_account.py).
    return sendJson(reply, 200, { account: { username: shown.username, email_address: shown.emailAddress } }, true);
  });
}
