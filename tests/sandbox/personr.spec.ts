// The Personr sandbox in-process (Fastify inject): every route, the odd inputs a careful
// integrator or a confused client sends, expiry via the per-request clock header, and reset().
import { expect, test } from '@playwright/test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import { personr } from '../../sandbox/personr/personr';

const env = readSandboxEnv();
const prefix = prefixOf(env.PERSONR_BASE_URL);
const email = env.PERSONR_EMAIL ?? '';
const password = env.PERSONR_PASSWORD ?? '';
const second = { email: env.PERSONR_SECOND_EMAIL ?? '', password: env.PERSONR_SECOND_PASSWORD ?? '' };
const YEAR = 31_536_000;
const INVALID_LOGIN = {
  statusCode: 400,
  reason: 'INVALID_LOGIN_CREDENTIALS',
  message: 'We didn\u2019t find an account with those login credentials',
};

type Body = Record<string, unknown> & { response?: Record<string, unknown> };
type Extra = Omit<InjectOptions, 'url' | 'path'>;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const basic = (user: string, pass: string): string => `Basic ${b64(`${user}:${pass}`)}`;

let sandbox: Sandbox;
const responses: LightMyRequestResponse[] = [];

async function send(options: Extra & { url: string }): Promise<LightMyRequestResponse> {
  const res = await sandbox.app.inject({ ...options, url: `${prefix}${options.url}` });
  responses.push(res);
  return res;
}
const issue = (headers: Record<string, string> = {}, extra: Extra = {}) =>
  send({ method: 'POST', url: '/api-basic-auth', headers: { authorization: basic(email, password), ...headers }, ...extra });
async function token(): Promise<string> {
  const res = await issue();
  expect(res.statusCode).toBe(200);
  return String(res.json<Body>().response?.token);
}
const probe = (authorization: string | undefined, offsetSeconds?: number) =>
  send({
    method: 'POST',
    url: '/api-probe',
    headers: {
      ...(authorization === undefined ? {} : { authorization }),
      ...(offsetSeconds === undefined ? {} : { 'x-sandbox-clock-offset': String(offsetSeconds) }),
    },
  });

test.beforeAll(() => {
  sandbox = buildSandbox({ env, vendors: [personr] });
});
test.beforeEach(() => personr.reset());
test.afterAll(async () => {
  // No response of the whole file may echo the password, raw or inside the Basic value.
  for (const res of responses) {
    expect(res.body).not.toContain(password);
    expect(res.body).not.toContain(second.password);
    expect(res.body).not.toContain(b64(`${email}:${password}`));
    expect(JSON.stringify(res.headers)).not.toContain(password);
  }
  await sandbox.app.close();
});

