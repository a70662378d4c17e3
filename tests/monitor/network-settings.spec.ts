// Where one attempt's timeout and a scenario's body cap come from: vendor.yaml's requestTimeoutMs
// and a scenario's bodyLimitBytes (loaded, compiled into the manifest and the runtime's facts),
// each overridable as documented, and a bad value is a schema error naming its key.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSuite } from '../../src/loader/load-suite';
import { networkSettings } from '../../src/runtime/network/settings';

const FIXTURE = path.join(__dirname, '..', 'loader', 'fixtures', 'valid');

function suiteWith(timeout: string, bodyLimit: string): ReturnType<typeof loadSuite> {
  const dir = test.info().outputPath('suite');
  cpSync(FIXTURE, dir, { recursive: true });
  const vendorFile = path.join(dir, 'specs', 'acme', 'vendor.yaml');
  writeFileSync(vendorFile, readFileSync(vendorFile, 'utf8').replace('baseUrl: ACME_BASE_URL\n', `baseUrl: ACME_BASE_URL\nrequestTimeoutMs: ${timeout}\n`));
  const login = path.join(dir, 'specs', 'acme', 'login.yaml');
  writeFileSync(login, readFileSync(login, 'utf8').replace('    noRetry: true\n', `    noRetry: true\n    bodyLimitBytes: ${bodyLimit}\n`));
  return loadSuite(dir);
}

test('vendor.yaml requestTimeoutMs and a scenario bodyLimitBytes reach the model', () => {
  const { suite, errors } = suiteWith('2500', '2048');
  expect(errors).toEqual([]);
  expect(suite.vendors[0]?.requestTimeoutMs).toBe(2500);
  const scenarios = suite.files.flatMap((f) => f.scenarios);
  expect(scenarios.filter((s) => s.bodyLimitBytes !== undefined).map((s) => s.bodyLimitBytes)).toEqual([2048]);
});

test('a bad value is a schema error at its key', () => {
  const { errors } = suiteWith('0', '"big"');
  const text = errors.map((e) => `${e.loc.file}:${e.loc.line} ${e.message}`).join('\n');
  expect(text).toMatch(/specs\/acme\/vendor\.yaml:\d+ .*requestTimeoutMs/);
  expect(text).toMatch(/specs\/acme\/login\.yaml:\d+ .*bodyLimitBytes/);
});

test('the environment overrides vendor.yaml; a scenario cap overrides RESPONSE_BODY_LIMIT_BYTES', () => {
  const file = { requestTimeoutMs: 2500 };
  expect(networkSettings({}, 'acme', file).timeoutMs).toBe(2500);
  expect(networkSettings({ REQUEST_TIMEOUT_MS: '1000' }, 'acme', file).timeoutMs).toBe(1000);
  expect(networkSettings({ REQUEST_TIMEOUT_MS: '1000', ACME_REQUEST_TIMEOUT_MS: '700' }, 'acme', file).timeoutMs).toBe(700);
  expect(networkSettings({}, 'acme').timeoutMs).toBe(10_000);
  expect(networkSettings({ RESPONSE_BODY_LIMIT_BYTES: '4096' }, 'acme').bodyLimitBytes).toBe(4096);
  expect(networkSettings({ RESPONSE_BODY_LIMIT_BYTES: '4096' }, 'acme', { bodyLimitBytes: 2048 }).bodyLimitBytes).toBe(2048);
});
