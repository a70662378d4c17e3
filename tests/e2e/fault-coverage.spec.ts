// "A check that cannot fail is a defect": for every sandbox fault, the contract suite must go red
// on exactly the scenarios that prove the fault's clause, and stay green everywhere else. A
// vendor's fault cannot affect another vendor's scenarios, so a round switches one fault per
// vendor on (support/fault-plan.ts). The rounds run in two batches, one child contract run each:
// repeat k of every scenario meets a sandbox of its own with the batch's k-th round of faults on
// (support/fault-rounds.ts), and repeat 0 of the first batch meets no fault at all. Batches share
// no state, so they run in parallel. The child knows which scenarios each round expects red, only
// so that Playwright need not restart a worker after each; the verdicts go by what they did.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { vendors } from '../../sandbox/vendors';
import { coverageMarkdown, coverageRows, faultCases, isSecurityFault, rounds } from './support/fault-plan';
import { redIn, runFaultBatch, twoBatches, whyUnexpected } from './support/fault-rounds';
import { PROJECT_ROOT } from './support/run-contracts';

const { suite, errors } = loadSuite(PROJECT_ROOT);
const cases = faultCases(suite, vendors);

const plan = rounds(cases);

// Two batches of about equal cost, so the project's two workers each run one child; a batch
// per round would pay a runner start and a compile per round, one batch would leave a worker idle.
const BATCHES = twoBatches(plan);

// A red batch does not stop the others.
test.describe.configure({ mode: 'parallel' });

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

// Generous: a 4x-loaded two-core machine runs a batch several times slower than an idle one.
const BATCH_TIMEOUT_MS = 900_000;

for (const [index, batch] of BATCHES.entries()) {
  const baseline = index === 0;
  const first = BATCHES.slice(0, index).reduce((n, b) => n + b.length, 0) + 1;
  test(`fault rounds ${first}-${first + batch.length - 1}${baseline ? ', and no fault' : ''}: each fault turns exactly its clause's scenarios red`, async () => {
    // A guard against a hang, not a speed check; the child is stopped (with everything it
    // started) before the test is, so a stopped run says so.
    test.setTimeout(BATCH_TIMEOUT_MS);
    const { run, rounds: results, unrouted } = await runFaultBatch(vendors, batch, { baseline, timeoutMs: BATCH_TIMEOUT_MS - 30_000 });
    expect(run.stopped, `the run was stopped at its limit\n${run.stderr.slice(-2000)}`).toBe(false);
    expect(unrouted, 'requests that named no fault round').toEqual([]);
    const scenarios = (outcomes: readonly { vendor: string; scenario: string }[]): string[] => outcomes.map((o) => `${o.vendor} › ${o.scenario}`).sort();
    const all = scenarios(results[0]?.outcomes ?? []);
    expect(all.length, run.stderr).toBeGreaterThan(0);
    for (const [k, round] of results.entries()) {
      const name = round.faults.length > 0 ? `round ${first + k - (baseline ? 1 : 0)}` : 'no fault';
      expect.soft(scenarios(round.outcomes), `${name}: every scenario ran in its round`).toEqual(all);
      expect.soft(round.requests, `${name}: its sandbox answered the round`).toBeGreaterThan(0);
      // The child marks the plan's red scenarios expected to fail so that Playwright keeps their
      // workers (support/fault-child.config.ts); the verdicts below go by what each one did.
      const planned = round.faults.flatMap((c) => c.expectedRed.map((scenario) => ({ vendor: c.vendor, scenario })));
      expect.soft(scenarios(round.outcomes.filter((o) => o.expectedToFail)), `${name}: the plan's red scenarios, and only they, reached the workers marked`).toEqual(scenarios(planned));
      const faulted = new Set(round.faults.map((c) => c.vendor));
      // A vendor without a fault in this round must stay green: a baseline of its own.
      for (const vendor of new Set(round.outcomes.map((o) => o.vendor))) {
        if (faulted.has(vendor)) continue;
        expect.soft(redIn(round, vendor), `${name}: ${vendor} has no fault switched on, so every scenario is green${whyUnexpected(round, vendor, [])}`).toEqual([]);
      }
      for (const c of round.faults) {
        // Why each unexpected red scenario failed, so a wrong clause tag or a too-broad fault is
        // diagnosed from this report alone.
        const why = whyUnexpected(round, c.vendor, c.expectedRed);
        expect.soft(redIn(round, c.vendor), `${c.fault} (${c.description}) must turn exactly the scenarios proving ${c.clause} red${why}`).toEqual(c.expectedRed);
        // Which clause broke (issue 8): each red scenario's failure record names the fault's clause
        // alone. A security fault breaks the runtime's rule, not a clause, so it names its step's.
        if (isSecurityFault(c)) continue;
        const misnamed = round.outcomes
          .filter((o) => o.vendor === c.vendor && o.status === 'failed')
          .filter((o) => o.failures.length === 0 || o.failures.some((f) => f.clauses.length !== 1 || f.clauses[0] !== c.clause))
          .map((o) => `${o.scenario}: ${o.failures.map((f) => `[${f.clauses.join(', ')}] in "${f.step}" (${f.stepYaml.file}:${f.stepYaml.line})`).join('; ') || 'no failure record'}`);
        expect.soft(misnamed, `${c.fault}: each failure must name ${c.clause} alone`).toEqual([]);
      }
    }
    // Playwright's exit code agrees: non-zero exactly when some scenario did not do what its round expects.
    const surprises = results.flatMap((r) => r.outcomes).filter((o) => (o.expectedToFail ? o.status !== 'failed' : o.status === 'failed'));
    expect(run.code, `the child's exit code, with ${surprises.length} scenarios not as their round expects`).toBe(surprises.length > 0 ? 1 : 0);
  });
}

test('every fault is in exactly one batch and one round, with at most one fault per vendor a round', () => {
  const batched = BATCHES.flat();
  for (const round of batched) expect(new Set(round.map((c) => c.vendor)).size).toBe(round.length);
  expect(batched.flat().map((c) => c.fault).sort()).toEqual(cases.map((c) => c.fault).sort());
});
