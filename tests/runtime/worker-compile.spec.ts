// Playwright compiles TypeScript with Babel and caches the result on disk, but only its runner
// writes that cache: a module a worker is the first to load is compiled again by every worker
// of every run (about 1.7 s of CPU each on a two-core machine). The runner therefore loads the
// engine (playwright.config.ts, src/runtime/engine.ts) unless a stamp says the cache already holds
// it (engine-cache.ts). The first run starts from an empty cache, as CI's first run does: the
// runner compiles (so the log works), and no worker compiles anything; the second run, with the
// stamp, compiles nothing anywhere. Shown red once: without the config's loadEngine(), the worker
// compiled src/runtime/*.ts.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox } from '../../sandbox/core/server';
import { vendors } from '../../sandbox/vendors';
import { PROJECT_ROOT, runContracts } from '../e2e/support/run-contracts';
import { tempDir } from '../reporting/support/run-fixture';

const PRELOAD = path.join(__dirname, 'fixtures', 'compile-log.cjs');

test('a contract run compiles its TypeScript in the runner only: its workers find everything cached, on the first run and the next', async () => {
  test.setTimeout(240_000);
  const sandbox = buildSandbox({ env: readSandboxEnv(), vendors });
  await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
  const address = sandbox.app.server.address();
  const port = typeof address === 'object' && address ? String(address.port) : '';
  const work = tempDir('worker-compile');
  const cache = path.join(work, 'cache');
  try {
    // CI is removed from the child's environment, so its webServer reuses this sandbox.
    const run = (log: string) =>
      runContracts({
        env: {
          SANDBOX_PORT: port,
          TARGET: 'sandbox',
          PLAYWRIGHT_TRANSFORM_CACHE_DIR: cache,
          COMPILE_LOG: log,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim(),
        },
        args: ['--grep', '@nexudus\\b.*@smoke\\b'],
      });
    const compiledIn = (log: string, role: string): string[] => {
      const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
      return lines.filter((line) => line.startsWith(`${role} `)).map((line) => path.relative(PROJECT_ROOT, line.slice(role.length + 1)));
    };
    const first = await run(path.join(work, 'first.txt'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.outcomes.length, first.stderr).toBeGreaterThan(0);
    // The log sees compiles: the runner's, of the config, into the empty cache.
    expect(compiledIn(path.join(work, 'first.txt'), 'runner'), 'the runner compiled the config').toContain('playwright.config.ts');
    expect(compiledIn(path.join(work, 'first.txt'), 'worker'), 'files a worker had to compile itself (first loaded in a worker: load them in the runner)').toEqual([]);
    // The runner left a stamp (src/runtime/engine-cache.ts), so the next run skips loading the
    // engine; its workers must still find every file cached.
    expect(readdirSync(cache).filter((f) => f.startsWith('auth-contracts-engine-')), 'the stamp in the cache folder').toHaveLength(1);
    const second = await run(path.join(work, 'second.txt'));
    expect(second.code, second.stderr).toBe(0);
    expect(compiledIn(path.join(work, 'second.txt'), 'runner'), 'a second run compiles nothing').toEqual([]);
    expect(compiledIn(path.join(work, 'second.txt'), 'worker'), 'files a worker of the second run had to compile').toEqual([]);
  } finally {
    await sandbox.app.close();
    rmSync(work, { recursive: true, force: true }); // the compile cache: a few MB per run
  }
});
