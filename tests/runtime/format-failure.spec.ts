// The failure message shows the request body the step sent, redacted: secrets the redactor knows
// become their «NAME» placeholder, credential-named fields are masked, repeated form fields show
// once per value, and a raw body is shown as written. A bodiless request shows no body line.
import { expect, test } from '@playwright/test';
import { Redactor } from '../../src/redaction/redactor';
import type { PreparedRequest } from '../../src/runtime/build-request';
import { formatFailure, type FailureContext } from '../../src/runtime/format-failure';
import type { ReadResponse } from '../../src/runtime/read-response';

const PASSWORD = 'Fmt-S3cret:pass word!';
const ISSUED = 'issued-token-0123456789abcdef';
const loc = { file: 'specs/acme/login.yaml', line: 9, col: 7 };
const response: ReadResponse = { status: 401, statusText: 'Unauthorized', headers: {}, cookies: new Map(), text: '{"error":"x"}', json: { error: 'x' }, isJson: true };

function message(request: PreparedRequest): string {
  const redactor = new Redactor();
  redactor.add('ACME_PASSWORD', PASSWORD);
  const ctx: FailureContext = {
    stepName: 'log in',
    request,
    response,
    failures: [{ path: 'status', keyword: 'status', expected: 200, actual: 401, loc, clauses: ['login.ok'] }],
    failureClass: 'contract',
    clauses: ['login.ok'],
    doc: 'ACME login',
    source: 'specs/acme/login.yaml:5',
    secretHeaders: [],
  };
  return formatFailure(ctx, redactor);
}

const base = { method: 'POST', url: 'http://127.0.0.1:1/login', headers: {} };

test('a JSON body: the known secret is its placeholder, a credential-named field is masked', () => {
  const text = message({ ...base, data: Buffer.from(JSON.stringify({ user: 'api-user', password: PASSWORD, refresh_token: ISSUED })) });
  expect(text).toContain(`request: POST http://127.0.0.1:1/login\n  body: {"user":"api-user","password":"«ACME_PASSWORD»","refresh_token":"«masked, ${ISSUED.length} chars»"}\nresponse: 401`);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(ISSUED);
});

test('a form body shows each field decoded, a repeated field once per value, secrets redacted', () => {
  const text = message({ ...base, form: [['grant_type', 'password'], ['password', PASSWORD], ['scope', 'read'], ['scope', 'write']] });
  expect(text).toContain('  body: form grant_type=password&password=«ACME_PASSWORD»&scope=read&scope=write\n');
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
});

test('multipart fields and a raw body; no body line without a body', () => {
  expect(message({ ...base, multipart: [['user', 'api-user'], ['password', PASSWORD]] })).toContain('  body: multipart user=api-user; password=«ACME_PASSWORD»\n');
  expect(message({ ...base, data: Buffer.from('{"user":') })).toContain('  body: {"user":\n');
  // The only body line left is the response's.
  expect(message({ ...base, method: 'GET' })).toContain('request: GET http://127.0.0.1:1/login\nresponse: 401 Unauthorized\n  body: {"error":"x"}');
});

test('a long body is cut at the excerpt limit, saying how long it was', () => {
  const long = JSON.stringify({ note: 'x'.repeat(800) });
  expect(message({ ...base, data: Buffer.from(long) })).toContain(`… (${long.length} chars)`);
});
