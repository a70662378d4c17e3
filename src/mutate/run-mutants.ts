// One Playwright run proves every mutant: with --repeat-each N+1, repeat 0 of each scenario runs
// unmutated (the baseline) and repeat n gets that scenario's n-th mutant, applied by the
// mutating proxy to the step it targets (the step key carries the repeat). A mutant is killed
// when its repeat fails while the baseline passed.
import type { ContractSuite, VendorManifest } from '../dsl/model';
import { startProxy, type Exchange, type ProxyResponse } from '../replay/proxy';
import { runSuite, type ScenarioOutcome } from '../replay/run-suite';
import { scenarioId } from '../replay/step-key';
import { applyMutation } from './apply';
import type { Mutant, MutantResult } from './mutant';

export interface MutationRun {
  results: { mutant: Mutant; result: MutantResult }[];
  requests: number;
  budgetExceeded: boolean;
  repeats: number;
  output: string;
}

export interface MutateOptions {
  suite: ContractSuite;
  manifest: VendorManifest;
  mutants: Mutant[];
  upstream: string;
  env: Record<string, string>;
  maxRequests: number;
  /** The upstream is the local replay server, which answers by step key. */
  upstreamIsReplay: boolean;
}

export async function runMutants(options: MutateOptions): Promise<MutationRun> {
  const byScenario = new Map<string, Mutant[]>();
  for (const m of options.mutants) byScenario.set(scenarioId(m), [...(byScenario.get(scenarioId(m)) ?? []), m]);
  const repeats = 1 + Math.max(0, ...[...byScenario.values()].map((list) => list.length));
  const applied = new Set<string>();
  let budgetExceeded = false;
  let count = 0;
  const hook = (exchange: Exchange): ProxyResponse => {
    count += 1;
    if (count > options.maxRequests) {
      budgetExceeded = true;
      return { status: 503, headers: { 'content-type': 'text/plain' }, setCookies: [], body: Buffer.from('mutate: request budget exhausted') };
    }
    const key = exchange.key;
    if (!key || key.repeat === 0) return exchange.response;
    const mutant = byScenario.get(scenarioId(key))?.[key.repeat - 1];
    if (!mutant || mutant.step !== key.step) return exchange.response;
    const mutated = applyMutation(mutant.mutation, exchange.response);
    if (!mutated) return exchange.response;
    applied.add(mutant.id);
    return mutated;
  };
  // The proxy's base URL keeps the upstream's path (/clearlrs): the sandbox the child run starts
  // mounts each vendor at the path of its base URL variable, which here names the proxy.
  const { origin, pathname } = new URL(options.upstream);
  const proxy = await startProxy(origin, hook, { keepStepHeader: options.upstreamIsReplay });
  const baseUrl = `${proxy.origin}${pathname.replace(/\/+$/, '')}`;
  let run;
  try {
    run = await runSuite(options.manifest.vendor, { ...options.env, CONTRACT_STEP_HEADER: '1', [options.manifest.baseUrlVar]: baseUrl }, [
      `--repeat-each=${repeats}`,
      '--retries=0',
    ]);
  } finally {
    await proxy.close();
  }
  // The JSON report lists a scenario's repeats in repeat order (Playwright clones each file's
  // suite once per repeat, in order); tests/nocode checks that against known mutants.
  const runsOf = new Map<string, ScenarioOutcome[]>();
  for (const o of run.outcomes) runsOf.set(o.scenario, [...(runsOf.get(o.scenario) ?? []), o]);
  const results = options.mutants.map((mutant) => {
    const runs = runsOf.get(mutant.scenario) ?? [];
    const baseline = runs[0];
    const own = byScenario.get(scenarioId(mutant))?.indexOf(mutant) ?? -1;
    const outcome = runs[own + 1];
    let result: MutantResult;
    if (!baseline || !outcome || baseline.status === 'skipped' || outcome.status === 'skipped') result = 'not run';
    else if (baseline.status !== 'passed') result = 'baseline red';
    else if (!applied.has(mutant.id)) result = 'not applicable';
    else result = outcome.status === 'failed' ? 'killed' : 'survived';
    return { mutant, result };
  });
  return { results, requests: count, budgetExceeded, repeats, output: run.output };
}
