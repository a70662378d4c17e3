// `npm run monitor` over the acme tests: retries turn a transient fault into "flaky" and a
// zero exit; a failure that survives the retries exits 1 and, with MONITOR_WEBHOOK_URL set,
// posts one redacted Slack-compatible summary with the report link to a local webhook.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ArtefactScanner } from '../../src/reporting/scan/artefact-scanner';
import { patternsFor } from '../../src/redaction/secret-encodings';
import type { RunSummary } from '../../src/reporting/summary/summary-model';
import { FIXTURE_CONFIG, freePort, runScript, tempDir } from './support/run-fixture';

interface Posted {
  url: string;
  body: string;
}

let server: Server;
let posted: Posted[] = [];
let hook = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posted.push({ url: req.url ?? '', body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/webhook-token-123`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test.beforeEach(() => {
  posted = [];
});

async function monitor(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; reports: string }> {
  const reports = tempDir('monitor');
  const run = await runScript('monitor.ts', args, {
    MONITOR_CONFIG: FIXTURE_CONFIG,
    REPORTS_DIR: reports,
    FIXTURE_OUTPUT_DIR: path.join(reports, 'test-results'),
    FIXTURE_PORT: String(await freePort()),
    FIXTURE_CLOSED_PORT: String(await freePort()),
    ...env,
  });
  return { code: run.code, out: run.stdout + run.stderr, reports };
}

test('a failure that survives the retries exits 1 and posts one redacted summary with the report link', async () => {
  test.setTimeout(300_000);
  const password = 'Monitor-canary-5e2f "q"£';
  const run = await monitor([], { RETRIES: '1', ACME_PASSWORD: password, MONITOR_WEBHOOK_URL: hook, MONITOR_REPORT_URL: 'https://ci.example/runs/42' });
  expect(run.code, run.out).toBe(1);
  expect(run.out).toContain('monitor: target sandbox, retries 1');
  expect(run.out).toContain('posted the summary to 127.0.0.1');
  expect(run.out).not.toContain('webhook-token-123'); // the webhook URL is a credential too

  expect(posted).toHaveLength(1);
  const message = JSON.parse(posted[0]?.body ?? '{}') as { text: string; blocks: { type: string }[] };
  expect(message.text).toMatch(/^auth-contracts FAILED on sandbox: 5 failed \(.*1 credentials.*\), 1 flaky/);
  expect(message.text).toContain('- acme › a rejected login is reported as a credentials failure [credentials] clause session.created (specs/acme/sessions.yaml:54)');
  expect(message.text).toContain('Report: https://ci.example/runs/42');
  expect(message.blocks[0]?.type).toBe('header');
  expect(JSON.stringify(message.blocks)).toContain('<https://ci.example/runs/42|Open the full report>');
  const hits = new ArtefactScanner(patternsFor({ name: 'ACME_PASSWORD', value: password })).scanBuffer(Buffer.from(posted[0]?.body ?? ''), 'payload').hits;
  expect(hits).toEqual([]);

  const summary = JSON.parse(readFileSync(path.join(run.reports, 'summary.json'), 'utf8')) as RunSummary;
  expect(summary.flaky.map((f) => f.scenario)).toEqual(['a transient outage passes on retry']);
  expect(summary.failures.find((f) => f.scenario === 'a wrong password is refused once')?.attempts).toBe(1);
});

test('a transient fault that passes on retry is flaky: exit 0 and no notification', async () => {
  test.setTimeout(180_000);
  const run = await monitor(['--grep', 'valid credentials|transient outage'], { RETRIES: '2', MONITOR_WEBHOOK_URL: hook });
  expect(run.code, run.out).toBe(0);
  expect(run.out).toContain('monitor: passed: 0 failed (0 alarming), 1 flaky (0 network), 1 passed');
  expect(run.out).toContain('no notification');
  expect(posted).toEqual([]);
});

test('without MONITOR_WEBHOOK_URL a failing run notifies nobody and says so', async () => {
  test.setTimeout(180_000);
  const alarmOn = { MONITOR_ALARM_ON: 'contract,credentials,config' };
  const run = await monitor(['--grep', 'config failure'], { RETRIES: '0', ...alarmOn });
  expect(run.code, run.out).toBe(1);
  expect(run.out).toContain('MONITOR_WEBHOOK_URL is not set; no notification sent');
  expect(posted).toEqual([]);

  // The merge job of a sharded run notifies from the merged summary without running anything.
  const again = await runScript('monitor.ts', ['--notify-only'], { REPORTS_DIR: run.reports, MONITOR_WEBHOOK_URL: hook, ...alarmOn });
  expect(again.code).toBe(1);
  expect(posted).toHaveLength(1);
  expect(posted[0]?.body).toContain('a missing variable is a config failure [config]');
  expect(posted[0]?.body).toContain('[new failure] acme › a missing variable is a config failure');

  // Told once: the same failure again today sends nothing; by default config does not alarm.
  const third = await runScript('monitor.ts', ['--notify-only'], { REPORTS_DIR: run.reports, MONITOR_WEBHOOK_URL: hook, ...alarmOn });
  expect(third.code).toBe(1);
  expect(third.stdout).toContain('nothing changed since the last message today; no notification');
  const quiet = await runScript('monitor.ts', ['--notify-only'], { REPORTS_DIR: run.reports, MONITOR_WEBHOOK_URL: hook, MONITOR_STATE: path.join(run.reports, 'fresh-state.json') });
  expect(quiet.code).toBe(0);
  expect(quiet.stdout).toContain('not alarming (MONITOR_ALARM_ON=contract,credentials): acme › a missing variable is a config failure [config]');
  expect(posted).toHaveLength(1);
});

test('a bad RETRIES or MONITOR_ALARM_ON value is refused before anything runs', async () => {
  const run = await monitor([], { RETRIES: 'two' });
  expect(run.code).toBe(1);
  expect(run.out).toContain('RETRIES must be a whole number');
  const bad = await monitor([], { MONITOR_ALARM_ON: 'contract,bugs' });
  expect(bad.code).toBe(1);
  expect(bad.out).toContain('MONITOR_ALARM_ON lists "bugs"');
});
