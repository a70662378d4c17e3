// Part 3 of the benchmark: the real contracts of every vendor against a sandbox that adds a fixed
// latency to every response, the case of a nightly run against real vendors, where the network
// and not the CPU decides. Its wall time is compared with the lower bound of lower-bound.ts, whose
// fixed costs come from a second run of the same suite with no added latency and the same workers.
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import type { LatencyFigures } from './bench-figures';
import type { BenchOptions } from './bench-options';
import { boundSteps, chainBoundMs, latencyBoundMs, lowerBound } from './lower-bound';
import { runRunner, type RunnerRun } from './run-runner';
import { readTimeline, type Timeline } from './run-timeline';
import { startSandbox } from './sandbox-process';

export interface LatencyRun {
  /** The figures, given the start-up of a run (the runner's wall time at N=10). */
  figures(startupMs: number): LatencyFigures;
}

export async function runLatencyBound(options: BenchOptions, scratchDir: string, log: (line: string) => void): Promise<LatencyRun> {
  const loaded = loadSuite(PROJECT_ROOT);
  if (loaded.errors.length > 0) {
    throw new Error(`the real contracts have ${loaded.errors.length} load error(s); run \`npx playwright test\` to see them`);
  }
  const bound = lowerBound(loaded.suite);
  log(`latency-bound run: ${bound.scenarios} scenarios, ${bound.totalSteps} steps, ${options.latencyMs} ms per response`);
  // SANDBOX_LATENCY_MS reaches the runner as it does when a user sets it: the config then picks
  // its I/O-bound worker count. (Before, only the sandbox got it, and the run used one worker per core.)
  // Each run is repeated (--latency-repeat) and the fastest counts, as for the synthetic suites:
  // the latency-bound run with the least wall time, and the no-latency run with the least fixed
  // costs (which makes the bound smaller, never larger).
  const best = async (label: string, latencyMs: number, env: Record<string, string>, cost: (r: RealRun) => number): Promise<RealRun> => {
    let kept: RealRun | undefined;
    for (let round = 1; round <= options.latencyRepeat; round += 1) {
      const next = await runReal(options, path.join(scratchDir, `${label}-${round}`), latencyMs, env);
      if (!kept || cost(next) < cost(kept)) kept = next;
    }
    if (!kept) throw new Error('the latency-bound run needs --latency-repeat >= 1');
    return kept;
  };
  const latent = await best('latent', options.latencyMs, { SANDBOX_LATENCY_MS: String(options.latencyMs) }, (r) => r.run.wallMs);
  const workers = latent.timeline?.workers ?? 1;
  log(`the same suite with no added latency and WORKERS=${workers}: its fixed costs`);
  const fixedOf = (zero: RealRun): number => (zero.timeline ? zero.run.wallMs - zero.timeline.testsSpanMs : zero.run.wallMs);
  const zero = await best('zero', 0, { WORKERS: String(workers) }, fixedOf);
  const fixedMs = fixedOf(zero);
  const { run, timeline } = latent;
  return {
    figures(startupMs) {
      const boundMs = latencyBoundMs(bound, options.latencyMs, fixedMs, workers);
      const chainMs = chainBoundMs(bound, options.latencyMs, startupMs);
      return {
        latencyMs: options.latencyMs,
        wallMs: run.wallMs,
        boundMs,
        ratio: run.wallMs / boundMs,
        workers,
        zeroLatencyWallMs: zero.run.wallMs,
        fixedMs,
        boundSteps: boundSteps(bound, workers),
        chainBoundMs: chainMs,
        chainRatio: run.wallMs / chainMs,
        chain: bound.chain.what,
        chainSteps: bound.chain.steps,
        fileChain: bound.fileChain.what,
        fileChainSteps: bound.fileChain.steps,
        scenarios: bound.scenarios,
        totalSteps: bound.totalSteps,
        passed: run.passed,
        failed: run.failed,
        skipped: run.skipped,
        timeline,
      };
    },
  };
}

interface RealRun {
  run: RunnerRun;
  timeline?: Timeline;
}

/** One run of the real contracts, config's reporters, against a sandbox with the given latency. */
async function runReal(options: BenchOptions, scratchDir: string, latencyMs: number, env: Record<string, string>): Promise<RealRun> {
  const sandbox = await startSandbox(PROJECT_ROOT, options.port, latencyMs);
  let run: RunnerRun;
  try {
    run = await runRunner({ projectRoot: PROJECT_ROOT, contractsRoot: PROJECT_ROOT, scratchDir, port: options.port, reporters: 'project', env });
  } finally {
    await sandbox.stop();
  }
  if (run.passed === 0 || run.failed > 0) {
    throw new Error(`the real contracts at ${latencyMs} ms of latency: ${run.passed} passed, ${run.failed} failed (exit ${String(run.code)}):\n${`${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
  }
  // The config's JSON reporter wrote the run's results under REPORTS_DIR (see run-runner.ts).
  return { run, timeline: readTimeline(path.join(scratchDir, 'reports', 'results.json')) };
}
