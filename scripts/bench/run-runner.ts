// Runs the contract suite the way a user does (`playwright test` with the project's own
// playwright.config.ts: load, compile, run) against a given contracts root, and measures it.
// Everything the run writes goes to a scratch folder: reports via REPORTS_DIR and test results
// via --output, so a benchmark never overwrites the project's reports/ while others use them.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureProcess, type ProcessMeasurement } from './measure-process';

/** How the run reports: the config's full set, or one console reporter only. */
export type ReporterMode = 'project' | 'dot';

export interface RunnerOptions {
  projectRoot: string;
  /** Another config than the project's (the plain Playwright reference suites). */
  configFile?: string;
  contractsRoot: string;
  scratchDir: string;
  port: number;
  reporters: ReporterMode;
  /** WORKERS for the config; undefined keeps the config's default. */
  workers?: number;
  /** Extra Node flags for the runner and its workers (they inherit execArgv), e.g. --cpu-prof. */
  nodeFlags?: string[];
  extraArgs?: string[];
  /** More environment for the run (wins over everything else). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/**
 * Playwright's compile cache for every run the bench starts: one of its own, filled only by
 * those runs, as on a machine that only runs the contract suite. The default cache is shared
 * with `npm test`, whose runner compiles src/ through the unit tests, and that hid
 * that every contract worker compiled the engine (docs/performance.md, "Workers compiled the
 * engine"). Kept between bench runs, as a user's cache is between runs.
 */
export const BENCH_TRANSFORM_CACHE = path.join(tmpdir(), 'auth-contracts-bench-transform-cache');

export interface RunnerRun extends ProcessMeasurement {
  passed: number;
  failed: number;
  skipped: number;
}

/** The environment of a clean `playwright test`: nothing from a Playwright process we may run in. */
export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TEST_|PW_|PLAYWRIGHT_)/.test(key) || key === 'CI' || key === 'FORCE_COLOR' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function runRunner(options: RunnerOptions): Promise<RunnerRun> {
  const cli = path.join(options.projectRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  const args = [
    ...(options.nodeFlags ?? []),
    cli,
    'test',
    '-c',
    options.configFile ?? path.join(options.projectRoot, 'playwright.config.ts'),
    `--output=${path.join(options.scratchDir, 'test-results')}`,
    ...(options.reporters === 'dot' ? ['--reporter=dot'] : []),
    ...(options.extraArgs ?? []),
  ];
  const env = cleanEnv({
    CONTRACTS_ROOT: options.contractsRoot,
    TARGET: 'sandbox',
    SANDBOX_PORT: String(options.port),
    SANDBOX_ORIGIN: undefined,
    REPORTS_DIR: path.join(options.scratchDir, 'reports'),
    WORKERS: options.workers === undefined ? undefined : String(options.workers),
    PLAYWRIGHT_TRANSFORM_CACHE_DIR: BENCH_TRANSFORM_CACHE,
    ...options.env,
  });
  const run = await measureProcess(process.execPath, args, { cwd: options.projectRoot, env, timeoutMs: options.timeoutMs ?? 900_000 });
  const count = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(run.stdout)?.[1] ?? 0);
  return { ...run, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** Throws with the run's output when it did not pass `expected` tests and fail none. */
export function assertPassed(run: RunnerRun, expected: number, what: string): void {
  if (run.code === 0 && run.failed === 0 && run.passed >= expected) return;
  const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-30).join('\n');
  throw new Error(`${what}: expected ${expected} passing tests, got ${run.passed} passed, ${run.failed} failed (exit ${String(run.code)})\n${tail}`);
}
