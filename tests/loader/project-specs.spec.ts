// The project's own contracts (specs/ and schemas/ at the root) load without a single error.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { oneLine } from '../../src/dsl/errors';
import { loadSuite } from '../../src/loader/load-suite';

test('specs/ loads clean', () => {
  const { suite, errors } = loadSuite(path.resolve(__dirname, '..', '..'));
  expect(errors.map(oneLine)).toEqual([]);
  expect(suite.files.length).toBeGreaterThan(0);
  for (const manifest of suite.vendors) expect(suite.files.some((f) => f.vendor === manifest.vendor), manifest.vendor).toBe(true);
});
