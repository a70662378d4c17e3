// `npm run mutate -- --vendor <v> [--target replay|sandbox]`: derives mutants from the vendor's
// contract, runs its scenarios once per mutant through a mutating proxy, prints per clause what
// was killed and what survived, writes reports/mutation.json and reports/mutation.md, and exits
// non-zero when a clause has no killed mutant. Any other target is a real vendor: refused
// unless --allow-real-target, since every mutant repeats the vendor's scenarios there.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deriveMutants } from '../src/mutate/derive';
import { buildReport, reportLines, reportMarkdown } from '../src/mutate/mutation-report';
import { runMutants } from '../src/mutate/run-mutants';
import { reportsDir } from '../src/reporting/reporters';
import { REPLAY_TARGET } from '../src/replay/recordings';
import { startReplayServer } from '../src/replay/replay-server';
import { prepareVendorRun, UsageError } from '../src/replay/vendor-run';
import { contractsRoot } from '../src/runtime/paths';

const options = {
  vendor: { type: 'string' },
  target: { type: 'string', default: REPLAY_TARGET },
  'allow-real-target': { type: 'boolean', default: false },
  'max-mutants': { type: 'string', default: '200' },
  'max-requests': { type: 'string', default: '5000' },
  'per-scenario': { type: 'string' }, // keep only the first n mutants of each scenario

} as const;

async function main(): Promise<number> {
  const { values } = parseArgs({ options });
  const target = values.target ?? REPLAY_TARGET;
  if (target !== REPLAY_TARGET && target !== 'sandbox' && !values['allow-real-target']) {
    throw new UsageError(`--target ${target} is a real vendor: every mutant re-runs its scenarios there. Use --target replay (recordings) or sandbox, or pass --allow-real-target`);
  }
  const run = prepareVendorRun(contractsRoot(), values.vendor, target);
  const { manifest } = run;
  const perScenario = values['per-scenario'] === undefined ? Infinity : Number(values['per-scenario']);
  const seen = new Map<string, number>();
  const mutants = deriveMutants(run.suite, manifest.vendor, run.root).filter((m) => {
    const n = (seen.get(m.scenario) ?? 0) + 1;
    seen.set(m.scenario, n);
    return n <= perScenario;
  });
  const maxMutants = Number(values['max-mutants']);
  if (mutants.length > maxMutants) throw new UsageError(`${mutants.length} mutants is more than --max-mutants ${maxMutants}`);

  // On replay the recordings are served in this process; the child's config starts no server.
  const replay = target === REPLAY_TARGET ? await startReplayServer(run.root) : undefined;
  const upstream = replay ? `${replay.origin}/${manifest.vendor}` : run.env.values[manifest.baseUrlVar];
  if (!upstream) throw new UsageError(`${manifest.baseUrlVar} is not set in ${run.env.file}`);
  const env: Record<string, string> = { TARGET: target, CONTRACTS_ROOT: run.root };
  if (replay) Object.assign(env, { REPLAY_SERVER: 'external', REPLAY_ORIGIN: replay.origin });
  let outcome;
  try {
    outcome = await runMutants({ suite: run.suite, manifest, mutants, upstream, env, maxRequests: Number(values['max-requests']), upstreamIsReplay: replay !== undefined });
  } finally {
    await replay?.close();
  }
  const report = buildReport(manifest, target, outcome.requests, outcome.results);
  const dir = reportsDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'mutation.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, 'mutation.md'), reportMarkdown(report));
  for (const line of reportLines(report)) console.log(line);
  const killed = outcome.results.filter((r) => r.result === 'killed').length;
  console.log(`${mutants.length} mutants, ${killed} killed, in one run of ${outcome.repeats} repeats: ${outcome.requests} requests (budget ${values['max-requests']})`);
  console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'mutation.json'))} and mutation.md`);
  if (outcome.budgetExceeded) {
    console.error('the request budget ran out: raise --max-requests; the results above are incomplete');
    return 1;
  }
  if (outcome.results.every((r) => r.result === 'not run' || r.result === 'baseline red')) console.error(outcome.output.slice(-3000));
  return report.clauses.every((c) => c.proven) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `mutate: ${error.message}` : error);
    process.exit(2);
  },
);
