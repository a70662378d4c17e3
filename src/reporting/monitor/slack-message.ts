// The notification the monitor posts when something still fails after retries: Slack-compatible
// JSON ({text, blocks}); `text` alone reads well in any webhook that takes Slack's format. It
// carries the verdict, one line per vendor, each failure with its class, clause, document
// section and YAML line, and the report link. Slack caps a section at 3000 characters and a
// message at 50 blocks, so long lists are cut with a pointer to the full report.
import type { FailureEntry, RunSummary } from '../summary/summary-model';

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

const MAX_FAILURE_BLOCKS = 15;
const SECTION_LIMIT = 2900;

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Slack's mrkdwn needs only &, < and > escaped. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function counts(s: RunSummary): string {
  const byClass = new Map<string, number>();
  for (const f of s.failures) byClass.set(f.class, (byClass.get(f.class) ?? 0) + 1);
  const classes = [...byClass].map(([c, n]) => `${n} ${c}`).join(', ');
  return `${s.totals.failed} failed${classes ? ` (${classes})` : ''}, ${s.totals.flaky} flaky, ${s.totals.passed} passed, ${s.totals.skipped} skipped`;
}

function failureText(f: FailureEntry): string {
  const doc = f.doc ? (f.docUrl ? `<${f.docUrl}|${esc(f.doc)}>` : esc(f.doc)) : undefined;
  const facts = [
    f.clauses.length > 0 ? `clause ${esc(f.clauses.join(', '))}` : undefined,
    doc,
    f.yaml ? `\`${esc(f.yaml)}\`` : undefined,
    f.step ? `step “${esc(f.step)}”` : undefined,
  ].filter(Boolean);
  const head = `*${esc(f.vendor)} › ${esc(f.scenario)}*  _${f.class}_\n${facts.join(' · ')}`;
  const body = `\n\`\`\`${esc(f.message.split('\n').slice(0, 8).join('\n'))}\`\`\``;
  return cut(head + body, SECTION_LIMIT);
}

export function slackMessage(s: RunSummary, project = 'auth-contracts'): SlackMessage {
  const verdict = `${project} ${s.status === 'failed' ? 'FAILED' : 'passed'} on ${s.target}: ${counts(s)}`;
  const link = s.reportUrl ? `Report: ${s.reportUrl}` : 'Report: see the run artefacts';
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(`${project}: ${s.totals.failed} failing on ${s.target}`, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: cut(esc(verdict), SECTION_LIMIT) } },
  ];
  const vendorLines = s.vendors.map((v) => `• *${esc(v.vendor)}*: ${v.failed} failed, ${v.flaky} flaky, ${v.passed} passed, ${v.skipped} skipped`);
  if (vendorLines.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(vendorLines.join('\n'), SECTION_LIMIT) } });
  blocks.push({ type: 'divider' });
  for (const f of s.failures.slice(0, MAX_FAILURE_BLOCKS)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: failureText(f) } });
  if (s.failures.length > MAX_FAILURE_BLOCKS) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `…and ${s.failures.length - MAX_FAILURE_BLOCKS} more failures in the report.` } });
  }
  for (const e of s.runErrors.slice(0, 3)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(`*Error outside any test*\n\`\`\`${esc(e)}\`\`\``, SECTION_LIMIT) } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.reportUrl ? `<${s.reportUrl}|Open the full report>` : esc(link) }] });

  const failureLines = s.failures.slice(0, 10).map((f) => `- ${f.vendor} › ${f.scenario} [${f.class}]${f.clauses.length ? ` clause ${f.clauses.join(', ')}` : ''}${f.yaml ? ` (${f.yaml})` : ''}`);
  const text = [verdict, ...failureLines, link].join('\n');
  return { text, blocks };
}
