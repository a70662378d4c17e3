// Turns raw measurements into the figures the issue asks for (marginal cost per check, start-up,
// ratio to the floor, compile time, peak memory, latency-bound ratio); bench-targets.ts marks the
// targets met or not. Pure functions over plain data, so bench.json can be re-rendered and tested.
import type { Timeline } from './run-timeline';

/** One timed run of a runner (or the floor) at one suite size. */
export interface SizedRun {
  n: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

export interface RunnerFigures {
  runner: string;
  /** (wall(N_big) - wall(N_mid)) / (N_big - N_mid), ms per check. */
  marginalMs: number;
  /** The same in CPU time of the whole process tree. */
  marginalCpuMs: number;
  /** Wall time of the smallest suite, from spawn to exit. */
  startupMs: number;
  peakRssMb: number; // at the largest N
  /** Wall time of the largest suite. */
  bigWallMs: number;
  ratioToFloor?: number; // marginal / the floor's marginal
}

export interface CompileFigures {
  n: number;
  importMs: number;
  loadMs: number;
  compileMs: number;
  writeMs: number;
  totalMs: number; // load + compile + write: what the runner's config does before tests run
}

export interface LatencyFigures {
  latencyMs: number;
  wallMs: number;
  /** The bound the target uses: fixedMs + boundSteps × latencyMs (lower-bound.ts). */
  boundMs: number;
  ratio: number;
  /** Workers of the latency-bound run. */
  workers: number;
  /** The same suite with no added latency and the same workers: wall time, and wall minus its tests' span. */
  zeroLatencyWallMs: number;
  fixedMs: number;
  /** max(longest chain, total steps / workers). */
  boundSteps: number;
  /** The first definition: longest chain × latency + the N = 10 synthetic start-up, and wall over it. */
  chainBoundMs: number;
  chainRatio: number;
  chain: string;
  chainSteps: number;
  fileChain: string;
  fileChainSteps: number;
  scenarios: number;
  totalSteps: number;
  passed: number;
  failed: number;
  skipped: number;
  /** When tests ran, from the run's JSON report; undefined when it could not be read. */
  timeline?: Timeline;
}

/** Figures from the runs of one runner, one run (the fastest of the repeats) per size. */
export function runnerFigures(runner: string, runs: readonly SizedRun[]): RunnerFigures {
  const sorted = [...runs].sort((a, b) => a.n - b.n);
  const small = sorted[0];
  const big = sorted[sorted.length - 1];
  const mid = sorted[sorted.length - 2];
  if (!small || !big || !mid || big.n === mid.n) throw new Error(`${runner}: need runs at two different sizes at least`);
  return {
    runner,
    marginalMs: (big.wallMs - mid.wallMs) / (big.n - mid.n),
    marginalCpuMs: (big.cpuMs - mid.cpuMs) / (big.n - mid.n),
    startupMs: small.wallMs,
    peakRssMb: big.peakRssMb,
    bigWallMs: big.wallMs,
  };
}

/** Of repeated runs at the same size, the fastest: the least disturbed by other work. */
export function fastestPerSize<T extends SizedRun>(runs: readonly T[]): T[] {
  const best = new Map<number, T>();
  for (const run of runs) {
    const seen = best.get(run.n);
    if (!seen || run.wallMs < seen.wallMs) best.set(run.n, run);
  }
  return [...best.values()].sort((a, b) => a.n - b.n);
}

export function withFloorRatio(figures: RunnerFigures, floor: RunnerFigures): RunnerFigures {
  return { ...figures, ratioToFloor: floor.marginalMs > 0 ? figures.marginalMs / floor.marginalMs : undefined };
}
