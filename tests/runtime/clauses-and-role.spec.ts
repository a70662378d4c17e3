// Which clause broke (issue 8) and who is to blame (issue 12), through the Contract against the
// runtime's tiny local vendor: a failure names only the clauses of the expectations that failed
// (the expectation's own, else its step's, else its scenario's), the verdict off the sandbox is
// decided per broken clause, and a refused `role: setup` step is a credentials failure.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ATTACHMENT, type FailureRecord } from '../../src/dsl/facts';
import type { ExpectSpec, RequestSpec, StepSpec } from '../../src/dsl/model';
import { Contract, ContractFailure } from '../../src/runtime/contract';
import type { TargetEnv } from '../../src/runtime/env';
import type { ScenarioInfo } from '../../src/runtime/scenario-info';
import { WorkerContext } from '../../src/runtime/worker-context';
import { MINI_PASSWORD, MINI_USER, startMiniServer, type MiniServer } from './support/mini-server';
import { at, MINI_FILE, miniVendor } from './support/mini-vendor';

const vendor = miniVendor({
  evidence: { 'login.ok': 'documented', 'login.tier': 'inferred', 'login.expires': 'inferred' },
});

const CLAUSES = ['login.ok', 'login.tier', 'login.expires'];
const scenario: ScenarioInfo = {
  name: 'login',
  source: `${MINI_FILE}:3`,
  doc: 'mini-auth.md § Login',
  clauses: CLAUSES,
  variables: ['MINI_USER', 'MINI_PASSWORD'],
  sandboxOnly: false,
  production: { harmful: false },
};

const basic: RequestSpec = {
  method: 'POST',
  path: '/login',
  query: {},
  headers: {},
  auth: { kind: 'basic', username: '{{MINI_USER}}', password: '{{MINI_PASSWORD}}', scheme: 'Basic', loc: at(6) },
  loc: at(5),
};
// A login that sends its credentials in a JSON body: no auth the runtime could recognise.
const jsonLogin: RequestSpec = { method: 'POST', path: '/login', query: {}, headers: {}, body: { kind: 'json', value: { user: '{{MINI_USER}}', password: '{{MINI_PASSWORD}}' }, loc: at(6) }, loc: at(5) };

function login(exp: Partial<ExpectSpec>, extra: Partial<StepSpec> = {}, req: RequestSpec = basic): StepSpec {
  return { name: 'log in', request: req, expect: { headers: [], cookies: [], body: [], loc: at(10), ...exp }, captures: [], loc: at(4), ...extra };
}

// The mini vendor answers 201 {token, expires: 600, tier: "gold"}.
const wrongTier = { name: 'tier', matcher: { kind: 'equals' as const, value: 'platinum', loc: at(12) } };
const wrongExpiry = { name: 'expires', matcher: { kind: 'equals' as const, value: 60, loc: at(13) } };
const status201 = { codes: [201], loc: at(11) };

let server: MiniServer;
test.beforeAll(async () => {
  server = await startMiniServer();
});
test.afterAll(async () => {
  await server.close();
});

function harness(target = 'sandbox') {
  const attachments: { name: string; contentType: string; body?: Buffer }[] = [];
  const annotations: { type: string; description?: string }[] = [];
  const env: TargetEnv = { target, file: `env/${target}.env`, isSandbox: target === 'sandbox', values: { MINI_BASE_URL: `${server.origin}/base`, MINI_USER, MINI_PASSWORD } };
  const contract = new Contract(new WorkerContext(path.join(__dirname, 'fixtures'), env), vendor, { annotations, attachments, skip: () => undefined });
  contract.begin(scenario);
  const records = (): FailureRecord[] => attachments.filter((a) => a.name === ATTACHMENT.failure).map((a) => JSON.parse(String(a.body)) as FailureRecord);
  const verdict = (): string | undefined => annotations.filter((a) => a.type === 'verdict').at(-1)?.description;
  return { contract, records, verdict };
}

