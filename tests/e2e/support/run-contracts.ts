// Runs the contract suite as a user would (`playwright test` with the project's config) in a
// child process, and reads its JSON report. The child gets a clean environment: the variables
// Playwright sets in this test's own worker (TEST_WORKER_INDEX, …) would make the child's config
// believe it is a worker and skip compiling.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ATTACHMENT, type FailureRecord } from '../../../src/dsl/facts';
import { runChild } from './process-tree';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAYWRIGHT_CLI = path.join(PROJECT_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

export interface TestOutcome {
  vendor: string; // the describe title
  scenario: string; // the test title
  status: 'passed' | 'failed' | 'skipped' | 'flaky';
  message: string; // first error message, if any
  /** The FailureRecords the runtime attached (contract-failure.json), in the order attached. */
  failures: FailureRecord[];
}

export interface ContractRun {
  code: number | null;
  pid: number; // also the run's process group
  stopped: boolean; // stopped by the limit or the signal
  stdout: string;
  stderr: string;
  outcomes: TestOutcome[];
}

export interface RunOptions {
  args?: string[];
  env?: Record<string, string | undefined>;
  /** Keep the config's reporters (reports/ is written); by default only a private JSON report. */
  configReporters?: boolean;
  /** A guard against a hung run (process-tree.ts has the generous default), not a speed check. */
  timeoutMs?: number;
  /** Aborting stops the run and everything it started (its workers and its webServer). */
  signal?: AbortSignal;
  onSpawn?: (pid: number) => void;
}

export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TEST_|PW_|PLAYWRIGHT_)/.test(key) || key === 'CI' || key === 'FORCE_COLOR') continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function runContracts(options: RunOptions = {}): Promise<ContractRun> {
  const work = mkdtempSync(path.join(tmpdir(), 'contracts-run-'));
  const jsonFile = path.join(work, 'results.json');
  const args = [PLAYWRIGHT_CLI, 'test', ...(options.args ?? [])];
  if (!options.configReporters) args.push('--reporter=json', `--output=${path.join(work, 'test-results')}`);
  const env = childEnv({ PLAYWRIGHT_JSON_OUTPUT_FILE: jsonFile, ...options.env });

  const run = await runChild(args, { cwd: PROJECT_ROOT, env, timeoutMs: options.timeoutMs, signal: options.signal, onSpawn: options.onSpawn });

  const reportFile = options.configReporters ? path.join(PROJECT_ROOT, 'reports', 'results.json') : jsonFile;
  return { ...run, outcomes: readOutcomes(reportFile) };
}

interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: { title: string; tests: { status: string; results: JsonResult[] }[] }[];
}

interface JsonResult {
  error?: { message?: string };
  /** The JSON reporter inlines pushed attachments as base64. */
  attachments?: { name: string; body?: string }[];
}

function readOutcomes(file: string): TestOutcome[] {
  let report: { suites?: JsonSuite[] };
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as { suites?: JsonSuite[] };
  } catch {
    return [];
  }
  const outcomes: TestOutcome[] = [];
  const walk = (suite: JsonSuite, describe: string): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const status = t.status === 'expected' ? 'passed' : t.status === 'unexpected' ? 'failed' : t.status === 'flaky' ? 'flaky' : 'skipped';
        const message = t.results.map((r) => r.error?.message ?? '').find(Boolean) ?? '';
        const failures = t.results.flatMap((r) => (r.attachments ?? []).filter((a) => a.name === ATTACHMENT.failure && a.body !== undefined))
          .map((a) => JSON.parse(Buffer.from(a.body ?? '', 'base64').toString('utf8')) as FailureRecord);
        outcomes.push({ vendor: describe, scenario: spec.title, status, message, failures });
      }
    }
    // Anonymous describes (the compiler wraps no-retry scenarios in one) keep the vendor's title.
    for (const child of suite.suites ?? []) walk(child, child.title || describe);
  };
  for (const file of report.suites ?? []) walk(file, '');
  return outcomes;
}
