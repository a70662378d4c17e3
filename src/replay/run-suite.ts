// Runs the contract suite (`playwright test` with the project's config) in a child process for
// record and mutate, and reads its JSON report into one outcome per scenario. The child's
// environment is this one plus the overrides, without variables Playwright sets in its own
// workers (they would make the child's config skip compiling).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../runtime/paths';

export interface ScenarioOutcome {
  vendor: string;
  scenario: string;
  status: 'passed' | 'failed' | 'skipped' | 'flaky';
  message: string;
}

export interface SuiteRun {
  code: number | null;
  output: string;
  outcomes: ScenarioOutcome[];
}

export async function runSuite(vendor: string, env: Record<string, string>, extraArgs: string[] = [], timeoutMs = 900_000): Promise<SuiteRun> {
  const work = mkdtempSync(path.join(tmpdir(), 'nocode-run-'));
  const jsonFile = path.join(work, 'results.json');
  const cli = path.join(PROJECT_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const args = [cli, 'test', '--grep', `@${vendor}\\b`, '--grep-invert', '@findings', '--reporter=json', `--output=${path.join(work, 'out')}`, ...extraArgs];
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(TEST_|PW_|PLAYWRIGHT_)/.test(k) && k !== 'FORCE_COLOR') childEnv[k] = v;
  Object.assign(childEnv, { CI: '1', PLAYWRIGHT_JSON_OUTPUT_FILE: jsonFile }, env);
  // Its own process group, so that a timeout ends the child's webServer (a sandbox) with it: a
  // SIGKILLed Playwright leaves its webServer running, holding the port for the next run.
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const outcomes = readOutcomes(jsonFile);
  // Retried: a killed run's last writes can land while the folder is being removed.
  rmSync(work, { recursive: true, force: true, maxRetries: 5 });
  if (timedOut) output += `\nrun-suite: the run took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; its results are incomplete\n`;
  return { code, output, outcomes };
}

interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: { title: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
}

function readOutcomes(file: string): ScenarioOutcome[] {
  let report: { suites?: JsonSuite[] };
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as { suites?: JsonSuite[] };
  } catch {
    return [];
  }
  const outcomes: ScenarioOutcome[] = [];
  const walk = (suite: JsonSuite, describe: string): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const status = t.status === 'expected' ? 'passed' : t.status === 'unexpected' ? 'failed' : t.status === 'flaky' ? 'flaky' : 'skipped';
        outcomes.push({ vendor: describe, scenario: spec.title, status, message: t.results.map((r) => r.error?.message ?? '').find(Boolean) ?? '' });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title || describe);
  };
  for (const s of report.suites ?? []) walk(s, '');
  return outcomes;
}
