// Builds the sandbox: one Fastify app, each vendor mounted under the path of its base URL, plus
// a sandbox-only control API under /__sandbox (faults, clock, reset, health). Nothing here knows
// a vendor's rules; those live in sandbox/<vendor>/.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { OffsetClock } from './clock';
import { FaultBoard } from './faults';
import type { VendorModule } from './vendor-module';

export interface SandboxOptions {
  env: Readonly<Record<string, string | undefined>>;
  vendors: readonly VendorModule[];
  /** Faults switched on from the start (full names, "<vendor>.<fault>"). */
  faults?: readonly string[];
  /** Added to every response: models a real network for the latency benchmark. */
  latencyMs?: number;
  logger?: boolean;
}

export interface Sandbox {
  app: FastifyInstance;
  faults: FaultBoard;
  clock: OffsetClock;
}

/** The URL path of a vendor's base URL, which becomes its route prefix ("" for none). */
export function prefixOf(baseUrl: string | undefined): string {
  if (!baseUrl) return '';
  return new URL(baseUrl).pathname.replace(/\/+$/, '');
}

export function buildSandbox(options: SandboxOptions): Sandbox {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024, return503OnClosing: true });
  const clock = new OffsetClock();
  const faults = new FaultBoard(options.vendors);
  faults.set(options.faults ?? []);

  void app.register(formbody);
  void app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: 64 * 1024, files: 4 } });
  // Bodies of any other type reach the vendor as text, so each vendor decides what it rejects.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  // Never leak framework internals (FST_* codes, stack traces): a generic body with the status.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = statusFor(error, request.headers['content-type'], request.body);
    if (status >= 500) app.log.error({ err: { message: error.message } }, 'sandbox error');
    void reply.status(status).type('application/json; charset=utf-8').send({
      error: status >= 500 ? 'internal_error' : 'bad_request',
      message: status >= 500 ? 'The sandbox failed to handle the request.' : 'The request could not be processed.',
    });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: `No sandbox route for ${request.method} ${request.url.split('?')[0]}` });
  });

  if (options.latencyMs && options.latencyMs > 0) {
    const delay = options.latencyMs;
    app.addHook('onRequest', () => new Promise<void>((resolve) => setTimeout(resolve, delay)));
  }

  for (const vendor of options.vendors) {
    const ctx = { env: options.env, clock, faults: faults.forVendor(vendor.name) };
    void app.register(
      (scoped, _options, done) => {
        vendor.register(scoped, ctx);
        done();
      },
      { prefix: prefixOf(options.env[vendor.baseUrlVar]) },
    );
  }

  registerControlRoutes(app, options.vendors, faults, clock);
  return { app, faults, clock };
}

// A hundred years: far beyond any token lifetime, far below where Date arithmetic breaks.
const MAX_ADVANCE_SECONDS = 100 * 365 * 24 * 3600;

/**
 * The status for an error that reached the core. A multipart body the parser cannot read (no
 * boundary, a truncated part) throws without a status code; that is the client's fault: 400.
 */
function statusFor(error: FastifyError, contentType: string | undefined, body: unknown): number {
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 600) return error.statusCode;
  if (/^\s*multipart\//i.test(contentType ?? '') && body === undefined) return 400;
  return 500;
}

function registerControlRoutes(app: FastifyInstance, vendors: readonly VendorModule[], faults: FaultBoard, clock: OffsetClock): void {
  // Handlers that return a plain value (not a promise) are sent by Fastify as they are.
  app.get('/__sandbox/health', () => ({ ok: true }));
  app.get('/__sandbox/faults', () => ({
    active: faults.active(),
    known: vendors.flatMap((v) =>
      Object.entries(v.faults).map(([local, spec]) => ({ name: `${v.name}.${local}`, vendor: v.name, ...spec })),
    ),
  }));
  app.put<{ Body: { faults?: unknown } }>('/__sandbox/faults', async (request, reply) => {
    const names = request.body?.faults;
    if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) {
      return reply.status(400).send({ error: 'bad_request', message: 'body must be {"faults": ["<vendor>.<fault>", ...]}' });
    }
    try {
      faults.set(names);
    } catch (error) {
      return reply.status(400).send({ error: 'unknown_fault', message: (error as Error).message });
    }
    return { active: faults.active() };
  });
  app.post<{ Body: { advanceSeconds?: unknown } }>('/__sandbox/clock', async (request, reply) => {
    const seconds = request.body?.advanceSeconds;
    // The cap keeps the clock a valid date (1e308 s would make every expiry Infinity).
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      return reply.status(400).send({ error: 'bad_request', message: `body must be {"advanceSeconds": <number from 0 to ${MAX_ADVANCE_SECONDS}>}` });
    }
    clock.advance(seconds);
    return { advancedSeconds: seconds };
  });
  app.post('/__sandbox/reset', () => {
    for (const v of vendors) v.reset();
    clock.reset();
    faults.set([]);
    return { reset: true };
  });
}
