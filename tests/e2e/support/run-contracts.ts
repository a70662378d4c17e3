// Runs the contract suite as a user would (`playwright test` with the project's config) in a
// child process, and reads what each test did from support/outcome-reporter.ts. The child gets a
// clean environment: the variables Playwright sets in this test's own worker (TEST_WORKER_INDEX,
// …) would make the child's config believe it is a worker and skip compiling.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestOutcome } from './outcome-reporter';
import { ONE_WORKER } from '../../reporting/support/run-fixture';
import { runChild } from './process-tree';

export type { TestOutcome };

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAYWRIGHT_CLI = path.join(PROJECT_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
const OUTCOME_REPORTER = path.join(__dirname, 'outcome-reporter.ts');

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
  /** A guard against a hung run (process-tree.ts has the generous default), not a speed check. */
  timeoutMs?: number;
  /** Aborting stops the run and everything it started (its workers and its webServer). */
  signal?: AbortSignal;
  onSpawn?: (pid: number) => void;
}

export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // One worker unless the caller asks for more (run-fixture.ts, ONE_WORKER).
  const env: NodeJS.ProcessEnv = { WORKERS: ONE_WORKER };
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TEST_|PW_|PLAYWRIGHT_)/.test(key) || key === 'CI' || key === 'FORCE_COLOR' || key === 'WORKERS') continue;
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
  const outcomeFile = path.join(work, 'outcomes.jsonl');
  // Only the outcome reporter: the config's reporters would write the project's reports/.
  const args = [PLAYWRIGHT_CLI, 'test', ...(options.args ?? []), `--reporter=${OUTCOME_REPORTER}`, `--output=${path.join(work, 'test-results')}`];
  const env = childEnv({ OUTCOME_REPORT_FILE: outcomeFile, ...options.env });
  const run = await runChild(args, { cwd: PROJECT_ROOT, env, timeoutMs: options.timeoutMs, signal: options.signal, onSpawn: options.onSpawn });
  return { ...run, outcomes: readOutcomes(outcomeFile) };
}

function readOutcomes(file: string): TestOutcome[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // the run stopped before the reporter began (a load error, a kill)
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TestOutcome);
}
