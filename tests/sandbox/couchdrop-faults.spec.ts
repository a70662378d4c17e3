// Every Couchdrop fault changes exactly the behaviour of its clause. A table of probes observes
// the sandbox; each probe names the clauses whose behaviour it observes. With a fault on, the
// probes that change must be exactly those naming the fault's clause.
import { expect, test } from '@playwright/test';
import type { InjectOptions } from 'fastify';
import { couchdrop } from '../../sandbox/couchdrop/couchdrop';
import { SECRET_ECHO_CLAUSE } from '../../sandbox/core/vendor-module';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';

const env = readSandboxEnv();
const prefix = prefixOf(env.COUCHDROP_BASE_URL);
const user = env.COUCHDROP_USERNAME ?? '';
const password = env.COUCHDROP_PASSWORD ?? '';

interface Probe {
  clauses: string[];
  observe: (s: Sandbox) => Promise<string>;
}

async function send(s: Sandbox, options: InjectOptions & { url: string }): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await s.app.inject({ ...options, url: `${prefix}${options.url}` });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
}
const login = (s: Sandbox, payload: Record<string, unknown>) => send(s, { method: 'POST', url: '/authenticate', payload });
const token = async (s: Sandbox): Promise<string> => String((await login(s, { username: user, password })).body.token);
const account = (s: Sandbox, headers: Record<string, string>) => send(s, { method: 'GET', url: '/manage/account', headers });
const summary = (r: { status: number; body: Record<string, unknown> }): string => `${r.status} ${'token' in r.body ? 'token' : 'none'}`;

const probes: Record<string, Probe> = {
  'password handed back': {
    clauses: [SECRET_ECHO_CLAUSE],
    observe: async (s) => (JSON.stringify((await login(s, { username: user, password })).body).includes(password) ? 'echoes the password' : 'clean'),
  },
  'json login': { clauses: ['auth.json-ok'], observe: async (s) => summary(await login(s, { username: user, password })) },
  'form login': {
    clauses: ['auth.form-ok'],
    observe: async (s) =>
      summary(
        await send(s, {
          method: 'POST',
          url: '/authenticate',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ username: user, password }).toString(),
        }),
      ),
  },
  'json login with system': {
    clauses: ['auth.json-ok', 'auth.system-optional'],
    observe: async (s) => summary(await login(s, { username: user, password, system: 'ci' })),
  },
  'second login differs': { clauses: ['auth.new-token'], observe: async (s) => String((await token(s)) !== (await token(s))) },
  'wrong password': { clauses: ['auth.wrong-password'], observe: async (s) => summary(await login(s, { username: user, password: 'nope' })) },
  'unknown user': { clauses: ['auth.unknown-user'], observe: async (s) => summary(await login(s, { username: 'nobody', password: 'nope' })) },
  'missing password': { clauses: ['auth.incomplete-refused'], observe: async (s) => summary(await login(s, { username: user })) },
  'malformed json': {
    clauses: ['auth.incomplete-refused'],
    observe: async (s) =>
      summary(await send(s, { method: 'POST', url: '/authenticate', headers: { 'content-type': 'application/json' }, payload: '{' })),
  },
  '2fa user': {
    clauses: ['auth.2fa-required'],
    observe: async (s) => summary(await login(s, { username: env.COUCHDROP_2FA_USERNAME, password: env.COUCHDROP_2FA_PASSWORD })),
  },
  'account with token': { clauses: ['token.opens-account'], observe: async (s) => String((await account(s, { token: await token(s) })).status) },
  'account username': {
    clauses: ['token.opens-account', 'token.inherits-user'],
    observe: async (s) => JSON.stringify((await account(s, { token: await token(s) })).body.account ?? null),
  },
  'account without token': { clauses: ['token.invalid-refused'], observe: async (s) => String((await account(s, {})).status) },
  'account with unknown token': { clauses: ['token.invalid-refused'], observe: async (s) => String((await account(s, { token: 'x' })).status) },
  'account with bearer': {
    clauses: ['token.invalid-refused', 'token.header'],
    observe: async (s) => String((await account(s, { authorization: `Bearer ${await token(s)}` })).status),
  },
  'earlier token after re-login': {
    clauses: ['token.opens-account', 'token.earlier-valid'],
    observe: async (s) => {
      const first = await token(s);
      await token(s);
      return String((await account(s, { token: first })).status);
    },
  },
  'token after an hour': {
    clauses: ['token.expires'],
    observe: async (s) => String((await account(s, { token: await token(s), 'x-sandbox-clock-offset': '3601' })).status),
  },
};

async function observeAll(faults: string[]): Promise<Record<string, string>> {
  const s = buildSandbox({ env, vendors: [couchdrop], faults });
  try {
    const seen: Record<string, string> = {};
    for (const [name, probe] of Object.entries(probes)) seen[name] = await probe.observe(s);
    return seen;
  } finally {
    await s.app.close();
  }
}

test.describe('couchdrop sandbox faults', () => {
  let baseline: Record<string, string>;
  test.beforeAll(async () => {
    baseline = await observeAll([]);
  });

  test('the baseline is the documented behaviour', () => {
    expect(baseline).toMatchObject({ 'json login': '200 token', 'wrong password': '403 none', '2fa user': '401 none', 'token after an hour': '403' });
  });

  test('every fault names a distinct clause that some probe observes', () => {
    const observed = new Set(Object.values(probes).flatMap((p) => p.clauses));
    for (const [name, spec] of Object.entries(couchdrop.faults)) expect(observed.has(spec.clause), name).toBe(true);
  });

  for (const [local, spec] of Object.entries(couchdrop.faults)) {
    test(`fault ${local} changes exactly the behaviour of ${spec.clause}`, async () => {
      const seen = await observeAll([`couchdrop.${local}`]);
      const changed = Object.keys(probes).filter((name) => seen[name] !== baseline[name]);
      const expected = Object.keys(probes).filter((name) => probes[name]?.clauses.includes(spec.clause));
      expect(changed).toEqual(expected);
    });
  }
});
