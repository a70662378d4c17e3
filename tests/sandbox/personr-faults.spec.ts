// Every Personr fault changes exactly the behaviour of its clause. A table of probes observes the
// sandbox; each probe names the clauses whose behaviour it observes (the same clauses a contract
// scenario doing the same thing lists). With a fault on, the probes that change must be exactly
// those naming the fault's clause.
import { expect, test } from '@playwright/test';
import type { InjectOptions } from 'fastify';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import { SECRET_ECHO_CLAUSE } from '../../sandbox/core/vendor-module';
import { personr } from '../../sandbox/personr/personr';

const env = readSandboxEnv();
const prefix = prefixOf(env.PERSONR_BASE_URL);
const email = env.PERSONR_EMAIL ?? '';
const password = env.PERSONR_PASSWORD ?? '';
const YEAR = 31_536_000;

type Body = Record<string, unknown> & { response?: Record<string, unknown> };
interface Probe {
  clauses: string[];
  observe: (s: Sandbox) => Promise<string>;
}

const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;

async function send(s: Sandbox, options: InjectOptions & { url: string }): Promise<{ status: number; allow: string; body: Body }> {
  const res = await s.app.inject({ ...options, url: `${prefix}${options.url}` });
  return { status: res.statusCode, allow: String(res.headers.allow ?? ''), body: res.json<Body>() };
}
const issue = (s: Sandbox, headers: Record<string, string> = {}, method: 'POST' | 'GET' = 'POST') =>
  send(s, { method, url: '/api-basic-auth', headers: { authorization: basic(email, password), ...headers } });
/** Issues a token; `status` goes into every observation, as every contract step checks it. */
const login = async (s: Sandbox): Promise<{ status: number; token: string }> => {
  const r = await issue(s);
  return { status: r.status, token: String(r.body.response?.token) };
};
const probe = (s: Sandbox, headers: Record<string, string>) => send(s, { method: 'POST', url: '/api-probe', headers });
const bearer = (t: string, offsetSeconds = 0): Record<string, string> => ({
  authorization: `Bearer ${t}`,
  'x-sandbox-clock-offset': String(offsetSeconds),
});
const issued = (r: { status: number; body: Body }): string => `${r.status} ${typeof r.body.response?.token}`;
const refusal = (r: { status: number; body: Body }): string => `${r.status} ${String(r.body.reason)} ${String(r.body.message)}`;
const refusedWith = (authorization: string) => async (s: Sandbox) =>
  refusal(await send(s, { method: 'POST', url: '/api-basic-auth', headers: { authorization } }));

