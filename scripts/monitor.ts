// `npm run monitor [-- <playwright args>]`: the nightly monitor.
//
// Runs the contract suite against MONITOR_TARGET (else TARGET, else sandbox) with Playwright
// retries (RETRIES, default 2), so a transient fault that passes on retry is reported as flaky,
// not failed. Scenarios marked noRetry (wrong-password requests) are never retried: the compiler
// gives them retries 0, which wins over --retries. Writes every report and reports/summary.*,
// exits non-zero only when something still fails after retries, and, when MONITOR_WEBHOOK_URL is
// set, posts the redacted summary (Slack-compatible JSON) with MONITOR_REPORT_URL on failure.
//
// `--notify-only` skips the run and notifies from an existing reports/summary.json (the merge
// job of a sharded run uses it, so one run sends one message; SHARD_JOBS_RESULT is the shard
// jobs' overall result there). MONITOR_CONFIG picks another
// Playwright config; extra arguments (--shard=1/4, --grep …) go to Playwright unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { postWebhook } from '../src/reporting/monitor/post-webhook';
import { slackMessage } from '../src/reporting/monitor/slack-message';
import { reportRedactor, runRedactor } from '../src/reporting/redact/run-redactor';
import { reportsDir } from '../src/reporting/reporters';
import { PROJECT_ROOT, readTargetEnv } from '../src/reporting/secrets/target-env';
import type { RunSummary } from '../src/reporting/summary/summary-model';

function retries(): number {
  const raw = process.env.RETRIES ?? '2';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`RETRIES must be a whole number of retries (0 or more), got "${raw}"`);
  return n;
}

function runSuite(target: string, args: string[]): number {
  const cli = path.join(PROJECT_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const hasConfig = args.some((a) => a === '-c' || a === '--config' || a.startsWith('--config='));
  const config = process.env.MONITOR_CONFIG ? ['--config', process.env.MONITOR_CONFIG] : [];
  const argv = [cli, 'test', `--retries=${retries()}`, ...(hasConfig ? [] : config), ...args];
  console.log(`monitor: target ${target}, retries ${retries()}${args.length ? `, ${args.join(' ')}` : ''}`);
  const run = spawnSync(process.execPath, argv, { cwd: PROJECT_ROOT, env: { ...process.env, TARGET: target }, stdio: 'inherit' });
  return run.status ?? 1;
}

function readSummary(file: string): RunSummary | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
  } catch {
    return undefined;
  }
}

async function notify(summary: RunSummary, target: string): Promise<void> {
  const url = process.env.MONITOR_WEBHOOK_URL;
  if (summary.status !== 'failed') {
    console.log('monitor: every contract holds (flaky ones passed on retry); no notification');
    return;
  }
  if (!url) {
    console.log('monitor: MONITOR_WEBHOOK_URL is not set; no notification sent');
    return;
  }
  const redactor = runRedactor(readTargetEnv(target));
  redactor.add('MONITOR_WEBHOOK_URL', url);
  if (process.env.MONITOR_REPORT_URL) summary.reportUrl = process.env.MONITOR_REPORT_URL;
  const result = await postWebhook(url, slackMessage(summary), reportRedactor(redactor));
  console.log(`monitor: ${result.ok ? '' : 'WARNING: '}${result.detail}`);
}

async function main(args: string[]): Promise<number> {
  const target = process.env.MONITOR_TARGET || process.env.TARGET || 'sandbox';
  const notifyOnly = args.includes('--notify-only');
  const summaryFile = path.join(reportsDir(), 'summary.json');
  let code = 0;
  if (!notifyOnly) {
    rmSync(summaryFile, { force: true }); // never read a previous run's summary
    code = runSuite(target, args.filter((a) => a !== '--notify-only'));
  }
  const summary = existsSync(summaryFile) ? readSummary(summaryFile) : undefined;
  if (!summary) {
    const missing: RunSummary = {
      status: 'failed',
      target,
      generatedAt: new Date().toISOString(),
      durationSeconds: 0,
      totals: { passed: 0, failed: 0, flaky: 0, skipped: 0 },
      vendors: [],
      failures: [],
      flaky: [],
      runErrors: [`the run wrote no summary (${path.relative(PROJECT_ROOT, summaryFile)}); Playwright exited with ${code}`],
    };
    console.error(`monitor: ${missing.runErrors[0]}`);
    await notify(missing, target);
    return 1;
  }
  // The merge job of a sharded run passes its shard jobs' result: a shard that failed without
  // a failing test in the merged reports (a crash, a secret-scan hit) still fails the night.
  const shards = process.env.SHARD_JOBS_RESULT;
  if (notifyOnly && shards && shards !== 'success' && summary.status === 'passed') {
    summary.status = 'failed';
    summary.runErrors.push(`a shard job ended with "${shards}" although every merged test passed; see that job's log`);
  }
  await notify(summary, target);
  const failing = summary.status === 'failed' || code !== 0;
  console.log(`monitor: ${failing ? 'FAILED' : 'passed'}: ${summary.totals.failed} failed, ${summary.totals.flaky} flaky, ${summary.totals.passed} passed, ${summary.totals.skipped} skipped`);
  return failing ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`monitor: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
