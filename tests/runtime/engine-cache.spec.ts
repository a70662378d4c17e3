// The stamp that lets the runner skip loading the engine (src/runtime/engine-cache.ts): fresh
// only while the Playwright version and every listed file are as they were when it was written.
import { test, expect } from '@playwright/test';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadedProjectFiles, stampIsFresh, transformCacheDir, writeStamp } from '../../src/runtime/engine-cache';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import { tempDir } from '../reporting/support/run-fixture';

test('a stamp is fresh until a listed file changes, disappears, or Playwright is another version', () => {
  const dir = tempDir('engine-stamp');
  try {
    const a = path.join(dir, 'a.ts');
    const b = path.join(dir, 'b.ts');
    writeFileSync(a, 'export const a = 1;\n');
    writeFileSync(b, 'export const b = 2;\n');
    const stamp = path.join(dir, 'cache', 'stamp.json');
    expect(stampIsFresh(stamp, '1.0.0'), 'no stamp yet').toBe(false);
    writeStamp(stamp, '1.0.0', [a, b]);
    expect(stampIsFresh(stamp, '1.0.0')).toBe(true);
    expect(stampIsFresh(stamp, '1.0.1'), 'another Playwright').toBe(false);

    const later = new Date(Date.now() + 5_000);
    utimesSync(b, later, later);
    expect(stampIsFresh(stamp, '1.0.0'), 'b touched').toBe(false);
    writeStamp(stamp, '1.0.0', [a, b]);
    writeFileSync(a, 'export const a = 10;\n');
    expect(stampIsFresh(stamp, '1.0.0'), 'a rewritten').toBe(false);
    writeStamp(stamp, '1.0.0', [a, b]);
    rmSync(b);
    expect(stampIsFresh(stamp, '1.0.0'), 'b gone').toBe(false);
    writeFileSync(stamp, '{ not json');
    expect(stampIsFresh(stamp, '1.0.0'), 'a broken stamp').toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the stamp lists the project's src/ files a process loaded, and tsconfig.json; the cache folder is Playwright's", () => {
  const src = (file: string): string => path.join(PROJECT_ROOT, 'src', file);
  const listed = loadedProjectFiles([src('runtime/contract.ts'), path.join(PROJECT_ROOT, 'node_modules', 'ajv', 'dist', 'ajv.js'), '/elsewhere/src/x.ts']);
  expect(listed).toEqual([src('runtime/contract.ts'), path.join(PROJECT_ROOT, 'tsconfig.json')]);
  expect(transformCacheDir({ PLAYWRIGHT_TRANSFORM_CACHE_DIR: '/tmp/pw-cache' })).toBe('/tmp/pw-cache');
  expect(transformCacheDir({})).toMatch(/playwright-transform-cache/);
});
