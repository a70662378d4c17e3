// The network facts of a run, read from the typed summary (reports/summary.json, whose verdicts
// and judged answers the summary reporter took from the runtime's records): which scenarios
// passed only thanks to request retries (flaky-network), which were not run because their
// vendor's breaker was open (not-run), and the judged wrong-password answers per account. The
// monitor writes these to reports/network.json; nothing here re-reads results.json.
import type { RunSummary, VerdictEntry } from '../summary/summary-model';

export interface ScenarioFact {
  vendor: string;
  scenario: string;
  reason: string;
}

export interface RunFacts {
  flakyNetwork: ScenarioFact[];
  notRun: ScenarioFact[];
  /** Judged wrong-password answers per account ("truedat/TRUEDAT_USERNAME") over the run. */
  judged: Record<string, number>;
  judgedByScenario: RunSummary['judged'];
}

export function emptyFacts(): RunFacts {
  return { flakyNetwork: [], notRun: [], judged: {}, judgedByScenario: [] };
}

const fact = (v: VerdictEntry): ScenarioFact => ({ vendor: v.vendor, scenario: v.scenario, reason: v.reason });

export function runFacts(summary: RunSummary): RunFacts {
  const judged: Record<string, number> = {};
  for (const j of summary.judged ?? []) judged[j.account] = (judged[j.account] ?? 0) + j.judged;
  return {
    flakyNetwork: summary.verdicts.filter((v) => v.verdict === 'flaky-network').map(fact),
    notRun: summary.verdicts.filter((v) => v.verdict === 'not-run').map(fact),
    judged,
    judgedByScenario: summary.judged ?? [],
  };
}
