// Part 3 of the benchmark: the real contracts of every vendor against a sandbox that adds a fixed
// latency to every response, the case of a nightly run against real vendors, where the network
// and not the CPU decides. Its wall time is compared with the lower bound of lower-bound.ts.
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import type { LatencyFigures } from './bench-figures';
import type { BenchOptions } from './bench-options';
import { lowerBound, lowerBoundMs } from './lower-bound';
import { runRunner } from './run-runner';
import { readTimeline } from './run-timeline';
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
  const sandbox = await startSandbox(PROJECT_ROOT, options.port, options.latencyMs);
  let run;
  try {
    run = await runRunner({ projectRoot: PROJECT_ROOT, contractsRoot: PROJECT_ROOT, scratchDir, port: options.port, reporters: 'project' });
  } finally {
    await sandbox.stop();
  }
  if (run.passed === 0) {
    throw new Error(`the latency-bound run passed no test (exit ${String(run.code)}):\n${`${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
  }
  const finished = run;
  // The config's JSON reporter wrote the run's results under REPORTS_DIR (see run-runner.ts).
  const timeline = readTimeline(path.join(scratchDir, 'reports', 'results.json'));
  return {
    figures(startupMs) {
      const boundMs = lowerBoundMs(bound, options.latencyMs, startupMs);
      return {
        latencyMs: options.latencyMs,
        wallMs: finished.wallMs,
        boundMs,
        ratio: finished.wallMs / boundMs,
        chain: bound.chain.what,
        chainSteps: bound.chain.steps,
        fileChain: bound.fileChain.what,
        fileChainSteps: bound.fileChain.steps,
        scenarios: bound.scenarios,
        totalSteps: bound.totalSteps,
        passed: finished.passed,
        failed: finished.failed,
        skipped: finished.skipped,
        timeline,
      };
    },
  };
}
