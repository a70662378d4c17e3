// Malformed multipart bodies (no boundary, truncated parts) reach the scope as the core's
// UNREADABLE_MULTIPART error (a 400 unless the vendor answers it). ClearLRS takes JSON only, so
// such a body gets the same 415 as any other content type (inference: vendor-behaviour.md §1,
// "Request content type"). Every other error goes on to the core's handler unchanged.
import type { FastifyError, FastifyInstance } from 'fastify';
import { UNREADABLE_MULTIPART } from '../core/multipart-body';
import { sendError } from './responses';

export function answerUnreadableBodies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === UNREADABLE_MULTIPART) {
      return sendError(reply, 415, 'unsupported_media_type', 'The body must be application/json.');
    }
    throw error;
  });
}
