// The sandbox-only control API under /__sandbox: switch faults, move the clock, reset. Anyone who
// can reach 127.0.0.1 could otherwise use it (a web page through the browser, another user of the
// machine), so every control route but the health check needs the per-process token: from
// SANDBOX_CONTROL_TOKEN, or random at start-up; `npm run sandbox` prints it, and the contract
// runner hands its own to the sandbox it starts (playwright.config.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { OffsetClock } from './clock';
import type { FaultBoard } from './faults';
import { guardRoutes, sendGuardError } from './http-guards';
import type { VendorModule } from './vendor-module';

/** The request header that carries the control token (the runner's side: src/runtime/sandbox-headers.ts). */
export const CONTROL_TOKEN_HEADER = 'x-sandbox-control-token';

// A hundred years: far beyond any token lifetime, far below where Date arithmetic breaks.
const MAX_ADVANCE_SECONDS = 100 * 365 * 24 * 3600;

/** The configured token, or a fresh random one; a blank value is treated as unset. */
export function controlTokenFrom(env: Readonly<Record<string, string | undefined>>): string {
  const given = env.SANDBOX_CONTROL_TOKEN?.trim();
  return given ? given : randomBytes(32).toString('base64url');
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function registerControlRoutes(app: FastifyInstance, vendors: readonly VendorModule[], faults: FaultBoard, clock: OffsetClock, token: string): void {
  // Playwright's webServer polls this without headers, and it tells nobody anything.
  void app.register((open, _options, done) => {
    guardRoutes(open, () => open.get('/__sandbox/health', () => ({ ok: true })));
    done();
  });

  void app.register((controls, _options, done) => {
    controls.addHook('onRequest', async (request, reply) => {
      if (sameToken(request.headers[CONTROL_TOKEN_HEADER], token)) return undefined;
      return sendGuardError(reply, 403, 'forbidden', `The sandbox control API needs the ${CONTROL_TOKEN_HEADER} header (npm run sandbox prints the token).`);
    });
    guardRoutes(controls, () => registerControls(controls, vendors, faults, clock));
    done();
  });
}

function registerControls(controls: FastifyInstance, vendors: readonly VendorModule[], faults: FaultBoard, clock: OffsetClock): void {
  // Handlers that return a plain value (not a promise) are sent by Fastify as they are.
  controls.get('/__sandbox/faults', () => ({
    active: faults.active(),
    known: vendors.flatMap((v) =>
      Object.entries(v.faults).map(([local, spec]) => ({ name: `${v.name}.${local}`, vendor: v.name, ...spec })),
    ),
  }));
  controls.put<{ Body: { faults?: unknown } }>('/__sandbox/faults', async (request, reply) => {
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
  controls.post<{ Body: { advanceSeconds?: unknown } }>('/__sandbox/clock', async (request, reply) => {
    const seconds = request.body?.advanceSeconds;
    // The cap keeps the clock a valid date (1e308 s would make every expiry Infinity).
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      return reply.status(400).send({ error: 'bad_request', message: `body must be {"advanceSeconds": <number from 0 to ${MAX_ADVANCE_SECONDS}>}` });
    }
    clock.advance(seconds);
    return { advancedSeconds: seconds };
  });
  controls.post('/__sandbox/reset', () => {
    for (const v of vendors) v.reset();
    clock.reset();
    faults.set([]);
    return { reset: true };
  });
}
