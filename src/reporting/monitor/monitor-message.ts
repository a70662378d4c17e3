// The webhook message for one night, by what it is: an ALARM (a failure in an alarm class), a
// DEGRADED vendor (unreachable: its remaining scenarios not run), or a change with nothing
// failing now (RECOVERED, DEGRADING). Every message lists the changes it reports, each with its
// kind, then each verdict group of the run (failed, inferred warning, known drift, drift resolved?,
// flaky network, not run) with its clauses, from summary.json's typed verdicts. An alarm keeps the
// full failure list of slack-message.ts.
import type { RunSummary } from '../summary/summary-model';
import type { Decision } from './alarm-policy';
import type { Change } from './night-state';
import type { Verdict } from '../../dsl/facts';
import { slackMessage, type SlackMessage } from './slack-message';

const LABEL: Record<Change['kind'], (c: Change) => string> = {
  'new-failure': () => 'new failure',
  'still-failing': (c) => `still failing since ${c.since ?? '?'}`,
  recovered: () => 'recovered',
  degrading: (c) => `degrading: flaky ${c.nights ?? 3} nights running`,
};

export function changeLines(changes: readonly Change[]): string[] {
  return changes.map((c) => `- [${LABEL[c.kind](c)}] ${c.key}`);
}

const GROUPS: readonly [Verdict, string][] = [
  ['inferred-warning', 'Inferred warning'],
  ['known-drift', 'Known drift'],
  ['drift-resolved', 'Drift resolved?'],
  ['flaky-network', 'Flaky (network)'],
  ['not-run', 'Not run (degraded)'],
];
const PER_GROUP = 8;
const clauseText = (clauses: readonly string[]): string => (clauses.length > 0 ? ` clause ${clauses.join(', ')}` : '');

function capped(title: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  const more = lines.length > PER_GROUP ? [`- …and ${lines.length - PER_GROUP} more in the report`] : [];
  return [`${title} (${lines.length}):`, ...lines.slice(0, PER_GROUP), ...more];
}

/** One block per verdict group; `withFailed` false when the alarm's own list already shows the failures. */
export function verdictGroups(summary: RunSummary, withFailed: boolean): string[] {
  const failed = withFailed ? capped('Failed', summary.failures.map((f) => `- ${f.vendor} › ${f.scenario} [${f.class}]${clauseText(f.clauses)}`)) : [];
  const groups = GROUPS.flatMap(([verdict, title]) =>
    capped(title, summary.verdicts.filter((v) => v.verdict === verdict).map((v) => `- ${v.vendor} › ${v.scenario}${clauseText(v.clauses)}${v.reason ? ` — ${v.reason}` : ''}`)),
  );
  return [...failed, ...groups];
}

export function monitorMessage(summary: RunSummary, decision: Decision, changes: readonly Change[], project = 'auth-contracts'): SlackMessage {
  const extra = [
    ...(changes.length > 0 ? ['Changes since the last night:', ...changeLines(changes)] : []),
    ...(decision.degraded.length > 0 ? ['Degraded (vendor unreachable, not a broken contract):', ...decision.degraded.map((d) => `- ${d.vendor}: ${d.notRun} not run, ${d.outageFailures} outage failures — ${d.cause}`)] : []),
    ...verdictGroups(summary, decision.level !== 'alarm'),
  ];
  const section = (text: string): SlackMessage['blocks'][number] => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2900) } });
  if (decision.level === 'alarm') {
    const base = slackMessage(summary, project);
    const lines = base.text.split('\n');
    const link = lines.pop() ?? '';
    const blocks = [...base.blocks];
    if (extra.length > 0) blocks.splice(blocks.length - 1, 0, section(extra.join('\n')));
    return { text: [...lines, ...extra, link].join('\n'), blocks };
  }
  const kinds = new Set(changes.map((c) => c.kind));
  const word = decision.level === 'degraded' ? 'DEGRADED' : kinds.has('degrading') ? 'DEGRADING' : kinds.has('recovered') ? 'RECOVERED' : 'passed';
  const vendors = decision.degraded.map((d) => d.vendor).join(', ');
  const head =
    decision.level === 'degraded'
      ? `${project} DEGRADED on ${summary.target}: ${vendors} unreachable; no contract alarm (${summary.totals.passed} passed, ${summary.totals.skipped} skipped)`
      : `${project} ${word} on ${summary.target}: every contract holds (${summary.totals.passed} passed, ${summary.totals.flaky} flaky)`;
  const link = summary.reportUrl ? `Report: ${summary.reportUrl}` : 'Report: see the run artefacts';
  return {
    text: [head, ...extra, link].join('\n'),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${project}: ${word.toLowerCase()} on ${summary.target}`.slice(0, 150) } },
      section(head),
      ...(extra.length > 0 ? [section(extra.join('\n'))] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: summary.reportUrl ? `<${summary.reportUrl}|Open the full report>` : link }] },
    ],
  };
}
