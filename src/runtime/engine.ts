// The contract engine (contract, worker context with ajv, source redaction), loaded on first
// use rather than imported by contract-test.ts: Playwright's runner loads every spec file only
// to list its tests, and has no use for the engine there.
//
// The runner loads it once anyway, from playwright.config.ts, for another reason: Playwright
// compiles TypeScript with Babel and caches the result on disk, but only the runner writes that
// cache (a worker's compile is thrown away). A module first required in a worker is compiled
// again by every worker of every run: the engine cost each worker about 1.7 s of CPU that way
// (docs/performance.md, "Workers compiled the engine"). tests/runtime/worker-compile.spec.ts
// checks that a worker compiles nothing.
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
export type Engine = typeof import('./contract') & typeof import('./worker-context') & typeof import('./source-redaction');

let loaded: Engine | undefined;

export function loadEngine(): Engine {
  // Once per process: every later test reuses the same object.
  return (loaded ??= {
    ...(require('./contract') as typeof import('./contract')),
    ...(require('./worker-context') as typeof import('./worker-context')),
    ...(require('./source-redaction') as typeof import('./source-redaction')),
  });
}
