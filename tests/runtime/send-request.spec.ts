// A request that gets no response fails as an outage whose message names the cause and never
// quotes the request's credentials; an invalid base URL is a config error.
import { expect, test } from '@playwright/test';
import { Redactor } from '../../src/redaction/redactor';
import { NoAnswer, sendAttempt } from '../../src/runtime/send-request';
import { freePort } from '../reporting/support/run-fixture';

const PASSWORD = 'Outage-S3cret-pw';
const TOKEN = Buffer.from(`user:${PASSWORD}`).toString('base64');
const limits = { timeoutMs: 2_000, bodyLimitBytes: 1024 };

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => new Error('no error'),
    (e: unknown) => e as Error,
  );
}

test('connection refused becomes an outage error that names its cause and holds no secret', async () => {
  const redactor = new Redactor();
  redactor.add('PASSWORD', PASSWORD);
  const url = `http://127.0.0.1:${await freePort()}/login`;
  const prepared = { method: 'POST', url, headers: { Authorization: `Basic ${TOKEN}`, 'x-api-key': PASSWORD } };
  const error = await errorOf(sendAttempt(prepared, limits, redactor));
  expect(error).toBeInstanceOf(NoAnswer);
  expect((error as NoAnswer).cause).toBe('connection refused');
  expect(error.message).toBe(`outage: connection refused — POST ${url} got no HTTP response`);
  expect(`${error.message}\n${error.stack}`).not.toContain(TOKEN);
  expect(`${error.message}\n${error.stack}`).not.toContain(PASSWORD);
});

test('an unresolvable host is a DNS outage; a URL that does not parse is a config error', async () => {
  const r = new Redactor();
  const dns = await errorOf(sendAttempt({ method: 'GET', url: 'http://no-such-host.invalid/y', headers: {} }, limits, r));
  expect((dns as NoAnswer).cause).toBe('DNS lookup failed');
  const bad = await errorOf(sendAttempt({ method: 'GET', url: 'not a url/y', headers: {} }, limits, r));
  expect(bad.message).toMatch(/^config: GET not a url\/y is not a valid URL/);
});