test.describe('which clause broke', () => {
  test("an expectation's own clauses name the failure alone", async () => {
    const { contract, records } = harness();
    await expect(contract.step(login({ status: status201, body: [{ ...wrongTier, clauses: ['login.tier'] }] }))).rejects.toBeInstanceOf(ContractFailure);
    expect(records().map((r) => r.clauses)).toEqual([['login.tier']]);
    expect(records()[0]?.mismatches.map((m) => [m.path, m.clauses])).toEqual([['body tier', ['login.tier']]]);
  });

  test("without its own, an expectation takes its step's clauses, and without those its scenario's", async () => {
    const stepOwned = harness();
    await expect(stepOwned.contract.step(login({ status: status201, body: [wrongExpiry] }, { clauses: ['login.expires'] }))).rejects.toBeInstanceOf(ContractFailure);
    expect(stepOwned.records()[0]?.clauses).toEqual(['login.expires']);
    const scenarioOwned = harness();
    await expect(scenarioOwned.contract.step(login({ status: status201, body: [wrongExpiry] }))).rejects.toBeInstanceOf(ContractFailure);
    expect(scenarioOwned.records()[0]?.clauses).toEqual(CLAUSES);
  });

  test('two failing expectations name the union of their clauses; a passing one names none', async () => {
    const { contract, records } = harness();
    const step = login(
      { status: { ...status201, clauses: ['login.ok'] }, body: [{ ...wrongTier, clauses: ['login.tier'] }, { ...wrongExpiry, clauses: ['login.expires'] }] },
      { clauses: ['login.ok'] },
    );
    await expect(contract.step(step)).rejects.toBeInstanceOf(ContractFailure);
    expect(records()[0]?.clauses).toEqual(['login.tier', 'login.expires']);
  });

  test('a wrong status alone names the broken clause; the checks of the answer it did not give are listed, not blamed', async () => {
    const { contract, records } = harness();
    const step = login({ status: { codes: [401], clauses: ['login.ok'], loc: at(11) }, body: [{ ...wrongTier, clauses: ['login.tier'] }] });
    await expect(contract.step(step)).rejects.toBeInstanceOf(ContractFailure);
    expect(records()[0]?.clauses).toEqual(['login.ok']);
    expect(records()[0]?.mismatches.map((m) => [m.path, m.clauses])).toEqual([['status', ['login.ok']], ['body tier', ['login.tier']]]);
  });

  test('a status and a schema carry their own clauses too', async () => {
    const { contract, records } = harness();
    await expect(contract.step(login({ status: { codes: [200], clauses: ['login.ok'], loc: at(11) } }, { clauses: ['login.tier'] }))).rejects.toBeInstanceOf(ContractFailure);
    expect(records()[0]?.clauses).toEqual(['login.ok']);
    const schema = harness();
    // /echo answers 200 with a body that is no session: only the schema fails.
    const echo: RequestSpec = { method: 'GET', path: '/echo', query: {}, headers: {}, loc: at(5) };
    await expect(schema.contract.step(login({ status: { codes: [200], loc: at(11) }, schema: { file: 'mini/session.json', clauses: ['login.expires'], loc: at(12) } }, {}, echo))).rejects.toBeInstanceOf(ContractFailure);
    expect(schema.records()[0]?.mismatches.length).toBeGreaterThan(0);
    expect(schema.records()[0]?.clauses).toEqual(['login.expires']);
  });
});

test.describe('verdicts per broken clause, off the sandbox', () => {
  test('a failure whose every broken clause is inferred warns; the same check under a documented clause fails', async () => {
    const warned = harness('live');
    await warned.contract.step(login({ status: status201, body: [{ ...wrongTier, clauses: ['login.tier'] }, { ...wrongExpiry, clauses: ['login.expires'] }] }, { clauses: ['login.ok'] }));
    expect(warned.verdict()).toBe('inferred-warning');
    // The expectation names no clause of its own, so its step's documented clause broke.
    const failed = harness('live');
    await expect(failed.contract.step(login({ status: status201, body: [wrongTier] }, { clauses: ['login.ok'] }))).rejects.toBeInstanceOf(ContractFailure);
    expect(failed.verdict()).toBeUndefined();
    // One documented broken clause beside an inferred one fails the whole step.
    const mixed = harness('live');
    await expect(mixed.contract.step(login({ status: status201, body: [{ ...wrongTier, clauses: ['login.tier'] }, { ...wrongExpiry, clauses: ['login.ok'] }] }))).rejects.toBeInstanceOf(ContractFailure);
    expect(mixed.records()[0]?.clauses).toEqual(['login.tier', 'login.ok']);
    // A wrong status decides: its inferred clause warns although a documented body check failed with it.
    const byStatus = harness('live');
    await byStatus.contract.step(login({ status: { codes: [200], clauses: ['login.tier'], loc: at(11) }, body: [{ ...wrongExpiry, clauses: ['login.ok'] }] }));
    expect(byStatus.verdict()).toBe('inferred-warning');
  });
});

test.describe('role: setup', () => {
  const refusedJson = (extra: Partial<StepSpec>): StepSpec => login({ status: { ...status201, clauses: ['login.tier'] } }, extra, jsonLogin);

  test('a refused setup step is a credentials failure, however it sends the credentials', async () => {
    const setup = harness();
    await expect(setup.contract.step(refusedJson({ role: 'setup' }))).rejects.toBeInstanceOf(ContractFailure);
    expect(setup.records()[0]).toMatchObject({ class: 'credentials', status: 401 });
    // The same refusal of a step that is what the scenario proves blames the vendor.
    const proof = harness();
    await expect(proof.contract.step(refusedJson({}))).rejects.toBeInstanceOf(ContractFailure);
    expect(proof.records()[0]).toMatchObject({ class: 'contract', status: 401 });
  });

  test('a refused setup step is never softened into a warning, even when its clause is inferred', async () => {
    const { contract, records, verdict } = harness('live');
    await expect(contract.step(refusedJson({ role: 'setup' }))).rejects.toBeInstanceOf(ContractFailure);
    expect(records()[0]?.class).toBe('credentials');
    expect(verdict()).toBeUndefined();
  });

  test('a setup step that gets a wrong answer other than a refusal stays a contract failure', async () => {
    const { contract, records } = harness();
    await expect(contract.step(login({ status: { codes: [200], loc: at(11) } }, { role: 'setup' }))).rejects.toBeInstanceOf(ContractFailure);
    expect(records()[0]?.class).toBe('contract');
  });
});
