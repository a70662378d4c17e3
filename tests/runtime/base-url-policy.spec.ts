// Credentials never travel in clear text or to another origin: a base URL that is not https://
// is refused before any request unless its host is this machine (or the vendor opts out), and a
// redirect is returned to the contract, never followed with the Authorization header.
// No test here touches a real address: the refused hosts are reserved names (.test, RFC 6761).
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBaseUrl, isLoopbackHost, plainHttpOptOut } from '../../src/runtime/base-url-policy';
import { Contract } from '../../src/runtime/contract';
import { ConfigError, type TargetEnv } from '../../src/runtime/env';
import type { ScenarioInfo, VendorInfo } from '../../src/runtime/scenario-info';
import { sendAttempt } from '../../src/runtime/send-request';
import { WorkerContext } from '../../src/runtime/worker-context';
import { Redactor } from '../../src/redaction/redactor';

const vendor: VendorInfo = { vendor: 'acme', title: 'ACME', baseUrlVar: 'ACME_BASE_URL', variables: [{ name: 'ACME_PASSWORD', secret: true, optional: false }] };
const scenario: ScenarioInfo = { name: 's', source: 'specs/acme/a.yaml:3', doc: 'd', clauses: [], variables: ['ACME_PASSWORD'], sandboxOnly: false, production: { harmful: false } };

function env(values: Record<string, string>, target = 'production'): TargetEnv {
  return { target, file: `env/${target}.env`, isSandbox: target === 'sandbox', values };
}

test('loopback hosts are this machine; other names and addresses are not', () => {
  for (const host of ['localhost', 'api.localhost', '127.0.0.1', '127.0.0.2', '127.255.0.9', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
  for (const host of ['vendor.example.test', '10.0.0.1', '128.0.0.1', 'localhost.example.test', '[::2]', '::ffff:10.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
});

test('https is accepted anywhere, http only on this machine', () => {
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'https://vendor.example.test/api' }))).not.toThrow();
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'http://127.0.0.2:4010/acme' }))).not.toThrow();
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'http://localhost:4010' }))).not.toThrow();
  const refused = (): void => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'http://vendor.example.test/api' }));
  expect(refused).toThrow(ConfigError);
  expect(refused).toThrow(/^config: ACME_BASE_URL must start with https:\/\/ .*http:\/\/vendor\.example\.test would send acme's credentials in clear text.*ACME_ALLOW_PLAIN_HTTP=1 in env\/production\.env/);
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'ftp://vendor.example.test' }))).toThrow(/ACME_BASE_URL must be an https:\/\/ URL; it uses ftp:/);
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'vendor.example.test' }))).toThrow(/ACME_BASE_URL must be an absolute URL/);
});

test('the per-vendor opt-out allows plain http for that vendor only', () => {
  expect(plainHttpOptOut('ACME_BASE_URL')).toBe('ACME_ALLOW_PLAIN_HTTP');
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'http://vendor.example.test', ACME_ALLOW_PLAIN_HTTP: '1' }))).not.toThrow();
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'http://vendor.example.test', OTHER_ALLOW_PLAIN_HTTP: '1' }))).toThrow(ConfigError);
  expect(() => checkBaseUrl(vendor, env({ ACME_BASE_URL: 'http://vendor.example.test', ACME_ALLOW_PLAIN_HTTP: 'true' }))).toThrow(ConfigError);
});

test('a scenario with a plain-http base URL fails as config before it sends anything', () => {
  // The runtime sends with Node's fetch (send-request.ts): count what reaches it.
  let requests = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = () => ((requests += 1), Promise.reject(new Error('no request may be sent')));
  try {
    const values = { ACME_BASE_URL: 'http://vendor.example.test', ACME_PASSWORD: 'pw-0123456789' };
    const worker = new WorkerContext(__dirname, env(values));
    const contract = new Contract(worker, vendor, { annotations: [], attachments: [], skip: () => undefined });
    expect(() => contract.begin(scenario)).toThrow(/^config: ACME_BASE_URL must start with https:\/\//);
  } finally {
    globalThis.fetch = realFetch;
  }
  expect(requests).toBe(0);
});

test('a redirect to another origin is returned, and the Authorization header never reaches that origin', async () => {
  const seen: (string | undefined)[] = [];
  const other = http.createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.end('{}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const otherPort = (other.address() as AddressInfo).port;
  const first = http.createServer((_req, res) => {
    // "localhost" and "127.0.0.1" on another port: a different origin, still this machine.
    res.writeHead(302, { location: `http://localhost:${otherPort}/steal` });
    res.end();
  });
  await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(first.address() as AddressInfo).port}/login`;
    const response = await sendAttempt({ method: 'POST', url, headers: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' } }, { timeoutMs: 5_000, bodyLimitBytes: 1024 }, new Redactor());
    expect(response.status).toBe(302);
    expect(seen).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => first.close(() => resolve()));
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});
