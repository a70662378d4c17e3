// Builds the sandbox: one Fastify app, each vendor mounted under the path of its base URL, plus
// a sandbox-only control API under /__sandbox (faults, clock, reset, health). Nothing here knows
// a vendor's rules; those live in sandbox/<vendor>/. What every vendor gets from here: bodies
// and queries without prototype names, small per-route body limits, 405 for wrong methods, one
// Authorization header at most, timeouts, and JSON for every error.
import { parse as parseQuery } from 'node:querystring';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { OffsetClock } from './clock';
import { controlTokenFrom, registerControlRoutes } from './control-routes';
import { FaultBoard } from './faults';
import { guardRoutes, refuseDuplicateAuthorization } from './http-guards';
import { acceptMultipart, UNREADABLE_MULTIPART } from './multipart-body';
import { safeRecord } from './safe-keys';
import { driftSwitch, readProfile, type SandboxProfile } from './profile';
import type { VendorModule } from './vendor-module';

export interface SandboxTimeouts {
  /** Whole request, headers and body (Node's requestTimeout). */
  requestMs: number;
  /** Until the request headers are complete (Node's headersTimeout). */
  headersMs: number;
  /** A socket with no traffic at all (Fastify's connectionTimeout, Node's server.timeout). */
  idleMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveMs: number;
  /** How often Node checks requestMs and headersMs (connectionsCheckingInterval). */
  checkEveryMs: number;
}

// Without a proxy in front, Fastify's docs ask for a non-zero requestTimeout; its defaults (0, 0,
// 72 s) let a silent client hold a socket for over a minute (research §(b), L23/L24).
export const DEFAULT_TIMEOUTS: SandboxTimeouts = { requestMs: 10_000, headersMs: 5_000, idleMs: 10_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

export interface SandboxOptions {
  env: Readonly<Record<string, string | undefined>>;
  vendors: readonly VendorModule[];
  /** Faults switched on from the start (full names, "<vendor>.<fault>"). */
  faults?: readonly string[];
  /** Added to every response: models a real network for the latency benchmark. */
  latencyMs?: number;
  logger?: boolean;
  /** The token /__sandbox controls need; default SANDBOX_CONTROL_TOKEN of `env`, else random. */
  controlToken?: string;
  timeouts?: Partial<SandboxTimeouts>;
  /** Default: SANDBOX_PROFILE of `env`, else documented. */
  profile?: SandboxProfile;
}

export interface Sandbox {
  app: FastifyInstance;
  faults: FaultBoard;
  clock: OffsetClock;
  /** Send it as x-sandbox-control-token on /__sandbox requests. */
  controlToken: string;
  profile: SandboxProfile;
}

/** The URL path of a vendor's base URL, which becomes its route prefix ("" for none). */
export function prefixOf(baseUrl: string | undefined): string {
  if (!baseUrl) return '';
  return new URL(baseUrl).pathname.replace(/\/+$/, '');
}

export function buildSandbox(options: SandboxOptions): Sandbox {
  const t = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { headersTimeout: t.headersMs, connectionsCheckingInterval: t.checkEveryMs },
    // Query objects are keyed by the client: null prototype, no prototype names.
    routerOptions: { querystringParser: (query: string) => safeRecord(parseQuery(query)) },
  });
  const clock = new OffsetClock();
  const faults = new FaultBoard(options.vendors);
  faults.set(options.faults ?? []);
  const controlToken = options.controlToken ?? controlTokenFrom(options.env);
  const profile = options.profile ?? readProfile(options.env);

  // node:querystring builds null-prototype objects; the filter drops prototype names as well.
  void app.register(formbody, { parser: (body: string) => safeRecord(parseQuery(body)) });
  acceptMultipart(app);
  // Bodies of any other type reach the vendor as text, so each vendor decides what it rejects.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  refuseDuplicateAuthorization(app);

  // Never leak framework internals (FST_* codes, stack traces): a generic body with the status.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = statusFor(error);
    if (status >= 500) app.log.error({ err: { message: error.message } }, 'sandbox error');
    void reply.status(status).type('application/json; charset=utf-8').send({
      error: status >= 500 ? 'internal_error' : (ERROR_NAMES[status] ?? 'bad_request'),
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
    const ctx = { env: options.env, clock, faults: faults.forVendor(vendor.name), drift: driftSwitch(vendor, profile) };
    // A vendor on several hosts is mounted once per host, each under its own base URL's path.
    const mounts = vendor.bases ? Object.entries(vendor.bases) : [[undefined, vendor.baseUrlVar] as const];
    for (const [base, variable] of mounts) {
      void app.register(
        (scoped, _options, done) => {
          guardRoutes(scoped, () => vendor.register(scoped, base === undefined ? ctx : { ...ctx, base }));
          done();
        },
        { prefix: prefixOf(options.env[variable]) },
      );
    }
  }

  registerControlRoutes(app, options.vendors, faults, clock, controlToken);
  return { app, faults, clock, controlToken, profile };
}

const ERROR_NAMES: Record<number, string> = { 413: 'payload_too_large', 415: 'unsupported_media_type' };

/**
 * The status for an error that reached the core. Errors with a client status keep it; a body the
 * multipart reader could not read is already a 400 (multipart-body.ts); anything else is ours.
 */
function statusFor(error: FastifyError): number {
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 600) return error.statusCode;
  if (error.code === UNREADABLE_MULTIPART) return 400;
  return 500;
}
