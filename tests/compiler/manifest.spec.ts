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

test('the manifest names the spec of every scenario: a lock chain under 0-serial/, the rest beside their vendor', () => {
  const { suite } = loadSuite(path.join(__dirname, 'golden', 'shared-lock'));
  const files = compileSuite(suite, { generatedDir: '/g', runtimeModule: '/src/runtime/contract-test' });
  const manifest = JSON.parse(files.find((f) => f.path === 'manifest.json')?.code ?? '{}') as SuiteManifest;
  const specs = manifest.vendors[0]?.scenarios.map((s) => [s.name, s.spec]);
  expect(specs).toEqual([
    ['the health check answers', 'bank/health.spec.ts'],
    ['the admin health check answers', '0-serial/2-bank-admin.spec.ts'],
    ['issue a token', '0-serial/1-bank-user.spec.ts'],
    ['revoke a token', '0-serial/1-bank-user.spec.ts'],
  ]);
  // Every spec the manifest names is one the compiler wrote.
  for (const [, spec] of specs ?? []) expect(files.map((f) => f.path)).toContain(spec);
});
