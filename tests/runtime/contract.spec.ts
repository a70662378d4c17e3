// The runtime end to end against a tiny local vendor: templating across steps, captures, cookie
// handling, one failure listing every mismatch with nothing secret in it, notes, and skips.
import { expect, test } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { ATTACHMENT, type FailureRecord } from '../../src/dsl/facts';
import type { ExpectSpec, RequestSpec, StepSpec } from '../../src/dsl/model';
import { Contract, ContractFailure } from '../../src/runtime/contract';
import type { TargetEnv } from '../../src/runtime/env';
import type { ScenarioInfo } from '../../src/runtime/scenario-info';
import { WorkerContext } from '../../src/runtime/worker-context';
import { ISSUED_TOKEN, MINI_PASSWORD, MINI_USER, startMiniServer, type MiniServer } from './support/mini-server';
import { at, MINI_FILE, miniVendor } from './support/mini-vendor';

const vendor = miniVendor();

const scenario: ScenarioInfo = {
  name: 'login',
  source: `${MINI_FILE}:3`,
  doc: 'mini-auth.md § Login',
  clauses: ['c.one'],
  variables: ['MINI_USER', 'MINI_PASSWORD'],
  sandboxOnly: false,
  production: { harmful: false },
};

function request(extra: Partial<RequestSpec>): RequestSpec {
  return { method: 'GET', path: '/echo', query: {}, headers: {}, loc: at(5), ...extra };
}

function expectation(extra: Partial<ExpectSpec>): ExpectSpec {
  return { headers: [], cookies: [], body: [], loc: at(10), ...extra };
}

function step(name: string, req: Partial<RequestSpec>, exp: Partial<ExpectSpec>, captures: StepSpec['captures'] = []): StepSpec {
  return { name, request: request(req), expect: expectation(exp), captures, loc: at(4) };
}

const login = step(
  'log in',
  { method: 'POST', path: '/login', auth: { kind: 'basic', username: '{{MINI_USER}}', password: '{{MINI_PASSWORD}}', scheme: 'Basic', loc: at(6) } },
  { status: { codes: [201], loc: at(11) }, schema: { file: 'mini/session.json', loc: at(12) } },
  [
    { name: 'token', from: 'body', path: 'token', secret: true, loc: at(14) },
    { name: 'expires', from: 'body', path: 'expires', secret: false, loc: at(15) },
    { name: 'refresh', from: 'cookie', path: 'refresh', secret: true, loc: at(16) },
  ],
);

let server: MiniServer;
test.beforeAll(async () => {
  server = await startMiniServer();
});
test.afterAll(async () => {
  await server.close();
});

interface Harness {
  contract: Contract;
  skips: string[];
  annotations: { type: string; description?: string }[];
  records: () => FailureRecord[];
}

function harness(target = 'sandbox', extra: Record<string, string> = {}): Harness {
  const skips: string[] = [];
  const annotations: { type: string; description?: string }[] = [];
  const attachments: { name: string; contentType: string; body?: Buffer }[] = [];
  const values = { MINI_BASE_URL: `${server.origin}/base`, MINI_USER, MINI_PASSWORD, ...extra };
  const env: TargetEnv = { target, file: `env/${target}.env`, isSandbox: target === 'sandbox', values };
  const worker = new WorkerContext(path.join(__dirname, 'fixtures'), env);
  const testInfo = {
    annotations,
    attachments,
    skip: (condition?: boolean | string, reason?: string) => {
      if (condition) skips.push(String(reason));
    },
  };
  const records = (): FailureRecord[] =>
    attachments.filter((a) => a.name === ATTACHMENT.failure).map((a) => JSON.parse(String(a.body)) as FailureRecord);
  return { contract: makeContract(worker, testInfo), skips, annotations, records };
}

function makeContract(worker: WorkerContext, testInfo: ConstructorParameters<typeof Contract>[2]): Contract {
  return new Contract(worker, vendor, testInfo);
}

async function failureOf(promise: Promise<void>): Promise<ContractFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ContractFailure);
  return error as ContractFailure;
}

