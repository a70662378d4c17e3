// The config's build step (src/cli/build-if-changed.ts): it skips the build only when nothing the
// build reads or wrote changed, and the hashes cover every module the build loads.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_CODE, buildIfChanged } from '../../src/cli/build-if-changed';

const PROJECT = path.resolve(__dirname, '..', '..');

function copyOfShop(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'build-if-changed-'));
  cpSync(path.join(__dirname, 'golden', 'shop'), root, { recursive: true, filter: (source) => !source.includes(`${path.sep}expected`) });
  return root;
}

const generated = (root: string, file: string): string => path.join(root, 'generated', file);

test('builds once, then skips until a spec, a schema or a generated file changes', () => {
  const root = copyOfShop();
  try {
    expect(buildIfChanged(root, {})).toEqual({ built: true, errors: '' });
    expect(buildIfChanged(root, {})).toEqual({ built: false, errors: '' });

    // An edited contract: rebuilt, and the new scenario name is in the spec.
    const contract = path.join(root, 'specs', 'shop', 'sandbox-only.yaml');
    writeFileSync(contract, readFileSync(contract, 'utf8').replace(/name: (.*)/, 'name: $1 renamed'));
    expect(buildIfChanged(root, {}).built).toBe(true);
    expect(readFileSync(generated(root, '0-serial/1-shop-sandbox-only.spec.ts'), 'utf8')).toContain(' renamed');
    expect(buildIfChanged(root, {}).built).toBe(false);

    // A response schema the contracts use.
    const schemaDir = path.join(root, 'schemas', 'shop');
    appendFileSync(path.join(schemaDir, readdirSync(schemaDir)[0] ?? 'missing.json'), '\n');
    expect(buildIfChanged(root, {}).built).toBe(true);

    // A generated file edited by hand, deleted, or left over: rebuilt, and the stale file removed.
    writeFileSync(generated(root, '0-serial/1-shop-sandbox-only.spec.ts'), '// edited');
    expect(buildIfChanged(root, {}).built).toBe(true);
    expect(readFileSync(generated(root, '0-serial/1-shop-sandbox-only.spec.ts'), 'utf8')).not.toBe('// edited');
    rmSync(generated(root, 'shop/vendor.ts'));
    expect(buildIfChanged(root, {}).built).toBe(true);
    writeFileSync(generated(root, 'shop/stale.spec.ts'), '// left over');
    expect(buildIfChanged(root, {}).built).toBe(true);
    expect(() => readFileSync(generated(root, 'shop/stale.spec.ts'))).toThrow();

    expect(buildIfChanged(root, { REBUILD: '1' }).built).toBe(true);
    expect(buildIfChanged(root, {}).built).toBe(false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a load error is reported on every run until it is fixed; the fix needs no rebuild', () => {
  const root = copyOfShop();
  try {
    expect(buildIfChanged(root, {}).built).toBe(true);
    const contract = path.join(root, 'specs', 'shop', 'login.yaml');
    const good = readFileSync(contract, 'utf8');
    writeFileSync(contract, `${good}\nstatsu: 201\n`);
    for (let run = 0; run < 2; run += 1) {
      const broken = buildIfChanged(root, {});
      expect(broken.built).toBe(true);
      expect(broken.errors).toContain('specs/shop/login.yaml');
    }
    // Back to the state of the last build, whose files a failed build never touched.
    writeFileSync(contract, good);
    expect(buildIfChanged(root, {})).toEqual({ built: false, errors: '' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the inputs hash covers every project module the build loads', () => {
  // A fresh process loads the build the way the config does and lists the project files it loaded.
  const script = `require(${JSON.stringify(path.join(PROJECT, 'src', 'cli', 'build-generated.ts'))});
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(PROJECT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, '-e', script], {
    cwd: PROJECT,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  const loaded = (JSON.parse(run.stdout) as string[]).filter((file) => file.startsWith(PROJECT) && !file.includes(`${path.sep}node_modules${path.sep}`));
  expect(loaded.length).toBeGreaterThan(20);
  const covered = (file: string): boolean => BUILD_CODE.some((entry) => file === path.join(PROJECT, entry) || file.startsWith(path.join(PROJECT, entry) + path.sep));
  expect(loaded.filter((file) => !covered(file))).toEqual([]);
});
