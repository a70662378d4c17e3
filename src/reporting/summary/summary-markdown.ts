// reports/summary.md: what a person reads first in the morning. The verdict and the vendor
// table come first; then one section per vendor, failing vendors first: each failure as a
// finding (class, scenario, step, clause, document section, YAML line, the message's first
// lines), then the flaky ones, with that vendor's document findings folded beneath.
import type { FailureEntry, RunSummary, VendorRow } from './summary-model';

const CLASS_HINT: Record<FailureEntry['class'], string> = {
  contract: 'the vendor answered, but not as its document promises',
  outage: 'no usable answer: connection, DNS, TLS, timeout, 5xx or 429',
  credentials: 'the configured credentials were refused where they should work',
  config: 'our configuration: a missing variable or a bad contract file',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function headline(s: RunSummary): string {
  const t = s.totals;
  const scenarios = t.passed + t.failed + t.flaky + t.skipped;
  const counts = `${t.failed} failed, ${t.flaky} flaky, ${t.passed} passed, ${t.skipped} skipped of ${scenarios} scenarios`;
  return s.status === 'passed' ? `# Contract run passed: ${counts}` : `# Contract run FAILED: ${counts}`;
}

function facts(f: FailureEntry): string[] {
  const lines = [`- **class:** ${f.class} (${CLASS_HINT[f.class]})`];
  if (f.step) lines.push(`- **step:** ${f.step}`);
  if (f.clauses.length > 0) lines.push(`- **clause:** ${f.clauses.join(', ')}`);
  const doc = [f.doc, f.section && !f.doc?.includes(f.section) ? `§ ${f.section}` : undefined].filter(Boolean).join(' ');
  if (doc) lines.push(`- **document:** ${f.docUrl ? `[${doc}](${f.docUrl})` : doc}`);
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
  return `all ${v.passed} passed${v.skipped ? `, ${v.skipped} skipped` : ''}`;
}

function vendorSection(s: RunSummary, v: VendorRow): string[] {
  const out = [`## ${v.vendor}: ${vendorVerdict(v)}`, ''];
  for (const f of s.failures.filter((x) => x.vendor === v.vendor)) out.push(...failureBlock(f, 'Failed'));
  for (const f of s.flaky.filter((x) => x.vendor === v.vendor)) out.push(...failureBlock(f, 'Flaky, passed on retry'));
  if (v.findings.length > 0) {
    // Folded, so the failures stay on the first screen; GitHub and most viewers render it.
    out.push(`<details><summary>${v.findings.length} document finding(s) of ${v.vendor} (reported, never failing the run)</summary>`, '');
    for (const finding of v.findings) out.push(`- ${finding.replace(/\n/g, ' ')}`);
    out.push('', '</details>', '');
  }
  return out;
}

export function renderSummaryMarkdown(s: RunSummary): string {
  const out = [headline(s), ''];
  out.push(`Target **${s.target}**, finished ${s.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}, ${s.durationSeconds} s.`);
  if (s.reportUrl) out.push(`Full report: ${s.reportUrl}`);
  out.push('');
  const byClass = new Map<string, number>();
  for (const f of s.failures) byClass.set(f.class, (byClass.get(f.class) ?? 0) + 1);
  if (byClass.size > 0) out.push(`Failures by class: ${[...byClass].map(([c, n]) => `${n} ${c}`).join(', ')}.`, '');

  out.push('| vendor | passed | failed | flaky | skipped | document findings |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const v of s.vendors) out.push(`| ${cell(v.vendor)} | ${v.passed} | ${v.failed} | ${v.flaky} | ${v.skipped} | ${v.findings.length} |`);
  out.push('');

  for (const e of s.runErrors) out.push('## Error outside any test', '', '```text', e, '```', '');
  const ordered = [...s.vendors].sort((a, b) => b.failed - a.failed || b.flaky - a.flaky || a.vendor.localeCompare(b.vendor));
  for (const v of ordered) out.push(...vendorSection(s, v));
  return `${out.join('\n').trimEnd()}\n`;
}
