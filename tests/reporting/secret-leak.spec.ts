// No secret in any artefact: known secret values are planted (environment overrides, which the
// sandbox and the fixture server read too, so logins still work), failing and passing scenarios
// run through the real reporters, and every file under the run's reports and test output, plus
// its stdout and stderr, is searched for each secret raw, JSON-escaped, URL-encoded, base64 at
// every offset and inside a Basic header value. Zero hits. Control runs prove the search is not
// blind: without the redacting reporter the same secrets do land in the reports.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ArtefactScanner, type ScanResult } from '../../src/reporting/scan/artefact-scanner';
import { basicHeaderPatterns, patternsFor, type SecretPattern } from '../../src/redaction/secret-encodings';
import type { NamedValue } from '../../src/reporting/secrets/secret-values';
import { FIXTURE_CONFIG, freePort, runPlaywright, tempDir, type FixtureRun } from './support/run-fixture';

// Every character class that changes under some encoding: space, quote, backslash, colon, £.
const canary = (label: string): string => `Leak-${label}-${randomBytes(4).toString('hex')} "q"\\:£`;

function patterns(secrets: readonly NamedValue[], users: readonly NamedValue[]): SecretPattern[] {
  return secrets.flatMap((s) => [...patternsFor(s), ...basicHeaderPatterns(s, users)]);
}

function scanRun(run: FixtureRun, list: readonly SecretPattern[]): ScanResult {
  const scanner = new ArtefactScanner(list);
  scanner.scanBuffer(Buffer.from(run.stdout), 'stdout');
  scanner.scanBuffer(Buffer.from(run.stderr), 'stderr');
  return scanner.scanPaths([run.reports]);
}

function hitsOf(result: ScanResult): string[] {
  return result.hits.map((h) => `${h.where}: ${h.name} as ${h.encoding}`);
}

/** Finds plain texts (such as redaction placeholders) anywhere, inside zips and data URLs too. */
function evidence(run: FixtureRun, ...texts: string[]): string[] {
  const found = new ArtefactScanner(texts.map((t) => ({ name: 'evidence', encoding: t, bytes: Buffer.from(t) }))).scanPaths([run.reports]);
  return found.hits.map((h) => path.relative(run.reports, h.where));
}

// A redacted Authorization line of a call log: the Basic value named, or masked whole.
const REDACTED_AUTH_LINE = ['authorization: Basic «', 'Authorization: Basic «', 'authorization: «masked»', 'Authorization: «masked»'];

test.describe.configure({ mode: 'parallel' });

test('the acme tests, failing and passing, leave no planted secret in any artefact or output', async () => {
  test.setTimeout(240_000);
  const user = { name: 'ACME_USERNAME', value: `leak-user-${randomBytes(3).toString('hex')}` };
  const secret = { name: 'ACME_PASSWORD', value: canary('acme') };
  const tokenLog = path.join(tempDir('tokens'), 'issued.txt');
  const env = { ACME_USERNAME: user.value, ACME_PASSWORD: secret.value, FIXTURE_TRACE: 'retain-on-failure', FIXTURE_TOKEN_LOG: tokenLog };
  // The tokens the fixture vendor issued during a run: captured at run time, known only to the
  // worker, sent in the vendor's own "token" header by one failing test.
  const issued = (): NamedValue[] =>
    readFileSync(tokenLog, 'utf8').split('\n').filter(Boolean).map((value, i) => ({ name: `CAPTURED_TOKEN_${i + 1}`, value }));

  const run = await runPlaywright(['-c', FIXTURE_CONFIG], env);
  // 3 passed: two plain passes and one whose inferred-clause failure is a warning verdict.
  expect(run.stdout).toMatch(/6 failed[\s\S]*3 passed/);
  const list = patterns([secret, ...issued()], [user]);
  expect(issued().length).toBeGreaterThanOrEqual(2);
  expect(hitsOf(scanRun(run, list))).toEqual([]);
  // The leak paths were taken and redacted, not avoided: placeholders are where secrets were.
  expect(evidence(run, '«ACME_PASSWORD»').some((w) => w.startsWith('results.json'))).toBe(true); // console output
  expect(evidence(run, ...REDACTED_AUTH_LINE).some((w) => w.startsWith(`html${path.sep}index.html!data-url`))).toBe(true); // call log
  expect(evidence(run, '«ACME_PASSWORD»').some((w) => w.includes('trace.zip!'))).toBe(true); // traces

  // Control: the same run without the redacting reporter (only Playwright's JSON reporter)
  // does put the secret into the report, and the search finds it.
  const control = await runPlaywright(['-c', FIXTURE_CONFIG, '--reporter=json'], env);
  expect(control.code).toBe(1);
  const controlHits = hitsOf(scanRun(control, patterns([secret, ...issued()], [user])));
  expect(controlHits.some((h) => h.includes(': ACME_PASSWORD as'))).toBe(true);
  expect(controlHits.some((h) => h.includes(': CAPTURED_TOKEN_'))).toBe(true);
});

test('the contract suite against the sandbox with a fault on leaves no planted secret anywhere', async () => {
  test.setTimeout(300_000);
  const secrets = [
    { name: 'TRUEDAT_PASSWORD', value: canary('td') },
    { name: 'COUCHDROP_PASSWORD', value: canary('cd') },
    { name: 'CLEARLRS_API_SECRET', value: canary('cl') },
  ];
  const users = [
    { name: 'TRUEDAT_USERNAME', value: 'api-integration' },
    { name: 'COUCHDROP_USERNAME', value: 'transfer-bot' },
    { name: 'CLEARLRS_API_KEY', value: 'sandbox-service-key' },
  ];
  const reports = tempDir('leak-suite');
  const env: Record<string, string> = Object.fromEntries(secrets.map((s) => [s.name, s.value]));
  env.SANDBOX_PORT = String(await freePort());
  // One clause broken: two scenarios fail (with request details in their messages), the rest pass
  // (a fault that fails few keeps the child's workers: each failed test costs it a new one).
  env.SANDBOX_FAULTS = 'truedat.login-error-detail-changed';
  const run = await runPlaywright(['--output', path.join(reports, 'test-results')], env, reports);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toMatch(/\d+ failed[\s\S]*\d+ passed/);
  expect(hitsOf(scanRun(run, patterns(secrets, users)))).toEqual([]);

  // A network failure: ClearLRS sends Basic credentials, and its base URL points at a closed
  // port. Playwright's call log of that error prints the Authorization header.
  const closed = await freePort();
  const outage = await runPlaywright(
    ['--grep', '@clearlrs', '--output', path.join(reports, 'outage-results')],
    { ...env, SANDBOX_FAULTS: '', SANDBOX_PORT: String(await freePort()), CLEARLRS_BASE_URL: `http://127.0.0.1:${closed}/clearlrs` },
    path.join(reports, 'outage'),
  );
  expect(outage.code).toBe(1);
  expect(outage.stdout).toMatch(/failed/);
  // The runtime sends with fetch and prints no call log; the run must still say what failed.
  expect(outage.stdout).toMatch(/outage: connection refused/);
  expect(hitsOf(scanRun(outage, patterns(secrets, users)))).toEqual([]);
});
