// Verdicts by evidence (runtime/verdict.ts), as pure rules and through the Contract against the
// runtime's tiny local vendor. "Off the sandbox" is a target other than `sandbox` pointing the
// real-target code path at that local vendor; each rule is shown red and green.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ANNOTATION, ATTACHMENT, type MismatchRecord, type VerdictRecord } from '../../src/dsl/facts';
import type { StepSpec } from '../../src/dsl/model';
import { Contract, ContractFailure } from '../../src/runtime/contract';
import type { TargetEnv } from '../../src/runtime/env';
import type { DriftInfo, ScenarioInfo, VendorInfo } from '../../src/runtime/scenario-info';
import { judgeFailure, resolvedDrift, verdictPolicy } from '../../src/runtime/verdict';
import { WorkerContext } from '../../src/runtime/worker-context';
import { MINI_PASSWORD, MINI_USER, startMiniServer, type MiniServer } from './support/mini-server';
import { at, MINI_FILE, miniVendor } from './support/mini-vendor';

const refreshDrift: DriftInfo = {
  id: 'refresh-in-cookie',
  clause: 'login.refresh',
  yaml: 'specs/mini/vendor.yaml:40',
  text: 'The refresh token is only a cookie.',
  source: 'mini/server tag 2.0.0, login.ts',
  observed: [{ path: 'body refresh_token', actual: { absent: true } }],
};

const vendor = miniVendor({
  evidence: { 'login.ok': 'documented', 'login.refresh': 'documented', 'login.status-200': 'inferred', 'login.tier': 'observed' },
  drift: [refreshDrift],
});

const mismatch = (clauses: string[], extra: Partial<MismatchRecord> = {}): MismatchRecord => ({
  path: 'status',
  keyword: 'status',
  expected: [200],
  actual: 201,
  yaml: at(11),
  clauses,
  ...extra,
});

const env = (target: string, values: Record<string, string> = {}): Pick<TargetEnv, 'isSandbox' | 'values'> => ({ isSandbox: target === 'sandbox', values });
const live = verdictPolicy(env('live'));

test.describe('the rules', () => {
  test('off the sandbox, a failure of inferred clauses only is a warning; STRICT=1 and the documented sandbox fail it', () => {
    expect(judgeFailure([mismatch(['login.status-200'])], vendor, live)?.verdict).toBe('inferred-warning');
    expect(judgeFailure([mismatch(['login.status-200'])], vendor, verdictPolicy(env('live', { STRICT: '1' })))).toBeUndefined();
    expect(judgeFailure([mismatch(['login.status-200'])], vendor, verdictPolicy(env('sandbox')))).toBeUndefined();
    // The observed profile behaves like the real vendor, so it is judged like one.
    expect(judgeFailure([mismatch(['login.status-200'])], vendor, verdictPolicy(env('sandbox', { SANDBOX_PROFILE: 'observed' })))?.verdict).toBe('inferred-warning');
  });

  test('a mismatch that also carries a documented or observed clause fails, and so does a clause of unknown evidence', () => {
    expect(judgeFailure([mismatch(['login.status-200', 'login.ok'])], vendor, live)).toBeUndefined();
    expect(judgeFailure([mismatch(['login.tier'])], vendor, live)).toBeUndefined();
    expect(judgeFailure([mismatch(['not.in.vendor.yaml'])], vendor, live)).toBeUndefined();
    expect(judgeFailure([mismatch([])], vendor, live)).toBeUndefined();
    expect(judgeFailure([mismatch(['login.status-200']), mismatch(['login.ok'])], vendor, live)).toBeUndefined();
  });

  test('a failure exactly as a drift entry describes is known drift, even with STRICT=1; any other failure on that clause fails', () => {
    const drifted = mismatch(['login.ok', 'login.refresh'], { path: 'body refresh_token', keyword: 'pattern', actual: undefined });
    const verdict = judgeFailure([drifted], vendor, live);
    expect(verdict).toEqual({ verdict: 'known-drift', clauses: ['login.refresh'], reason: expect.stringContaining('refresh-in-cookie (specs/mini/vendor.yaml:40)') as unknown });
    expect(judgeFailure([drifted], vendor, verdictPolicy(env('live', { STRICT: '1' })))?.verdict).toBe('known-drift');
    expect(judgeFailure([drifted], vendor, verdictPolicy(env('sandbox')))).toBeUndefined();
    // The same path with a value (not absent), another path, or an extra mismatch on the clause.
    expect(judgeFailure([{ ...drifted, actual: 42 }], vendor, live)).toBeUndefined();
    expect(judgeFailure([mismatch(['login.refresh'])], vendor, live)).toBeUndefined();
    expect(judgeFailure([drifted, mismatch(['login.refresh'])], vendor, live)).toBeUndefined();
    // The drift names its clause: the same mismatch on another clause is not the drift.
    expect(judgeFailure([{ ...drifted, clauses: ['login.ok'] }], vendor, live)).toBeUndefined();
  });

  test('equals compares the observed value as JSON, keyword narrows the rule', () => {
    const statusDrift: DriftInfo = { ...refreshDrift, id: 'created', clause: 'login.ok', observed: [{ path: 'status', keyword: 'status', actual: { equals: 201 } }] };
    const withStatus: VendorInfo = { ...vendor, drift: [statusDrift] };
    expect(judgeFailure([mismatch(['login.ok'])], withStatus, live)?.verdict).toBe('known-drift');
    expect(judgeFailure([mismatch(['login.ok'], { actual: 202 })], withStatus, live)).toBeUndefined();
    expect(judgeFailure([mismatch(['login.ok'], { keyword: 'equals' })], withStatus, live)).toBeUndefined();
  });

  test('a drift clause that held is drift resolved, off the sandbox only', () => {
    expect(resolvedDrift(['login.ok', 'login.refresh'], vendor, live)?.verdict).toBe('drift-resolved');
    expect(resolvedDrift(['login.ok'], vendor, live)).toBeUndefined();
    expect(resolvedDrift(['login.refresh'], vendor, verdictPolicy(env('sandbox')))).toBeUndefined();
  });
});

