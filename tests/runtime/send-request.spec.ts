// A request that gets no response fails as an outage, and Playwright's call log (which lists the
// Authorization header) never reaches the message.
import { expect, test } from '@playwright/test';
import { Redactor } from '../../src/redaction/redactor';
import { outageError, sendRequest } from '../../src/runtime/send-request';

const PASSWORD = 'Outage-S3cret-pw';
const TOKEN = Buffer.from(`user:${PASSWORD}`).toString('base64');

test('connection refused becomes an outage error without the call log', async ({ request }) => {
  const redactor = new Redactor();
  redactor.add('PASSWORD', PASSWORD);
  const prepared = { method: 'POST', url: 'http://127.0.0.1:1/login', headers: { Authorization: `Basic ${TOKEN}`, 'x-api-key': PASSWORD } };
  const error = await sendRequest(request, prepared, redactor).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toMatch(/^outage: connection refused — POST http:\/\/127\.0\.0\.1:1\/login got no HTTP response/);
  expect(`${error?.message}\n${error?.stack}`).not.toContain(TOKEN);
  expect(`${error?.message}\n${error?.stack}`).not.toContain(PASSWORD);
  expect(error?.message).not.toContain('Call log');
});

test('the outage kinds are named; other errors keep their own class', () => {
  const prepared = { method: 'GET', url: 'http://x/y', headers: {} };
  const r = new Redactor();
  const kind = (message: string): string => {
    const error = outageError(new Error(message), prepared, r);
    return `${error.failureClass}/${error.cause}|${error.message}`;
  };
  expect(kind('apiRequestContext.fetch: getaddrinfo ENOTFOUND x\nCall log:\n  - authorization: Basic abc')).toMatch(/^outage\/DNS lookup failed\|outage: DNS lookup failed — GET http:\/\/x\/y got no HTTP response \(getaddrinfo ENOTFOUND x\)$/);
  expect(kind('apiRequestContext.fetch: read ECONNRESET')).toMatch(/^outage\/connection reset\|outage: connection reset/);
  expect(kind('apiRequestContext.fetch: Timeout 30000ms exceeded.')).toMatch(/^outage\/timed out\|outage: timed out/);
  expect(kind('apiRequestContext.fetch: Invalid URL')).toMatch(/^config\/invalid URL\|config: GET http:\/\/x\/y is not a valid URL/);
  expect(kind('something else')).toMatch(/^outage\/no HTTP response\|outage: GET http:\/\/x\/y failed before a response arrived/);
});
