// A JSON body parser for a vendor's own scope that never throws: a body that does not parse
// reaches the route as an UnreadableJson marker, so each vendor answers it the way the real
// service does (and a fault can break exactly that) instead of Fastify's generic 400.
import type { FastifyInstance } from 'fastify';

/** The body of a JSON request that did not parse. */
export class UnreadableJson {
  readonly unreadable = true;
}

/** Installs, in the vendor's own scope only, a JSON parser that never throws. */
export function acceptAnyJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, raw, done) => {
    try {
      done(null, JSON.parse(raw as string) as unknown);
    } catch {
      done(null, new UnreadableJson());
    }
  });
}
