// `npm run bench`: what one contract check costs with this project's runner, beside the floor,
// in one run on one sandbox. It generates synthetic single-request suites (N = 10, 200, 2000),
// times their build (load + compile) and their run with the project's real Playwright config,
// runs the floor (a plain loop doing the same requests and ajv checks) and plain Playwright
// reference suites, then runs the real contracts with 100 ms of added latency per response
// against the lower bound of that run. Prints Markdown tables and writes reports/bench.json.
// It is never a test: nothing fails because a figure is slow; targets are marked met or not.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import { fastestPerSize, runnerFigures, withFloorRatio } from './bench-figures';
import { parseOptions } from './bench-options';
import { targets } from './bench-targets';
import { compileTable, latencyTable, rawRunsTable, runnersTable, targetsTable, type RunnerSeries } from './bench-table';
import { runLatencyBound } from './latency-run';
import { profileText } from './profile-run';
import { FLOOR_LABEL, PLAIN_LABEL, measureSynthetic, variants } from './synthetic-runs';

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const work = mkdtempSync(path.join(tmpdir(), 'auth-contracts-bench-'));
  const started = new Date();
  const loadAtStart = loadavg();
  log(`scratch folder ${work}; sizes ${options.sizes.join(', ')}; sandbox port ${options.port}; load average ${loadAtStart[0]?.toFixed(2)}`);

  const synthetic = await measureSynthetic(PROJECT_ROOT, options, work, log);
  const latency = options.latency ? await runLatencyBound(options, path.join(work, 'latency'), log) : undefined;

  const all: RunnerSeries[] = [...synthetic.series].map(([runner, runs]) => ({ runner, runs }));
  const floor = all.find((s) => s.runner === FLOOR_LABEL.http);
  if (!floor) throw new Error('no floor runs were recorded');
  const floorFigures = runnerFigures(floor.runner, fastestPerSize(floor.runs));
  const figures = all.map((s) => withFloorRatio(runnerFigures(s.runner, fastestPerSize(s.runs)), floorFigures));
  const smallN = options.sizes[0] ?? 0;
  const bigN = options.sizes[options.sizes.length - 1] ?? 0;
  const project = figures.find((f) => f.runner === variants(options)[0]?.label);
  const latencyFigures = latency?.figures(project?.startupMs ?? 0);
  const byLabel = (label: string | undefined) => figures.find((f) => f.runner === label);
  const targetList = project
    ? targets({
        project,
        bigN,
        smallN,
        empty: byLabel(PLAIN_LABEL.empty),
        dot: byLabel(variants(options).find((v) => v.reporters === 'dot' && v.workers === options.workers[0])?.label),
        compile: synthetic.compile.find((r) => r.n === bigN),
        latency: latencyFigures,
      })
    : [];

  const cold = synthetic.coldRuns.map((c) => `${(c.wallMs / 1000).toFixed(2)} s at N=${c.n}`).join(', ');
  const text = [
    `## Cost of a contract check (one POST + status + schema), ${started.toISOString()}`,
    '',
    `Machine: ${cpus().length} CPUs, Node ${process.version}, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at start.`,
    '',
    runnersTable(figures, bigN, smallN),
    '',
    ...(synthetic.rebuild
      ? [
          `Start-up right after a spec changed (REBUILD=1, ${project?.runner ?? 'project runner'}, N = ${synthetic.rebuild.n}): ` +
            `${(synthetic.rebuild.wallMs / 1000).toFixed(2)} s wall, ${(synthetic.rebuild.cpuMs / 1000).toFixed(2)} s CPU; the runs above skip the build (nothing changed).`,
          '',
        ]
      : []),
    `Per size (fastest of ${options.repeat}, of ${Math.max(options.repeat, options.startupRepeat)} at N = ${options.sizes[0] ?? '?'}; the first run of each suite, with a cold transform cache, took ${cold}):`,
    '',
    rawRunsTable(all),
    '',
    '## Build before the run (fresh process, loader + compiler)',
    '',
    compileTable(synthetic.compile),
    ...(latencyFigures ? ['', '## Latency-bound run: the real contracts, all vendors', '', latencyTable(latencyFigures)] : []),
    '',
    `## Targets (${project?.runner ?? 'no project runner measured'})`,
    '',
    targetsTable(targetList),
    ...(synthetic.profile ? [profileText(synthetic.profile)] : []),
    '',
  ].join('\n');
  process.stdout.write(`${text}\n`);

  const out = path.resolve(PROJECT_ROOT, options.out);
  mkdirSync(path.dirname(out), { recursive: true });
  const machine = { node: process.version, platform: process.platform, cpus: cpus().length, loadavgAtStart: loadAtStart, loadavgAtEnd: loadavg() };
  const { profile } = synthetic;
  const json = { started: started.toISOString(), options, machine, runners: figures, runs: all, coldRuns: synthetic.coldRuns, rebuild: synthetic.rebuild, compile: synthetic.compile, latency: latencyFigures, targets: targetList, profile };
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${path.relative(PROJECT_ROOT, out)}`);
  if (profile) {
    // The raw profiles open in Chrome DevTools or speedscope; a copy (tmp may be another file
    // system) is kept beside the JSON.
    const kept = path.join(path.dirname(out), 'bench-cpu-profiles');
    rmSync(kept, { recursive: true, force: true });
    cpSync(profile.profileDir, kept, { recursive: true });
    log(`kept the raw CPU profiles in ${path.relative(PROJECT_ROOT, kept)}`);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
