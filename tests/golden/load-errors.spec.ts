// Golden tests for every load error a user can read: each folder under load-errors/ holds a
// tiny project (specs/, sometimes schemas/) and expected.txt, the exact text the loader prints
// for it. Regenerate with UPDATE_GOLDEN=1, then read every changed file before keeping it.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatLoadFailure } from '../../src/dsl/errors';
import { loadSuite } from '../../src/loader/load-suite';

const CASES = path.join(__dirname, 'load-errors');
const update = process.env.UPDATE_GOLDEN === '1';

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

test('there is a golden case for every kind of load error', () => {
  expect(cases.length).toBeGreaterThanOrEqual(24);
});

for (const name of cases) {
  test(`load error: ${name}`, () => {
    const root = path.join(CASES, name);
    const result = loadSuite(root);
    const actual = formatLoadFailure(result, root);
    const expectedFile = path.join(root, 'expected.txt');
    if (update) writeFileSync(expectedFile, actual);
    // Every case must fail to load: a golden "error" case that loads clean proves nothing.
    expect(result.errors.length, 'the case must produce at least one error').toBeGreaterThan(0);
    expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    // A file with an error contributes nothing to the suite.
    const broken = new Set(result.errors.map((e) => e.loc.file));
    for (const file of result.suite.files) expect(broken.has(file.file), `${file.file} has errors but was kept`).toBe(false);
  });
}
