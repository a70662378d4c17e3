// `npm run monitor [-- <playwright args>]`: the nightly monitor.
//
// Runs the contract suite against MONITOR_TARGET (else TARGET, else sandbox). Network blips are
// retried per request by the runtime (src/runtime/network/): a scenario that passed only thanks
// to them is flaky (network), never an alarm. Whole-scenario Playwright retries (RETRIES) default
// to 0: a retried scenario sends new requests, which meet new faults. Writes every report,
// reports/summary.*, reports/network.json (flaky-network, not-run, judged wrong-password
// attempts) and the state of the last nights (MONITOR_STATE, default reports/monitor-state.json).
//
// What alarms: MONITOR_ALARM_ON (default contract,credentials); an unreachable vendor is
// degraded. Exit code 0 all holds, 1 alarm, 2 degraded only (alarm-policy.ts). With
// MONITOR_WEBHOOK_URL set it posts one redacted Slack-compatible message when something changed
// since the last nights (night-state.ts): new failure, still failing (once a day), recovered,
// degrading (flaky 3 nights running), with MONITOR_REPORT_URL.
//
// `--notify-only` skips the run and notifies from an existing reports/summary.json (the merge
// job of a sharded run uses it, so one run sends one message; SHARD_JOBS_RESULT is the shard
// jobs' overall result there). MONITOR_CONFIG picks another
// Playwright config; extra arguments (--shard=1/4, --grep …) go to Playwright unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { alarmClasses, decide, EXIT_CODE, type Decision } from '../src/reporting/monitor/alarm-policy';
import { changeLines, monitorMessage } from '../src/reporting/monitor/monitor-message';
import { compareNight, markTold, readState, type Change } from '../src/reporting/monitor/night-state';
import { postWebhook } from '../src/reporting/monitor/post-webhook';
import { emptyFacts, runFacts } from '../src/reporting/monitor/run-facts';
import { reportRedactor, runRedactor } from '../src/reporting/redact/run-redactor';
import { reportsDir } from '../src/reporting/reporters';
import { PROJECT_ROOT, readTargetEnv } from '../src/reporting/secrets/target-env';
import { emptySummary, type RunSummary } from '../src/reporting/summary/summary-model';

function retries(): number {
  const raw = process.env.RETRIES ?? '0';
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
  // The preflight (src/runtime/network/preflight.ts) finds an unreachable vendor once, for all its scenarios.
  const env = { NETWORK_PREFLIGHT: '1', ...process.env, TARGET: target };
  const run = spawnSync(process.execPath, argv, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
  return run.status ?? 1;
}

function readSummary(file: string): RunSummary | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
  } catch {
    return undefined;
  }
}

/** Posts tonight's message; true when the webhook took it. */
async function notify(summary: RunSummary, decision: Decision, changes: readonly Change[], target: string): Promise<boolean> {
  const url = process.env.MONITOR_WEBHOOK_URL;
  if (changes.length === 0) {
    const why = decision.level === 'ok' ? 'every contract holds (flaky ones passed on retry)' : 'nothing changed since the last message today';
    console.log(`monitor: ${why}; no notification`);
    return false;
  }
  if (!url) {
    console.log('monitor: MONITOR_WEBHOOK_URL is not set; no notification sent');
    return false;
  }
  const redactor = runRedactor(readTargetEnv(target));
  redactor.add('MONITOR_WEBHOOK_URL', url);
  if (process.env.MONITOR_REPORT_URL) summary.reportUrl = process.env.MONITOR_REPORT_URL;
  const result = await postWebhook(url, monitorMessage(summary, decision, changes), reportRedactor(redactor));
  console.log(`monitor: ${result.ok ? '' : 'WARNING: '}${result.detail}`);
  return result.ok;
}

function missingSummary(target: string, file: string, code: number): RunSummary {
  return emptySummary(target, [`the run wrote no summary (${path.relative(PROJECT_ROOT, file)}); Playwright exited with ${code}`]);
}

