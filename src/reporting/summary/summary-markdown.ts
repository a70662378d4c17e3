// reports/summary.md: what a person reads first in the morning. The verdict and the vendor
// table come first, then the broken clauses, then one section per vendor, failing vendors
// first: each failure as a finding (class, scenario, step, the clauses that broke, document
// section, YAML line, the message's first lines), then the flaky ones, with that vendor's
// document findings folded beneath; last the verdicts that do not fail a run and the retries.
import type { Verdict } from '../../dsl/facts';
import type { FailureEntry, RunSummary, VendorRow } from './summary-model';

const CLASS_HINT: Record<FailureEntry['class'], string> = {
  contract: 'the vendor answered, but not as its document promises',
  outage: 'no usable answer: connection, DNS, TLS, timeout, 5xx or 429',
  credentials: 'the configured credentials were refused where they should work',
  config: 'our configuration: a missing variable or a bad contract file',
};

const VERDICT_SECTIONS: readonly [Verdict, string][] = [
  ['inferred-warning', 'Inferred clauses that did not hold (warnings)'],
  ['known-drift', 'Known drift'],
  ['drift-resolved', 'Drift resolved?'],
  ['flaky-network', 'Flaky (network)'],
  ['not-run', 'Not run: vendor unreachable'],
];

function cell(text: string): string {
  return text.split('|').join('\\|').split('\n').join(' ');
}

function headline(s: RunSummary): string {
  const t = s.totals;
  const scenarios = t.passed + t.failed + t.flaky + t.skipped + t.warned + t.notRun;
  const counts = `${t.failed} failed, ${t.flaky} flaky, ${t.warned} warned, ${t.passed} passed, ${t.skipped} skipped, ${t.notRun} not run of ${scenarios} scenarios`;
  return s.status === 'passed' ? `# Contract run passed: ${counts}` : `# Contract run FAILED: ${counts}`;
}

function facts(f: FailureEntry): string[] {
  const lines = [`- **class:** ${f.class} (${CLASS_HINT[f.class]})`];
  if (f.step) lines.push(`- **step:** ${f.step}`);
  if (f.clauses.length > 0) lines.push(`- **clause:** ${f.clauses.join(', ')}`);
  if (f.doc) lines.push(`- **document:** ${f.docUrl ? `[${f.doc}](${f.docUrl})` : f.doc}`);
  if (f.yaml) lines.push(`- **YAML:** ${f.yaml}`);
  if (f.feature) lines.push(`- **endpoint:** ${f.feature}`);
  if (f.attempts > 1) lines.push(`- **attempts:** ${f.attempts}`);
  return lines;
}

function failureBlock(f: FailureEntry, kind: string): string[] {
  return [`### ${kind}: ${f.scenario}`, '', ...facts(f), '', '```text', f.message, '```', ''];
}

function vendorVerdict(v: VendorRow): string {
  if (v.failed > 0) return `${v.failed} failed`;
  if (v.flaky > 0) return `passed, ${v.flaky} flaky`;
  return `all ${v.passed} passed${v.warned ? `, ${v.warned} warned` : ''}${v.skipped ? `, ${v.skipped} skipped` : ''}`;
}

function vendorSection(s: RunSummary, v: VendorRow): string[] {
  const out = [`## ${v.vendor}: ${vendorVerdict(v)}`, ''];
  for (const f of s.failures.filter((x) => x.vendor === v.vendor)) out.push(...failureBlock(f, 'Failed'));
  for (const f of s.flaky.filter((x) => x.vendor === v.vendor)) out.push(...failureBlock(f, 'Flaky, passed on retry'));
  if (v.findings.length > 0) {
    // Folded, so the failures stay on the first screen; GitHub and most viewers render it.
    out.push(`<details><summary>${v.findings.length} document finding(s) of ${v.vendor} (reported, never failing the run)</summary>`, '');
    for (const finding of v.findings) out.push(`- ${cell(finding)}`);
    out.push('', '</details>', '');
  }
  return out;
}

function clauseCounts(v: VendorRow): string {
  return (['documented', 'observed', 'inferred'] as const).map((e) => `${v.clauses[e].held}/${v.clauses[e].failed}/${v.clauses[e].warned}`).join(' | ');
}

