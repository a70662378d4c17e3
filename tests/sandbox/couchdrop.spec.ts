// The Couchdrop sandbox in-process (Fastify inject): every route, the odd inputs, and expiry via
// the per-request clock header. Faults are covered in couchdrop-faults.spec.ts.
import { expect, test } from '@playwright/test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { couchdrop } from '../../sandbox/couchdrop/couchdrop';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';

const env = readSandboxEnv();
const prefix = prefixOf(env.COUCHDROP_BASE_URL);
const user = env.COUCHDROP_USERNAME ?? '';
const password = env.COUCHDROP_PASSWORD ?? '';
let sandbox: Sandbox;

test.beforeAll(() => {
  sandbox = buildSandbox({ env, vendors: [couchdrop] });
});
test.afterAll(async () => {
  await sandbox.app.close();
});

async function call(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
  return sandbox.app.inject({ ...options, url: `${prefix}${options.url}` });
}
const login = (body: Record<string, unknown>): Promise<LightMyRequestResponse> =>
  call({ method: 'POST', url: '/authenticate', payload: body });
const account = (headers: Record<string, string>, clockOffset?: number): Promise<LightMyRequestResponse> =>
  call({
    method: 'GET',
    url: '/manage/account',
    headers: clockOffset === undefined ? headers : { ...headers, 'x-sandbox-clock-offset': String(clockOffset) },
  });
async function tokenFor(body: Record<string, unknown> = { username: user, password }): Promise<string> {
  const res = await login(body);
  expect(res.statusCode).toBe(200);
  return (res.json<{ token: string }>()).token;
}

test.describe('couchdrop sandbox: POST /authenticate', () => {
  test('JSON credentials get 200 {token} with a fresh UUID, not cached, no password echoed', async () => {
    const res = await login({ username: user, password });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown });
    expect(res.body).not.toContain(password);
  });

  test('form-encoded and multipart credentials work too, and "system" is optional', async () => {
    const form = await call({
      method: 'POST',
      url: '/authenticate',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ username: user, password, system: 'contract-suite' }).toString(),
    });
    expect(form.statusCode).toBe(200);
    const boundary = 'XbOuNdArY';
    const part = (name: string, value: string): string =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = await call({
      method: 'POST',
      url: '/authenticate',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${part('username', user)}${part('password', password)}--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(200);
    expect((await login({ username: user, password, system: 'ci' })).statusCode).toBe(200);
  });

  test('every login mints a new token and earlier tokens stay valid', async () => {
    const first = await tokenFor();
    const second = await tokenFor();
    expect(second).not.toBe(first);
    expect((await account({ token: first })).statusCode).toBe(200);
    expect((await account({ token: second })).statusCode).toBe(200);
  });

  test('wrong password and unknown user get the same 403 body', async () => {
    const wrong = await login({ username: user, password: `${password}x` });
    const unknown = await login({ username: 'nobody-here', password: 'whatever' });
    expect(wrong.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(403);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ err: 'Account was invalid' });
    expect(wrong.body).not.toContain(password);
  });

  test('the 2FA user gets 401 for the right password and 403 for a wrong one', async () => {
    const twoFa = { username: env.COUCHDROP_2FA_USERNAME, password: env.COUCHDROP_2FA_PASSWORD };
    const right = await login(twoFa);
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual({ err: '2FA required' });
    expect(right.json()).not.toHaveProperty('token');
    expect((await login({ ...twoFa, password: 'wrong' })).statusCode).toBe(403);
  });

  const odd: [string, Omit<InjectOptions, 'url'>][] = [
    ['missing password', { payload: { username: user } }],
    ['missing username', { payload: { password } }],
    ['empty strings', { payload: { username: '', password: '' } }],
    ['a number as password', { payload: { username: user, password: 12345 } }],
    ['an operator object as password', { payload: { username: user, password: { $ne: null } } }],
    ['malformed JSON', { headers: { 'content-type': 'application/json' }, payload: '{"username": ' }],
    ['empty JSON body', { headers: { 'content-type': 'application/json' }, payload: '' }],
    ['JSON null', { headers: { 'content-type': 'application/json' }, payload: 'null' }],
    ['a JSON array', { headers: { 'content-type': 'application/json' }, payload: '["a"]' }],
    ['text/plain', { headers: { 'content-type': 'text/plain' }, payload: `username=${user}&password=${password}` }],
    ['credentials only in the query', { query: { username: user, password } }],
    ['multipart without a boundary', { headers: { 'content-type': 'multipart/form-data' }, payload: 'garbage' }],
    ['truncated multipart', { headers: { 'content-type': 'multipart/form-data; boundary=zz' }, payload: '--zz\r\nContent-Disp' }],
  ];
  for (const [name, options] of odd) {
    test(`${name} is refused with 403 and no token`, async () => {
      const res = await call({ method: 'POST', url: '/authenticate', ...options });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ err: 'Account was invalid' });
      expect(res.body).not.toContain(password);
    });
  }

  test('other methods get 405 with Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call({ method, url: '/authenticate' });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
  });
});

