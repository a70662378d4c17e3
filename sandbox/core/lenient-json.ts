// A JSON body parser for a vendor's own scope that never throws: a body that does not parse
// reaches the route as an UnreadableJson marker, so each vendor answers it the way the real
// service does (and a fault can break exactly that) instead of Fastify's generic 400. Parsing is
// Fastify's own (secure-json-parse), so "__proto__" anywhere, or "constructor" holding a
// "prototype", makes a body unreadable rather than an object that reaches a prototype.
import type { FastifyInstance } from 'fastify';

/** The body of a JSON request that did not parse. */
export class UnreadableJson {
  readonly unreadable = true;
}

/** Installs, in the vendor's own scope only, a JSON parser that never throws. */
export function acceptAnyJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    void parseJson(request, raw as string, (error, body) => done(null, error ? new UnreadableJson() : body));
  });
}
