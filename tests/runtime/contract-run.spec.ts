// The whole pipeline as a user runs it (`playwright test` with the project's config) on a small
// suite against a local vendor on a non-sandbox target: the config compiles before any test,
// outcomes and skip reasons are right, failures are classified, and no secret reaches the
// console or any report file (the leak scanner looks inside zips and the HTML report too).
import { expect, test } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { patternsForList, scanArtefacts } from '../../src/reporting/scan/scan-secrets';
import { runChild } from '../e2e/support/process-tree';
import { childEnv } from '../e2e/support/run-contracts';
import { freePort } from '../reporting/support/run-fixture';
import { startMiniServer, type MiniServer } from './support/mini-server';
import { MINI_PASSWORD, MINI_USER } from './support/mini-server';

const PROJECT = path.resolve(__dirname, '..', '..');
const CLI = path.join(PROJECT, 'node_modules', '@playwright', 'test', 'cli.js');
const DOWN_PASSWORD = 'Down-S3cret-pw!';

interface Run {
  code: number | null;
  output: string;
}

/**
 * `playwright test` in a clean environment (this worker's TEST_* variables would make the child's
 * config think it is a worker and skip compiling), in a process group of its own: a run stopped at
 * the limit takes its workers with it. The limit is process-tree.ts's generous default.
 */
async function runPlaywright(env: Record<string, string>): Promise<Run> {
  const run = await runChild([CLI, 'test'], { cwd: PROJECT, env: childEnv(env) });
  return { code: run.code, output: run.stdout + run.stderr };
}

interface JsonSpec {
  title: string;
  tags: string[];
  tests: { status: string; annotations: { type: string; description?: string }[]; results: { status: string; error?: { message?: string } }[] }[];
}
interface JsonSuite {
  title: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

function specsOf(file: string): Map<string, JsonSpec> {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] };
  const out = new Map<string, JsonSpec>();
  const walk = (suite: JsonSuite, prefix: string): void => {
    for (const spec of suite.specs ?? []) out.set(`${prefix}${spec.title}`, spec);
    for (const child of suite.suites ?? []) walk(child, child.title ? `${child.title} › ` : prefix);
  };
  for (const suite of report.suites) walk(suite, '');
  return out;
}

let server: MiniServer;
test.beforeAll(async () => {
  server = await startMiniServer();
});
test.afterAll(async () => {
  await server.close();
});

