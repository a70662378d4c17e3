// The routes behind the Bearer token, none of them in the document (finding
// undocumented-endpoints): GET /api/sessions (verify), DELETE /api/sessions (logout) and
// POST /api/sessions/refresh, as td-auth's SessionController implements them (research §4), plus
// the unauthenticated GET /api/ping health check.
import type { FastifyInstance } from 'fastify';
import type { VendorContext } from '../core/vendor-module';
import { authenticate } from './bearer-guard';
import { DELETE_REFRESH_COOKIE, REFRESH_COOKIE, refreshCookie, sendInvalidCredentials, sendUnauthorized } from './replies';
import type { SessionStore } from './store';

/** The value of one cookie in a Cookie request header ("" when present but empty). */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

export function registerSessionRoutes(app: FastifyInstance, ctx: VendorContext, store: SessionStore): void {
  const { faults } = ctx;

  // inference (td-auth router.ex, ping_controller.ex): an unauthenticated health check.
  app.get('/api/ping', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('pong'));

  // inference (td-auth SessionController.ping): 200 with an empty body for a live token.
  app.get('/api/sessions', async (request, reply) => {
    if (!authenticate(request, reply, ctx, store)) return reply;
    if (faults.isOn('token-rejected')) return sendUnauthorized(reply, faults);
    return reply.status(200).send();
  });

  // inference (td-auth destroy/2): ends the session's access and refresh jti, deletes the cookie.
  app.delete('/api/sessions', async (request, reply) => {
    const session = authenticate(request, reply, ctx, store);
    if (!session) return reply;
    if (!faults.isOn('logout-keeps-token')) store.end(session);
    return reply.status(faults.isOn('logout-200') ? 200 : 204).header('set-cookie', DELETE_REFRESH_COOKIE).send();
  });

  // inference (td-auth refresh/2, sessions.ex refresh/2): needs a live Bearer token and the
  // _td_refresh cookie whose sub is that token's jti; both old jtis die and a new pair is issued
  // whose refresh token keeps the old exp. Any refresh failure is the document's 401 body.
  app.post('/api/sessions/refresh', async (request, reply) => {
    const session = authenticate(request, reply, ctx, store);
    if (!session) return reply;
    const now = ctx.clock.now(request);
    const cookie = cookieValue(request.headers.cookie, REFRESH_COOKIE);
    let usedRefreshJti = session.refreshJti;
    if (cookie === undefined || cookie === '') {
      if (!faults.isOn('refresh-without-cookie-accepted')) return sendInvalidCredentials(reply);
    } else {
      const check = store.checkRefresh(cookie, now);
      if (!check.ok) return sendInvalidCredentials(reply);
      if (check.accessJti !== session.accessJti && !faults.isOn('refresh-not-bound')) return sendInvalidCredentials(reply);
      usedRefreshJti = check.refreshJti;
    }
    if (!faults.isOn('refresh-keeps-old-session')) {
      store.end(session);
      store.endRefresh(usedRefreshJti);
    }
    const issued = store.rotate(session.account, now, session.refreshExpMs);
    return reply
      .status(faults.isOn('refresh-200') ? 200 : 201)
      .header('set-cookie', refreshCookie(issued.refreshToken))
      .send({ token: issued.token });
  });
}
