// POST /api/sessions: the documented request. The 201 and 401 come from the document; the 422,
// the proxy refusal and the cookie come from td-auth's SessionController (research §4).
import type { FastifyInstance } from 'fastify';
import type { VendorContext } from '../core/vendor-module';
import type { TruedatDrift } from './drift';
import { readLoginBody } from './login-body';
import { DELETE_REFRESH_COOKIE, errorDetail, INVALID_CREDENTIALS, refreshCookie, sendInvalidCredentials } from './replies';
import type { SessionStore } from './store';

export function registerLoginRoute(app: FastifyInstance, ctx: VendorContext, store: SessionStore): void {
  const { faults } = ctx;

  app.post('/api/sessions', async (request, reply) => {
    // inference (td-auth config TD_AUTH_ALLOW_PROXY_LOGIN defaults to "false"): a proxy login is
    // refused before the body is looked at.
    if (request.headers['proxy-remote-user'] !== undefined) {
      return reply
        .status(401)
        .header('set-cookie', DELETE_REFRESH_COOKIE)
        .send({ errors: { detail: 'Proxy login is not enabled.', code: 'proxy_login_disabled' } });
    }

    const body = readLoginBody(request.body);
    if (!body) {
      // inference (td-auth create/3 fallback clause → ErrorView "422.json").
      if (faults.isOn('malformed-body-400')) return reply.status(400).send(errorDetail('Bad Request'));
      return reply.status(422).send(errorDetail('Unprocessable Entity'));
    }
    if (body.accessMethod !== 'alternative_login') {
      // The document calls access_method required; td-auth ignores it. Say so without refusing.
      void reply.header('x-sandbox-warning', 'access_method should be "alternative_login" (the document requires it; td-auth ignores it)');
    }

    const account = store.findAccount(body.userName);
    const passwordOk = store.passwordMatches(account, body.password);
    const detail: string = faults.isOn('login-error-detail-changed') ? 'Invalid username or password' : INVALID_CREDENTIALS.errors.detail;
    if (!account) {
      if (faults.isOn('unknown-user-404')) return sendInvalidCredentials(reply, 'User not found', 404);
      return sendInvalidCredentials(reply, detail);
    }
    if (!passwordOk) return sendInvalidCredentials(reply, detail, faults.isOn('wrong-password-403') ? 403 : 401);

    if (faults.isOn('login-revokes-previous')) store.endAllFor(account);
    const issued = store.create(account, ctx.clock.now(request));
    const payload: Record<string, string> = {};
    if (!faults.isOn('no-token')) payload.token = issued.token;
    // The document's 201 example carries refresh_token, as td-auth did before 4.48.0. Under the
    // observed profile the body is td-auth 7.x's {"token"} only (drift refresh-token-cookie-only:
    // td-auth 7.1.0 session_view.ex), and the refresh token is only the cookie below.
    const cookieOnly = ctx.drift.isObserved('refresh-token-cookie-only' satisfies TruedatDrift) || faults.isOn('refresh-token-cookie-only');
    if (!cookieOnly) payload.refresh_token = issued.refreshToken;
    return reply
      .status(faults.isOn('created-200') ? 200 : 201)
      .header('set-cookie', refreshCookie(issued.refreshToken))
      .send(payload);
  });
}
