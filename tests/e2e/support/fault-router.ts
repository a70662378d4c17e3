// Many fault rounds in one contract run: the child runs with --repeat-each=N and
// CONTRACT_STEP_HEADER=1, so every request names its repeat (src/replay/step-key.ts), and this
// router hands repeat k to a sandbox of its own with the faults of round k switched on. Each
// round keeps its own state and clock, exactly as if it ran alone, without N child start-ups.
// The step header is removed before a sandbox sees the request, so each sandbox gets the bytes
// a user's run would send. A request naming no round (or one out of range) is refused with a
// 502 and counted, so it turns its scenario red and the test can say why.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSandboxEnv } from '../../../sandbox/core/env';
import { buildSandbox, type Sandbox } from '../../../sandbox/core/server';
import type { VendorModule } from '../../../sandbox/core/vendor-module';
import { decodeStepKey, STEP_HEADER } from '../../../src/replay/step-key';

export interface FaultRouter {
  port: number;
  /** Requests each round's sandbox received. */
  served: number[];
  /** "GET /path" of every request that named no round in range. */
  unrouted: string[];
  close(): Promise<void>;
}

const HEALTH = '/__sandbox/health';

/** rounds[k] is the list of faults (full names) switched on for repeat k; [] is the baseline. */
export async function startFaultRouter(vendors: readonly VendorModule[], rounds: readonly (readonly string[])[]): Promise<FaultRouter> {
  const env = readSandboxEnv();
  const sandboxes: Sandbox[] = rounds.map((faults) => buildSandbox({ env, vendors, faults }));
  await Promise.all(sandboxes.map((s) => s.app.ready()));
  const served = rounds.map(() => 0);
  const unrouted: string[] = [];

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const header = req.headers[STEP_HEADER];
    const key = decodeStepKey(typeof header === 'string' ? header : undefined);
    // Playwright's webServer check and nothing else comes without a step key.
    const round = key?.repeat ?? (req.url === HEALTH ? 0 : -1);
    const sandbox = sandboxes[round];
    if (!sandbox) {
      unrouted.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'fault-router: the request names no round in range' }));
      return;
    }
    served[round] = (served[round] ?? 0) + 1;
    delete req.headers[STEP_HEADER];
    stripRaw(req.rawHeaders, STEP_HEADER);
    sandbox.app.routing(req, res);
  };

  const server: Server = createServer(route);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    served,
    unrouted,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(sandboxes.map((s) => s.app.close()));
    },
  };
}

/** rawHeaders is [name, value, name, value, ...]; names compare case-insensitively. */
function stripRaw(raw: string[], name: string): void {
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]?.toLowerCase() === name) raw.splice(i, 2);
}
