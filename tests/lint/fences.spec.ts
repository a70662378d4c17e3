// The import fences of eslint.config.mjs hold: a fenced import added to a real file fails lint,
// the file as it is passes. (Lint over the whole tree runs in `npm run lint`.)
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..');

async function fenceErrors(file: string, extraImport: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const text = `${extraImport}\n${readFileSync(path.join(ROOT, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: [string, string, string][] = [
  ['src/reporting/records.ts', "import '../runtime/contract';", 'reporting reads the typed records'],
  ['src/reporting/summary/summary-build.ts', "import '../../loader/load-suite';", 'reporting reads the typed records'],
  ['src/runtime/failure-record.ts', "import '../reporting/records';", 'the runtime (in the workers) never imports'],
  ['src/compiler/emit-manifest.ts', "import '../reporting/manifest';", 'the compiler never imports'],
];

test.setTimeout(120_000);

for (const [file, extra, message] of cases) {
  test(`${extra} in ${file} fails lint`, async () => {
    expect(await fenceErrors(file, '')).toEqual([]);
    const errors = await fenceErrors(file, extra);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain(message);
  });
}
