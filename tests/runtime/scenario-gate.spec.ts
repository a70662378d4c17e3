// Skips and configuration failures decided before a scenario sends anything.
import { expect, test } from '@playwright/test';
import type { TargetEnv } from '../../src/runtime/env';
import type { ScenarioInfo, VendorInfo } from '../../src/runtime/scenario-info';
import { skipReason } from '../../src/runtime/scenario-gate';

const vendor: VendorInfo = {
  vendor: 'truedat',
  title: 'truedat',
  baseUrlVar: 'TRUEDAT_BASE_URL',
  variables: [
    { name: 'TRUEDAT_USERNAME', secret: false, optional: false },
    { name: 'TRUEDAT_PASSWORD', secret: true, optional: false },
    { name: 'TRUEDAT_LOCKED_USERNAME', secret: false, optional: true },
  ],
};

const scenario: ScenarioInfo = {
  name: 's',
  source: 'specs/truedat/a.yaml:3',
  doc: 'd § s',
  clauses: ['c.one'],
  variables: ['TRUEDAT_USERNAME', 'TRUEDAT_PASSWORD'],
  sandboxOnly: false,
  production: { harmful: false },
};

const full = { TRUEDAT_BASE_URL: 'https://h', TRUEDAT_USERNAME: 'u', TRUEDAT_PASSWORD: 'p' };

function env(target: string, values: Record<string, string | undefined>): TargetEnv {
  return { target, file: `env/${target}.env`, isSandbox: target === 'sandbox', values };
}

test('runs when everything is set', () => {
  expect(skipReason(vendor, scenario, env('sandbox', full))).toBeUndefined();
  expect(skipReason(vendor, scenario, env('production', full))).toBeUndefined();
});

test('sandbox-only scenarios skip off the sandbox, saying why', () => {
  const s = { ...scenario, sandboxOnly: true, sandboxReason: 'the scenario moves the sandbox clock (clockOffset)' };
  expect(skipReason(vendor, s, env('sandbox', full))).toBeUndefined();
  expect(skipReason(vendor, s, env('production', full))).toBe(
    'sandbox only: the scenario moves the sandbox clock (clockOffset); TARGET=production is a real vendor',
  );
});

test('harmful scenarios skip off the sandbox unless ALLOW_HARMFUL_SCENARIOS=1', () => {
  const s = { ...scenario, production: { harmful: true, reason: 're-issuing revokes the live token' } };
  expect(skipReason(vendor, s, env('sandbox', full))).toBeUndefined();
  expect(skipReason(vendor, s, env('production', full))).toBe(
    'harmful on a real account: re-issuing revokes the live token (set ALLOW_HARMFUL_SCENARIOS=1 to run it on TARGET=production)',
  );
  expect(skipReason(vendor, s, env('production', { ...full, ALLOW_HARMFUL_SCENARIOS: '1' }))).toBeUndefined();
});

test('a vendor without a base URL is skipped on a real target and a config error on the sandbox', () => {
  const rest: Record<string, string> = { ...full, TRUEDAT_BASE_URL: '' };
  expect(skipReason(vendor, scenario, env('production', rest))).toBe(
    'truedat is not configured for TARGET=production: TRUEDAT_BASE_URL is not set in env/production.env',
  );
  expect(() => skipReason(vendor, scenario, env('sandbox', rest))).toThrow('config: TRUEDAT_BASE_URL is not set: set it in env/sandbox.env');
});

test('a missing required variable is one config failure naming the variable and the file', () => {
  expect(() => skipReason(vendor, scenario, env('production', { ...full, TRUEDAT_PASSWORD: '' }))).toThrow(
    'config: TRUEDAT_PASSWORD is not set: set it in env/production.env (or the process environment)',
  );
  expect(() => skipReason(vendor, scenario, env('production', { TRUEDAT_BASE_URL: 'https://h' }))).toThrow(
    'config: TRUEDAT_USERNAME, TRUEDAT_PASSWORD are not set: set them in env/production.env',
  );
});

test('a missing optional variable skips with the reason', () => {
  const s = { ...scenario, variables: ['TRUEDAT_LOCKED_USERNAME', 'TRUEDAT_PASSWORD'] };
  expect(skipReason(vendor, s, env('production', full))).toBe(
    'TRUEDAT_LOCKED_USERNAME is not set in env/production.env (an optional variable this scenario needs)',
  );
});

test('a vendor on two hosts needs both base URLs: the unset one is named', () => {
  const twoHosts: VendorInfo = { ...vendor, baseUrlVar: 'TRUEDAT_BASE_URL', bases: { space: 'TRUEDAT_BASE_URL', admin: 'TRUEDAT_ADMIN_BASE_URL' } };
  expect(skipReason(twoHosts, scenario, env('production', { ...full, TRUEDAT_ADMIN_BASE_URL: 'http://a' }))).toBeUndefined();
  expect(skipReason(twoHosts, scenario, env('production', full))).toBe(
    'truedat is not configured for TARGET=production: TRUEDAT_ADMIN_BASE_URL is not set in env/production.env',
  );
  expect(() => skipReason(twoHosts, scenario, env('sandbox', full))).toThrow('config: TRUEDAT_ADMIN_BASE_URL is not set');
});
