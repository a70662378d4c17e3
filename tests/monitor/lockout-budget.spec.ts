// The lockout budget's rotation and its hard stop, without a network: the scenarios sharing an
// account take turns by night, each runs on some night, and a second claim in one run loses.
import { expect, test } from '@playwright/test';
import { lockoutVariable, spendsLockout } from '../../src/dsl/lockout';
import type { ManifestScenario } from '../../src/dsl/manifest';
import { lockoutEnforced, lockoutTurn } from '../../src/runtime/network/lockout-budget';
import { RunLedger } from '../../src/runtime/network/run-ledger';

const scenario = (name: string, line: number, variable?: string, extra: Partial<NonNullable<ManifestScenario['lockout']>> = {}): ManifestScenario => ({
  name,
  yaml: `specs/personr/basic-auth-token.yaml:${line}`,
  spec: 'personr/basic-auth-token.spec.ts',
  clauses: [],
  tags: [],
  ...(variable ? { lockout: { variable, ...extra } } : {}),
});
const scenarios = [
  scenario('valid login', 10),
  scenario('wrong password', 67, 'PERSONR_EMAIL'),
  scenario('unknown email', 91),
  scenario('Digest scheme', 127, 'PERSONR_EMAIL'),
  scenario('bare base64', 147, 'PERSONR_EMAIL'),
  scenario('locks the account', 200, 'PERSONR_EMAIL', { harmful: true }),
];
const real = { isSandbox: false, values: {} };
const info = (s: ManifestScenario) => ({ name: s.name, source: s.yaml });
// The gate skips the harmful one off the sandbox before the budget is asked.
const turnsOn = (day: string) => scenarios.filter((s) => s.lockout && !s.lockout.harmful && lockoutTurn('personr', info(s), scenarios, real, day)?.skip === undefined).map((s) => s.name);

test('off the sandbox exactly one scenario per account runs each night, and each runs on some night', () => {
  const nights = ['2026-12-01', '2026-12-02', '2026-12-03'].map(turnsOn);
  for (const night of nights) expect(night).toHaveLength(1);
  // The harmful one is skipped by the gate off the sandbox: it takes no night.
  expect(new Set(nights.flat())).toEqual(new Set(['wrong password', 'Digest scheme', 'bare base64']));
  expect(turnsOn('2026-12-04')).toEqual(nights[0]);
});

test('the skip reason states the rule, the account, who has it tonight, and the night this one runs', () => {
  const skipped = scenarios.slice(1).map((s) => lockoutTurn('personr', info(s), scenarios, real, '2026-12-02')?.skip).filter(Boolean);
  expect(skipped).toHaveLength(2);
  for (const reason of skipped) {
    expect(reason).toMatch(/^lockout budget: one judged wrong password per account per run \(personr\/PERSONR_EMAIL\); ".+" has it tonight, this one runs on 2026-12-0[34] \(every 3 nights\)$/);
  }
});

test('a scenario that logs in as no configured account spends no budget', () => {
  expect(lockoutTurn('personr', info(scenarios[2] as ManifestScenario), scenarios, real, '2026-12-02')).toBeUndefined();
  expect(lockoutVariable([{ auth: { kind: 'basic', username: 'nobody-{{$uuid}}', password: 'wrong', scheme: 'Basic', loc: { file: '', line: 1, col: 1 } } }], [{ name: 'PERSONR_EMAIL', secret: false }])).toBeUndefined();
  expect(lockoutVariable([{ body: { kind: 'json', value: { user: '{{ PERSONR_EMAIL }}', password: '{{PERSONR_PASSWORD}}' }, loc: { file: '', line: 1, col: 1 } } }], [{ name: 'PERSONR_PASSWORD', secret: true }, { name: 'PERSONR_EMAIL', secret: false }])).toBe('PERSONR_EMAIL');
});