// ------------------------------------------------------------------ through the Contract

let server: MiniServer;
test.beforeAll(async () => {
  server = await startMiniServer();
});
test.afterAll(async () => {
  await server.close();
});

const scenario = (clauses: string[]): ScenarioInfo => ({
  name: 'login',
  source: `${MINI_FILE}:3`,
  doc: 'mini-auth.md § Login',
  clauses,
  variables: ['MINI_USER', 'MINI_PASSWORD'],
  sandboxOnly: false,
  production: { harmful: false },
});

/** POST /login (answers 201 {token, expires, tier}, no refresh_token) expecting `expect`. */
function login(expectation: Partial<StepSpec['expect']>): StepSpec {
  return {
    name: 'log in',
    request: { method: 'POST', path: '/login', query: {}, headers: {}, auth: { kind: 'basic', username: '{{MINI_USER}}', password: '{{MINI_PASSWORD}}', scheme: 'Basic', loc: at(6) }, loc: at(5) },
    expect: { headers: [], cookies: [], body: [], loc: at(10), ...expectation },
    captures: [],
    loc: at(4),
  };
}
const wantsStatus200 = login({ status: { codes: [200], loc: at(11) } });
const wantsRefreshToken = login({ status: { codes: [201], loc: at(11) }, body: [{ name: 'refresh_token', matcher: { kind: 'pattern', pattern: '^\\S+$', loc: at(12) } }] });
const holds = login({ status: { codes: [201], loc: at(11) } });

function run(target: string, values: Record<string, string> = {}) {
  const annotations: { type: string; description?: string }[] = [];
  const attachments: { name: string; contentType: string; body?: Buffer }[] = [];
  const targetEnv: TargetEnv = { target, file: `env/${target}.env`, isSandbox: target === 'sandbox', values: { MINI_BASE_URL: `${server.origin}/base`, MINI_USER, MINI_PASSWORD, ...values } };
  const testInfo = { annotations, attachments, skip: () => undefined };
  const contract = new Contract(new WorkerContext(path.join(__dirname, 'fixtures'), targetEnv), vendor, testInfo);
  const verdict = (): VerdictRecord | undefined =>
    attachments.filter((a) => a.name === ATTACHMENT.verdict).map((a) => JSON.parse(String(a.body)) as VerdictRecord).at(-1);
  const word = (): string | undefined => annotations.filter((a) => a.type === ANNOTATION.verdict).at(-1)?.description;
  return { contract, verdict, word };
}

test('an inferred failure passes off the sandbox as inferred-warning, and fails with STRICT=1 and on the sandbox', async () => {
  const warned = run('live');
  warned.contract.begin(scenario(['login.status-200']));
  await warned.contract.step(wantsStatus200);
  expect(warned.word()).toBe('inferred-warning');
  expect(warned.verdict()).toMatchObject({ verdict: 'inferred-warning', clauses: ['login.status-200'] });

  for (const [target, values] of [['live', { STRICT: '1' }], ['sandbox', {}]] as const) {
    const strict = run(target, values);
    strict.contract.begin(scenario(['login.status-200']));
    await expect(strict.contract.step(wantsStatus200)).rejects.toBeInstanceOf(ContractFailure);
    expect(strict.word()).toBeUndefined();
  }
});

test('a failure as the drift entry describes passes as known-drift; another failure on that clause fails', async () => {
  const drifted = run('live');
  drifted.contract.begin(scenario(['login.ok', 'login.refresh']));
  await drifted.contract.step(wantsRefreshToken);
  drifted.contract.finish('passed');
  expect(drifted.word()).toBe('known-drift');
  expect(drifted.verdict()?.reason).toContain('Source: mini/server tag 2.0.0');

  const other = run('live');
  other.contract.begin(scenario(['login.ok', 'login.refresh']));
  await expect(other.contract.step(wantsStatus200)).rejects.toBeInstanceOf(ContractFailure);
});

test('a known-drift clause that holds is reported as drift-resolved', async () => {
  const resolved = run('live');
  resolved.contract.begin(scenario(['login.ok', 'login.refresh']));
  await resolved.contract.step(holds);
  resolved.contract.finish('passed');
  expect(resolved.word()).toBe('drift-resolved');
  expect(resolved.verdict()?.clauses).toEqual(['login.refresh']);

  // A failed scenario, and the documented sandbox, never claim the drift resolved.
  for (const [target, status] of [['live', 'failed'], ['sandbox', 'passed']] as const) {
    const quiet = run(target);
    quiet.contract.begin(scenario(['login.ok', 'login.refresh']));
    await quiet.contract.step(holds);
    quiet.contract.finish(status);
    expect(quiet.word()).toBeUndefined();
  }
});
