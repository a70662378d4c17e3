// Every Nexudus fault changes exactly the behaviour of its clause. A table of probes observes the
// sandbox; each probe names the clauses whose behaviour it observes (the same clauses a contract
// scenario doing the same thing lists). With a fault on, the probes that change must be exactly
// those naming the fault's clause.
import { expect, test } from '@playwright/test';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import { nexudus } from '../../sandbox/nexudus/nexudus';

const env = readSandboxEnv();
// Each resource lives on its own host's base URL: the who-am-I on the space's, the list on the admin's.
const prefixFor = (url: string): string => prefixOf(url.startsWith('/api/sys/') ? env.NEXUDUS_ADMIN_BASE_URL : env.NEXUDUS_SPACE_BASE_URL);
const email = env.NEXUDUS_EMAIL ?? '';
const password = env.NEXUDUS_PASSWORD ?? '';

interface Probe {
  clauses: string[];
  observe: (s: Sandbox) => Promise<string>;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const basic = (user = email, pass = password): string => `Basic ${b64(`${user}:${pass}`)}`;

async function get(s: Sandbox, url: string, authorization?: string): Promise<{ status: number; body: Record<string, unknown>; location: string }> {
  const res = await s.app.inject({ method: 'GET', url: `${prefixFor(url)}${url}`, headers: authorization === undefined ? {} : { authorization } });
  const body = res.body === '' ? {} : res.json<Record<string, unknown>>();
  return { status: res.statusCode, body, location: String(res.headers.location ?? '') };
}
const status = async (s: Sandbox, url: string, authorization?: string): Promise<string> => String((await get(s, url, authorization)).status);
const bothRoutes = async (s: Sandbox, authorization: string): Promise<string> =>
  `${await status(s, '/en/user/me', authorization)} ${await status(s, '/api/sys/coworkers', authorization)}`;

const probes: Record<string, Probe> = {
  'who am I': {
    clauses: ['basic.accepted', 'context.caller'],
    observe: async (s) => {
      const r = await get(s, '/en/user/me', basic());
      return `${r.status} ${String(r.body.Email)}`;
    },
  },
  'scheme word in lower case': {
    clauses: ['basic.accepted', 'basic.scheme-case-insensitive'],
    observe: (s) => status(s, '/en/user/me', basic().replace('Basic', 'basic')),
  },
  'email in another case': { clauses: ['basic.accepted'], observe: (s) => status(s, '/en/user/me', basic(email.toUpperCase())) },
  coworkers: {
    clauses: ['basic.accepted', 'resource.list'],
    observe: async (s) => {
      const r = await get(s, '/api/sys/coworkers', basic());
      return `${r.status} ${String(Array.isArray(r.body.Records))} ${String(r.body.TotalItems)}`;
    },
  },
  'wrong password': { clauses: ['auth.wrong-password'], observe: (s) => bothRoutes(s, basic(email, 'wrong')) },
  'unknown email': { clauses: ['auth.unknown-user'], observe: (s) => bothRoutes(s, basic('nobody@nexudus.example', 'wrong')) },
  'no Authorization header': {
    clauses: ['auth.header-required'],
    observe: async (s) => {
      const r = await get(s, '/en/user/me');
      return `${r.status} ${r.location}`;
    },
  },
  'no Basic word (jQuery and C# samples)': {
    clauses: ['auth.scheme-required'],
    observe: async (s) => `${await status(s, '/en/user/me', b64(`${email}:${password}`))} ${await status(s, '/en/user/me', `${email}:${password}`)}`,
  },
  'not base64': { clauses: ['auth.malformed'], observe: (s) => status(s, '/en/user/me', 'Basic %%%not-base64%%%') },
  'no API access': {
    clauses: ['access.api-access-required'],
    observe: (s) => bothRoutes(s, basic(env.NEXUDUS_NO_API_ACCESS_EMAIL, env.NEXUDUS_NO_API_ACCESS_PASSWORD)),
  },
  'API access but no role': {
    clauses: ['access.role-required'],
    observe: (s) => bothRoutes(s, basic(env.NEXUDUS_NO_ROLE_EMAIL, env.NEXUDUS_NO_ROLE_PASSWORD)),
  },
  // Observes behaviour that no fault may change.
  'Bearer scheme': { clauses: [], observe: (s) => status(s, '/en/user/me', `Bearer ${b64(`${email}:${password}`)}`) },
};

let sandbox: Sandbox;
let baseline: Record<string, string>;

async function observeAll(s: Sandbox): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  for (const [name, p] of Object.entries(probes)) seen[name] = await p.observe(s);
  return seen;
}

test.beforeAll(async () => {
  sandbox = buildSandbox({ env, vendors: [nexudus] });
  baseline = await observeAll(sandbox);
});

test.afterAll(async () => {
  await sandbox.app.close();
});

test('the baseline is the documented behaviour', () => {
  expect(baseline).toEqual({
    'who am I': `200 ${email}`,
    'scheme word in lower case': '200',
    'email in another case': '200',
    coworkers: '200 true 3',
    'wrong password': '401 401',
    'unknown email': '401 401',
    'no Authorization header': '401 ',
    'no Basic word (jQuery and C# samples)': '401 401',
    'not base64': '401',
    'no API access': '401 401',
    'API access but no role': '401 401',
    'Bearer scheme': '401',
  });
});

for (const [fault, spec] of Object.entries(nexudus.faults)) {
  test(`fault ${fault} changes exactly the probes of ${spec.clause}`, async () => {
    sandbox.faults.set([`nexudus.${fault}`]);
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
