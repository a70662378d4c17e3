// ClearLRS's response helpers. The document shows only the 200 body; every error body here is a
// sandbox choice (inference: vendor-behaviour.md §1, "Other status codes" follows the xAPI error
// codes), kept to one shape so the suite can treat it as "error, shape unknown".
import type { FastifyReply } from 'fastify';

export const XAPI_VERSION = '1.0.3';

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(body);
}

export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return sendJson(reply, status, { error, message });
}

/** 401 with the challenge RFC 9110 §11.6.1 requires; `realm` names which credentials are wanted. */
export function sendUnauthorized(reply: FastifyReply, realm: string, message: string): FastifyReply {
  void reply.header('www-authenticate', `Basic realm="${realm}", charset="UTF-8"`);
  return sendError(reply, 401, 'unauthorized', message);
}
