// The ClearLRS sandbox in-process (Fastify inject): credential creation, the odd inputs, use of
// the issued credentials on the xAPI, and expiry via the per-request clock header. Faults are
// covered in clearlrs-faults.spec.ts.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { clearlrs } from '../../sandbox/clearlrs/clearlrs';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';

const env = readSandboxEnv();
const prefix = prefixOf(env.CLEARLRS_BASE_URL);
const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const service = basic(env.CLEARLRS_API_KEY ?? '', env.CLEARLRS_API_SECRET ?? '');
const agent = (name: string): Record<string, unknown> => ({ objectType: 'Agent', account: { homePage: 'https://lrs.example', name } });
let sandbox: Sandbox;

test.beforeAll(() => {
  sandbox = buildSandbox({ env, vendors: [clearlrs] });
});
test.afterAll(async () => {
  await sandbox.app.close();
});

const call = (options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> =>
  sandbox.app.inject({ ...options, url: `${prefix}${options.url}` });
const create = (payload: unknown, authorization = service): Promise<LightMyRequestResponse> =>
  call({ method: 'POST', url: '/api/auth/basic', headers: { authorization }, payload: payload as Record<string, unknown> });
const statements = (authorization: string | undefined, who: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  call({
    method: 'GET',
    url: '/xapi/statements',
    query: { agent: JSON.stringify(agent(who)) },
    headers: { 'x-experience-api-version': '1.0.3', ...(authorization ? { authorization } : {}), ...extra },
  });

/** Creates a credential set for a fresh actor and returns its name, username and password. */
async function issue(ttlMins = 5): Promise<{ who: string; username: string; password: string }> {
  const who = `actor-${randomUUID()}`;
  const username = randomUUID();
  const password = `pw-${randomUUID()}`;
  const res = await create({ username, password, ttlMins, data: { actor: agent(who) } });
  expect(res.statusCode).toBe(200);
  return { who, username, password };
}

test.describe('clearlrs sandbox: POST /api/auth/basic', () => {
  test('the service account creates credentials; 200 echoes the username, no password', async () => {
    const username = randomUUID();
    const res = await create({ username, password: 'Secret-1', ttlMins: 5, data: { actor: agent('a') } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ username });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain('Secret-1');
  });

  test('data and ttlMins are optional; the scheme word is case-insensitive', async () => {
    expect((await create({ username: randomUUID(), password: 'p' })).statusCode).toBe(200);
    expect((await create({ username: randomUUID(), password: 'p' }, service.replace('Basic', 'bAsIc'))).statusCode).toBe(200);
  });

  test('missing, wrong, Bearer and non-canonical service credentials get 401 with a Basic challenge', async () => {
    const token68 = service.slice('Basic '.length);
    for (const authorization of ['', basic(env.CLEARLRS_API_KEY ?? '', 'wrong'), `Bearer ${token68}`, token68, `Basic ${token68}==`]) {
      const res = await create({ username: randomUUID(), password: 'p' }, authorization);
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm="/);
      expect(res.body).not.toContain(env.CLEARLRS_API_SECRET ?? '');
    }
  });

  test('a duplicate username gets 409 and does not replace the first password', async () => {
    const { username, password, who } = await issue();
    const again = await create({ username, password: 'other', data: { actor: agent(who) } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict' });
    expect((await statements(basic(username, password), who)).statusCode).toBe(200);
    expect((await statements(basic(username, 'other'), who)).statusCode).toBe(401);
  });

  const bad: [string, unknown][] = [
    ['missing password', { username: 'u1' }],
    ['missing username', { password: 'p' }],
    ['empty username', { username: '', password: 'p' }],
    ['a number as password', { username: 'u2', password: 7 }],
    ['a zero ttlMins', { username: 'u3', password: 'p', ttlMins: 0 }],
    ['a string ttlMins', { username: 'u4', password: 'p', ttlMins: '5' }],
    ['data as a string', { username: 'u5', password: 'p', data: 'x' }],
    ['an actor with two identifiers', { username: 'u6', password: 'p', data: { actor: { mbox: 'mailto:a@b.c', account: { homePage: 'https://x', name: 'n' } } } }],
    ['an actor with no identifier', { username: 'u7', password: 'p', data: { actor: { name: 'n' } } }],
    ['an mbox that is not mailto:', { username: 'u8', password: 'p', data: { actor: { mbox: 'a@b.c' } } }],
    ['an empty anonymous group', { username: 'u9', password: 'p', data: { actor: { objectType: 'Group', member: [] } } }],
    ['a JSON array', ['x']],
  ];
  for (const [name, payload] of bad) {
    test(`${name} gets 400`, async () => {
      const res = await create(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
    });
  }

  test('malformed JSON gets 400; another content type, even a malformed one, 415', async () => {
    const headers = { authorization: service, 'content-type': 'application/json' };
    expect((await call({ method: 'POST', url: '/api/auth/basic', headers, payload: '{"username": ' })).statusCode).toBe(400);
    const form = { authorization: service, 'content-type': 'application/x-www-form-urlencoded' };
    expect((await call({ method: 'POST', url: '/api/auth/basic', headers: form, payload: 'username=a&password=b' })).statusCode).toBe(415);
    const multipart = { authorization: service, 'content-type': 'multipart/form-data' };
    expect((await call({ method: 'POST', url: '/api/auth/basic', headers: multipart, payload: 'garbage' })).statusCode).toBe(415);
  });

  test('other methods get 405 with Allow: POST', async () => {
    const res = await call({ method: 'GET', url: '/api/auth/basic', headers: { authorization: service } });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});

test.describe('clearlrs sandbox: issued credentials on the xAPI', () => {
  test('they read their own actor, with the version header on the response', async () => {
    const { who, username, password } = await issue();
    const res = await statements(basic(username, password), who);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ statements: [], more: '' });
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
  });

  test('another agent is 403; an unreadable agent 400; no agent filter 200', async () => {
    const { username, password } = await issue();
    expect((await statements(basic(username, password), 'someone-else')).statusCode).toBe(403);
    const auth = { authorization: basic(username, password), 'x-experience-api-version': '1.0.3' };
    expect((await call({ method: 'GET', url: '/xapi/statements', query: { agent: '{' }, headers: auth })).statusCode).toBe(400);
    expect((await call({ method: 'GET', url: '/xapi/statements', headers: auth })).statusCode).toBe(200);
  });

  test('credentials without an actor read any agent', async () => {
    const username = randomUUID();
    expect((await create({ username, password: 'p' })).statusCode).toBe(200);
    expect((await statements(basic(username, 'p'), 'anyone')).statusCode).toBe(200);
  });

  test('wrong password, unknown user, missing and malformed Authorization get 401', async () => {
    const { who, username, password } = await issue();
    const token68 = basic(username, password).slice('Basic '.length);
    for (const authorization of [basic(username, 'wrong'), basic('nobody', password), undefined, `Bearer ${token68}`, token68]) {
      const res = await statements(authorization, who);
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    }
  });

  test('the version header is required and must be 1.0.x', async () => {
    const { who, username, password } = await issue();
    for (const version of [undefined, '1.1.0', '2.0.0', 'abc']) {
      const headers: Record<string, string> = version ? { 'x-experience-api-version': version } : {};
      const res = await call({
        method: 'GET',
        url: '/xapi/statements',
        query: { agent: JSON.stringify(agent(who)) },
        headers: { authorization: basic(username, password), ...headers },
      });
      expect(res.statusCode, String(version)).toBe(400);
    }
    expect((await statements(basic(username, password), who, { 'x-experience-api-version': '1.0.0' })).statusCode).toBe(200);
  });

  test('they work until ttlMins have passed by the request clock, then get 401', async () => {
    const { who, username, password } = await issue(5);
    const at = (seconds: number) => statements(basic(username, password), who, { 'x-sandbox-clock-offset': String(seconds) });
    expect((await at(299)).statusCode).toBe(200);
    expect((await at(301)).statusCode).toBe(401);
    expect((await at(0)).statusCode).toBe(200);
  });

  test('the About resource needs no credentials; reset() forgets every credential set', async () => {
    expect((await call({ method: 'GET', url: '/xapi/about' })).json()).toEqual({ version: ['1.0.3'] });
    const { who, username, password } = await issue();
    clearlrs.reset();
    expect((await statements(basic(username, password), who)).statusCode).toBe(401);
  });
});
