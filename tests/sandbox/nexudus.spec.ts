// The Nexudus sandbox in-process (Fastify inject): both resources, the document's preconditions,
// UTF-8 credentials, and the odd Authorization headers a careful integrator or a confused client
// sends. Basic authentication keeps no state, so there is no expiry to move the clock for.
import { expect, test } from '@playwright/test';
import type { LightMyRequestResponse } from 'fastify';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import { nexudus } from '../../sandbox/nexudus/nexudus';

const env = readSandboxEnv();
// Each resource lives on its own host's base URL: the who-am-I on the space's, the list on the admin's.
const prefixFor = (url: string): string => prefixOf(url.startsWith('/api/sys/') ? env.NEXUDUS_ADMIN_BASE_URL : env.NEXUDUS_SPACE_BASE_URL);
const email = env.NEXUDUS_EMAIL ?? '';
const password = env.NEXUDUS_PASSWORD ?? '';
const UNAUTHORIZED = { Message: 'Authorization has been denied for this request.' };

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const basic = (user: string | undefined = email, pass: string | undefined = password): string => `Basic ${b64(`${user ?? ''}:${pass ?? ''}`)}`;

let sandbox: Sandbox;
const responses: LightMyRequestResponse[] = [];

async function get(url: string, authorization?: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const headers = { ...extra, ...(authorization === undefined ? {} : { authorization }) };
  const res = await sandbox.app.inject({ method: 'GET', url: `${prefixFor(url)}${url}`, headers });
  responses.push(res);
  return res;
}

function expectUnauthorized(res: LightMyRequestResponse, label: string): void {
  expect(res.statusCode, label).toBe(401);
  expect(res.headers['www-authenticate'], label).toBe('Basic realm="Nexudus", charset="UTF-8"');
  expect(res.json(), label).toEqual(UNAUTHORIZED);
}

test.beforeAll(() => {
  sandbox = buildSandbox({ env, vendors: [nexudus] });
});
test.afterAll(async () => {
  // No response of the whole file may echo a password, raw or inside the Basic value.
  for (const res of responses) {
    for (const secret of [password, env.NEXUDUS_NO_API_ACCESS_PASSWORD ?? '', env.NEXUDUS_NO_ROLE_PASSWORD ?? '']) {
      expect(res.body).not.toContain(secret);
      expect(JSON.stringify(res.headers)).not.toContain(secret);
    }
    expect(res.body).not.toContain(b64(`${email}:${password}`));
  }
  await sandbox.app.close();
});

test('GET /en/user/me answers with the calling user, whose password is UTF-8 (£)', async () => {
  expect(password).toMatch(/[^\x00-\x7f]/);
  const res = await get('/en/user/me', basic());
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.json()).toEqual({ Id: expect.any(Number) as unknown, FullName: 'Sandbox Administrator', Email: email, DefaultBusinessId: expect.any(Number) as unknown });
});

test('GET /api/sys/coworkers answers with the ApiListResult envelope and pages it', async () => {
  const all = await get('/api/sys/coworkers', basic());
  expect(all.statusCode).toBe(200);
  expect(all.json()).toMatchObject({ CurrentPage: 1, TotalItems: 3, TotalPages: 1, HasNextPage: false, HasPreviousPage: false });
  expect(all.json<{ Records: unknown[] }>().Records).toHaveLength(3);
  const second = (await get('/api/sys/coworkers?page=2&size=2', basic())).json<{ Records: unknown[]; CurrentPage: number }>();
  expect(second.CurrentPage).toBe(2);
  expect(second.Records).toHaveLength(1);
  for (const odd of ['page=-1', 'page=abc&size=', 'size=99999999', 'page=1e3', 'page[]=1']) {
    const res = await get(`/api/sys/coworkers?${odd}`, basic());
    expect(res.statusCode, odd).toBe(200);
    expect(res.json<{ Records: unknown[] }>().Records.length, odd).toBeGreaterThan(0);
  }
});

test('the email is compared case-insensitively, the scheme word too; the password is exact', async () => {
  expect((await get('/en/user/me', basic(email.toUpperCase()))).statusCode).toBe(200);
  for (const scheme of ['basic', 'BASIC', 'bAsIc']) {
    expect((await get('/en/user/me', basic().replace('Basic', scheme))).statusCode, scheme).toBe(200);
  }
  expectUnauthorized(await get('/en/user/me', basic(email, password.toUpperCase())), 'upper-cased password');
  expectUnauthorized(await get('/en/user/me', basic(email, password.replace('£', ''))), 'password without its non-ASCII character');
  // The same password in ISO-8859-1 instead of UTF-8 is a different byte string.
  expectUnauthorized(await get('/en/user/me', `Basic ${Buffer.from(`${email}:${password}`, 'latin1').toString('base64')}`), 'latin1');
});

