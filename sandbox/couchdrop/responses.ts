// Couchdrop's response bodies. The 403 and 401 bodies are placeholders in the document; the
// sandbox uses the bodies of Couchdrop's historical open-source service (vendor-behaviour.md §3).
import type { FastifyReply } from 'fastify';

export function sendJson(reply: FastifyReply, status: number, body: unknown, sensitive = false): FastifyReply {
  void reply.status(status).type('application/json; charset=utf-8').header('x-content-type-options', 'nosniff');
  // Token responses must not be cached (RFC 6749 §5.1, research/auth-reliability.md check 25).
  if (sensitive) void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  return reply.send(body);
}

// inference: historical body for an unknown user or wrong password (routes_account.py @575530b).
export const ACCOUNT_INVALID = { err: 'Account was invalid' };
// inference: the document gives 401 "2FA required" with a placeholder body; the text is the sandbox's.
export const TWO_FACTOR_REQUIRED = { err: '2FA required' };
// inference: historical body for a token the service does not accept (routes_account.py @575530b).
export const TOKEN_NOT_VALID = { err: 'Token was not valid' };
