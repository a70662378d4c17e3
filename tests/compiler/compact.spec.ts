// The generated specs leave out empty defaults (src/dsl/compact.ts) and the runtime restores them:
// for every step of the real suite, what the runtime gets back must be the step the loader made.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { compactScenario, compactStep, expandScenario, expandStep, scenarioAnnotations } from '../../src/dsl/compact';
import { loadSuite } from '../../src/loader/load-suite';

const { suite, errors } = loadSuite(path.join(__dirname, '..', '..'));

test('every step of specs/ survives compact then expand unchanged, and compact drops something', () => {
  expect(errors).toEqual([]);
  const steps = suite.files.flatMap((f) => f.scenarios.flatMap((s) => s.steps));
  expect(steps.length).toBeGreaterThan(100);
  for (const step of steps) expect(expandStep(compactStep(step))).toEqual(step);
  const size = (v: unknown): number => JSON.stringify(v).length;
  expect(steps.reduce((n, s) => n + size(compactStep(s)), 0)).toBeLessThan(steps.reduce((n, s) => n + size(s), 0));
});

test('only fields equal to their default are dropped; set ones stay, in their order', () => {
  const loc = { file: 'f.yaml', line: 1, col: 1 };
  const step = {
    name: 'n',
    request: { method: 'GET' as const, path: '/p', query: {}, headers: { A: 'b' }, loc },
    expect: { headers: [], cookies: [{ name: 'c', matcher: { kind: 'present' as const, loc } }], body: [], loc },
    captures: [],
    loc,
  };
  const compact = compactStep(step);
  expect(compact).toEqual({ name: 'n', request: { method: 'GET', path: '/p', headers: { A: 'b' }, loc }, expect: { cookies: step.expect.cookies, loc }, loc });
  expect(Object.keys(compact.request)).toEqual(['method', 'path', 'headers', 'loc']);
  const info = { name: 's', source: 'f.yaml:1', doc: 'd', clauses: ['c1'], variables: [], sandboxOnly: false, production: { harmful: false } };
  expect(compactScenario(info)).toEqual({ name: 's', source: 'f.yaml:1', doc: 'd', clauses: ['c1'] });
  const harmful = { ...info, variables: ['V'], sandboxOnly: true, production: { harmful: true, reason: 'r' } };
  expect(compactScenario(harmful)).toEqual(harmful);
  expect(expandScenario(compactScenario(info))).toEqual(info);
});

test('the annotations come from the scenario facts: source, doc, each clause, severity, feature', () => {
  expect(scenarioAnnotations({ source: 'f.yaml:3', doc: 'doc.md § S', clauses: ['a', 'b'] }, 'critical', 'POST /x')).toEqual([
    { type: 'source', description: 'f.yaml:3' },
    { type: 'doc', description: 'doc.md § S' },
    { type: 'clause', description: 'a' },
    { type: 'clause', description: 'b' },
    { type: 'severity', description: 'critical' },
    { type: 'feature', description: 'POST /x' },
  ]);
});
