// `clauses:` on a step and on one expectation, and `role: setup`: the loader keeps each only
// where the file writes it, so an expectation without its own clauses falls back to its step's
// and then its scenario's at run time (check-expectations.ts), and the compiler prints no empty
// defaults. The fixture is the compiler's golden case, so both stages read the same file.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import type { StepSpec } from '../../src/dsl/model';
import { loadSuite } from '../../src/loader/load-suite';

const ROOT = path.join(__dirname, '..', 'compiler', 'golden', 'clauses');
const { suite, errors } = loadSuite(ROOT);

function step(index: number): StepSpec {
  const found = suite.files[0]?.scenarios[0]?.steps[index];
  if (!found) throw new Error(`no step ${index}`);
  return found;
}

test('the clauses fixture loads without errors', () => {
  expect(errors).toEqual([]);
  expect(suite.files[0]?.scenarios[0]?.clauses).toEqual(['login.ok', 'token.shape', 'token.works']);
});

test('a step keeps its own clauses and role; a step without them has neither key', () => {
  expect(step(0).clauses).toEqual(['login.ok']);
  expect(step(0).role).toBe('setup');
  expect('clauses' in step(1)).toBe(false);
  expect('role' in step(1)).toBe(false);
});

test('status, schema and matchers keep their own clauses only where written', () => {
  const login = step(0).expect;
  expect(login.status).toEqual({ codes: [201], loc: { file: 'specs/shop/token.yaml', line: 18, col: 19 } });
  expect(login.schema && 'clauses' in login.schema).toBe(false);
  expect(login.body).toEqual([
    { name: 'token', matcher: { kind: 'pattern', pattern: '^[0-9a-f]{32}$', loc: { file: 'specs/shop/token.yaml', line: 21, col: 13 } }, clauses: ['token.shape'] },
  ]);
  const call = step(1).expect;
  expect(call.status?.codes).toEqual([200, 204]);
  expect(call.status?.clauses).toEqual(['token.works']);
  expect(call.schema).toMatchObject({ file: 'shop/token.json', clauses: ['token.works'] });
  expect(call.headers).toEqual([
    { name: 'cache-control', matcher: expect.objectContaining({ kind: 'equals', value: 'no-store' }), clauses: ['token.works'] },
  ]);
});
