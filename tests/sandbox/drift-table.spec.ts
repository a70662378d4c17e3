// The drift tables of the sandbox's vendor modules: each entry cites a source, names a clause of
// its vendor.yaml, is implemented (the module's code asks for it by name), and, once vendor.yaml
// carries known-drift entries, has one there on the same clause.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { driftTable } from '../../sandbox/core/profile';
import { vendors } from '../../sandbox/vendors';
import { driftMismatches, readVendorYaml } from './drift-compare';

const ROOT = path.resolve(__dirname, '..', '..');
const withSpecs = vendors.filter((v) => v.name !== 'bench');

test('every vendor with contracts says what its observed profile changes, even when nothing', () => {
  expect(withSpecs.filter((v) => v.drift === undefined).map((v) => v.name)).toEqual([]);
});

test('every drift entry says what the document says, what the service does, and where that is shown', () => {
  const rows = driftTable(vendors);
  expect(rows.map((r) => `${r.vendor}.${r.id}`).sort()).toEqual([
    'clearlrs.service-account-on-xapi',
    'personr.get-runs-workflow',
    'personr.idle-expiry-30-days',
    'truedat.refresh-token-cookie-only',
  ]);
  for (const row of rows) {
    for (const field of ['documented', 'observed', 'source'] as const) expect(row[field].trim().length, `${row.vendor}.${row.id}.${field}`).toBeGreaterThan(20);
    // A source names a repository file at a tag or commit, or a page: never a bare inference.
    expect(row.source, `${row.vendor}.${row.id}`).toMatch(/@[0-9a-f]{7}|tag \d|\([0-9a-f]{7}\)|[a-z0-9-]+\.[a-z]{2,}\//);
  }
});

test('every drift entry is implemented: its vendor module asks for it by name', () => {
  for (const vendor of withSpecs) {
    const folder = path.join(ROOT, 'sandbox', vendor.name);
    const code = readdirSync(folder)
      .filter((f) => f.endsWith('.ts') && f !== 'drift.ts')
      .map((f) => readFileSync(path.join(folder, f), 'utf8'))
      .join('\n');
    for (const id of Object.keys(vendor.drift ?? {})) expect(code, `${vendor.name}.${id}`).toContain(`isObserved('${id}'`);
  }
});

test('every drift entry names a clause of its vendor.yaml, and a known-drift entry there once vendor.yaml has them', () => {
  const problems = withSpecs.flatMap((v) => driftMismatches(v.name, v.drift ?? {}, readVendorYaml(ROOT, v.name)));
  expect(problems).toEqual([]);
});

test('the comparison goes red for an unknown clause, a missing drift entry and a clause mismatch', () => {
  const table = { 'cookie-only': { clause: 'session.refresh-token', documented: 'd', observed: 'o', source: 's' } };
  expect(driftMismatches('truedat', table, { clauses: ['session.refresh-token'] })).toEqual([]);
  expect(driftMismatches('truedat', table, { clauses: ['session.created'] })).toEqual([
    'truedat.cookie-only: clause session.refresh-token is not declared in specs/truedat/vendor.yaml',
  ]);
  expect(driftMismatches('truedat', table, { clauses: ['session.refresh-token'], drift: [] })).toEqual([
    'truedat.cookie-only: specs/truedat/vendor.yaml has no drift entry for it',
  ]);
  expect(driftMismatches('truedat', table, { clauses: ['session.refresh-token'], drift: [{ id: 'cookie-only', clause: 'session.created' }] })).toEqual([
    'truedat.cookie-only: vendor.yaml puts it on clause session.created, the sandbox on session.refresh-token',
  ]);
  expect(driftMismatches('truedat', table, { clauses: ['session.refresh-token'], drift: [{ clause: 'session.refresh-token' }] })).toEqual([]);
});
