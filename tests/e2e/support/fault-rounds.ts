// Runs a batch of fault rounds (one fault per vendor each, support/fault-plan.ts) as ONE child
// contract run: repeat k of every scenario goes to a sandbox of its own with round k's faults
// switched on (support/fault-router.ts), and repeat 0 can be a baseline with no fault. What each
// round must show is then checked per repeat, exactly as a separate run per round would have
// been checked, with one Playwright runner and one compile per batch instead of one per round.
// Playwright gives each repeat workers of its own, so rounds share no worker state either.
// The child runs with support/fault-child.config.ts, which marks the scenarios a round expects
// red as expected to fail, so Playwright keeps their workers instead of starting new ones; what
// each scenario actually did is what the outcome reporter records and the test judges.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VendorModule } from '../../../sandbox/core/vendor-module';
import { EXPECTED_RED_ENV, writeExpectedRed } from './expected-red';
import type { FaultCase } from './fault-plan';
import { startFaultRouter } from './fault-router';
import type { TestOutcome } from './outcome-reporter';
import { runContracts, type ContractRun } from './run-contracts';

export interface FaultRound {
  /** The faults switched on (one per vendor at most); none for the baseline round. */
  faults: FaultCase[];
  outcomes: TestOutcome[];
  /** Requests this round's sandbox received (0 means the round proved nothing). */
  requests: number;
}

export interface FaultBatch {
  run: ContractRun;
  rounds: FaultRound[];
  /** Requests that named no round: each turns its scenario red, and the batch is void. */
  unrouted: string[];
}

export interface BatchOptions {
  /** Repeat 0 runs with no fault switched on. */
  baseline: boolean;
  timeoutMs?: number;
}

const CHILD_CONFIG = path.join(__dirname, 'fault-child.config.ts');

/**
 * Splits the rounds, in order, into two batches of equal cost, the first also running the
 * baseline (no fault). Every scenario runs in every round, red or green (an expected red one
 * keeps its worker, support/fault-child.config.ts), so each round, and the baseline, costs about
 * the same: the first batch takes half the repeats, baseline included.
 */
export function twoBatches(rounds: readonly FaultCase[][]): FaultCase[][][] {
  const split = Math.max(0, Math.ceil((rounds.length + 1) / 2) - 1);
  return [rounds.slice(0, split), rounds.slice(split)].filter((b) => b.length > 0);
}

export async function runFaultBatch(vendors: readonly VendorModule[], rounds: readonly FaultCase[][], options: BatchOptions): Promise<FaultBatch> {
  const plan: FaultCase[][] = [...(options.baseline ? [[]] : []), ...rounds];
  const router = await startFaultRouter(vendors, plan.map((round) => round.map((c) => c.fault)));
  const expectedRed = path.join(mkdtempSync(path.join(tmpdir(), 'fault-plan-')), 'expected-red.json');
  writeExpectedRed(expectedRed, plan);
  try {
    const run = await runContracts({
      // CI is removed from the child's environment, so its webServer reuses the router.
      env: { SANDBOX_PORT: String(router.port), TARGET: 'sandbox', CONTRACT_STEP_HEADER: '1', [EXPECTED_RED_ENV]: expectedRed },
      args: ['-c', CHILD_CONFIG, '--grep-invert', '@findings', `--repeat-each=${plan.length}`, '--retries=0'],
      timeoutMs: options.timeoutMs,
    });
    const results = plan.map((faults, k) => ({ faults, outcomes: run.outcomes.filter((o) => o.repeat === k), requests: router.served[k] ?? 0 }));
    return { run, rounds: results, unrouted: [...router.unrouted] };
  } finally {
    await router.close();
  }
}

/** The scenarios of one vendor that failed in a round. */
export function redIn(round: FaultRound, vendor: string): string[] {
  return round.outcomes.filter((o) => o.vendor === vendor && o.status === 'failed').map((o) => o.scenario).sort();
}

/** Why each scenario of the vendor that should have stayed green failed, for the assertion message. */
export function whyUnexpected(round: FaultRound, vendor: string, expectedRed: readonly string[]): string {
  return round.outcomes
    .filter((o) => o.vendor === vendor && o.status === 'failed' && !expectedRed.includes(o.scenario))
    .map((o) => `\n  ${o.scenario}: ${o.message.slice(0, 600)}`)
    .join('');
}
