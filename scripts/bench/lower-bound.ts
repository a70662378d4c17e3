// The lower bound of a latency-bound run. When every response takes L ms, no runner can finish
// before the longest chain of requests that must go one after another: the scenarios sharing a
// lock run in turn (their steps add up), and a scenario's own steps run in order. Everything else
// may overlap. The bound is that chain times L plus the fixed start-up of a run (measured at N=10).
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

/** The bound in milliseconds: the chain's requests at `latencyMs` each, plus a run's start-up. */
export function lowerBoundMs(bound: LowerBound, latencyMs: number, startupMs: number): number {
  return bound.chain.steps * latencyMs + startupMs;
}
