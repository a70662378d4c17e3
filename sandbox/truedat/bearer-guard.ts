// td-auth's secure pipeline (lib/td_auth/auth/pipeline/secure.ex): a protected route runs only for
// a request whose "Authorization: Bearer <jwt>" verifies (signature, exp, aud, iss) and whose jti
// is still in the session cache; anything else gets the Guardian ErrorHandler's 401.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VendorContext } from '../core/vendor-module';
import { sendUnauthorized } from './replies';
import type { Session, SessionStore } from './store';

// The fault token-expires-early shortens the access lifetime to this, whatever the config says.
const EARLY_EXPIRY_MS = 300_000;

/**
 * The token after the scheme word, or undefined when there is none.
 * inference (secure.ex matches String.starts_with?(header, "Bearer ")): the scheme word is
 * case-sensitive here, unlike RFC 9110, because that is what td-auth does.
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  const token = header.slice('Bearer '.length);
  return token === '' ? undefined : token;
}

/** The live session behind the request, or undefined after sending the 401. */
export function authenticate(request: FastifyRequest, reply: FastifyReply, ctx: VendorContext, store: SessionStore): Session | undefined {
  const { faults } = ctx;
  const now = ctx.clock.now(request);
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) {
    if (faults.isOn('missing-bearer-let-in')) return store.standIn(now);
    void sendUnauthorized(reply, faults);
    return undefined;
  }
  const check = store.checkAccess(token, now);
  if (check.status === 'live') {
    if (faults.isOn('token-expires-early') && now >= check.session.issuedAtMs + EARLY_EXPIRY_MS) {
      void sendUnauthorized(reply, faults);
      return undefined;
    }
    return check.session;
  }
  if (check.status === 'forged' && faults.isOn('forged-token-accepted')) return store.standIn(now);
  if (check.status === 'expired' && check.session && faults.isOn('token-never-expires')) return check.session;
  void sendUnauthorized(reply, faults);
  return undefined;
}