test('a run on a real target: outcomes, skip reasons, failure classes, and no leaks', async () => {
  test.setTimeout(180_000);
  const closedPort = await freePort();
  const root = mkdtempSync(path.join(tmpdir(), 'contract-run-'));
  cpSync(path.join(__dirname, 'fixtures', 'e2e-root'), root, { recursive: true });
  mkdirSync(path.join(root, 'env'), { recursive: true });
  writeFileSync(
    path.join(root, 'env', 'staging.env'),
    // A port nothing listens on (fetch refuses to dial "bad ports" such as 1 at all).
    [`MINI_BASE_URL=${server.origin}/base`, `MINI_USER=${MINI_USER}`, `MINI_PASSWORD=${MINI_PASSWORD}`, `DOWN_BASE_URL=http://127.0.0.1:${closedPort}/api`, 'DOWN_USER=down-user', `DOWN_PASSWORD=${DOWN_PASSWORD}`, ''].join('\n'),
  );
  const reports = path.join(root, 'reports');
  const run = await runPlaywright({ CONTRACTS_ROOT: root, TARGET: 'staging', REPORTS_DIR: reports, WORKERS: '2' });
  expect(run.code, run.output).toBe(1);

  const specs = specsOf(path.join(reports, 'results.json'));
  const outcome = (title: string): { status: string; message: string } => {
    const spec = specs.get(title);
    expect(spec, `${title} in ${[...specs.keys()].join(' | ')}`).toBeDefined();
    const t = spec?.tests[0];
    return { status: t?.results[0]?.status ?? 'none', message: t?.results.map((r) => r.error?.message ?? '').join('\n') ?? '' };
  };
  const skipReason = (title: string): string | undefined => specs.get(title)?.tests[0]?.annotations.find((a) => a.type === 'skip')?.description;

  expect(outcome('mini › login and use the token').status).toBe('passed');
  expect(specs.get('mini › login and use the token')?.tags).toEqual(['mini', 'smoke']);

  const wrong = outcome('mini › a wrong expectation fails without leaking');
  expect(wrong.status).toBe('failed');
  expect(wrong.message).toContain('contract: 2 mismatches in step "log in and expect the impossible"');
  expect(wrong.message).toContain('Authorization: Basic «base64(MINI_USER:MINI_PASSWORD)»');
  expect(specs.get('mini › a wrong expectation fails without leaking')?.tests[0]?.results).toHaveLength(1);

  expect(outcome('mini › a clock scenario is skipped off the sandbox').status).toBe('skipped');
  expect(skipReason('mini › a clock scenario is skipped off the sandbox')).toBe(
    'sandbox only: the scenario moves the sandbox clock (clockOffset); TARGET=staging is a real vendor',
  );
  expect(skipReason('mini › a harmful scenario is skipped off the sandbox')).toBe(
    'harmful on a real account: it would lock the account (set ALLOW_HARMFUL_SCENARIOS=1 to run it on TARGET=staging)',
  );
  expect(skipReason('mini › an optional account that is not configured skips')).toBe(
    'MINI_LOCKED_USER is not set in env/staging.env (an optional variable this scenario needs)',
  );
  const config = outcome('mini › a required variable that is not set fails as config');
  expect(config.status).toBe('failed');
  expect(config.message).toContain('config: MINI_API_KEY is not set: set it in env/staging.env (or the process environment)');

  const down = outcome('down › the vendor does not answer');
  expect(down.status).toBe('failed');
  expect(down.message).toContain(`outage: connection refused — POST http://127.0.0.1:${closedPort}/api/login got no HTTP response (3 attempts`);

  const findings = specs.get('mini › document findings');
  expect(findings?.tests[0]?.results[0]?.status).toBe('passed');
  expect(findings?.tests[0]?.annotations).toContainEqual(
    expect.objectContaining({ type: 'finding', description: '[info] mini-auth.md § Login: The example and the table disagree. — contract: The contract follows the table.' }),
  );

  // No secret, in any encoding, in the console or in any file the run wrote.
  const secrets = [
    { name: 'MINI_PASSWORD', value: MINI_PASSWORD },
    { name: 'DOWN_PASSWORD', value: DOWN_PASSWORD },
    { name: 'MINI_BASIC', value: Buffer.from(`${MINI_USER}:${MINI_PASSWORD}`).toString('base64') },
    { name: 'DOWN_BASIC', value: Buffer.from(`down-user:${DOWN_PASSWORD}`).toString('base64') },
  ];
  for (const s of secrets) expect(run.output, `console shows ${s.name}`).not.toContain(s.value);
  const scan = scanArtefacts([reports, path.join(PROJECT, 'reports', 'test-results')], patternsForList(secrets));
  expect(scan.hits.map((h) => `${h.name} (${h.encoding}) in ${h.where}`)).toEqual([]);
  expect(scan.filesScanned).toBeGreaterThan(3);
});

test('load errors stop the run before any test, every error printed', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'contract-run-broken-'));
  cpSync(path.join(PROJECT, 'tests', 'compiler', 'fixtures', 'broken'), root, { recursive: true });
  mkdirSync(path.join(root, 'env'));
  writeFileSync(path.join(root, 'env', 'staging.env'), 'SHOP_BASE_URL=http://127.0.0.1:1\n');
  const run = await runPlaywright({ CONTRACTS_ROOT: root, TARGET: 'staging', REPORTS_DIR: path.join(root, 'reports') });
  expect(run.code).toBe(1);
  expect(run.output).toContain('--> specs/shop/login.yaml:14:11');
  expect(run.output).toContain('--> specs/shop/login.yaml:17:15');
  expect(run.output).toContain('2 errors in 1 file; no test was run.');
  expect(run.output).not.toMatch(/Running \d+ test/);
});

test('a target without its env file is one clear error', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'contract-run-noenv-'));
  cpSync(path.join(__dirname, 'fixtures', 'e2e-root'), root, { recursive: true });
  const run = await runPlaywright({ CONTRACTS_ROOT: root, TARGET: 'production', REPORTS_DIR: path.join(root, 'reports') });
  expect(run.code).toBe(1);
  expect(run.output).toContain(
    'config: TARGET=production needs the file env/production.env, which does not exist. Copy env/production.env.example to env/production.env',
  );
  expect(run.output).not.toMatch(/Running \d+ test/);
});