test('enforced on real targets by default, on the sandbox and replay only when asked; a bad value is a clear error', () => {
  expect(lockoutEnforced({ isSandbox: false, target: 'production', values: {} })).toBe(true);
  expect(lockoutEnforced({ isSandbox: true, target: 'sandbox', values: {} })).toBe(false);
  expect(lockoutEnforced({ isSandbox: false, target: 'replay', values: {} })).toBe(false);
  expect(lockoutEnforced({ isSandbox: true, target: 'sandbox', values: { LOCKOUT_BUDGET: 'on' } })).toBe(true);
  expect(lockoutEnforced({ isSandbox: false, target: 'production', values: { LOCKOUT_BUDGET: 'off' } })).toBe(false);
  expect(() => lockoutEnforced({ isSandbox: false, target: 'production', values: { LOCKOUT_BUDGET: 'yes' } })).toThrow('LOCKOUT_BUDGET must be auto, on or off; got "yes"');
  expect(() => lockoutTurn('personr', info(scenarios[1] as ManifestScenario), scenarios, real, '12/02/2026')).toThrow('MONITOR_TODAY must be a date');
});

test('the claim is the hard stop: one holder per account per run, the second loses', () => {
  const ledger = new RunLedger(undefined);
  expect(ledger.claimAccount('personr/PERSONR_EMAIL', 'a')).toBe('a');
  expect(ledger.claimAccount('personr/PERSONR_EMAIL', 'b')).toBe('a');
  expect(ledger.claimAccount('truedat/TRUEDAT_USERNAME', 'b')).toBe('b');
});

test('a scenario that sends the account two wrong logins cannot fit the budget: skipped off the sandbox, saying how to fix it', () => {
  const two = { ...scenario('two samples', 59, 'NEXUDUS_EMAIL'), lockout: { variable: 'NEXUDUS_EMAIL', requests: 2 } };
  const one = scenario('wrong password', 10, 'NEXUDUS_EMAIL');
  expect(lockoutTurn('nexudus', info(two), [one, two], real, '2026-12-02')?.skip).toBe(
    'lockout budget: one judged wrong password per account per run (nexudus/NEXUDUS_EMAIL): this scenario sends 2 such requests; split it into one scenario per request to run it on a real target',
  );
  // It takes no night from the others.
  expect(lockoutTurn('nexudus', info(one), [one, two], real, '2026-12-03')).toEqual({ account: 'nexudus/NEXUDUS_EMAIL' });
});

test('the account a wrong login spends: a Basic username names it, secret or not; a hand-written header or a body by its plain variable; an issued username names none', () => {
  const variables = [
    { name: 'ACME_KEY', secret: true },
    { name: 'ACME_SECRET', secret: true },
    { name: 'ACME_EMAIL', secret: false },
  ];
  const loc = { file: 'specs/acme/x.yaml', line: 1, col: 1 };
  const basic = (username: string) => ({ auth: { kind: 'basic' as const, username, password: 'wrong', scheme: 'Basic', loc } });
  expect(lockoutVariable([basic('{{ACME_KEY}}')], variables)).toBe('ACME_KEY');
  expect(lockoutVariable([basic('{{issued}}')], variables)).toBeUndefined();
  expect(lockoutVariable([{ auth: { kind: 'header', header: 'Authorization', value: '{{ACME_EMAIL}}:{{ACME_SECRET}}', loc } }], variables)).toBe('ACME_EMAIL');
  expect(lockoutVariable([{ body: { kind: 'json', value: { user: '{{ACME_EMAIL}}', password: 'x' }, loc } }], variables)).toBe('ACME_EMAIL');
  expect(lockoutVariable([{ body: { kind: 'json', value: { key: '{{ACME_KEY}}' }, loc } }], variables)).toBeUndefined();
});

test('a set-up step logs in right and spends no budget; every other step of the scenario may', () => {
  expect(spendsLockout({ role: 'setup' })).toBe(false);
  expect(spendsLockout({})).toBe(true);
});