test.describe('POST /api-basic-auth', () => {
  test('valid credentials get the documented envelope with a bus| token of the user', async () => {
    // The seeded password contains a colon: the split is at the first one (RFC 7617 §2).
    expect(password).toContain(':');
    const res = await issue();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const body = res.json<Body>();
    expect(body.status).toBe('success');
    expect(body.response?.expires).toBe(YEAR);
    expect(body.response?.user_id).toMatch(/^\d{13}x\d{18}$/);
    expect(body.response?.token).toMatch(new RegExp(`^bus\\|${String(body.response?.user_id)}\\|\\d{13}x\\d{18}$`));
  });

  test('the email is compared case-insensitively, the scheme word too; the password is exact', async () => {
    expect((await issue({ authorization: basic(email.toUpperCase(), password) })).statusCode).toBe(200);
    expect((await issue({ authorization: basic(email, password).replace('Basic', 'bAsIc') })).statusCode).toBe(200);
    expect((await issue({ authorization: basic(email, password.toUpperCase()) })).json()).toEqual(INVALID_LOGIN);
  });

  test('any body and content type of the samples and the table is ignored', async () => {
    const auth = { authorization: basic(email, password) };
    const bodies: Extra[] = [
      { headers: { ...auth, 'content-type': 'application/json' } },
      { headers: { ...auth, 'content-type': 'application/json' }, payload: '{"truncated":' },
      { headers: { ...auth, 'content-type': 'multipart/form-data' } },
      { headers: { ...auth, 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n' },
      { headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=x&password=y' },
      { headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' },
    ];
    for (const extra of bodies) {
      const res = await send({ method: 'POST', url: '/api-basic-auth', ...extra });
      expect(res.statusCode, String(extra.headers?.['content-type'])).toBe(200);
    }
  });

  test('a wrong password and an unknown email get the same documented 400, byte for byte', async () => {
    const wrong = await issue({ authorization: basic(email, 'wrong-password') });
    const unknown = await issue({ authorization: basic('nobody@personr.example', 'wrong-password') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual(INVALID_LOGIN);
    expect(wrong.body).toContain('didn\u2019t');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toBe(wrong.body);
  });

  const oddHeaders: Record<string, string | undefined> = {
    missing: undefined,
    empty: '',
    'scheme only': 'Basic',
    'scheme and space': 'Basic ',
    'another scheme': 'Bearer abc',
    'Digest with the right credentials': basic(email, password).replace('Basic', 'Digest'),
    'bare base64 (no scheme word)': b64(`${email}:${password}`),
    'not base64': 'Basic %%%not-base64%%%',
    'base64url alphabet': `Basic ${b64(`${email}:${password}`).replace(/\+/g, '-').replace(/\//g, '_')}x-_`,
    'extra padding': `${basic(email, password)}====`,
    truncated: basic(email, password).slice(0, -2),
    'no colon': `Basic ${b64(email)}`,
    'empty user-id': `Basic ${b64(`:${password}`)}`,
    'control character': `Basic ${b64(`${email}\u0000:${password}`)}`,
    'ISO-8859-1 bytes': `Basic ${Buffer.from(`${email}:caf\u00e9`, 'latin1').toString('base64')}`,
    'raw text after Basic': `Basic ${email}:${password}`,
    'tab after Basic': `Basic\t${b64(`${email}:${password}`)}`,
    '10 KB of base64': `Basic ${b64('x'.repeat(7_500))}`,
  };
  for (const [name, authorization] of Object.entries(oddHeaders)) {
    test(`an odd Authorization header (${name}) gets the documented 400, never a crash`, async () => {
      const headers = authorization === undefined ? {} : { authorization };
      const res = await send({ method: 'POST', url: '/api-basic-auth', headers });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(INVALID_LOGIN);
    });
  }

  test('GET, PUT, PATCH and DELETE get 405 with Allow: POST and issue nothing', async () => {
    const live = await token();
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await send({ method, url: '/api-basic-auth', headers: { authorization: basic(email, password) } });
      expect(res.statusCode, method).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.json<Body>()).toEqual({ message: expect.any(String) as unknown });
    }
    // Nothing was issued, so the token from before is still the user's live one.
    expect((await probe(`Bearer ${live}`)).statusCode).toBe(200);
  });
});

test.describe('the protected workflow (POST /api-probe)', () => {
  test('a live token opens it and the workflow runs as the token user', async () => {
    const issued = (await issue()).json<Body>().response ?? {};
    const res = await probe(`Bearer ${String(issued.token)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'success', response: { user_id: issued.user_id } });
    expect((await probe(`bearer ${String(issued.token)}`)).statusCode).toBe(200);
  });

  test('issuing a token revokes every earlier token of the user', async () => {
    const [first, second, third] = [await token(), await token(), await token()];
    expect(new Set([first, second, third]).size).toBe(3);
    expect((await probe(`Bearer ${first}`)).statusCode).toBe(401);
    expect((await probe(`Bearer ${second}`)).statusCode).toBe(401);
    expect((await probe(`Bearer ${third}`)).statusCode).toBe(200);
  });

  test('the token expires one year after it was issued, by the per-request clock', async () => {
    const live = await token();
    expect((await probe(`Bearer ${live}`, YEAR - 60)).statusCode).toBe(200);
    expect((await probe(`Bearer ${live}`, YEAR + 1)).statusCode).toBe(401);
    // Use far in the "future" does not move time for a request without the header.
    expect((await probe(`Bearer ${live}`)).statusCode).toBe(200);
    // A malformed offset is ignored rather than crashing or expiring the token.
    expect((await probe(`Bearer ${live}`, Number.NaN)).statusCode).toBe(200);
  });

  test('the global sandbox clock expires tokens as well', async () => {
    const live = await token();
    const clock = await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/clock', payload: { advanceSeconds: YEAR + 1 } });
    expect(clock.statusCode).toBe(200);
    expect((await probe(`Bearer ${live}`)).statusCode).toBe(401);
    sandbox.clock.reset();
  });

  test('revoked, unknown, missing or non-Bearer credentials get the Bubble 401 body', async () => {
    const revoked = await token();
    await token();
    for (const authorization of [`Bearer ${revoked}`, 'Bearer bus|1x1|2x2', undefined, basic(email, password), 'Bearer', 'Token abc']) {
      const res = await probe(authorization);
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json()).toEqual({ error_class: 'Unauthorized', args: { code: expect.stringMatching(/^\d{13}x\d{18}$/) as unknown }, message: null, translation: 'Invalid or expired token' });
      expect(res.body).not.toContain(revoked);
    }
  });

  test('reset() and POST /__sandbox/reset forget every issued token', async () => {
    const before = await token();
    personr.reset();
    expect((await probe(`Bearer ${before}`)).statusCode).toBe(401);
    const again = await token();
    expect((await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/reset' })).statusCode).toBe(200);
    expect((await probe(`Bearer ${again}`)).statusCode).toBe(401);
  });
});

test('faults are switched by their full name through the control API', async () => {
  const on = await sandbox.app.inject({ method: 'PUT', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/faults', payload: { faults: ['personr.issue-201'] } });
  expect(on.statusCode).toBe(200);
  expect((await issue()).statusCode).toBe(201);
  await sandbox.app.inject({ method: 'PUT', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/faults', payload: { faults: [] } });
  expect((await issue()).statusCode).toBe(200);
});

test('the demo accounts are the two seeded service accounts', () => {
  expect(personr.demoAccounts(env)).toEqual([
    { label: 'service account', username: email, password },
    { label: 'second service account', username: second.email, password: second.password },
  ]);
});

// The contracts lock per account: personr-service-account and personr-second-account run side by
// side, so each account's logins must revoke only its own tokens.
test('the second account logs in as its own user, and a login of one account revokes none of the other\'s tokens', async () => {
  expect(second.email).not.toBe('');
  expect(second.email).not.toBe(email);
  // Its password has a colon too, so a split at the last colon breaks its logins as well.
  expect(second.password).toContain(':');
  const asSecond = { authorization: basic(second.email, second.password) };
  const mine = (await issue(asSecond)).json<Body>().response ?? {};
  const first = (await issue()).json<Body>().response ?? {};
  expect(mine.user_id).toMatch(/^\d{13}x\d{18}$/);
  expect(mine.user_id).not.toBe(first.user_id);
  expect((await probe(`Bearer ${String(mine.token)}`)).json()).toEqual({ status: 'success', response: { user_id: mine.user_id } });
  expect((await issue({ authorization: basic(second.email, password) })).json()).toEqual(INVALID_LOGIN);
  // A GET that issues a token (the fault) revokes the second account's token, never the first's.
  sandbox.faults.set(['personr.get-issues-token']);
  try {
    expect((await send({ method: 'GET', url: '/api-basic-auth', headers: asSecond })).statusCode).toBe(200);
  } finally {
    sandbox.faults.set([]);
  }
  expect((await probe(`Bearer ${String(mine.token)}`)).statusCode).toBe(401);
  expect((await probe(`Bearer ${String(first.token)}`)).statusCode).toBe(200);
});
