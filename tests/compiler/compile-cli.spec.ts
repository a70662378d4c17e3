// `npm run compile` as a user runs it: writes generated/ and says what it wrote, prints one file
// with --stdout, and on load errors prints every error with file:line:col and exits 1.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PROJECT = path.resolve(__dirname, '..', '..');
// `--import tsx` resolves from the working directory, which here is a copy outside the project.
const TSX = pathToFileURL(path.join(PROJECT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

function compile(root: string, args: string[] = []): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTRACTS_ROOT: root };
  const run = spawnSync(process.execPath, ['--import', TSX, path.join(PROJECT, 'src', 'cli', 'compile.ts'), ...args], { cwd: root, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function copyOf(fixture: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'compile-cli-'));
  cpSync(fixture, root, { recursive: true });
  return root;
}

test('writes generated/, says what it wrote, and leaves unchanged files alone the second time', () => {
  const root = copyOf(path.join(__dirname, 'golden', 'shop'));
  const first = compile(root);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('written   generated/0-serial/2-shop-user.spec.ts  (from specs/shop/login.yaml)');
  expect(first.stdout).toContain('5 files: 5 written, 0 unchanged, 0 removed');
  // Every contract spec, a lock's chain or a file's scenarios without a lock, is ranked in
  // 0-serial/ (longest first) and imports its vendor from the vendor's folder.
  for (const spec of ['1-shop-sandbox-only.spec.ts', '2-shop-user.spec.ts']) {
    const code = readFileSync(path.join(root, 'generated', '0-serial', spec), 'utf8');
    expect(code).toContain(`import { expandStep, scenario, scenarioAnnotations, test } from '${path.relative(path.join(root, 'generated', '0-serial'), path.join(PROJECT, 'src', 'runtime', 'contract-test'))}';`);
    expect(code).toContain(`import { vendor } from '../shop/vendor';`);
  }

  writeFileSync(path.join(root, 'generated', 'shop', 'stale.spec.ts'), '// left over');
  const second = compile(root);
  expect(second.stdout).toContain('5 files: 0 written, 5 unchanged, 1 removed');
  expect(existsSync(path.join(root, 'generated', 'shop', 'stale.spec.ts'))).toBe(false);
});

test('--stdout prints one file\'s code and writes nothing', () => {
  const root = copyOf(path.join(__dirname, 'golden', 'shop'));
  const run = compile(root, ['--stdout', 'specs/shop/login.yaml']);
  expect(run.code).toBe(0);
  const golden = readFileSync(path.join(__dirname, 'golden', 'shop', 'expected', '0-serial', '2-shop-user.spec.ts.golden'), 'utf8');
  // Only the runtime import differs: the copy lives elsewhere than the golden case.
  const strip = (code: string): string => code.replace(/^import \{ [^}]*\btest \} from .*$/m, '');
  expect(strip(run.stdout)).toBe(strip(golden));
  expect(existsSync(path.join(root, 'generated'))).toBe(false);
  const unknown = compile(root, ['--stdout', 'specs/shop/nope.yaml']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('specs/shop/nope.yaml is not a contract file of the suite');
});

test('--stdout prints the chain of a lock shared by files, whichever of its files is named', () => {
  const root = copyOf(path.join(__dirname, 'golden', 'shared-lock'));
  const golden = readFileSync(path.join(__dirname, 'golden', 'shared-lock', 'expected', '0-serial', '1-bank-user.spec.ts.golden'), 'utf8');
  const strip = (code: string): string => code.replace(/^import \{ [^}]*\btest \} from .*$/m, '');
  for (const file of ['specs/bank/issue.yaml', 'specs/bank/revoke.yaml']) {
    const run = compile(root, ['--stdout', file]);
    expect(run.stderr).toBe('');
    expect(strip(run.stdout)).toBe(strip(golden));
  }
});

test('--stdout prints every spec a file has scenarios in, each under its generated path', () => {
  const root = copyOf(path.join(__dirname, 'golden', 'shared-lock'));
  const run = compile(root, ['--stdout', 'specs/bank/health.yaml']);
  expect(run.stderr).toBe('');
  const expected = ['0-serial/3-bank-health.spec.ts', '0-serial/2-bank-admin.spec.ts'];
  const headers = run.stdout.split('\n').filter((l) => l.startsWith('// ===== generated/'));
  expect(headers.sort()).toEqual(expected.map((p) => `// ===== generated/${p}`).sort());
  for (const spec of expected) {
    const golden = readFileSync(path.join(__dirname, 'golden', 'shared-lock', 'expected', `${spec}.golden`), 'utf8');
    expect(run.stdout).toContain(golden.replace(/^import \{ [^}]*\btest \} from .*$/m, '').split('\n').slice(5, 12).join('\n'));
  }
});

test('load errors: every one printed with file:line:col, exit 1, nothing generated', () => {
  const root = copyOf(path.join(__dirname, 'fixtures', 'broken'));
  const run = compile(root);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('--> specs/shop/login.yaml:14:11');
  expect(run.stderr).toContain('--> specs/shop/login.yaml:17:15');
  expect(run.stderr).toMatch(/2 errors in 1 file; no test was run\./);
  expect(existsSync(path.join(root, 'generated'))).toBe(false);
});

test('an unknown argument is refused', () => {
  const run = compile(copyOf(path.join(__dirname, 'golden', 'shop')), ['--frobnicate']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('unknown argument "--frobnicate"');
});
