// Every ClearLRS fault changes exactly the behaviour of its clause. A table of probes observes
// the sandbox; each probe names the clauses whose behaviour it observes. With a fault on, the
// probes that change must be exactly those naming the fault's clause.
import { expect, test } from '@playwright/test';
import type { InjectOptions } from 'fastify';
import { clearlrs } from '../../sandbox/clearlrs/clearlrs';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';

const env = readSandboxEnv();
const prefix = prefixOf(env.CLEARLRS_BASE_URL);
const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const service = basic(env.CLEARLRS_API_KEY ?? '', env.CLEARLRS_API_SECRET ?? '');
const agent = (name: string): Record<string, unknown> => ({ account: { homePage: 'https://lrs.example', name } });
const VERSION = { 'x-experience-api-version': '1.0.3' };

interface Probe {
  clauses: string[];
  observe: (s: Sandbox, n: string) => Promise<string>;
}

async function status(s: Sandbox, options: InjectOptions & { url: string }): Promise<number> {
  return (await s.app.inject({ ...options, url: `${prefix}${options.url}` })).statusCode;
}
const create = async (s: Sandbox, payload: unknown, authorization = service): Promise<string> => {
  const res = await s.app.inject({ method: 'POST', url: `${prefix}/api/auth/basic`, headers: { authorization }, payload: payload as object });
  const body = res.json<{ username?: unknown }>();
  return `${res.statusCode} ${typeof body.username === 'string' ? 'username' : 'none'}`;
};
const read = (s: Sandbox, authorization: string | undefined, who: string, extra: Record<string, string> = VERSION): Promise<number> =>
  status(s, {
    method: 'GET',
    url: '/xapi/statements',
    query: { agent: JSON.stringify(agent(who)) },
    headers: { ...extra, ...(authorization ? { authorization } : {}) },
  });
/** Creates credentials named `n` for actor `n` with password "pw" and a 5-minute lifetime. */
const issue = async (s: Sandbox, n: string): Promise<string> => create(s, { username: n, password: 'pw', ttlMins: 5, data: { actor: agent(n) } });

const probes: Record<string, Probe> = {
  'create status': { clauses: ['create.ok'], observe: async (s, n) => issue(s, n) },
  'create echoes': {
    clauses: ['create.echoes-username'],
    observe: async (s, n) => {
      const res = await s.app.inject({ method: 'POST', url: `${prefix}/api/auth/basic`, headers: { authorization: service }, payload: { username: n, password: 'p', data: {} } });
      return String(res.json<{ username?: unknown }>().username === n);
    },
  },
  'create without data': { clauses: ['create.ok', 'create.data-optional'], observe: async (s, n) => create(s, { username: n, password: 'p' }) },
  'create without service auth': { clauses: ['create.requires-service-auth'], observe: async (s, n) => create(s, { username: n, password: 'p' }, '') },
  'create with wrong secret': {
    clauses: ['create.requires-service-auth'],
    observe: async (s, n) => create(s, { username: n, password: 'p' }, basic(env.CLEARLRS_API_KEY ?? '', 'x')),
  },
  'duplicate username': {
    clauses: ['create.ok', 'create.username-unique'],
    observe: async (s, n) => `${await issue(s, n)} / ${await create(s, { username: n, password: 'other', data: {} })}`,
  },
  'missing password': { clauses: ['create.invalid-refused'], observe: async (s, n) => create(s, { username: n }) },
  'missing username': { clauses: ['create.invalid-refused'], observe: async (s) => create(s, { password: 'p' }) },
  'malformed json': {
    clauses: ['create.json-required'],
    observe: async (s) =>
      String(await status(s, { method: 'POST', url: '/api/auth/basic', headers: { authorization: service, 'content-type': 'application/json' }, payload: '{' })),
  },
  'two-identifier actor': {
    clauses: ['create.actor-validated'],
    observe: async (s, n) => create(s, { username: n, password: 'p', data: { actor: { mbox: 'mailto:a@b.c', ...agent(n) } } }),
  },
  'read own actor': { clauses: ['create.ok', 'creds.usable'], observe: async (s, n) => `${await issue(s, n)} ${await read(s, basic(n, 'pw'), n)}` },
  'read after ttl': {
    clauses: ['create.ok', 'creds.expire'],
    observe: async (s, n) => `${await issue(s, n)} ${await read(s, basic(n, 'pw'), n, { ...VERSION, 'x-sandbox-clock-offset': '301' })}`,
  },
  // Reading another agent is refused only once the credentials themselves are accepted.
  'read other agent': {
    clauses: ['create.ok', 'creds.usable', 'creds.actor-restricted'],
    observe: async (s, n) => `${await issue(s, n)} ${await read(s, basic(n, 'pw'), 'other')}`,
  },
  'read with wrong password': {
    clauses: ['create.ok', 'creds.wrong-password'],
    observe: async (s, n) => `${await issue(s, n)} ${await read(s, basic(n, 'nope'), n)}`,
  },
  'read without authorization': { clauses: ['xapi.auth-required'], observe: async (s, n) => String(await read(s, undefined, n)) },
  'read with bearer scheme': {
    clauses: ['create.ok', 'xapi.auth-required'],
    observe: async (s, n) => `${await issue(s, n)} ${await read(s, basic(n, 'pw').replace('Basic', 'Bearer'), n)}`,
  },
  'read without version header': {
    clauses: ['create.ok', 'xapi.version-required'],
    observe: async (s, n) => `${await issue(s, n)} ${await read(s, basic(n, 'pw'), n, {})}`,
  },
};

async function observeAll(faults: string[]): Promise<Record<string, string>> {
  const s = buildSandbox({ env, vendors: [clearlrs], faults });
  try {
    const seen: Record<string, string> = {};
    for (const [name, probe] of Object.entries(probes)) seen[name] = await probe.observe(s, `probe-${name.replace(/\W+/g, '-')}`);
    return seen;
  } finally {
    await s.app.close();
  }
}

test.describe('clearlrs sandbox faults', () => {
  let baseline: Record<string, string>;
  test.beforeAll(async () => {
    baseline = await observeAll([]);
  });

  test('the baseline is the documented behaviour', () => {
    expect(baseline).toMatchObject({ 'create status': '200 username', 'read own actor': '200 username 200', 'read after ttl': '200 username 401' });
  });

  test('every fault names a clause that some probe observes', () => {
    const observed = new Set(Object.values(probes).flatMap((p) => p.clauses));
    for (const [name, spec] of Object.entries(clearlrs.faults)) expect(observed.has(spec.clause), name).toBe(true);
  });

  for (const [local, spec] of Object.entries(clearlrs.faults)) {
    test(`fault ${local} changes exactly the behaviour of ${spec.clause}`, async () => {
      const seen = await observeAll([`clearlrs.${local}`]);
      const changed = Object.keys(probes).filter((name) => seen[name] !== baseline[name]);
      const expected = Object.keys(probes).filter((name) => probes[name]?.clauses.includes(spec.clause));
      expect(changed).toEqual(expected);
    });
  }
});
