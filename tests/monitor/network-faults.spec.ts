// The monitor under real network faults: the real contract suite, through a fault proxy, in
// front of an in-process sandbox. For each fault pattern: the exit code, the verdict (flaky
// network with no alarm, degraded, or the exact class), and that no secret appears in any
// report, in the output, or in what the webhook received.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, type Sandbox } from '../../sandbox/core/server';
import { vendors } from '../../sandbox/vendors';
import { ArtefactScanner } from '../../src/reporting/scan/artefact-scanner';
import { scanArtefacts, targetSecrets } from '../../src/reporting/scan/scan-secrets';
import { ONE_WORKER } from '../reporting/support/run-fixture';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';
import { runMonitor, type MonitorRun } from './support/run-monitor';

// Each night is a child monitor run that mostly waits (timeouts, backoffs, Retry-After), so the
// nights run in parallel: each self-test worker starts its own sandbox, proxy and webhook below
// (beforeAll runs once per worker), and a night changes only its own worker's.
test.describe.configure({ mode: 'parallel' });

let sandbox: Sandbox;
let proxy: FaultProxy;
let hookServer: Server;
let hook = '';
let posted: string[] = [];
const { patterns } = targetSecrets();

test.beforeAll(async () => {
  sandbox = buildSandbox({ env: readSandboxEnv(), vendors });
  await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
  const address = sandbox.app.server.address() as AddressInfo;
  proxy = await startFaultProxy(`http://127.0.0.1:${address.port}`, 1_500);
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posted.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/services/T0/B0/hook-token-77`;
});

test.afterAll(async () => {
  await proxy?.close();
  await sandbox?.app.close();
  await new Promise<void>((resolve) => hookServer?.close(() => resolve()));
});

test.beforeEach(() => {
  posted = [];
  sandbox.faults.set([]);
});

/**
 * One monitor night with the fault on `vendor` (every vendor when undefined). `smoke` runs only
 * the vendor's @smoke scenarios: for a fault that fails every scenario it meets, where each
 * failure costs the child a new Playwright worker (1-2 s of CPU) and more of them prove no more.
 */
async function night(fault: Fault, vendor: string | undefined, env: Record<string, string> = {}, smoke = false): Promise<MonitorRun> {
  proxy.setFault(fault, vendor ? [`/${vendor}`] : []);
  const args = ['--grep-invert', '@findings', ...(vendor ? ['--grep', `@${vendor}\\b${smoke ? '.*@smoke\\b' : ''}`] : [])];
  // The lockout budget as on a real target (one judged wrong password per account), on a fixed night.
  // One vendor's night runs in one worker (a second costs more CPU to start than it saves).
  const workers: Record<string, string> = vendor ? { WORKERS: ONE_WORKER } : {};
  const run = await runMonitor(proxy.port, args, { MONITOR_WEBHOOK_URL: hook, LOCKOUT_BUDGET: 'on', MONITOR_TODAY: NIGHT, ...workers, ...env });
  const scan = scanArtefacts([run.reports], patterns);
  expect(scan.hits.map((h) => `${h.name} (${h.encoding}) in ${h.where}`), 'secrets in the reports').toEqual([]);
  const scanner = new ArtefactScanner(patterns);
  expect(scanner.scanBuffer(Buffer.from(run.out), 'output').hits, 'secrets in the output').toEqual([]);
  expect(scanner.scanBuffer(Buffer.from(posted.join('\n')), 'webhook').hits, 'secrets in the webhook').toEqual([]);
  expect(run.out).not.toContain('hook-token-77');
  return run;
}

const NIGHT = '2026-12-02';

/** The lockout budget held: no real account judged more than once, no request judged twice. */
function expectLockoutBudget(run: MonitorRun): void {
  for (const [account, n] of Object.entries(run.facts?.judged ?? {})) {
    if (!account.endsWith('/(no configured account)')) expect(n, `${account} in ${JSON.stringify(run.facts?.judgedByScenario)}`).toBeLessThanOrEqual(1);
    expect(account).toMatch(/^(clearlrs|couchdrop|nexudus|personr|truedat)\/([A-Z][A-Z0-9_]+|\(no configured account\))$/);
  }
  for (const j of run.facts?.judgedByScenario ?? []) expect(j.maxPerRequest, `${j.vendor} › ${j.scenario}`).toBeLessThanOrEqual(1);
}

/** Skip reasons of the lockout budget, from Playwright's JSON report. */
function lockoutSkips(run: MonitorRun): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { type, description } = node as { type?: unknown; description?: unknown };
    if (type === 'skip' && typeof description === 'string' && description.startsWith('lockout budget:')) found.add(description);
    Object.values(node).forEach(walk);
  };
  walk(JSON.parse(readFileSync(path.join(run.reports, 'results.json'), 'utf8')));
  return [...found];
}
const judgedTotals = (run: MonitorRun): Record<string, number> =>
  Object.fromEntries((run.facts?.judgedByScenario ?? []).map((j) => [`${j.vendor} › ${j.scenario}`, j.judged]));

function expectNoAlarmButFlaky(run: MonitorRun, cause: RegExp): void {
  expect(run.code, run.out).toBe(0);
  expect(run.summary?.failures ?? [], run.out).toEqual([]);
  expect(run.facts?.flakyNetwork.length ?? 0, run.out).toBeGreaterThan(0);
  for (const f of run.facts?.flakyNetwork ?? []) expect(f.reason).toMatch(cause);
  expect(run.out).toContain('monitor: passed:');
  expect(posted).toEqual([]);
  expectLockoutBudget(run);
}

// The connection-close night compares its judged counts with the first-503 night's: in order,
// in one worker.
test.describe('with and without first-attempt 503s', () => {
  test.describe.configure({ mode: 'serial' });
  let judgedWithRetries: Record<string, number> = {};

  test('first attempt 503 on every vendor: exit 0, no alarm, the scenarios flaky (network) with their retries', async () => {
    const run = await night('first-503', undefined);
    expectNoAlarmButFlaky(run, /passed after \d+ request retr(y|ies) \(answered 503\)/);
    expect(run.out).toMatch(/flaky \(network\): truedat › .* — passed after/);
    // Every vendor had its share, and each wrong-password scenario was judged exactly once.
    expect(new Set(run.facts?.flakyNetwork.map((f) => f.vendor))).toEqual(new Set(['clearlrs', 'couchdrop', 'nexudus', 'personr', 'truedat']));
    expect(run.facts?.judgedByScenario.length).toBeGreaterThan(5);
    judgedWithRetries = judgedTotals(run);
    for (const j of run.facts?.judgedByScenario ?? []) expect(j.maxPerRequest, `${j.vendor} › ${j.scenario}`).toBe(1);
    // Every real account was judged exactly once; the other scenarios on it wait for their night.
    const real = Object.entries(run.facts?.judged ?? {}).filter(([a]) => !a.includes('(no configured account)'));
    expect(real.length, JSON.stringify(run.facts?.judged)).toBeGreaterThanOrEqual(4);
    for (const [account, n] of real) expect(n, account).toBe(1);
    const skips = lockoutSkips(run);
    expect(skips.length, run.out).toBeGreaterThanOrEqual(2);
    const rule = /^lockout budget: one judged wrong password per account per run \(\w+\/[A-Z_]+\)(; ".+" has it tonight, this one runs on \d{4}-\d{2}-\d{2} \(every \d nights\)|: this scenario sends \d such requests; split it into one scenario per request to run it on a real target)$/;
    for (const reason of skips) expect(reason).toMatch(rule);
    expect(skips.some((r) => r.includes('has it tonight'))).toBe(true);
    expect(run.out).toMatch(/monitor: judged wrong-password attempts per account: clearlrs\//);
  });

  test('Connection: close on every answer is no fault at all: everything passes clean', async () => {
    const run = await night('connection-close', undefined);
    expect(run.code, run.out).toBe(0);
    expect(run.facts?.flakyNetwork, run.out).toEqual([]);
    expect(run.summary?.totals.failed).toBe(0);
    // Without faults each wrong-password scenario is judged as often as with first-attempt 503s.
    expect(judgedTotals(run)).toEqual(judgedWithRetries);
    for (const j of run.facts?.judgedByScenario ?? []) expect(j.maxPerRequest).toBe(1);
  });
});

test('on the sandbox without the budget every wrong-password scenario runs (the fault proofs need them), each request judged once', async () => {
  const run = await night('first-reset', 'personr', { LOCKOUT_BUDGET: 'auto' });
  expect(run.code, run.out).toBe(0);
  expect(lockoutSkips(run)).toEqual([]);
  expect(run.facts?.judged['personr/PERSONR_SECOND_EMAIL'], JSON.stringify(run.facts?.judged)).toBe(3);
  for (const j of run.facts?.judgedByScenario ?? []) expect(j.maxPerRequest).toBe(1);
});

// The vendor's @smoke scenarios: their login POST meets the cut-off body (each failure costs the
// child a new worker; the full vendor cost 10). The wrong-password rule is retry-policy.spec.ts's.
test('a body cut off after the status line is not resent for a POST: an outage that says why', async () => {
  const run = await night('first-truncated-chunked', 'couchdrop', {}, true);
  expect(run.code, run.out).toBe(2);
  const failures = run.summary?.failures ?? [];
  expect(failures.length, run.out).toBeGreaterThan(0);
  for (const f of failures) {
    expect(f.class).toBe('outage');
    expect(f.message).toMatch(/mid-response .*; not retried: the vendor answered \d+ before the body broke off: (it may have acted on this POST|it judged the wrong password)/);
  }
  expectLockoutBudget(run);
});

test('first attempt reset on every vendor: exit 0, no alarm, flaky (network)', async () => {
  expectNoAlarmButFlaky(await night('first-reset', undefined), /connection reset/);
});

// The vendor's @smoke scenarios prove the retry as well as all of them: a slow first answer
// costs each request the 1 s timeout, which over every clearlrs scenario was a 35 s night.
for (const [fault, vendor, cause] of [
  ['first-502-html', 'nexudus', /answered 502/],
  ['first-slow-headers', 'clearlrs', /timed out after 1000 ms/],
] as const) {
  test(`${fault} on ${vendor}: retried, flaky (network), no alarm`, async () => {
    expectNoAlarmButFlaky(await night(fault, vendor, {}, true), cause);
  });
}

test('first-attempt 429 (Retry-After: 1): retried after the wait, except on wrong-password requests, whose 429 stands as an outage', async () => {
  const run = await night('first-429', 'personr');
  expect(run.code, run.out).toBe(2); // degraded, not an alarm
  const failures = run.summary?.failures ?? [];
  expect(failures.length, run.out).toBeGreaterThan(0);
  // Only the deliberate wrong-password scenarios fail: a 429 there may be the lockout counting.
  const wrongPassword = new Set(run.facts?.judgedByScenario.map((j) => j.scenario));
  for (const f of failures) {
    expect(f.class).toBe('outage');
    expect(wrongPassword.has(f.scenario), f.scenario).toBe(true);
  }
  expect(run.facts?.flakyNetwork.length ?? 0).toBeGreaterThan(3);
  for (const f of run.facts?.flakyNetwork ?? []) expect(f.reason).toMatch(/answered 429 \(Retry-After\)/);
  expectLockoutBudget(run);
});

test('a vendor that stops answering mid-run (no preflight) is degraded: the breaker opens, its remaining scenarios not run, a DEGRADED message', async () => {
  const run = await night('never-answer', 'truedat', { NETWORK_PREFLIGHT: '0' });
  expect(run.code, run.out).toBe(2);
  expect(run.summary?.failures.every((f) => f.class === 'outage'), run.out).toBe(true);
  expect(run.facts?.notRun.length ?? 0, run.out).toBeGreaterThan(10);
  expect(run.facts?.notRun[0]?.reason).toMatch(/^not run: vendor unreachable \(3 retries in a row got no answer \(last: timed out after 1000 ms\)\)/);
  expect(run.out).toContain('monitor: DEGRADED: truedat:');
  expect(posted).toHaveLength(1);
  const message = JSON.parse(posted[0] ?? '{}') as { text: string };
  expect(message.text).toMatch(/^auth-contracts DEGRADED on sandbox: truedat unreachable; no contract alarm/);
  expect(message.text).toContain('[new failure] truedat › (vendor unreachable)');
  console.log(`never-answer: the truedat run took ${run.seconds.toFixed(1)} s with 1 s request timeouts`);
});

test('all five vendors never answering cost the run well under 90 s: the preflight opens every breaker, every scenario not run', async () => {
  const run = await night('never-answer', undefined);
  expect(run.code, run.out).toBe(2);
  expect(run.out).toMatch(/preflight: 0 of 5 vendors answered/);
  expect(run.summary?.failures ?? [], run.out).toEqual([]);
  const degraded = new Set(run.facts?.notRun.map((n) => n.vendor));
  expect(degraded).toEqual(new Set(['clearlrs', 'couchdrop', 'nexudus', 'personr', 'truedat']));
  for (const n of run.facts?.notRun ?? []) expect(n.reason).toMatch(/^not run: vendor unreachable \(preflight: GET \w+ got no answer in 3 attempts \(last: timed out after 1000 ms\)\)$/);
  // The bound is structural, not timed (a loaded machine must not fail it): no scenario sent a
  // request, so the run costs the preflight (3 attempts x the request timeout: about 3 s here,
  // 31.5 s with the defaults, README) plus start-up. The figure is printed, as the bench does.
  console.log(`never-answer on every vendor: the run took ${run.seconds.toFixed(1)} s with 1 s request timeouts`);
});

test('a reset in the middle of every response is an outage (degraded), not a contract break', async () => {
  const run = await night('reset-mid-body', 'couchdrop', {}, true);
  expect(run.code, run.out).toBe(2);
  const classes = new Set(run.summary?.failures.map((f) => f.class));
  expect([...classes], run.out).toEqual(['outage']);
  expect(run.summary?.failures[0]?.message).toMatch(/outage: (connection reset mid-response|vendor unreachable)/);
});

test('a 100 MB body fails at once as a contract break, "response body larger than 1 MB", without reading it', async () => {
  const run = await night('huge-body', 'clearlrs', {}, true);
  expect(run.code, run.out).toBe(1);
  const failures = run.summary?.failures ?? [];
  expect(failures.length).toBeGreaterThan(0);
  for (const f of failures) {
    expect(f.class).toBe('contract');
    expect(f.message).toContain('contract: response body larger than 1 MB');
  }
  expect(posted).toHaveLength(1);
});

test('a captive portal answering 200 text/html is an answer: a contract alarm naming the clause', async () => {
  const run = await night('html-200', 'nexudus', {}, true);
  expect(run.code, run.out).toBe(1);
  expect(run.summary?.failures.every((f) => f.class === 'contract' && f.clauses.length > 0), run.out).toBe(true);
});

test('a real contract break behind first-attempt 503s still alarms, classed contract, naming the clause', async () => {
  sandbox.faults.set(['truedat.created-200']);
  const run = await night('first-503', 'truedat', {}, true);
  expect(run.code, run.out).toBe(1);
  const broken = run.summary?.failures ?? [];
  expect(broken.length).toBeGreaterThan(0);
  expect(broken.every((f) => f.class === 'contract'), run.out).toBe(true);
  expect(broken.some((f) => f.clauses.includes('session.created'))).toBe(true);
  const message = JSON.parse(posted[0] ?? '{}') as { text: string };
  expect(message.text).toMatch(/^auth-contracts FAILED on sandbox/);
  expect(message.text).toContain('[new failure] truedat ›');
});