test('captures carry a token and its JSON type into later steps; $uuid is one value per scenario', async () => {
  const { contract, annotations } = harness();
  contract.begin(scenario);
  await contract.step(login);
  await contract.step(step('use the token', { path: '/me', auth: { kind: 'bearer', token: '{{token}}', scheme: 'Bearer', loc: at(20) } }, { status: { codes: [200], loc: at(21) } }));
  const echo = step(
    'echo',
    { method: 'POST', path: '/echo', query: { id: '{{$uuid}}' }, headers: { 'x-id': '{{$uuid}}' }, body: { kind: 'json', value: { expires: '{{expires}}', id: '{{$uuid}}' }, loc: at(30) } },
    {
      status: { codes: [200], loc: at(31) },
      body: [
        { name: 'body', matcher: { kind: 'pattern', pattern: '^\\{"expires":600,"id":"[0-9a-f-]{36}"\\}$', loc: at(32) } },
        { name: 'query.id', matcher: { kind: 'equals', value: '{{$uuid}}', loc: at(33) } },
        { name: "headers['x-id']", matcher: { kind: 'equals', value: '{{$uuid}}', loc: at(34) } },
      ],
    },
  );
  await contract.step(echo);
  // The undeclared "tier" of the login body is a note, not a failure.
  expect(annotations).toEqual([{ type: 'note', description: 'log in: body tier is not declared in schemas/mini/session.json' }]);
});

test('cookies the vendor sets are not sent back unless the contract writes them', async () => {
  const { contract } = harness();
  contract.begin(scenario);
  await contract.step(login);
  const me = (headers: Record<string, string>, cookie: unknown): StepSpec =>
    step('me', { path: '/me', headers, auth: { kind: 'bearer', token: '{{token}}', scheme: 'Bearer', loc: at(20) } }, {
      body: [{ name: 'cookie', matcher: { kind: 'equals', value: cookie as null, loc: at(22) } }],
    });
  await contract.step(me({}, null));
  await contract.step(me({ Cookie: 'refresh={{refresh}}' }, 'refresh=ref-9876543210'));
});

test('a failing step throws one error listing every mismatch, with no secret in it', async () => {
  const { contract, records } = harness('sandbox', { MINI_PASSWORD: 'a-wrong-password' });
  contract.begin(scenario);
  const failure = await failureOf(
    contract.step(
      step(
        'log in with the wrong password',
        {
          method: 'POST',
          path: '/login',
          auth: { kind: 'basic', username: '{{MINI_USER}}', password: '{{MINI_PASSWORD}}', scheme: 'Basic', loc: at(6) },
          body: { kind: 'json', value: { password: '{{MINI_PASSWORD}}' }, loc: at(7) },
        },
        {
          status: { codes: [201], loc: at(11) },
          headers: [{ name: 'cache-control', matcher: { kind: 'equals', value: 'no-store', loc: at(12, 9) } }],
          body: [{ name: 'token', matcher: { kind: 'present', loc: at(13, 9) } }],
        },
        [{ name: 'token', from: 'body', path: 'token', secret: true, loc: at(14) }],
      ),
    ),
  );
  const message = failure.message;
  expect(message.split('\n')[0]).toBe('credentials: 5 mismatches in step "log in with the wrong password"');
  // The mini vendor's 401 hands the submitted password back: a secret echo, named, never shown.
  expect(message).toContain(`body received  [secret-echo]\n    expected: no submitted secret: a response must never hand back «MINI_PASSWORD»\n    actual:   "«MINI_PASSWORD» (raw)"`);
  expect(message).toContain(`status  [status]\n    expected: 201\n    actual:   401\n    yaml:     ${MINI_FILE}:11`);
  expect(message).toContain(`header cache-control  [equals]\n    expected: "no-store"\n    actual:   (absent)\n    yaml:     ${MINI_FILE}:12`);
  expect(message).toContain(`body token  [present]`);
  expect(message).toContain(`capture token  [capture]`);
  expect(message).toContain(`request: POST ${server.origin}/base/login\n  Authorization: Basic «base64(MINI_USER:MINI_PASSWORD)»\n  content-type: application/json`);
  expect(message).toContain('response: 401 Unauthorized\n  body: {"error":"bad credentials","received":"«MINI_PASSWORD»"}');
  expect(message).toContain('doc: mini-auth.md § Login\nscenario: specs/mini/session.yaml:3');
  for (const secret of ['a-wrong-password', MINI_PASSWORD, Buffer.from(`${MINI_USER}:a-wrong-password`).toString('base64')]) {
    expect(`${message}\n${failure.stack}`).not.toContain(secret);
  }
  expect(failure.stack).toContain(`    at ${path.join(__dirname, 'fixtures', MINI_FILE)}:11:5`);
  // The same facts, typed, for reporting: the class was decided here, not read from the text.
  const [record] = records();
  expect(record).toMatchObject({ class: 'credentials', vendor: 'mini', scenario: 'login', step: 'log in with the wrong password', clauses: ['c.one'], status: 401 });
  expect(record?.mismatches.map((m) => `${m.path}@${m.yaml.line}`)).toEqual(['status@11', 'header cache-control@12', 'body token@13', 'body received@5', 'capture token@14']);
  expect(JSON.stringify(record)).not.toContain('a-wrong-password');
});

