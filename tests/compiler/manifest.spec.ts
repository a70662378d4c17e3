// generated/manifest.json carries a clause's fields as written, whatever they are, so a field
// added to vendor.yaml (evidence, source...) reaches reporting without a compiler change.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { compileSuite } from '../../src/compiler/compile-suite';
import type { SuiteManifest } from '../../src/dsl/manifest';
import { loadSuite } from '../../src/loader/load-suite';

test('the manifest lists vendors, secrets, clauses with every written field, scenarios, locks and tags', () => {
  const { suite, errors } = loadSuite(path.join(__dirname, 'golden', 'shared-lock'));
  expect(errors).toEqual([]);
  const [vendor] = suite.vendors;
  const clause = vendor?.clauses[0];
  if (!vendor || !clause) throw new Error('the golden case has a vendor with clauses');
  clause.fields = { ...clause.fields, evidence: 'observed', source: 'research §2' };
  const files = compileSuite(suite, { generatedDir: '/g', runtimeModule: '/src/runtime/contract-test' });
  const manifest = JSON.parse(files.find((f) => f.path === 'manifest.json')?.code ?? '{}') as SuiteManifest;
  const bank = manifest.vendors[0];
  expect(bank?.secretVariables).toEqual(['BANK_PASSWORD']);
  expect(bank?.clauses[0]).toMatchObject({ id: clause.id, evidence: 'observed', source: 'research §2', yaml: `${clause.loc.file}:${clause.loc.line}` });
  expect(bank?.locks).toEqual(['bank-admin', 'bank-user']);
  expect(bank?.scenarios.find((s) => s.lock === 'bank-user')?.clauses.length).toBeGreaterThan(0);
});

test('the manifest names the ranked spec of every scenario: its lock chain, or its file\'s scenarios without a lock', () => {
  const { suite } = loadSuite(path.join(__dirname, 'golden', 'shared-lock'));
  const files = compileSuite(suite, { generatedDir: '/g', runtimeModule: '/src/runtime/contract-test' });
  const manifest = JSON.parse(files.find((f) => f.path === 'manifest.json')?.code ?? '{}') as SuiteManifest;
  const specs = manifest.vendors[0]?.scenarios.map((s) => [s.name, s.spec]);
  expect(specs).toEqual([
    ['the health check answers', '0-serial/3-bank-health.spec.ts'],
    ['the admin health check answers', '0-serial/2-bank-admin.spec.ts'],
    ['issue a token', '0-serial/1-bank-user.spec.ts'],
    ['revoke a token', '0-serial/1-bank-user.spec.ts'],
  ]);
  // Every spec the manifest names is one the compiler wrote.
  for (const [, spec] of specs ?? []) expect(files.map((f) => f.path)).toContain(spec);
});

test("the project's contract specs are ranked by the requests they run in order, longest first, and hold every scenario", () => {
  // Playwright hands specs out in path order: the longest runs start first (compile-suite.ts).
  const { suite } = loadSuite(path.join(__dirname, '..', '..'));
  const files = compileSuite(suite, { generatedDir: '/g', runtimeModule: '/src/runtime/contract-test' });
  const ranked = files.filter((f) => f.path.startsWith('0-serial/')).sort((a, b) => a.path.localeCompare(b.path));
  const steps = ranked.map((f) => f.code.split('await test.step(').length - 1);
  expect(steps.length).toBeGreaterThan(10);
  expect(steps, ranked.map((f, i) => `${f.path}: ${steps[i]}`).join('\n')).toEqual([...steps].sort((a, b) => b - a));
  const scenarios = suite.files.reduce((n, f) => n + f.scenarios.length, 0);
  const inRanked = ranked.reduce((n, f) => n + (f.code.match(/^\s*test\(s\.name,/gm) ?? []).length, 0);
  expect(inRanked, 'every scenario is in a ranked spec').toBe(scenarios);
});
