// Malformed multipart bodies (no boundary, truncated parts) make the multipart parser throw an
// error without a status code, which the core would answer 500. ClearLRS takes JSON only, so
// such a body gets the same 415 as any other content type (inference: vendor-behaviour.md §1,
// "Request content type"). Every other error goes on to the core's handler unchanged.
import type { FastifyError, FastifyInstance } from 'fastify';
import { sendError } from './responses';

export function answerUnreadableBodies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const multipart = /^\s*multipart\//i.test(request.headers['content-type'] ?? '');
    if (multipart && error.statusCode === undefined && request.body === undefined) {
      return sendError(reply, 415, 'unsupported_media_type', 'The body must be application/json.');
    }
    throw error;
  });
}
