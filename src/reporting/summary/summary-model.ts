// The run summary as data: one row per vendor, each failure as a finding a person can act on,
// and the vendors' document findings. Built from Playwright's test tree after the run (the
// errors are already redacted by the redacting reporter, which runs first).
import type { TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { docLink } from '../document-links';
import { classifyFailure, type FailureClass } from './failure-class';

export interface VendorRow {
  vendor: string;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  findings: string[];
}

export interface FailureEntry {
  class: FailureClass;
  vendor: string;
  scenario: string;
  step?: string;
  clauses: string[];
  doc?: string; // "truedat-create-session.md § Request Body"
  docUrl?: string; // the published page, at that section
  section?: string;
  yaml?: string; // specs/<vendor>/<file>.yaml:<line>
  severity?: string;
  feature?: string;
  attempts: number;
  message: string; // the first lines, redacted
}

export interface RunSummary {
  status: 'passed' | 'failed';
  target: string;
  generatedAt: string;
  durationSeconds: number;
  totals: { passed: number; failed: number; flaky: number; skipped: number };
  vendors: VendorRow[];
  failures: FailureEntry[];
  flaky: FailureEntry[];
  /** Errors outside any test (a broken config, a crashed worker), first lines each. */
  runErrors: string[];
  reportUrl?: string;
}

const MAX_LINES = 14;
const YAML_REF = /\b(specs\/[\w./-]+\.ya?ml):(\d+)(?::\d+)?/;

/** The first lines of a message, without colours and without Playwright's call log. */
export function firstLines(message: string, max = MAX_LINES): string {
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\w*(?:Error|Failure): /, '').split('\n');
  const callLog = lines.findIndex((l) => /^\s*Call log:/.test(l));
  const kept = (callLog >= 0 ? lines.slice(0, callLog) : lines).map((l) => (l.length > 240 ? `${l.slice(0, 237)}...` : l));
  while (kept.length > 0 && !kept[kept.length - 1]?.trim()) kept.pop();
  return kept.length > max ? [...kept.slice(0, max), `... (${kept.length - max} more lines in the HTML report)`].join('\n') : kept.join('\n');
}

export function vendorOf(test: TestCase): string {
  // titlePath: root, project, file, then the describe titles; the first describe is the vendor.
  const describes = test.titlePath().slice(3, -1).filter(Boolean);
  const tag = test.tags.find((t) => t !== '@findings' && t !== '@smoke');
  return describes[0] ?? tag?.replace(/^@/, '') ?? '(no vendor)';
}

/** Annotation values of one type; a result repeats the test's static annotations, so dedupe. */
function annotationValues(test: TestCase, result: TestResult | undefined, type: string): string[] {
  const all = [...test.annotations, ...(result?.annotations ?? [])].filter((a) => a.type === type && a.description);
  return [...new Set(all.map((a) => a.description ?? ''))];
}

/** The innermost test.step that failed: the YAML step a person looks for. */
function failedStep(steps: readonly TestStep[]): string | undefined {
  for (const step of steps) {
    if (!step.error) continue;
    const inner = failedStep(step.steps);
    if (inner) return inner;
    if (step.category === 'test.step') return step.title;
  }
  return undefined;
}

export function failureEntry(test: TestCase, result: TestResult, attempts: number, docUrls: ReadonlyMap<string, string>): FailureEntry {
  const message = result.errors.map((e) => e.message ?? e.value ?? '').find(Boolean) ?? `test ${result.status}`;
  const one = (type: string): string | undefined => annotationValues(test, result, type)[0];
  const yamlFromMessage = YAML_REF.exec(message);
  return {
    class: classifyFailure(message),
    vendor: vendorOf(test),
    scenario: test.title,
    step: failedStep(result.steps),
    clauses: annotationValues(test, result, 'clause').flatMap((c) => c.split(/\s*,\s*/)),
    doc: one('doc'),
    docUrl: docLink(one('doc') ?? '', docUrls)?.url,
    section: one('section'),
    yaml: yamlFromMessage ? `${yamlFromMessage[1]}:${yamlFromMessage[2]}` : one('source'),
    severity: one('severity'),
    feature: one('feature'),
    attempts,
    message: firstLines(message),
  };
}

function isFindings(test: TestCase): boolean {
  return test.tags.includes('@findings');
}

export interface SummaryOptions {
  target: string;
  durationSeconds: number;
  runErrors: string[];
  docUrls: ReadonlyMap<string, string>; // document file -> published URL
}

export function buildSummary(tests: readonly TestCase[], options: SummaryOptions): RunSummary {
  const rows = new Map<string, VendorRow>();
  const row = (vendor: string): VendorRow => {
    let r = rows.get(vendor);
    if (!r) rows.set(vendor, (r = { vendor, passed: 0, failed: 0, flaky: 0, skipped: 0, findings: [] }));
    return r;
  };
  const failures: FailureEntry[] = [];
  const flaky: FailureEntry[] = [];
  for (const test of tests) {
    const r = row(vendorOf(test));
    const outcome = test.outcome();
    const last = test.results[test.results.length - 1];
    if (isFindings(test)) {
      r.findings.push(...annotationValues(test, last, 'finding'));
      if (outcome !== 'unexpected') continue; // findings never count, unless the test itself broke
    }
    if (outcome === 'expected') r.passed += 1;
    else if (outcome === 'skipped') r.skipped += 1;
    else if (outcome === 'flaky') {
      r.flaky += 1;
      const firstFailure = test.results.find((res) => res.status !== 'passed' && res.status !== 'skipped');
      if (firstFailure) flaky.push(failureEntry(test, firstFailure, test.results.length, options.docUrls));
    } else if (last) {
      r.failed += 1;
      failures.push(failureEntry(test, last, test.results.length, options.docUrls));
    }
  }
  const vendors = [...rows.values()].sort((a, b) => a.vendor.localeCompare(b.vendor));
  const sum = (key: 'passed' | 'failed' | 'flaky' | 'skipped'): number => vendors.reduce((n, v) => n + v[key], 0);
  const totals = { passed: sum('passed'), failed: sum('failed'), flaky: sum('flaky'), skipped: sum('skipped') };
  return {
    status: totals.failed > 0 || options.runErrors.length > 0 ? 'failed' : 'passed',
    target: options.target,
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round(options.durationSeconds * 10) / 10,
    totals,
    vendors,
    failures,
    flaky,
    runErrors: options.runErrors,
  };
}