function brokenClauses(s: RunSummary): string[] {
  if (s.brokenClauses.length === 0) return [];
  const out = ['## Broken clauses', '', '| vendor | clause | evidence | promise | document section | scenarios |', '| --- | --- | --- | --- | --- | --- |'];
  for (const c of s.brokenClauses) out.push(`| ${cell(c.vendor)} | ${cell(c.clause)} | ${c.evidence} | ${cell(c.text)} | ${cell(c.doc)} | ${cell(c.scenarios.join('; '))} |`);
  return [...out, ''];
}

/** The summary's judged answers added up per account, in account order. */
export function judgedPerAccount(judged: RunSummary['judged']): { account: string; judged: number; scenarios: string[] }[] {
  const byAccount = new Map<string, { account: string; judged: number; scenarios: string[] }>();
  for (const j of judged) {
    const row = byAccount.get(j.account) ?? { account: j.account, judged: 0, scenarios: [] };
    row.judged += j.judged;
    row.scenarios.push(j.scenario);
    byAccount.set(j.account, row);
  }
  return [...byAccount.values()].sort((a, b) => a.account.localeCompare(b.account));
}

function otherVerdicts(s: RunSummary): string[] {
  const out: string[] = [];
  for (const [verdict, title] of VERDICT_SECTIONS) {
    const entries = s.verdicts.filter((v) => v.verdict === verdict);
    if (entries.length === 0) continue;
    out.push(`## ${title}`, '');
    for (const e of entries) {
      const clauses = e.clauses.length > 0 ? ` (${e.clauses.join(', ')})` : '';
      out.push(`- ${e.vendor} › ${e.scenario}${clauses}${e.reason ? `: ${cell(e.reason)}` : ''}${e.yaml ? ` — ${e.yaml}` : ''}`);
    }
    out.push('');
  }
  if (s.retries.length > 0) {
    out.push('## Request retries', '', '| vendor | scenario | step | request | retries | answered |', '| --- | --- | --- | --- | ---: | --- |');
    for (const r of s.retries) out.push(`| ${cell(r.vendor)} | ${cell(r.scenario)} | ${cell(r.step)} | ${cell(r.request)} | ${r.retries} | ${r.answered ? 'yes' : 'no'} |`);
    out.push('');
  }
  const accounts = judgedPerAccount(s.judged ?? []);
  if (accounts.length > 0) {
    out.push('## Judged wrong passwords per account (lockout budget)', '', '| account | judged | scenarios |', '| --- | ---: | --- |');
    for (const a of accounts) out.push(`| ${cell(a.account)} | ${a.judged} | ${cell(a.scenarios.join('; '))} |`);
    out.push('');
  }
  return out;
}

export function renderSummaryMarkdown(s: RunSummary): string {
  const out = [headline(s), ''];
  out.push(`Target **${s.target}**, finished ${s.generatedAt.replace('T', ' ').slice(0, 19)} UTC, ${s.durationSeconds} s.`);
  if (s.reportUrl) out.push(`Full report: ${s.reportUrl}`);
  out.push('');
  const byClass = new Map<string, number>();
  for (const f of s.failures) byClass.set(f.class, (byClass.get(f.class) ?? 0) + 1);
  if (byClass.size > 0) out.push(`Failures by class: ${[...byClass].map(([c, n]) => `${n} ${c}`).join(', ')}.`, '');

  out.push(
    '| vendor | passed | failed | flaky | warned | skipped | not run | clauses documented held/failed/warned | observed | inferred | document findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const v of s.vendors) out.push(`| ${cell(v.vendor)} | ${v.passed} | ${v.failed} | ${v.flaky} | ${v.warned} | ${v.skipped} | ${v.notRun} | ${clauseCounts(v)} | ${v.findings.length} |`);
  out.push('', ...brokenClauses(s));

  for (const e of s.runErrors) out.push('## Error outside any test', '', '```text', e, '```', '');
  const ordered = [...s.vendors].sort((a, b) => b.failed - a.failed || b.flaky - a.flaky || a.vendor.localeCompare(b.vendor));
  for (const v of ordered) out.push(...vendorSection(s, v));
  out.push(...otherVerdicts(s));
  return `${out.join('\n').trimEnd()}\n`;
}
