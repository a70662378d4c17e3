// The gate's no-code rules: on the sandbox, a vendor without a sandbox module skips saying why;
// on the replay target, a scenario without a recording skips; and which folders count.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TargetEnv } from '../../src/runtime/env';
import { hasSandboxModule } from '../../src/runtime/sandbox-modules';
import { skipReason, type GateFacts } from '../../src/runtime/scenario-gate';
import type { ScenarioInfo, VendorInfo } from '../../src/runtime/scenario-info';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import { decodeStepKey, encodeStepKey } from '../../src/replay/step-key';

const vendor: VendorInfo = { vendor: 'latchkey', title: 'Latchkey', baseUrlVar: 'LATCHKEY_BASE_URL', variables: [] };
const scenario: ScenarioInfo = { name: 's', source: 'specs/latchkey/session.yaml:3', doc: 'd', clauses: [], variables: [], sandboxOnly: false, production: { harmful: false } };
const env = (target: string, values: Record<string, string> = {}): TargetEnv => ({ target, file: `env/${target}.env`, isSandbox: target === 'sandbox', values });
const facts = (hasSandbox: boolean, recorded: boolean): GateFacts => ({ hasSandbox: () => hasSandbox, isRecorded: () => recorded });

test('on the sandbox, a vendor without a sandbox module skips instead of failing for its base URL', () => {
  expect(skipReason(vendor, scenario, env('sandbox'), facts(false, false))).toBe(
    'latchkey has no sandbox module (sandbox/latchkey/): it runs against a real target (TARGET=production) or its recordings (TARGET=replay)',
  );
  // With a sandbox module the missing base URL is still a config error (the check can fail).
  expect(() => skipReason(vendor, scenario, env('sandbox'), facts(true, false))).toThrow('config: LATCHKEY_BASE_URL is not set');
});

test('on the replay target, only recorded scenarios run', () => {
  const values = { LATCHKEY_BASE_URL: 'http://127.0.0.1:1/latchkey' };
  expect(skipReason(vendor, scenario, env('replay', values), facts(false, false))).toContain('no recording of this scenario in recordings/latchkey/');
  expect(skipReason(vendor, scenario, env('replay', values), facts(false, true))).toBeUndefined();
  // Harmful scenarios that were recorded replay without touching anyone's account.
  expect(skipReason(vendor, { ...scenario, production: { harmful: true, reason: 'x' } }, env('replay', values), facts(false, true))).toBeUndefined();
});

test('every sandbox/<vendor>/ folder is registered in sandbox/vendors.ts, and only those count as sandbox modules', () => {
  const registry = readFileSync(path.join(PROJECT_ROOT, 'sandbox', 'vendors.ts'), 'utf8');
  const folders = readdirSync(path.join(PROJECT_ROOT, 'sandbox'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'core').map((d) => d.name);
  expect(folders.length).toBeGreaterThanOrEqual(5);
  for (const folder of folders) {
    expect(registry, `sandbox/${folder}/ is not in sandbox/vendors.ts`).toContain(`./${folder}/`);
    expect(hasSandboxModule(folder)).toBe(true);
  }
  expect(hasSandboxModule('core')).toBe(false);
  expect(hasSandboxModule('latchkey')).toBe(false);
});

test('the step key survives any scenario name and rejects anything else', () => {
  const key = { file: 'specs/a/b.yaml', scenario: 'a; odd — name/with %', step: 2, repeat: 3 };
  expect(decodeStepKey(encodeStepKey(key))).toEqual(key);
  expect(decodeStepKey('nonsense')).toBeUndefined();
  expect(decodeStepKey('a;b;-1;0')).toBeUndefined();
});
