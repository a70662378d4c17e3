// A response that hands back a secret the step sent fails, in any encoding the secret scanner
// knows, in a header or anywhere in the body; a response without it, or one echoing a secret
// the step never sent, passes. The result names the «placeholder», never the value.
import { expect, test } from '@playwright/test';
import type { RequestSpec, StepSpec } from '../../src/dsl/model';
import type { TargetEnv } from '../../src/runtime/env';
import type { ReadResponse } from '../../src/runtime/read-response';
import type { VendorInfo } from '../../src/runtime/scenario-info';
import { SECRET_ECHO_KEYWORD, secretEchoes } from '../../src/runtime/secret-echo';

const PASSWORD = 'Pw-échoed:S3cret/+';
const loc = { file: 'specs/acme/login.yaml', line: 7, col: 9 };
const vendor: VendorInfo = {
  vendor: 'acme',
  title: 'ACME',
  baseUrlVar: 'ACME_BASE_URL',
  variables: [
    { name: 'ACME_USER', secret: false, optional: false },
    { name: 'ACME_PASSWORD', secret: true, optional: false },
    { name: 'ACME_OTHER_SECRET', secret: true, optional: false },
  ],
};
const env: TargetEnv = {
  target: 'sandbox',
  file: 'env/sandbox.env',
  isSandbox: true,
  values: { ACME_BASE_URL: 'http://127.0.0.1:1', ACME_USER: 'acme-user', ACME_PASSWORD: PASSWORD, ACME_OTHER_SECRET: 'never-sent-secret' },
};

function step(request: Partial<RequestSpec>): StepSpec {
  return {
    name: 'log in',
    request: { method: 'POST', path: '/login', query: {}, headers: {}, loc, ...request },
    expect: { headers: [], cookies: [], body: [], loc },
    captures: [],
    loc,
  };
}
const basic = step({ auth: { kind: 'basic', username: '{{ACME_USER}}', password: '{{ACME_PASSWORD}}', scheme: 'Basic', loc } });
const form = step({ body: { kind: 'form', fields: { username: '{{ACME_USER}}', password: '{{ACME_PASSWORD}}' }, loc } });

function response(body: unknown, headers: Record<string, string> = {}): ReadResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json', ...headers }, cookies: new Map(), text, json: typeof body === 'string' ? undefined : body, isJson: typeof body !== 'string' };
}

test('a clean answer passes', () => {
  expect(secretEchoes(basic, response({ token: 'tok-1', user: 'acme-user' }), vendor, env)).toEqual([]);
});

test('the password handed back raw in a JSON body fails at its path, as a contract mismatch naming the placeholder', () => {
  const [hit, ...rest] = secretEchoes(basic, response({ status: 'success', response: { token: 't', password: PASSWORD } }), vendor, env);
  expect(rest).toEqual([]);
  expect(hit).toEqual({
    pass: false,
    path: 'body response.password',
    keyword: SECRET_ECHO_KEYWORD,
    expected: 'no submitted secret: a response must never hand back «ACME_PASSWORD»',
    actual: '«ACME_PASSWORD» (raw)',
    loc,
  });
  expect(JSON.stringify(hit)).not.toContain(PASSWORD);
});

test('encoded echoes are found too: base64 in a header, URL-encoded in a body, inside a longer string', () => {
  const basicValue = Buffer.from(`acme-user:${PASSWORD}`).toString('base64');
  const inHeader = secretEchoes(form, response({ ok: true }, { 'x-debug-auth': `Basic ${basicValue}` }), vendor, env);
  expect(inHeader.map((r) => r.path)).toEqual(['header x-debug-auth']);
  expect(String(inHeader[0]?.actual)).toMatch(/^«ACME_PASSWORD» \(base64/);
  const urlEncoded = secretEchoes(form, response({ next: `https://x.test/cb?p=${encodeURIComponent(PASSWORD)}` }), vendor, env);
  expect(urlEncoded.map((r) => `${r.path} ${String(r.actual)}`)).toEqual(['body next «ACME_PASSWORD» (URL-encoded)']);
  const text = secretEchoes(form, response(`<p>welcome back, ${PASSWORD}</p>`), vendor, env);
  expect(text.map((r) => r.path)).toEqual(['body']);
});

test('only secrets the step sent count; non-secret variables never do', () => {
  expect(secretEchoes(basic, response({ note: 'never-sent-secret', user: 'acme-user' }), vendor, env)).toEqual([]);
  const unauthenticated = step({});
  expect(secretEchoes(unauthenticated, response({ password: PASSWORD }), vendor, env)).toEqual([]);
});
