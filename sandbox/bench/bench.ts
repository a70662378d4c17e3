// A sandbox-only echo vendor for `npm run bench`. The benchmark needs the cheapest possible
// contract check (one POST, a status and a schema), so this vendor does no authentication and
// keeps no state worth resetting: what it measures is the runner, not a vendor's rules. It has
// no specs/ folder and no faults; only the synthetic suites the benchmark generates call it.
import type { VendorModule } from '../core/vendor-module';

interface EchoBody {
  [key: string]: unknown;
}

let served = 0;

export const bench: VendorModule = {
  name: 'bench',
  baseUrlVar: 'BENCH_BASE_URL',
  faults: {},
  demoAccounts: () => [],
  register(app) {
    app.post<{ Body: unknown }>('/echo', async (request, reply) => {
      const echo: EchoBody = typeof request.body === 'object' && request.body !== null ? (request.body as EchoBody) : {};
      served += 1;
      return reply
        .status(200)
        .header('cache-control', 'no-store')
        .send({ id: `echo-${served}`, receivedAt: new Date().toISOString(), echo });
    });
  },
  reset() {
    served = 0;
  },
};
