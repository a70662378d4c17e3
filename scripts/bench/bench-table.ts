// Prints the benchmark's figures as Markdown tables, so the same text reads well in a terminal
// and pastes into docs/performance.md unchanged.
import type { CompileFigures, LatencyFigures, RunnerFigures, SizedRun } from './bench-figures';
import { formatTargetValue, type Target } from './bench-targets';

export interface RunnerSeries {
  runner: string;
  runs: SizedRun[];
}

const f2 = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(2));
const sec = (msValue: number): string => `${(msValue / 1000).toFixed(2)} s`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function runnersTable(figures: readonly RunnerFigures[], bigN: number, smallN: number): string {
  return table(
    ['runner', 'marginal cost per check (wall)', 'marginal CPU per check', `start-up (N = ${smallN})`, 'ratio to floor', `peak memory (N = ${bigN})`],
    figures.map((f) => [
      f.runner,
      `${f2(f.marginalMs)} ms`,
      `${f2(f.marginalCpuMs)} ms`,
      sec(f.startupMs),
      f.ratioToFloor === undefined ? '1' : `${f.ratioToFloor.toFixed(1)}x`,
      `${f.peakRssMb.toFixed(0)} MB`,
    ]),
  );
}

export function rawRunsTable(series: readonly RunnerSeries[]): string {
  const sizes = [...new Set(series.flatMap((s) => s.runs.map((r) => r.n)))].sort((a, b) => a - b);
  return table(
    ['runner', ...sizes.map((n) => `N = ${n}: wall / CPU / RSS`)],
    series.map((s) => [
      s.runner,
      ...sizes.map((n) => {
        const run = s.runs.filter((r) => r.n === n).sort((a, b) => a.wallMs - b.wallMs)[0];
        return run ? `${sec(run.wallMs)} / ${sec(run.cpuMs)} / ${run.peakRssMb.toFixed(0)} MB` : '–';
      }),
    ]),
  );
}

export function compileTable(rows: readonly CompileFigures[]): string {
  return table(
    ['scenarios', 'module import', 'load (YAML -> model)', 'compile (model -> specs)', 'write generated/', 'load + compile + write'],
    rows.map((r) => [String(r.n), `${r.importMs.toFixed(0)} ms`, `${r.loadMs.toFixed(0)} ms`, `${r.compileMs.toFixed(0)} ms`, `${r.writeMs.toFixed(0)} ms`, `${r.totalMs.toFixed(0)} ms`]),
  );
}

export function latencyTable(l: LatencyFigures): string {
  const t = l.timeline;
  const timeline = t
    ? [
        '',
        table(
          ['tests ran for', 'outside tests (start-up, teardown, reports)', 'longest file', 'it started after the first test', 'it ran for'],
          [[sec(t.testsSpanMs), sec(l.wallMs - t.testsSpanMs), t.longestFile, sec(t.longestStartMs), sec(t.longestSpanMs)]],
        ),
      ]
    : [];
  const summary = table(
    ['latency per response', 'scenarios (steps)', 'longest chain that must run in order', 'workers', 'same suite, no latency (fixed costs)', 'lower bound', 'wall time', 'ratio', 'first definition', 'results'],
    [
      [
        `${l.latencyMs} ms`,
        `${l.scenarios} (${l.totalSteps})`,
        `${l.chain}: ${l.chainSteps} steps`,
        String(l.workers),
        `${sec(l.zeroLatencyWallMs)} (${sec(l.fixedMs)})`,
        `${sec(l.boundMs)} (fixed + ${l.boundSteps} steps)`,
        sec(l.wallMs),
        `${l.ratio.toFixed(2)}x`,
        `${sec(l.chainBoundMs)}, ${l.chainRatio.toFixed(2)}x`,
        `${l.passed} passed, ${l.failed} failed, ${l.skipped} skipped`,
      ],
    ],
  );
  return [summary, ...timeline].join('\n');
}

export function targetsTable(list: readonly Target[]): string {
  return table(
    ['target', 'limit', 'measured', 'from', ''],
    list.map((t) => [t.name, `≤ ${formatTargetValue(t.limit, t.unit)}`, formatTargetValue(t.measured, t.unit), t.detail, t.met ? 'met' : '**not met**']),
  );
}
