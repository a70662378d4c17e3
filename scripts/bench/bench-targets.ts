// The targets of issue 13, each a ratio between figures of the same `npm run bench` run (absolute
// times move with the machine and its load; ratios much less), marked met or not. Pure, so the
// arithmetic is tested (tests/bench/bench.spec.ts) without timing anything.
import type { CompileFigures, LatencyFigures, RunnerFigures } from './bench-figures';

export interface Target {
  name: string;
  /** The largest value that meets the target, in `unit`. */
  limit: number;
  measured: number;
  unit: 'x' | 'steps';
  met: boolean;
  /** The figures the ratio comes from, for the console table and the README. */
  detail: string;
}

export interface TargetInput {
  bigN: number;
  smallN: number;
  /** The project's runner with its real configuration (the config's reporters and workers). */
  project: RunnerFigures;
  /** Plain Playwright, an empty test() per scenario, same files and workers. */
  empty?: RunnerFigures;
  /** The project's runner with the dot reporter only: the wall time compile is compared with. */
  dot?: RunnerFigures;
  compile?: CompileFigures;
  latency?: LatencyFigures;
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const s = (value: number): string => `${(value / 1000).toFixed(2)} s`;

function ratio(name: string, limit: number, measured: number, detail: string): Target {
  // A ratio of zero or below means a noisy run (a bigger suite finishing sooner on a loaded
  // machine), never a met target.
  return { name, limit, measured, unit: 'x', met: Number.isFinite(measured) && measured > 0 && measured <= limit, detail };
}

export function targets(input: TargetInput): Target[] {
  const { project, empty, dot, compile, latency, bigN, smallN } = input;
  const list: Target[] = [];
  if (empty) {
    list.push(
      ratio(
        `marginal cost per single-request scenario at N = ${bigN} vs an empty test()`,
        1.3,
        project.marginalMs / empty.marginalMs,
        `${ms(project.marginalMs)} vs ${ms(empty.marginalMs)}`,
      ),
      ratio(`start-up for ${smallN} scenarios vs an empty Playwright suite`, 1.15, project.startupMs / empty.startupMs, `${s(project.startupMs)} vs ${s(empty.startupMs)}`),
      ratio(
        `peak memory at N = ${bigN} vs empty tests at the same workers`,
        1.1,
        project.peakRssMb / empty.peakRssMb,
        `${project.peakRssMb.toFixed(0)} MB vs ${empty.peakRssMb.toFixed(0)} MB`,
      ),
    );
  }
  if (compile && dot) {
    list.push(
      ratio(
        `compile of ${compile.n} scenarios vs running them (dot reporter)`,
        0.5,
        compile.totalMs / dot.bigWallMs,
        `${s(compile.totalMs)} (load + compile + write) vs ${s(dot.bigWallMs)}`,
      ),
    );
  }
  if (latency) {
    list.push(
      ratio(
        `latency-bound run (${latency.latencyMs} ms per response) vs its lower bound`,
        1.15,
        latency.ratio,
        `${s(latency.wallMs)} vs ${s(latency.boundMs)} = fixed ${s(latency.fixedMs)} + ${latency.boundSteps} steps × ${latency.latencyMs} ms at ${latency.workers} workers; ` +
          `first definition (chain + N = ${smallN} start-up) ${s(latency.chainBoundMs)}, ${latency.chainRatio.toFixed(2)}x`,
      ),
      {
        name: 'the lower bound: longest chain of steps that must run in order',
        limit: 15,
        measured: latency.chainSteps,
        unit: 'steps',
        met: latency.chainSteps <= 15,
        detail: `${latency.chain}: ${latency.chainSteps} steps of ${latency.latencyMs} ms`,
      },
    );
  }
  return list;
}

export function formatTargetValue(value: number, unit: Target['unit']): string {
  return unit === 'x' ? `${value.toFixed(2)}x` : `${value} steps`;
}