test('a wrong password and an unknown email get the same 401 on both resources', async () => {
  for (const url of ['/en/user/me', '/api/sys/coworkers']) {
    const wrong = await get(url, basic(email, 'wrong-password'));
    const unknown = await get(url, basic('nobody@nexudus.example', 'wrong-password'));
    expectUnauthorized(wrong, `${url} wrong password`);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.statusCode).toBe(401);
  }
});

test('the preconditions: no "API Access", or API access with neither admin nor a role, is 401', async () => {
  for (const url of ['/en/user/me', '/api/sys/coworkers']) {
    expectUnauthorized(await get(url, basic(env.NEXUDUS_NO_API_ACCESS_EMAIL, env.NEXUDUS_NO_API_ACCESS_PASSWORD)), `${url} no API access`);
    expectUnauthorized(await get(url, basic(env.NEXUDUS_NO_ROLE_EMAIL, env.NEXUDUS_NO_ROLE_PASSWORD)), `${url} no role`);
  }
});

const oddHeaders: Record<string, string | undefined> = {
  missing: undefined,
  empty: '',
  'scheme only': 'Basic',
  'Bearer with the Basic value': `Bearer ${b64(`${email}:${password}`)}`,
  'bare base64 (jQuery sample)': b64(`${email}:${password}`),
  'raw email:password (C# sample)': `${email}:${password}`,
  'not base64': 'Basic %%%not-base64%%%',
  'base64url alphabet': `Basic ${b64(`${email}:${password}`).replace(/\+/g, '-').replace(/\//g, '_')}-_`,
  'extra padding': `${basic()}====`,
  truncated: basic().slice(0, -2),
  'no colon': `Basic ${b64(email)}`,
  'empty user-id': `Basic ${b64(`:${password}`)}`,
  'control character': `Basic ${b64(`${email}\n:${password}`)}`,
  'tab after Basic': `Basic\t${b64(`${email}:${password}`)}`,
  '10 KB of base64': `Basic ${b64('y'.repeat(7_500))}`,
};
for (const [name, authorization] of Object.entries(oddHeaders)) {
  test(`an odd Authorization header (${name}) gets 401, never a crash`, async () => {
    expectUnauthorized(await get('/en/user/me', authorization), name);
  });
}

test('only GET is served: other methods get 405 with Allow, not a 404 or a 500', async () => {
  const res = await sandbox.app.inject({ method: 'POST', url: `${prefixFor('/en/user/me')}/en/user/me`, headers: { authorization: basic() } });
  expect(res.statusCode).toBe(405);
  expect(res.headers.allow).toBe('GET, HEAD');
});

test('faults are switched by their full name through the control API', async () => {
  const on = await sandbox.app.inject({ method: 'PUT', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/faults', payload: { faults: ['nexudus.valid-basic-refused'] } });
  expect(on.statusCode).toBe(200);
  expect((await get('/en/user/me', basic())).statusCode).toBe(401);
  await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/reset' });
  expect((await get('/en/user/me', basic())).statusCode).toBe(200);
});

test('the demo accounts are the three seeded users, each labelled with what it gets', () => {
  expect(nexudus.demoAccounts(env).map((a) => [a.username, a.label])).toEqual([
    [email, 'API user (unrestricted administrator)'],
    [env.NEXUDUS_NO_API_ACCESS_EMAIL, 'no "API Access" (answers 401)'],
    [env.NEXUDUS_NO_ROLE_EMAIL, 'API access but no role (answers 401)'],
  ]);
});

test('each resource is served only under its own host: the profile on the space, the list on the admin API', async () => {
  const space = prefixOf(env.NEXUDUS_SPACE_BASE_URL);
  const admin = prefixOf(env.NEXUDUS_ADMIN_BASE_URL);
  expect(space).not.toBe(admin);
  const get = (url: string) => sandbox.app.inject({ method: 'GET', url, headers: { authorization: basic() } });
  expect((await get(`${space}/en/user/me`)).statusCode).toBe(200);
  expect((await get(`${admin}/api/sys/coworkers`)).statusCode).toBe(200);
  expect((await get(`${admin}/en/user/me`)).statusCode).toBe(404);
  expect((await get(`${space}/api/sys/coworkers`)).statusCode).toBe(404);
});
