// The lower bound of a latency-bound run. When every response takes L ms, no runner can finish
// before the longest chain of requests that must go one after another: the scenarios sharing a
// lock run in turn (their steps add up), and a scenario's own steps run in order. Everything else
// may overlap, but no more than one test per worker at a time. latencyBoundMs is the bound the
// target uses; chainBoundMs the first definition, printed beside it.
import type { ContractSuite } from '../../src/dsl/model';

export interface Chain {
  /** "lock <name>" or "scenario <vendor> › <name>". */
  what: string;
  steps: number;
}

export interface LowerBound {
  scenarios: number;
  totalSteps: number;
  /** The longest chain that must run in order, by the contracts' own rules. */
  chain: Chain;
  /**
   * The longest chain if each generated spec also ran in order, as fullyParallel: false does: a
   * lock's chain, or a contract file's scenarios that take no lock (compile-suite.ts's layout).
   */
  fileChain: Chain;
}

export function lowerBound(suite: ContractSuite): LowerBound {
  const chains: Chain[] = [];
  const locks = new Map<string, number>();
  let scenarios = 0;
  let totalSteps = 0;
  const fileChains: Chain[] = [];
  for (const file of suite.files) {
    let fileSteps = 0;
    for (const scenario of file.scenarios) {
      const steps = scenario.steps.length;
      scenarios += 1;
      totalSteps += steps;
      if (scenario.lock === undefined) {
        chains.push({ what: `scenario ${file.vendor} › ${scenario.name}`, steps });
        fileSteps += steps;
      } else locks.set(scenario.lock, (locks.get(scenario.lock) ?? 0) + steps);
    }
    fileChains.push({ what: `file ${file.file} (its scenarios without a lock)`, steps: fileSteps });
  }
  for (const [lock, steps] of locks) chains.push({ what: `lock ${lock}`, steps });
  const longest = (list: Chain[]): Chain => list.reduce((a, b) => (b.steps > a.steps ? b : a), { what: 'none', steps: 0 });
  const chain = longest(chains);
  const fileChain = longest([...fileChains, chain]);
  return { scenarios, totalSteps, chain, fileChain };
}

/**
 * The first definition (kept beside the second, see docs/performance.md): the longest chain's
 * requests at `latencyMs` each, plus the start-up of a 10-scenario synthetic suite. It leaves out
 * that the steps must share the workers, and the real suite's own fixed costs (75 scenarios,
 * five vendors, ~22 spec files and seven reporters start and end far slower than 10 scenarios).
 */
export function chainBoundMs(bound: LowerBound, latencyMs: number, startupMs: number): number {
  return bound.chain.steps * latencyMs + startupMs;
}

/**
 * Steps that must wait on the network, per worker, at the least: the longest chain (it runs in
 * order whatever the workers), or every step spread evenly over the workers (each worker runs one
 * test at a time, and each step holds it for at least the latency).
 */
export function boundSteps(bound: LowerBound, workers: number): number {
  return Math.max(bound.chain.steps, Math.ceil(bound.totalSteps / Math.max(1, workers)));
}

/**
 * The bound the target is judged by: the same real suite's fixed costs (its wall time with no
 * added latency minus the span its tests ran for: start-up before the first test, teardown and
 * reports after the last) plus boundSteps × the latency.
 */
export function latencyBoundMs(bound: LowerBound, latencyMs: number, fixedMs: number, workers: number): number {
  return fixedMs + boundSteps(bound, workers) * latencyMs;
}