test('a captured token never shows in a later failure', async () => {
  const { contract } = harness();
  contract.begin(scenario);
  await contract.step(login);
  const failure = await failureOf(
    contract.step(
      step('echo the token', { method: 'POST', path: '/echo', body: { kind: 'raw', text: 'token={{token}}', loc: at(30) } }, {
        body: [{ name: 'body', matcher: { kind: 'equals', value: 'something else', loc: at(31) } }],
      }),
    ),
  );
  expect(failure.message).toContain('actual:   "token=«token»"');
  expect(failure.message).not.toContain(ISSUED_TOKEN);
});

test('the body excerpt is at most 500 characters', async () => {
  const { contract } = harness();
  contract.begin(scenario);
  const failure = await failureOf(
    contract.step(step('long', { method: 'POST', path: '/echo', body: { kind: 'raw', text: 'x'.repeat(2000), loc: at(30) } }, { status: { codes: [204], loc: at(31) } })),
  );
  const body = failure.message.split('\n').find((l) => l.startsWith('  body: ')) ?? '';
  expect(body.length).toBeLessThan(8 + 500 + 20);
  expect(body).toMatch(/… \(\d+ chars\)$/);
});

test('begin() skips with the reason off the sandbox, and fails on a missing variable', () => {
  const off = harness('production');
  off.contract.begin({ ...scenario, sandboxOnly: true, sandboxReason: 'needs the sandbox clock' });
  expect(off.skips).toEqual(['sandbox only: needs the sandbox clock; TARGET=production is a real vendor']);
  const missing = harness('production', { MINI_PASSWORD: '' });
  expect(() => missing.contract.begin(scenario)).toThrow('config: MINI_PASSWORD is not set: set it in env/production.env');
});

test('a failure names only the clauses whose expectations broke', async () => {
  const { contract, records } = harness();
  contract.begin(scenario);
  const echo = (clauses: string[] | undefined, ...body: ExpectSpec['body']): StepSpec => ({ ...step('echo', { method: 'POST', path: '/echo' }, { status: { codes: [200], loc: at(31) }, body }), ...(clauses ? { clauses } : {}) });
  const holds = { name: 'method', matcher: { kind: 'equals' as const, value: 'POST', loc: at(32) }, clauses: ['c.holds'] };
  const breaks = { name: 'method', matcher: { kind: 'equals' as const, value: 'PUT', loc: at(33) }, clauses: ['c.breaks'] };
  const plain = { name: 'query.id', matcher: { kind: 'present' as const, loc: at(34) } };
  await failureOf(contract.step(echo(undefined, holds, breaks)));
  await failureOf(contract.step(echo(['c.step'], holds, plain)));
  await failureOf(contract.step(echo(undefined, plain)));
  expect(records().map((r) => r.clauses)).toEqual([['c.breaks'], ['c.step'], ['c.one']]);
});

test('a refused Bearer token is a contract failure, a closed port an outage, a missing variable config', async () => {
  const bearer = harness();
  bearer.contract.begin(scenario);
  await failureOf(bearer.contract.step(step('me', { path: '/me', auth: { kind: 'bearer', token: 'not-the-token', scheme: 'Bearer', loc: at(20) } }, { status: { codes: [200], loc: at(21) } })));
  expect(bearer.records()[0]).toMatchObject({ class: 'contract', status: 401, clauses: ['c.one'] });

  // A port that was just free: nothing listens there (port 1 is one fetch refuses to dial).
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const closed = harness('sandbox', { MINI_BASE_URL: `http://127.0.0.1:${port}/base` });
  closed.contract.begin(scenario);
  const outage = await closed.contract.step(login).then(() => undefined, (e: unknown) => e as Error);
  expect(outage?.message).toMatch(/^outage: connection refused/);
  expect(closed.records()[0]).toMatchObject({ class: 'outage', cause: 'connection refused', clauses: ['c.one'], mismatches: [] });

  const missing = harness('production', { MINI_PASSWORD: '' });
  expect(() => missing.contract.begin(scenario)).toThrow('config:');
  expect(missing.records()[0]).toMatchObject({ class: 'config', cause: 'missing configuration', step: '(before the first step)' });
});
