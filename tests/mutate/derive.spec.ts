// Mutants derived from a loaded contract (the loader's valid fixture): a conditional header
// (`whenStatus: [401], otherwise: { absent: true }`) gets both a "removed" and an "added" mutant,
// since the contract says both that it comes with 401 and that it never comes otherwise.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { deriveMutants } from '../../src/mutate/derive';

const ROOT = path.join(__dirname, '..', 'loader', 'fixtures', 'valid');

test('a header expected only on 401 and absent otherwise is both removed and added', () => {
  const { suite, errors } = loadSuite(ROOT);
  expect(errors).toEqual([]);
  const expiredStep = deriveMutants(suite, 'acme', ROOT).filter((m) => m.file === 'specs/acme/tokens.yaml' && m.step === 1);
  const descriptions = expiredStep.map((m) => m.description);
  expect(descriptions).toContain('header www-authenticate removed');
  expect(descriptions).toContain('header www-authenticate added');
  expect(descriptions).toContain('status 401 -> 402');
});
