// The run summary as data: reports/summary.json has exactly this shape, and the monitor decides
// its alarms from it. Built from the typed records the workers attached (records.ts) and the
// suite's manifest (manifest.ts); see summary-build.ts.
import type { Evidence, FailureClass, Verdict } from '../../dsl/facts';

export type { Evidence, FailureClass, Verdict } from '../../dsl/facts';

export interface ClauseCounts {
  held: number;
  failed: number;
  warned: number;
}

export interface VendorRow {
  vendor: string;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  /** Passed in Playwright with a warning verdict (inferred-warning, known-drift, flaky-network). */
  warned: number;
  notRun: number;
  /** Clauses by evidence level: each counted once, failed over warned over held. */
  clauses: Record<Evidence, ClauseCounts>;
  findings: string[];
}

export interface FailureEntry {
  class: FailureClass;
  vendor: string;
  scenario: string;
  step?: string;
  /** The clauses that broke (from the FailureRecord), not every clause of the scenario. */
  clauses: string[];
  doc?: string; // "truedat-create-session.md § Request Body"
  docUrl?: string; // the published page, at that section
  yaml?: string; // specs/<vendor>/<file>.yaml:<line> of the first mismatch (or the step, or the scenario)
  severity?: string;
  feature?: string;
  /** Playwright attempts of the test (retries + 1). */
  attempts: number;
  message: string; // the first lines, redacted
}

export interface BrokenClause {
  vendor: string;
  clause: string;
  text: string;
  /** "personr-basic-auth-token.md § Using basic authentication". */
  doc: string;
  evidence: Evidence;
  scenarios: string[];
}

export interface VerdictEntry {
  vendor: string;
  scenario: string;
  verdict: Verdict;
  clauses: string[];
  reason: string;
  yaml?: string;
}

export interface RetryEntry {
  vendor: string;
  scenario: string;
  step: string;
  request: string;
  retries: number;
  answered: boolean;
}

/** One scenario's answers that judged a deliberate wrong password for one account (the lockout budget). */
export interface JudgedEntry {
  vendor: string;
  scenario: string;
  /** "truedat/TRUEDAT_USERNAME"; "truedat/(no configured account)" spends no account's budget. */
  account: string;
  judged: number;
  maxPerRequest: number;
}

export interface RunSummary {
  status: 'passed' | 'failed';
  target: string;
  generatedAt: string;
  durationSeconds: number;
  totals: { passed: number; failed: number; flaky: number; skipped: number; warned: number; notRun: number };
  vendors: VendorRow[];
  failures: FailureEntry[];
  flaky: FailureEntry[];
  brokenClauses: BrokenClause[];
  /** Every verdict other than a plain pass or fail: warnings, drift, network flakes, not run. */
  verdicts: VerdictEntry[];
  retries: RetryEntry[];
  /** Judged wrong-password answers, per scenario and account: at most one per account per run off the sandbox. */
  judged: JudgedEntry[];
  /** Errors outside any test (a broken config, a crashed worker), first lines each. */
  runErrors: string[];
  reportUrl?: string;
}

const MAX_LINES = 14;

/** The first lines of a (redacted) message for display; the record's message needs no cleaning. */
export function firstLines(message: string, max = MAX_LINES): string {
  const kept = message.split('\n').map((l) => (l.length > 240 ? `${l.slice(0, 237)}...` : l));
  while (kept.length > 0 && !kept[kept.length - 1]?.trim()) kept.pop();
  return kept.length > max ? [...kept.slice(0, max), `... (${kept.length - max} more lines in the HTML report)`].join('\n') : kept.join('\n');
}

/** A failed summary with nothing in it but why: for a run that wrote none. */
export function emptySummary(target: string, runErrors: string[]): RunSummary {
  return {
    status: 'failed',
    target,
    generatedAt: new Date().toISOString(),
    durationSeconds: 0,
    totals: { passed: 0, failed: 0, flaky: 0, skipped: 0, warned: 0, notRun: 0 },
    vendors: [],
    failures: [],
    flaky: [],
    brokenClauses: [],
    verdicts: [],
    retries: [],
    judged: [],
    runErrors,
  };
}
