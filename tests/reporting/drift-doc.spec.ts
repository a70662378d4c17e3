// docs/drift.md is generated from specs/*/vendor.yaml: it must match the specs as committed, and
// it must list every drift entry with its evidence and every non-documented clause's basis.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContractSuite } from '../../src/dsl/model';
import { loadSuite } from '../../src/loader/load-suite';
import { driftMarkdown } from '../../src/reporting/drift-markdown';

const ROOT = path.resolve(__dirname, '..', '..');

test('docs/drift.md is up to date with specs/', () => {
  const { suite, errors } = loadSuite(ROOT);
  expect(errors).toEqual([]);
  const committed = readFileSync(path.join(ROOT, 'docs', 'drift.md'), 'utf8');
  expect(committed, 'docs/drift.md is stale: run `npm run drift-table`').toBe(driftMarkdown(suite));
});

test('every drift entry appears with its clause, its source and its mismatches; truedat refresh token among them', () => {
  const { suite } = loadSuite(ROOT);
  const text = driftMarkdown(suite);
  const entries = suite.vendors.flatMap((v) => v.drift);
  expect(entries.map((d) => d.id)).toContain('refresh-token-cookie-only');
  for (const d of entries) {
    const row = text.split('\n').find((line) => line.includes(`\`${d.id}\``));
    expect(row, d.id).toBeDefined();
    expect(row).toContain(`\`${d.clause}\``);
    expect(row).toContain(d.source.replace(/\|/g, '\\|'));
    for (const m of d.observed) expect(row).toContain(`\`${m.path}\``);
  }
});

test('a drift entry added to a vendor shows up, so the staleness check can fail', () => {
  const { suite } = loadSuite(ROOT);
  const before = driftMarkdown(suite);
  const truedat = suite.vendors.find((v) => v.vendor === 'truedat');
  expect(truedat).toBeDefined();
  const loc = { file: 'specs/truedat/vendor.yaml', line: 1, col: 1 };
  const changed: ContractSuite = {
    ...suite,
    vendors: suite.vendors.map((v) =>
      v === truedat ? { ...v, drift: [...v.drift, { id: 'made-up', clause: 'logout.status', source: 'x tag 1', version: '1.x', text: 'Logout answers 200.', observed: [{ path: 'status', actual: { equals: 200 } }], loc }] } : v,
    ),
  };
  const after = driftMarkdown(changed);
  expect(after).not.toBe(before);
  expect(after).toContain('| truedat | `made-up` | `logout.status` |');
  expect(after).toContain('`status` = 200');
});
