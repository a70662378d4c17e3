// Golden tests: each folder under golden/ is a small project (specs/, schemas/); compiling it must
// give exactly the files under its expected/ folder. Run with UPDATE_GOLDEN=1 to rewrite them
// after a deliberate change, and read the diff before committing it.
import { expect, test } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileSuite, type GeneratedFile } from '../../src/compiler/compile-suite';
import { loadSuite } from '../../src/loader/load-suite';

const GOLDEN = path.join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

export function compileCase(caseDir: string): GeneratedFile[] {
  const { suite, errors } = loadSuite(caseDir);
  expect(errors.map((e) => `${e.loc.file}:${e.loc.line}:${e.loc.col} ${e.message}`)).toEqual([]);
  return compileSuite(suite, { generatedDir: path.join(caseDir, 'generated'), runtimeModule: path.join(caseDir, 'src', 'runtime', 'contract-test') });
}

function listGolden(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listGolden(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

for (const name of readdirSync(GOLDEN)) {
  test(`golden: ${name}`, () => {
    const caseDir = path.join(GOLDEN, name);
    const files = compileCase(caseDir);
    const expectedDir = path.join(caseDir, 'expected');
    if (update) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const file of files) {
        mkdirSync(path.dirname(path.join(expectedDir, file.path)), { recursive: true });
        writeFileSync(path.join(expectedDir, `${file.path}.golden`), file.code);
      }
    }
    expect(files.map((f) => `${f.path}.golden`).sort()).toEqual(listGolden(expectedDir).sort());
    for (const file of files) {
      expect(file.code, `generated/${file.path}`).toBe(readFileSync(path.join(expectedDir, `${file.path}.golden`), 'utf8'));
    }
  });
}

test('compiling is deterministic', () => {
  const caseDir = path.join(GOLDEN, 'shop');
  expect(compileCase(caseDir)).toEqual(compileCase(caseDir));
});
