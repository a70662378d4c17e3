// Allure keys a test's history by its testCaseId and historyId. allure-playwright derives them
// from the generated spec's path, which the compiler names by rank; contract-labels.ts keys them
// by the scenario instead (vendor, YAML file, name), so a spec that moves or is renamed keeps
// its history, and an edit that moves the scenario's line does too.
import { test, expect } from '@playwright/test';
import type { TestResult } from 'allure-js-commons';
import { keyByScenario } from '../../src/reporting/allure/contract-labels';

function result(name: string, subSuite: string, fullName: string): TestResult {
  return { name, fullName, labels: [{ name: 'subSuite', value: subSuite }], parameters: [], historyId: 'from-the-spec-path', testCaseId: 'from-the-spec-path' } as unknown as TestResult;
}
const keyed = (name: string, vendor: string, source: string, fullName = '0-serial/3-acme-api-user.spec.ts#acme log in'): TestResult => {
  const r = result(name, vendor, fullName);
  keyByScenario(r, new Map([['source', [source]]]));
  return r;
};

test('the history key is the scenario: the same in any spec and at any line, another for another scenario', () => {
  const base = keyed('log in', 'acme', 'specs/acme/login.yaml:12');
  expect(base.testCaseId).toMatch(/^[0-9a-f]{32}$/);
  expect(base.historyId?.startsWith(`${base.testCaseId}:`)).toBe(true);
  const moved = keyed('log in', 'acme', 'specs/acme/login.yaml:40', 'acme/login.spec.ts#acme log in');
  expect([moved.testCaseId, moved.historyId]).toEqual([base.testCaseId, base.historyId]);
  expect(keyed('log out', 'acme', 'specs/acme/login.yaml:12').testCaseId).not.toBe(base.testCaseId);
  expect(keyed('log in', 'acme', 'specs/acme/other.yaml:12').testCaseId).not.toBe(base.testCaseId);
  expect(keyed('log in', 'zeta', 'specs/acme/login.yaml:12').testCaseId).not.toBe(base.testCaseId);
});

test('a result without a source annotation keeps the ids allure-playwright gave it', () => {
  const r = result('findings', 'acme', 'acme/findings.spec.ts#acme findings');
  keyByScenario(r, new Map());
  expect([r.testCaseId, r.historyId]).toEqual(['from-the-spec-path', 'from-the-spec-path']);
});
