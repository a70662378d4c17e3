// Runs `npm run monitor` (scripts/monitor.ts with tsx's loader) against the sandbox behind the fault
// proxy, in its own process group, with every report in a fresh folder. Network timeouts and
// backoffs are cut to test size. When the run ends, or overruns its bound, the whole group is
// killed, so no worker or server it started outlives the test.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../../src/reporting/summary/summary-model';
import type { RunFacts } from '../../../src/reporting/monitor/run-facts';
import { stopTree } from '../../e2e/support/process-tree';
import { cleanEnv, ROOT, TSX_LOADER } from '../../reporting/support/run-fixture';

export const FAST_NETWORK = {
  REQUEST_TIMEOUT_MS: '1000',
  REQUEST_BACKOFF_MS: '20',
  REQUEST_BACKOFF_MAX_MS: '100',
  RETRY_AFTER_MAX_MS: '2000',
};

export interface MonitorRun {
  code: number | null;
  out: string;
  reports: string;
  seconds: number;
  summary: RunSummary | undefined;
  facts: RunFacts | undefined;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function runMonitor(proxyPort: number, args: string[], env: Record<string, string>, boundMs = 270_000, reports = mkdtempSync(path.join(tmpdir(), 'monitor-faults-'))): Promise<MonitorRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [...TSX_LOADER, path.join(ROOT, 'scripts', 'monitor.ts'), `--output=${path.join(reports, 'test-results')}`, ...args], {
    cwd: ROOT,
    // CI unset: the config's webServer then reuses the sandbox behind the proxy.
    env: cleanEnv({ TARGET: 'sandbox', SANDBOX_PORT: String(proxyPort), REPORTS_DIR: reports, WORKERS: '2', ...FAST_NETWORK, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  // The group, and any group a descendant leads (a webServer Playwright starts detached).
  const killTree = (): void => {
    if (child.pid) stopTree(child.pid);
  };
  // A hang guard below the test limit (300 s, tests/playwright.config.ts), so the child never
  // outlives a test that timed out; an idle night takes 5-25 s, 4x that on a loaded machine.
  const timer = setTimeout(killTree, boundMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  killTree();
  return {
    code,
    out,
    reports,
    seconds: (Date.now() - started) / 1000,
    summary: readJson<RunSummary>(path.join(reports, 'summary.json')),
    facts: readJson<RunFacts>(path.join(reports, 'network.json')),
  };
}