async function main(args: string[]): Promise<number> {
  const target = process.env.MONITOR_TARGET || process.env.TARGET || 'sandbox';
  const alarmOn = alarmClasses(process.env.MONITOR_ALARM_ON);
  const notifyOnly = args.includes('--notify-only');
  const summaryFile = path.join(reportsDir(), 'summary.json');
  const stateFile = path.resolve(PROJECT_ROOT, process.env.MONITOR_STATE || path.join(reportsDir(), 'monitor-state.json'));
  let code = 0;
  if (!notifyOnly) {
    rmSync(summaryFile, { force: true }); // never read a previous run's summary
    code = runSuite(target, args.filter((a) => a !== '--notify-only'));
  }
  const read = existsSync(summaryFile) ? readSummary(summaryFile) : undefined;
  const summary = read ?? missingSummary(target, summaryFile, code);
  if (!read) console.error(`monitor: ${summary.runErrors[0]}`);
  // The merge job of a sharded run passes its shard jobs' result: a shard that failed without
  // a failing test in the merged reports (a crash, a secret-scan hit) still fails the night.
  const shards = process.env.SHARD_JOBS_RESULT;
  if (notifyOnly && shards && shards !== 'success' && summary.status === 'passed') {
    summary.status = 'failed';
    summary.runErrors.push(`a shard job ended with "${shards}" although every merged test passed; see that job's log`);
  }
  if (!notifyOnly && code !== 0 && summary.status === 'passed') summary.runErrors.push(`Playwright exited with ${code} although every test passed`);
  const facts = read ? runFacts(read) : emptyFacts();
  writeFileSync(path.join(reportsDir(), 'network.json'), `${JSON.stringify(facts, null, 2)}\n`);
  const decision = decide(summary, facts, alarmOn);

  const today = process.env.MONITOR_TODAY || new Date().toISOString().slice(0, 10);
  const failing = [
    // Failures of classes that neither alarm nor degrade never notify: MONITOR_ALARM_ON says so.
    ...decision.alarming.map((f) => `${f.vendor} › ${f.scenario}`),
    ...(summary.runErrors.length > 0 ? ['(the run itself) › errors outside any test'] : []), ...decision.degraded.map((d) => `${d.vendor} › (vendor unreachable)`),
  ];
  const flaky = [...summary.flaky, ...facts.flakyNetwork].map((f) => `${f.vendor} › ${f.scenario}`);
  const { changes, next } = compareNight(readState(stateFile), failing, flaky, today);
  for (const line of changeLines(changes)) console.log(`monitor: ${line.slice(2)}`);
  const told = await notify(summary, decision, changes, target);
  writeFileSync(stateFile, `${JSON.stringify(told ? markTold(next, changes, today) : next, null, 2)}\n`);

  for (const f of facts.flakyNetwork) console.log(`monitor: flaky (network): ${f.vendor} › ${f.scenario} — ${f.reason}`);
  for (const d of decision.degraded) console.log(`monitor: DEGRADED: ${d.vendor}: ${d.notRun} not run, ${d.outageFailures} outage failures — ${d.cause}`);
  for (const f of decision.quiet) console.log(`monitor: not alarming (MONITOR_ALARM_ON=${alarmOn.join(',')}): ${f.vendor} › ${f.scenario} [${f.class}]`);
  const judged = Object.entries(facts.judged).sort(([a], [b]) => a.localeCompare(b)).map(([account, n]) => `${account} ${n}`);
  if (judged.length > 0) console.log(`monitor: judged wrong-password attempts per account: ${judged.join(', ')}`);
  const word = { ok: 'passed', alarm: 'FAILED', degraded: 'DEGRADED' }[decision.level];
  console.log(
    `monitor: ${word}: ${summary.totals.failed} failed (${decision.alarming.length} alarming), ${summary.totals.flaky + facts.flakyNetwork.length} flaky (${facts.flakyNetwork.length} network), ${summary.totals.passed} passed, ${summary.totals.skipped} skipped (${facts.notRun.length} not run)`,
  );
  return EXIT_CODE[decision.level];
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`monitor: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
