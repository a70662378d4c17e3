// generated/manifest.json carries a clause's fields as written, whatever they are, so a field
// added to vendor.yaml (evidence, source...) reaches reporting without a compiler change.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { emitManifest } from '../../src/compiler/emit-manifest';
import type { SuiteManifest } from '../../src/dsl/manifest';
import { loadSuite } from '../../src/loader/load-suite';

test('the manifest lists vendors, secrets, clauses with every written field, scenarios, locks and tags', () => {
  const { suite, errors } = loadSuite(path.join(__dirname, 'golden', 'shared-lock'));
  expect(errors).toEqual([]);
  const [vendor] = suite.vendors;
  const clause = vendor?.clauses[0];
  if (!vendor || !clause) throw new Error('the golden case has a vendor with clauses');
  clause.fields = { ...clause.fields, evidence: 'observed', source: 'research §2' };
  const manifest = JSON.parse(emitManifest(suite)) as SuiteManifest;
  const bank = manifest.vendors[0];
  expect(bank?.secretVariables).toEqual(['BANK_PASSWORD']);
  expect(bank?.clauses[0]).toMatchObject({ id: clause.id, evidence: 'observed', source: 'research §2', yaml: `${clause.loc.file}:${clause.loc.line}` });
  expect(bank?.locks).toEqual(['bank-user']);
  expect(bank?.scenarios.find((s) => s.lock === 'bank-user')?.clauses.length).toBeGreaterThan(0);
});
