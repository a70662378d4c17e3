// Runs Playwright (the fixture config with the project's real reporters, or the project's own
// config) in a child process, as a user would, with its reports and test output in a fresh
// temporary folder and its fixture server on a free port. The child gets a clean environment:
// the variables Playwright sets in this test's worker (TEST_WORKER_INDEX, …) would make the
// child's config believe it is a worker.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runChild as runInGroup } from '../../e2e/support/process-tree';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURE_CONFIG = path.join(ROOT, 'tests', 'reporting', 'fixtures', 'fixture.config.ts');
const PLAYWRIGHT = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
/**
 * Runs a TypeScript script as `tsx <script>` does, in one process: tsx's CLI would start a second
 * node for the script (each node costs CPU to start, and npm test starts about 30 scripts).
 */
export const TSX_LOADER = ['--import', 'tsx'];

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface FixtureRun extends ChildRun {
  reports: string; // REPORTS_DIR of the run
  output: string; // Playwright's outputDir (test-results)
  env: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A child run's default worker count (its test may set another). Every Playwright worker costs
 * about 1-2 s of CPU to start on this kind of machine, more than most child runs' tests together,
 * and the self-test's own workers already keep the cores busy (docs/performance.md, "npm test").
 */
export const ONE_WORKER = '1';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { WORKERS: ONE_WORKER };
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TEST_|PW_|PLAYWRIGHT_|MONITOR_|FIXTURE_)/.test(key) || ['CI', 'FORCE_COLOR', 'REPORTS_DIR', 'RETRIES', 'WORKERS'].includes(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * Runs node with the given arguments in its own process group (e2e/support/process-tree.ts):
 * stopped with everything it started, at a limit generous enough for a loaded machine.
 */
export async function runChild(argv: string[], env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<ChildRun> {
  const { code, stdout, stderr } = await runInGroup(argv, { cwd: ROOT, env, timeoutMs });
  return { code, stdout, stderr };
}

/** `playwright test` with the given config and arguments, reports in a temporary folder. */
export async function runPlaywright(args: string[], extraEnv: Record<string, string> = {}, reports = tempDir('reports')): Promise<FixtureRun> {
  const output = path.join(reports, 'test-results');
  const env: Record<string, string> = {
    CI: '1',
    REPORTS_DIR: reports,
    FIXTURE_OUTPUT_DIR: output,
    FIXTURE_PORT: String(await freePort()),
    FIXTURE_CLOSED_PORT: String(await freePort()),
    ...extraEnv,
  };
  const run = await runChild([PLAYWRIGHT, 'test', ...args], cleanEnv(env));
  return { ...run, reports, output, env };
}

/** A project script (scripts/<name>.ts) run with tsx, like `npm run <name>`. */
export async function runScript(script: string, args: string[], env: Record<string, string>): Promise<ChildRun> {
  return runChild([...TSX_LOADER, path.join(ROOT, 'scripts', script), ...args], cleanEnv({ CI: '1', ...env }));
}