test.describe('couchdrop sandbox: GET /manage/account', () => {
  test('the token header opens the account of the user who logged in', async () => {
    const res = await account({ token: await tokenFor() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ account: { username: user, email_address: expect.stringContaining('@') as unknown } });
  });

  test('the legacy ?token= query parameter also works', async () => {
    const res = await call({ method: 'GET', url: '/manage/account', query: { token: await tokenFor() } });
    expect(res.statusCode).toBe(200);
  });

  test('missing, unknown, empty and Bearer-wrapped tokens get 403 "Token was not valid"', async () => {
    const token = await tokenFor();
    const attempts: Record<string, string>[] = [{}, { token: 'not-a-token' }, { token: '' }, { authorization: `Bearer ${token}` }];
    for (const headers of attempts) {
      const res = await account(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ err: 'Token was not valid' });
    }
  });

  test('a token lives one hour by the request clock, then gets 403', async () => {
    const token = await tokenFor();
    expect((await account({ token }, 3599)).statusCode).toBe(200);
    expect((await account({ token }, 3601)).statusCode).toBe(403);
    // The offset is per request: without it the token is still live.
    expect((await account({ token })).statusCode).toBe(200);
  });

  test('the global clock moves expiry too', async () => {
    const token = await tokenFor();
    sandbox.clock.advance(3601);
    try {
      expect((await account({ token })).statusCode).toBe(403);
    } finally {
      sandbox.clock.reset();
    }
  });

  test('reset() forgets every issued token', async () => {
    const token = await tokenFor();
    couchdrop.reset();
    expect((await account({ token })).statusCode).toBe(403);
  });

  // The contracts lock per user: couchdrop-api-user and couchdrop-second-user run side by side,
  // so each user's tokens must be its own, even under the fault that ends earlier tokens on login.
  test('the second user logs in as itself; a login of one user ends none of the other\'s tokens', async () => {
    const second = { username: env.COUCHDROP_SECOND_USERNAME ?? '', password: env.COUCHDROP_SECOND_PASSWORD ?? '' };
    expect(second.username).not.toBe('');
    expect(second.username).not.toBe(user);
    const token = await tokenFor(second);
    expect((await account({ token })).json()).toMatchObject({ account: { username: second.username } });
    expect((await login({ username: second.username, password })).statusCode).toBe(403);
    sandbox.faults.set(['couchdrop.reissue-revokes-earlier']);
    try {
      const first = await tokenFor();
      expect((await account({ token })).statusCode).toBe(200);
      await tokenFor(second);
      expect((await account({ token })).statusCode).toBe(403);
      expect((await account({ token: first })).statusCode).toBe(200);
    } finally {
      sandbox.faults.set([]);
    }
  });

  test('demo accounts list the three seeded users', () => {
    expect(couchdrop.demoAccounts(env).map((a) => a.username)).toEqual([user, env.COUCHDROP_2FA_USERNAME, env.COUCHDROP_SECOND_USERNAME]);
  });
});
