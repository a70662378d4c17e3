// "A check that cannot fail is a defect": for every sandbox fault, the contract suite must go red
// on exactly the scenarios that prove the fault's clause, and stay green everywhere else. Each
// round switches one fault per vendor on and runs the suite against a sandbox of its worker.
// Rounds share no state (each worker has its own sandbox, started once, and a round sets its
// faults before it runs), so they run in parallel: the child runs are most of `npm test`.
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, type Sandbox } from '../../sandbox/core/server';
import { vendors } from '../../sandbox/vendors';
import { coverageMarkdown, coverageRows, faultCases, isSecurityFault, rounds } from './support/fault-plan';
import { PROJECT_ROOT, runContracts, type ContractRun } from './support/run-contracts';

const { suite, errors } = loadSuite(PROJECT_ROOT);
const cases = faultCases(suite, vendors);
const plan = rounds(cases);

interface WorkerSandbox {
  sandbox: Sandbox;
  port: string;
}

const test = base.extend<object, { workerSandbox: WorkerSandbox }>({
  workerSandbox: [
    async ({}, use) => {
      // Route prefixes come from the base URLs' paths, so the port in env/sandbox.env does not
      // matter here: the sandbox takes a free port and the child run is told which.
      const sandbox = buildSandbox({ env: readSandboxEnv(), vendors });
      await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
      const address = sandbox.app.server.address();
      await use({ sandbox, port: typeof address === 'object' && address ? String(address.port) : '' });
      await sandbox.app.close();
    },
    { scope: 'worker' },
  ],
});

// A red round does not stop the others, and within a round each vendor is checked (expect.soft).
test.describe.configure({ mode: 'parallel' });

// A child run of the whole suite takes seconds on an idle machine; the limit is for a machine
// loaded with several times its cores, where a slow run must not read as a failed proof.
const ROUND_TIMEOUT_MS = 600_000;

/** Runs the scenarios of the given vendors (all when none are given) against a sandbox. */
function runSuite({ port }: WorkerSandbox, only: readonly string[] = []): Promise<ContractRun> {
  const args = ['--grep-invert', '@findings'];
  if (only.length > 0) args.push('--grep', only.map((v) => `@${v}\\b`).join('|'));
  // CI is removed from the child's environment, so its webServer reuses this sandbox.
  // The child gets nearly the test's whole budget: a round whose faults make requests wait (an
  // early expiry) takes over two minutes on a busy two-core machine.
  return runContracts({ env: { SANDBOX_PORT: port, TARGET: 'sandbox' }, args, timeoutMs: 170_000 });
}

function redFor(run: ContractRun, vendor: string): string[] {
  return run.outcomes.filter((o) => o.vendor === vendor && o.status === 'failed').map((o) => o.scenario).sort();
}

test('the contracts load without errors', () => {
  expect(errors.map((e) => `${e.loc.file}:${e.loc.line}:${e.loc.col} ${e.message}`)).toEqual([]);
});

test('every clause has a scenario and a fault, and every fault names a real clause', () => {
  const rows = coverageRows(suite, cases);
  const uncovered = rows.filter((r) => r.scenarios.length === 0 || r.faults.length === 0).map((r) => `${r.vendor}/${r.clause}`);
  expect(uncovered, 'clauses without a scenario or without a fault').toEqual([]);
  const clauses = new Set(rows.map((r) => `${r.vendor}/${r.clause}`));
  const dangling = cases.filter((c) => !isSecurityFault(c) && !clauses.has(`${c.vendor}/${c.clause}`)).map((c) => c.fault);
  expect(dangling, 'faults naming a clause that no vendor.yaml declares').toEqual([]);
  const committed = readFileSync(path.join(PROJECT_ROOT, 'docs', 'fault-coverage.md'), 'utf8');
  expect(committed, 'docs/fault-coverage.md is stale: run `npm run fault-table`').toBe(coverageMarkdown(rows, cases));
});

test('with no fault switched on, every scenario is green', async ({ workerSandbox }) => {
  test.setTimeout(ROUND_TIMEOUT_MS);
  workerSandbox.sandbox.faults.set([]);
  const run = await runSuite(workerSandbox);
  expect(run.outcomes.length, run.stderr).toBeGreaterThan(0);
  const red = run.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.vendor} › ${o.scenario}: ${o.message.slice(0, 300)}`);
  expect(red).toEqual([]);
  expect(run.code).toBe(0);
});

for (const [index, round] of plan.entries()) {
  test(`fault round ${index + 1}: ${round.map((c) => c.fault).join(', ')}`, async ({ workerSandbox }) => {
    test.setTimeout(ROUND_TIMEOUT_MS);
    workerSandbox.sandbox.faults.set(round.map((c) => c.fault));
    const run = await runSuite(workerSandbox, round.map((c) => c.vendor));
    expect(run.outcomes.length, run.stderr).toBeGreaterThan(0);
    for (const c of round) {
      const red = redFor(run, c.vendor);
      // Why each unexpected red scenario failed, so a wrong clause tag or a too-broad fault is
      // diagnosed from this report alone.
      const why = run.outcomes
        .filter((o) => o.vendor === c.vendor && o.status === 'failed' && !c.expectedRed.includes(o.scenario))
        .map((o) => `\n  ${o.scenario}: ${o.message.slice(0, 600)}`)
        .join('');
      expect.soft(red, `${c.fault} (${c.description}) must turn exactly the scenarios proving ${c.clause} red${why}`).toEqual(c.expectedRed);
      // Which clause broke (issue 8): each red scenario's failure record names the fault's clause
      // alone. A security fault breaks the runtime's rule, not a clause, so it names its step's.
      if (isSecurityFault(c)) continue;
      const misnamed = run.outcomes
        .filter((o) => o.vendor === c.vendor && o.status === 'failed')
        .filter((o) => o.failures.length === 0 || o.failures.some((f) => f.clauses.length !== 1 || f.clauses[0] !== c.clause))
        .map((o) => `${o.scenario}: ${o.failures.map((f) => `[${f.clauses.join(', ')}] in "${f.step}" (${f.stepYaml.file}:${f.stepYaml.line})`).join('; ') || 'no failure record'}`);
      expect.soft(misnamed, `${c.fault}: each failure must name ${c.clause} alone`).toEqual([]);
    }
    expect(run.code, 'a red contract run exits non-zero').not.toBe(0);
  });
}
