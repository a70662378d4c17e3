// What the core guarantees for every route of every vendor, whatever the vendor's own rules:
// one Authorization header at most, small bodies on auth routes, and 405 with Allow (not 404) for
// a method a documented path does not take. Each guard answers with a JSON body.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

// A login or token request is a few hundred bytes; 8 KiB leaves room for long passwords (64
// emoji are 256 bytes) and still refuses what is not a login (research §(b) L12).
export const ROUTE_BODY_LIMIT = 8 * 1024;

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

/** Route config marking a route that refuses its method (a vendor's own 405): not an allowed method. */
export const REFUSES_METHOD = { refusesMethod: true } as const;

export function sendGuardError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send({ error, message });
}

/** How many times a header arrived; Node keeps only the first Authorization in `headers`. */
function headerCount(request: FastifyRequest, name: string): number {
  const value = request.headers[name];
  if (Array.isArray(value)) return value.length;
  let count = 0;
  const raw = request.raw.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === name) count += 1;
  return Math.max(count, value === undefined ? 0 : 1);
}

/**
 * Refuses two Authorization headers with 400 (research §(b) B24). Node's parser silently keeps
 * the first, so a proxy and the sandbox could each believe a different one.
 */
export function refuseDuplicateAuthorization(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (headerCount(request, 'authorization') > 1) {
      return sendGuardError(reply, 400, 'bad_request', 'The request must carry at most one Authorization header.');
    }
    return undefined;
  });
}

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

/**
 * Runs `register` (which adds routes to `scope`), gives each of its routes the auth body limit
 * unless it sets its own, and then answers every other method on each of its paths with 405 and
 * the Allow header RFC 9110 §15.5.6 requires. Fastify alone would answer them 404.
 */
export function guardRoutes(scope: FastifyInstance, register: () => void): void {
  const allowed = new Map<string, Set<string>>();
  const taken = new Map<string, Set<string>>();
  scope.addHook('onRoute', (route) => {
    route.bodyLimit ??= ROUTE_BODY_LIMIT;
    const refuses = (route.config as { refusesMethod?: boolean } | undefined)?.refusesMethod === true;
    for (const method of methodsOf(route)) {
      const key = route.url;
      if (!taken.has(key)) taken.set(key, new Set());
      taken.get(key)?.add(method);
      if (!refuses) {
        if (!allowed.has(key)) allowed.set(key, new Set());
        allowed.get(key)?.add(method);
      }
    }
  });
  register();
  for (const [url, methods] of [...taken]) {
    const missing = METHODS.filter((m) => !methods.has(m));
    const allow = [...(allowed.get(url) ?? [])].sort().join(', ');
    if (missing.length === 0 || allow === '') continue;
    // The scope's prefix is already part of `url`; the route is added back without it.
    const path = url.slice(scope.prefix.length) || '/';
    scope.route({
      method: missing,
      url: path,
      config: REFUSES_METHOD,
      handler: async (_request, reply) =>
        sendGuardError(reply.header('allow', allow), 405, 'method_not_allowed', `This path accepts ${allow} only.`),
    });
  }
}
