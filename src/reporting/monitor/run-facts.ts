// The network facts of a run, read from Playwright's JSON report (reports/results.json): which
// scenarios passed only thanks to request retries (verdict flaky-network), which were not run
// because their vendor's breaker was open (verdict not-run), and how many answers judged a
// deliberate wrong password, per account. The runtime wrote them as facts.ts annotations and
// attachments; this module only collects them. (When the typed summary carries verdicts, the
// monitor reads them there instead.)
import { readFileSync } from 'node:fs';
import { ANNOTATION, ATTACHMENT, JUDGED_WRONG_PASSWORD, type VerdictRecord } from '../../dsl/facts';

export interface ScenarioFact {
  vendor: string;
  scenario: string;
  reason: string;
}

export interface RunFacts {
  flakyNetwork: ScenarioFact[];
  notRun: ScenarioFact[];
  /** Judged wrong-password answers per account (variable name) over the run, and per scenario. */
  judged: Record<string, number>;
  judgedByScenario: { vendor: string; scenario: string; account: string; judged: number; maxPerRequest: number }[];
}

interface JsonAnnotation {
  type: string;
  description?: string;
}
interface JsonResult {
  status?: string;
  annotations?: JsonAnnotation[];
  attachments?: { name: string; body?: string }[];
}
interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: { title: string; tests: { annotations?: JsonAnnotation[]; results: JsonResult[] }[] }[];
}

export function emptyFacts(): RunFacts {
  return { flakyNetwork: [], notRun: [], judged: {}, judgedByScenario: [] };
}

export function readRunFacts(resultsFile: string): RunFacts {
  let report: { suites?: JsonSuite[] };
  try {
    report = JSON.parse(readFileSync(resultsFile, 'utf8')) as { suites?: JsonSuite[] };
  } catch {
    return emptyFacts();
  }
  const facts = emptyFacts();
  const walk = (suite: JsonSuite, vendor: string): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results[t.results.length - 1];
        if (last) collect(facts, vendor, spec.title, [...(t.annotations ?? []), ...(last.annotations ?? [])], last);
      }
    }
    // The first describe under a file is the vendor; anonymous describes keep it.
    for (const child of suite.suites ?? []) walk(child, vendor || child.title);
  };
  for (const file of report.suites ?? []) walk(file, '');
  return facts;
}

function collect(facts: RunFacts, vendor: string, scenario: string, annotations: JsonAnnotation[], result: JsonResult): void {
  const verdicts = new Set(annotations.filter((a) => a.type === ANNOTATION.verdict).map((a) => a.description));
  const reason = verdictReason(result);
  if (verdicts.has('flaky-network') && result.status === 'passed') facts.flakyNetwork.push({ vendor, scenario, reason });
  if (verdicts.has('not-run')) facts.notRun.push({ vendor, scenario, reason });
  const judged = new Set(annotations.filter((a) => a.type === JUDGED_WRONG_PASSWORD).map((a) => a.description ?? ''));
  for (const entry of judged) {
    const match = /^(.*): (\d+) \(at most (\d+) per request\)$/.exec(entry);
    if (!match) continue;
    const account = match[1] ?? '';
    const n = Number(match[2]);
    facts.judged[account] = (facts.judged[account] ?? 0) + n;
    facts.judgedByScenario.push({ vendor, scenario, account, judged: n, maxPerRequest: Number(match[3]) });
  }
}

function verdictReason(result: JsonResult): string {
  const attachment = result.attachments?.find((a) => a.name === ATTACHMENT.verdict && a.body);
  if (!attachment?.body) return '';
  try {
    return (JSON.parse(Buffer.from(attachment.body, 'base64').toString('utf8')) as VerdictRecord).reason;
  } catch {
    return '';
  }
}
