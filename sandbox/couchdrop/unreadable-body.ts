// Malformed multipart bodies (no boundary, truncated parts) make the multipart parser throw an
// error without a status code, which the core would answer 500. For Couchdrop such a body is
// one more unreadable login: 403 like unreadable JSON (inference: vendor-behaviour.md §3,
// Sandbox behaviour 1). Every other error goes on to the core's handler unchanged.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ACCOUNT_INVALID, sendJson } from './responses';

export function answerUnreadableBodies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const multipart = /^\s*multipart\//i.test(request.headers['content-type'] ?? '');
    if (multipart && error.statusCode === undefined && request.body === undefined) return sendJson(reply, 403, ACCOUNT_INVALID);
    throw error;
  });
}
