// Malformed multipart bodies (no boundary, truncated parts) reach the scope as the core's
// UNREADABLE_MULTIPART error (a 400 unless the vendor answers it). For Couchdrop such a body is
// one more unreadable login: 403 like unreadable JSON (inference: vendor-behaviour.md §3,
// Sandbox behaviour 1). Every other error goes on to the core's handler unchanged.
import type { FastifyError, FastifyInstance } from 'fastify';
import { UNREADABLE_MULTIPART } from '../core/multipart-body';
import { ACCOUNT_INVALID, sendJson } from './responses';

export function answerUnreadableBodies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === UNREADABLE_MULTIPART) return sendJson(reply, 403, ACCOUNT_INVALID);
    throw error;
  });
}
