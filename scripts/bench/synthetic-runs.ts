// Parts 1 and 2 of the benchmark: for each suite size, the build time, then every runner on the
// same sandbox: the floor (two HTTP clients), the project's runner (with its reporters and with
// one console reporter), and the plain Playwright reference suites. Rounds interleave the
// runners so a burst of other work on the machine hits them alike; the fastest run counts.
import { cpus } from 'node:os';
import path from 'node:path';
import type { CompileFigures, SizedRun } from './bench-figures';
import type { BenchOptions } from './bench-options';
import { timeCompile } from './compile-run';
import { buildFloor, runFloor, type FloorClient } from './floor-runner';
import { writePlainSuite, type PlainKind } from './plain-playwright';
import { profileRunner, type ProfileReport } from './profile-run';
import { assertPassed, runRunner, type ReporterMode } from './run-runner';
import { startSandbox } from './sandbox-process';
import { writeSyntheticSuite } from './synthetic-suite';

export const FLOOR_LABEL: Record<FloorClient, string> = { http: 'floor: node:http loop + ajv', fetch: 'floor: fetch loop + ajv' };
export const PLAIN_LABEL: Record<PlainKind, string> = {
  empty: 'plain Playwright: empty test() per scenario',
  request: 'plain Playwright: request.post + expect + ajv per test()',
};

export interface Variant {
  label: string;
  reporters: ReporterMode;
  workers?: number;
}

const label = (reporters: ReporterMode, workers: number | undefined): string =>
  `project runner, ${reporters === 'project' ? "the config's reporters" : 'dot reporter only'}${workers === undefined ? '' : `, WORKERS=${workers}`}`;

/**
 * The project runner's configurations to measure: every --workers value with every reporter
 * mode, the first being the project's real configuration (the targets are marked on it); then,
 * unless --no-tuned, the best the config allows for a CPU-bound run: one worker per core and one
 * console reporter.
 */
export function variants(options: BenchOptions): Variant[] {
  const list = options.workers.flatMap((workers) => options.reporters.map((reporters) => ({ label: label(reporters, workers), reporters, workers })));
  const tuned = { label: label('dot', cpus().length), reporters: 'dot' as const, workers: cpus().length };
  return options.tuned && !list.some((v) => v.label === tuned.label) ? [...list, tuned] : list;
}

export interface SyntheticResults {
  series: Map<string, SizedRun[]>;
  coldRuns: SizedRun[];
  /** The project runner at the smallest N with REBUILD=1: start-up after the specs changed (fastest round). */
  rebuild?: SizedRun;
  compile: CompileFigures[];
  profile?: ProfileReport;
}

type Log = (line: string) => void;

export async function measureSynthetic(projectRoot: string, options: BenchOptions, work: string, log: Log): Promise<SyntheticResults> {
  const origin = `http://127.0.0.1:${options.port}`;
  const suites = options.sizes.map((n) => {
    const suite = writeSyntheticSuite(projectRoot, path.join(work, `n${n}`, 'root'), n, options.perFile);
    const plain = (kind: PlainKind): string =>
      writePlainSuite(projectRoot, path.join(work, `n${n}`, `plain-${kind}`), kind, n, options.perFile, `${origin}/bench/echo`, suite.schemaFile);
    return { n, suite, configs: { empty: plain('empty'), request: plain('request') } };
  });
  const scratch = (n: number, label: string): string => path.join(work, `n${n}`, 'out', label.replace(/\W+/g, '-'));
  const floorFile = buildFloor(projectRoot, work);

  const compile: CompileFigures[] = [];
  for (const { n, suite } of suites) {
    log(`timing load + compile of ${n} scenarios`);
    compile.push(timeCompile(projectRoot, suite.root, options.repeat));
  }

  const series = new Map<string, SizedRun[]>();
  const record = (label: string, n: number, run: Omit<SizedRun, 'n'>): void =>
    void series.set(label, [...(series.get(label) ?? []), { n, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb }]);
  const coldRuns: SizedRun[] = [];
  let rebuild: SizedRun | undefined;
  const workers = options.workers[0];
  const sandbox = await startSandbox(projectRoot, options.port, 0);
  try {
    // The first run of a fresh suite fills Playwright's transform cache; it is recorded apart,
    // and the plain suites get their first run here too.
    for (const { n, suite, configs } of suites) {
      log(`N=${n}: first runs (cold transform cache)`);
      const run = await runRunner({ projectRoot, contractsRoot: suite.root, scratchDir: scratch(n, 'cold'), port: options.port, reporters: 'dot', workers });
      assertPassed(run, n, `cold run at N=${n}`);
      coldRuns.push({ n, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb });
      for (const configFile of Object.values(configs)) {
        const warm = await runRunner({ projectRoot, configFile, contractsRoot: suite.root, scratchDir: scratch(n, 'cold'), port: options.port, reporters: 'project', workers });
        assertPassed(warm, n, `cold plain run at N=${n}`);
      }
    }
    // The smallest size (start-up) gets its own, larger number of rounds; the others `repeat`.
    const rounds = Math.max(options.repeat, options.startupRepeat);
    for (let round = 1; round <= rounds; round += 1) {
      for (const { n, suite, configs } of suites) {
        if (round > options.repeat && n !== suites[0]?.n) continue;
        log(`N=${n}, round ${round}`);
        for (const client of ['http', 'fetch'] as FloorClient[]) {
          record(FLOOR_LABEL[client], n, await runFloor(projectRoot, floorFile, client, `${origin}/bench/echo`, n, suite.schemaFile));
        }
        for (const variant of variants(options)) {
          const run = await runRunner({ projectRoot, contractsRoot: suite.root, scratchDir: scratch(n, variant.label), port: options.port, ...variant });
          assertPassed(run, n, `${variant.label} at N=${n}`);
          record(variant.label, n, run);
        }
        // The runs above find generated/ up to date and skip the build (cli/build-if-changed.ts);
        // a run right after editing a spec pays it. Measured at the smallest N, apart.
        const first = variants(options)[0];
        if (n === suites[0]?.n && first) {
          const run = await runRunner({ projectRoot, contractsRoot: suite.root, scratchDir: scratch(n, 'rebuild'), port: options.port, ...first, env: { REBUILD: '1' } });
          assertPassed(run, n, `${first.label}, REBUILD=1, at N=${n}`);
          if (!rebuild || run.wallMs < rebuild.wallMs) rebuild = { n, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb };
        }
        for (const kind of ['request', 'empty'] as PlainKind[]) {
          // reporters 'project' here means the plain config's own (dot), not the project's.
          const run = await runRunner({ projectRoot, configFile: configs[kind], contractsRoot: suite.root, scratchDir: scratch(n, kind), port: options.port, reporters: 'project', workers });
          assertPassed(run, n, `${PLAIN_LABEL[kind]} at N=${n}`);
          record(PLAIN_LABEL[kind], n, run);
        }
      }
    }
    const biggest = suites[suites.length - 1];
    let profile: ProfileReport | undefined;
    if (options.profile && biggest) {
      log(`N=${biggest.n}: profiled run (--cpu-prof)`);
      profile = await profileRunner(projectRoot, biggest.suite.root, path.join(work, 'profile'), options.port, biggest.n, workers);
    }
    return { series, coldRuns, rebuild, compile, profile };
  } finally {
    await sandbox.stop();
  }
}
