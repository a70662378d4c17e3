// The contract suite: `npx playwright test`. Before any test runs, the runner process loads
// specs/ and compiles it into generated/ (workers skip that: they only run what was compiled).
// A load error stops the run with every error printed. TARGET picks env/<target>.env; the
// sandbox target starts the local sandbox as Playwright's webServer.
import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { reporters } from './src/reporting/reporters';
import { REPLAY_TARGET } from './src/replay/recordings';
import { REPLAY_HEALTH, replayVariables } from './src/replay/replay-server';
import { applyToProcessEnv, loadTargetEnv, type TargetEnv } from './src/runtime/env';
import { contractsRoot, generatedDirOf } from './src/runtime/paths';

const root = contractsRoot();
const isWorker = process.env.TEST_WORKER_INDEX !== undefined;

function fail(message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(1);
}

function loadEnv(): TargetEnv {
  try {
    return loadTargetEnv(root);
  } catch (error) {
    return fail((error as Error).message);
  }
}

const loaded = loadEnv();
// TARGET=replay: every recorded vendor's base URL points at the replay server, with the recorded
// variables and a stand-in per secret (env/replay.env only names the port).
const replayOrigin = loaded.values.REPLAY_ORIGIN ?? `http://127.0.0.1:${loaded.values.REPLAY_PORT ?? '4020'}`;
const env: TargetEnv =
  loaded.target === REPLAY_TARGET ? { ...loaded, values: { ...replayVariables(root, replayOrigin), ...loaded.values } } : loaded;
// The webServer command and the workers inherit the target's variables from this process.
applyToProcessEnv(env);

// The sandbox's /__sandbox controls need a per-process token. The runner makes one per run (unless
// one is given) and hands it to the sandbox it starts and, through process.env, to its workers,
// which load this file again and keep the inherited value.
process.env.SANDBOX_CONTROL_TOKEN ||= randomBytes(32).toString('base64url');

if (!isWorker) {
  // Required here, not imported at the top: every worker loads this config too and has no use for
  // the build. buildIfChanged skips it (and never loads the loader and compiler, about 0.3 s of
  // CPU at N = 10) when nothing the build reads changed since the last one; REBUILD=1 forces it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildIfChanged } = require('./src/cli/build-if-changed') as typeof import('./src/cli/build-if-changed');
  const build = buildIfChanged(root);
  if (build.errors) fail(build.errors);
  // Compiled here so that Playwright caches it: its workers never write the compile cache, and
  // would each compile the engine again (src/runtime/engine.ts). Skipped while the cache holds
  // this version of it (src/runtime/engine-cache.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./src/runtime/engine-cache') as typeof import('./src/runtime/engine-cache')).cacheEngineForWorkers();
}

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
};

/**
 * Against the local sandbox with no added latency a run is CPU-bound: one worker per core
 * (on 2 cores 7-12 % faster than 4 workers and 950 MB instead of 1.3 GB at N = 2000). Against
 * real vendors, or a sandbox with SANDBOX_LATENCY_MS, it is I/O-bound: workers mostly wait on
 * the network, so twice the cores and at least 4 (docs/performance.md, "Workers").
 */
function defaultWorkers(): number {
  const cores = availableParallelism();
  const ioBound = !env.isSandbox || Number(process.env.SANDBOX_LATENCY_MS ?? 0) > 0;
  return ioBound ? Math.max(4, 2 * cores) : cores;
}

export default defineConfig({
  testDir: generatedDirOf(root),
  testMatch: '**/*.spec.ts',
  outputDir: path.join(__dirname, 'reports', 'test-results'),
  // Files run in parallel; a file's scenarios run in order in one worker. In Playwright 1.65
  // that is cheaper than fullyParallel, which re-reads a spec file for every test it hands out.
  fullyParallel: false,
  workers: Math.max(1, positive(process.env.WORKERS, defaultWorkers())),
  retries: positive(process.env.RETRIES, 0),
  forbidOnly: !!process.env.CI,
  reporter: reporters(),
  // NETWORK_PREFLIGHT=1 (the monitor): probe every vendor once before the tests (preflight.ts).
  // Otherwise none: Playwright would load the module and its imports for a no-op.
  globalSetup: process.env.NETWORK_PREFLIGHT === '1' ? './src/runtime/network/preflight.ts' : undefined,
  // Traces store request headers and bodies, i.e. the credentials; they are never recorded.
  use: { trace: 'off' },
  webServer: env.isSandbox
    ? {
        command: 'node --import tsx sandbox/main.ts',
        cwd: __dirname,
        url: `${process.env.SANDBOX_ORIGIN ?? 'http://127.0.0.1:4010'}/__sandbox/health`,
        reuseExistingServer: !process.env.CI,
        // SANDBOX_CONTROL_TOKEN reaches the sandbox from process.env (set above), which Playwright
        // passes on. Never list it here: the JSON and blob reporters write the config, this
        // webServer.env included, into the report.
        env: { SANDBOX_QUIET: '1' },
        stdout: 'ignore',
      }
    : env.target === REPLAY_TARGET && env.values.REPLAY_SERVER !== 'external'
      ? {
          command: 'node --import tsx scripts/replay-server.ts',
          cwd: __dirname,
          url: `${replayOrigin}${REPLAY_HEALTH}`,
          reuseExistingServer: !process.env.CI,
          env: { REPLAY_QUIET: '1' },
          stdout: 'ignore',
        }
      : undefined,
});
