// The nightly workflow gets every vendor's variables without anyone remembering to: this test
// derives them from the vendor.yaml files and names each one missing, and where.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadSuite } from '../../src/loader/load-suite';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import { describeMissing, missingVariables } from './support/nightly-variables';

const workflowText = readFileSync(path.join(PROJECT_ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8');
const workflowEnv = (parse(workflowText) as { env?: Record<string, string> }).env ?? {};
const example = readFileSync(path.join(PROJECT_ROOT, 'env', 'production.env.example'), 'utf8');

test('every vendor variable a real run needs is in the nightly workflow and the example env file', () => {
  const { suite, errors } = loadSuite(PROJECT_ROOT);
  expect(errors).toEqual([]);
  expect(suite.vendors.length).toBeGreaterThanOrEqual(5);
  expect(describeMissing(missingVariables(suite, workflowEnv, workflowText, example))).toEqual([]);
});

test('a vendor whose variables are nowhere is named, with the line to add and where (the check can fail)', () => {
  const { suite } = loadSuite(path.join(__dirname, 'fixture-root'));
  expect(describeMissing(missingVariables(suite, workflowEnv, workflowText, example))).toContain(
    'latchkey: LATCHKEY_API_KEY is missing from .github/workflows/nightly.yml (top-level env); add "LATCHKEY_API_KEY: ${{ secrets.LATCHKEY_API_KEY }}"',
  );
  const ownExample = readFileSync(path.join(__dirname, 'fixture-root', 'env', 'production.env.example'), 'utf8');
  const missing = missingVariables(suite, workflowEnv, workflowText, ownExample);
  expect(missing.filter((m) => m.where === 'env/production.env.example')).toEqual([]);
  expect(missing.map((m) => m.name).sort()).toEqual(['LATCHKEY_API_KEY', 'LATCHKEY_BASE_URL', 'LATCHKEY_LOGIN', 'LATCHKEY_PASSPHRASE']);
});
