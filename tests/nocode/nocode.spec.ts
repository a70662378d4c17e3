// The whole no-code path for a vendor that is YAML and JSON Schema only (tests/nocode/fixture-root,
// "latchkey": an API-key header and a session cookie): on the sandbox target its scenarios skip,
// saying why; against its own server they pass; `npm run record` stores them with nothing secret
// on disk; TARGET=replay runs them offline (the server is closed by then); and `npm run mutate
// --target replay` kills at least one mutant per clause. One worker, in order: each step feeds
// the next. Every process started here ends with the test.
import { expect, test } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import { runSuite } from '../../src/replay/run-suite';
import { runChild } from '../e2e/support/process-tree';
import { freePort, ONE_WORKER, TSX_LOADER } from '../reporting/support/run-fixture';
import { LATCHKEY, startLatchkeyServer, type FixtureServer } from './support/latchkey-server';

test.describe.configure({ mode: 'serial' });

const root = mkdtempSync(path.join(tmpdir(), 'nocode-'));
cpSync(path.join(__dirname, 'fixture-root'), root, { recursive: true });
let server: FixtureServer | undefined;

/**
 * A project script run with tsx, in a process group of its own (e2e/support/process-tree.ts): a
 * script stopped at the limit takes the contract run it started, and its workers, with it.
 */
async function tsx(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const run = await runChild([...TSX_LOADER, path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WORKERS: ONE_WORKER, CONTRACTS_ROOT: root, REPORTS_DIR: path.join(root, 'reports'), ...env },
  });
  return { code: run.code, output: run.stdout + run.stderr };
}

test.afterAll(async () => {
  await server?.close();
});

test('on the sandbox target a vendor without a sandbox module skips, saying why, and the run is green', async () => {
  test.setTimeout(300_000);
  const run = await runSuite('latchkey', { CONTRACTS_ROOT: root, TARGET: 'sandbox', SANDBOX_PORT: String(await freePort()) });
  expect(run.outcomes.length, run.output).toBe(4);
  expect(run.outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  expect(run.code, run.output).toBe(0);
});

test('against its own server every scenario passes', async () => {
  test.setTimeout(300_000);
  server = await startLatchkeyServer();
  writeFileSync(
    path.join(root, 'env', 'staging.env'),
    `LATCHKEY_BASE_URL=${server.origin}\nLATCHKEY_API_KEY=${LATCHKEY.apiKey}\nLATCHKEY_LOGIN=${LATCHKEY.login}\nLATCHKEY_PASSPHRASE=${LATCHKEY.passphrase}\n`,
  );
  const run = await runSuite('latchkey', { CONTRACTS_ROOT: root, TARGET: 'staging' });
  expect(run.outcomes.map((o) => `${o.scenario}: ${o.status} ${o.message.slice(0, 300)}`).filter((o) => !o.includes(': passed'))).toEqual([]);
  expect(run.outcomes).toHaveLength(4);
});

test('record stores every exchange keyed by scenario and step, with no secret or captured value on disk', async () => {
  test.setTimeout(300_000);
  const run = await tsx('scripts/record.ts', ['--vendor', 'latchkey', '--target', 'staging'], {});
  expect(run.code, run.output).toBe(0);
  expect(run.output).toContain('4 scenarios recorded');
  expect(run.output).toContain('secret scan clean');
  const dir = path.join(root, 'recordings', 'latchkey');
  expect(readdirSync(dir).sort()).toEqual(['session.json', 'variables.json']);
  const text = readFileSync(path.join(dir, 'session.json'), 'utf8');
  for (const secret of [LATCHKEY.apiKey, LATCHKEY.passphrase]) expect(text).not.toContain(secret);
  expect(text).toContain('lk_session={{sid@0}}');
  expect(text).toContain('{{LATCHKEY_PASSPHRASE}}');
  await server?.close();
  server = undefined;
});

test('TARGET=replay runs the vendor offline and green from its recordings', async () => {
  test.setTimeout(300_000);
  const run = await runSuite('latchkey', { CONTRACTS_ROOT: root, TARGET: 'replay', REPLAY_PORT: '4171' });
  expect(run.outcomes.map((o) => `${o.scenario}: ${o.status} ${o.message.slice(0, 300)}`).filter((o) => !o.includes(': passed'))).toEqual([]);
  expect(run.outcomes).toHaveLength(4);
});

test('a response that changed shape is reported by the drift check, keys and types only', async () => {
  test.setTimeout(300_000);
  // A recording that says the session body had another key: the live server's answer differs.
  server = await startLatchkeyServer();
  writeFileSync(path.join(root, 'env', 'staging.env'), readFileSync(path.join(root, 'env', 'staging.env'), 'utf8').replace(/^LATCHKEY_BASE_URL=.*$/m, `LATCHKEY_BASE_URL=${server.origin}`));
  const file = path.join(root, 'recordings', 'latchkey', 'session.json');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('"expires_in": 3600', '"expires_in": "3600"'));
  const run = await tsx('scripts/record.ts', ['--vendor', 'latchkey', '--target', 'staging', '--compare'], {});
  writeFileSync(file, original);
  await server.close();
  server = undefined;
  expect(run.code, run.output).toBe(1);
  expect(run.output).toContain('body.session.expires_in: string -> number');
  expect(run.output).not.toContain('3600');
});

test('mutate --target replay kills at least one mutant per clause and writes its reports', async () => {
  test.setTimeout(600_000);
  // Bounded to two mutants a scenario so that this stays one short run on a shared machine.
  const run = await tsx('scripts/mutate.ts', ['--vendor', 'latchkey', '--target', 'replay', '--per-scenario', '2'], {});
  expect(run.code, run.output).toBe(0);
  for (const clause of ['session.created', 'session.cookie-works', 'apikey.required', 'credentials.checked', 'session.logout']) {
    expect(run.output).toMatch(new RegExp(`proven +${clause.replace('.', '\\.')}: [1-9]`));
  }
  expect(run.output).toMatch(/\d+ requests \(budget 5000\)/);
  const report = JSON.parse(readFileSync(path.join(root, 'reports', 'mutation.json'), 'utf8')) as { clauses: { proven: boolean }[] };
  expect(report.clauses.every((c) => c.proven)).toBe(true);
  expect(existsSync(path.join(root, 'reports', 'mutation.md'))).toBe(true);
});

test('mutate refuses a real target without an explicit flag', async () => {
  const run = await tsx('scripts/mutate.ts', ['--vendor', 'latchkey', '--target', 'staging'], {});
  expect(run.code).toBe(2);
  expect(run.output).toContain('--target staging is a real vendor');
});