const probes: Record<string, Probe> = {
  'password handed back': {
    clauses: [SECRET_ECHO_CLAUSE],
    observe: async (s) => (JSON.stringify((await issue(s)).body).includes(password) ? 'echoes the password' : 'clean'),
  },
  'documented 200': {
    // It lists the envelope's keys, so a password handed back among them shows here too.
    clauses: ['token.issued', 'token.envelope', 'token.expires-value', SECRET_ECHO_CLAUSE],
    observe: async (s) => {
      const r = await issue(s);
      return `${r.status} ${String(r.body.status)} ${Object.keys(r.body.response ?? {}).sort().join(',')} ${String(r.body.response?.expires)}`;
    },
  },
  'json and multipart content types': {
    clauses: ['token.issued', 'request.content-types'],
    observe: async (s) => {
      const json = issued(await issue(s, { 'content-type': 'application/json' }));
      const multipart = issued(await issue(s, { 'content-type': 'multipart/form-data; boundary=x' }));
      return `${json} / ${multipart}`;
    },
  },
  'wrong password': { clauses: ['login.wrong-password', 'login.error-body'], observe: refusedWith(basic(email, 'wrong')) },
  'unknown email': { clauses: ['login.unknown-user', 'login.error-body'], observe: refusedWith(basic('nobody@personr.example', 'wrong')) },
  'no Authorization header': {
    clauses: ['login.header-required', 'login.error-body'],
    observe: async (s) => refusal(await send(s, { method: 'POST', url: '/api-basic-auth' })),
  },
  'another scheme word': {
    clauses: ['login.header-required', 'login.error-body'],
    observe: refusedWith(basic(email, password).replace('Basic', 'Digest')),
  },
  'bare base64': { clauses: ['login.header-required', 'login.error-body'], observe: refusedWith(basic(email, password).slice(6)) },
  'not base64': { clauses: ['login.header-required', 'login.error-body'], observe: refusedWith('Basic %%%not-base64%%%') },
  GET: {
    clauses: ['method.get-refused'],
    observe: async (s) => {
      const r = await issue(s, {}, 'GET');
      return `${r.status} allow=${r.allow} ${typeof r.body.response?.token}`;
    },
  },
  'token opens the protected workflow': {
    clauses: ['token.issued', 'token.bearer-usable'],
    observe: async (s) => {
      const l = await login(s);
      return `${l.status} ${(await probe(s, bearer(l.token))).status}`;
    },
  },
  'workflow runs as the token user': {
    clauses: ['token.issued', 'token.envelope', 'token.bearer-usable', 'token.bound-to-user'],
    observe: async (s) => {
      const r = await issue(s);
      const p = await probe(s, bearer(String(r.body.response?.token)));
      return `${r.status} ${p.status} same=${String(p.body.response?.user_id === r.body.response?.user_id)}`;
    },
  },
  're-issue': {
    clauses: ['token.issued', 'token.bearer-usable', 'token.new-each-time', 'token.reissue-revokes'],
    observe: async (s) => {
      const first = await login(s);
      const second = await login(s);
      const [a, b] = [await probe(s, bearer(first.token)), await probe(s, bearer(second.token))];
      return `${first.status} ${second.status} differs=${String(first.token !== second.token)} first=${a.status} second=${b.status}`;
    },
  },
  lifetime: {
    clauses: ['token.issued', 'token.bearer-usable', 'token.lifetime'],
    observe: async (s) => {
      const l = await login(s);
      return `${l.status} ${(await probe(s, bearer(l.token, YEAR - 60))).status} ${(await probe(s, bearer(l.token, YEAR + 1))).status}`;
    },
  },
  'unknown token or none': {
    clauses: ['token.unknown-refused'],
    observe: async (s) => {
      const unknown = await probe(s, bearer('bus|1700000000000x1|1700000000000x2'));
      const none = await probe(s, {});
      return `${unknown.status} ${String(unknown.body.error_class)} ${none.status} ${String(none.body.error_class)}`;
    },
  },
  // Observes behaviour that no fault may change: other methods, Basic on the probe.
  'PUT and DELETE': {
    clauses: [],
    observe: async (s) => {
      const put = await send(s, { method: 'PUT', url: '/api-basic-auth' });
      const del = await send(s, { method: 'DELETE', url: '/api-basic-auth' });
      return `${put.status} ${del.status}`;
    },
  },
  'Basic on the protected workflow': {
    clauses: [],
    observe: async (s) => String((await probe(s, { authorization: basic(email, password) })).status),
  },
};

let sandbox: Sandbox;
let baseline: Record<string, string>;

async function observeAll(s: Sandbox): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  for (const [name, p] of Object.entries(probes)) {
    personr.reset();
    seen[name] = await p.observe(s);
  }
  return seen;
}

test.beforeAll(async () => {
  sandbox = buildSandbox({ env, vendors: [personr] });
  baseline = await observeAll(sandbox);
});

test.afterAll(async () => {
  await sandbox.app.close();
});

test('the baseline is the documented behaviour', () => {
  expect(baseline['documented 200']).toBe('200 success expires,token,user_id 31536000');
  expect(baseline['wrong password']).toBe('400 INVALID_LOGIN_CREDENTIALS We didn\u2019t find an account with those login credentials');
  expect(baseline.GET).toBe('405 allow=POST undefined');
  expect(baseline['re-issue']).toBe('200 200 differs=true first=401 second=200');
  expect(baseline.lifetime).toBe('200 200 401');
  expect(baseline['unknown token or none']).toBe('401 Unauthorized 401 Unauthorized');
});

for (const [fault, spec] of Object.entries(personr.faults)) {
  test(`fault ${fault} changes exactly the probes of ${spec.clause}`, async () => {
    sandbox.faults.set([`personr.${fault}`]);
    try {
      const seen = await observeAll(sandbox);
      const changed = Object.keys(probes).filter((name) => seen[name] !== baseline[name]).sort();
      const expected = Object.entries(probes).filter(([, p]) => p.clauses.includes(spec.clause)).map(([name]) => name).sort();
      expect(changed).toEqual(expected);
    } finally {
      sandbox.faults.set([]);
    }
  });
}
