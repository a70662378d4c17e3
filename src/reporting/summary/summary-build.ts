// Builds the RunSummary from Playwright's test tree after the run. Every fact comes from a
// typed record a worker attached (records.ts) or from the suite's manifest: the class, the
// broken clauses and the YAML line of a failure, a verdict, the request retries. A failed test
// without a record (a test timeout, a crash outside the runtime) is classed by its status only.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { ANNOTATION, EVIDENCE_LEVELS, type Evidence, type FailureRecord } from '../../dsl/facts';
import type { SuiteManifest } from '../../dsl/manifest';
import { docLink } from '../document-links';
import { clauseDoc, clauseOf, evidenceOf } from '../manifest';
import { resultFacts } from '../records';
import { firstLines, type BrokenClause, type FailureEntry, type RunSummary, type VendorRow } from './summary-model';

const FINDINGS_TAG = '@findings';
const WARNING_VERDICTS = new Set(['inferred-warning', 'known-drift', 'flaky-network']);

export function vendorOf(test: TestCase): string {
  // titlePath: root, project, file, then the describe titles; the first describe is the vendor.
  return test.titlePath().slice(3, -1).find(Boolean) ?? '(no vendor)';
}

/** Annotation values of one type; a result repeats the test's static annotations, so dedupe. */
function annotationValues(test: TestCase, result: TestResult | undefined, type: string): string[] {
  const all = [...test.annotations, ...(result?.annotations ?? [])].filter((a) => a.type === type && a.description);
  return [...new Set(all.map((a) => a.description ?? ''))];
}

const at = (loc: { file: string; line: number }): string => `${loc.file}:${loc.line}`;

export function failureEntry(test: TestCase, result: TestResult, docUrls: ReadonlyMap<string, string>): FailureEntry {
  const record: FailureRecord | undefined = resultFacts(result).failures[0];
  const one = (type: string): string | undefined => annotationValues(test, result, type)[0];
  const doc = one(ANNOTATION.doc);
  const base = { vendor: vendorOf(test), scenario: test.title, doc, docUrl: doc ? docLink(doc, docUrls)?.url : undefined, severity: one(ANNOTATION.severity), feature: one(ANNOTATION.feature), attempts: test.results.length };
  if (record) {
    const yaml = record.mismatches[0]?.yaml ?? record.stepYaml;
    return { ...base, class: record.class, step: record.step, clauses: record.clauses, yaml: at(yaml), message: firstLines(record.message) };
  }
  // No record: the runtime never saw the cause. A test timeout is an answer that never came.
  const message = result.errors.map((e) => e.message ?? e.value ?? '').find(Boolean) ?? `test ${result.status}`;
  return { ...base, class: result.status === 'timedOut' ? 'outage' : 'config', clauses: annotationValues(test, result, ANNOTATION.clause), yaml: one(ANNOTATION.source), message: firstLines(message) };
}

export interface SummaryOptions {
  target: string;
  durationSeconds: number;
  runErrors: string[];
  manifest: SuiteManifest;
  docUrls: ReadonlyMap<string, string>; // document file -> published URL
}

type ClauseState = 'held' | 'warned' | 'failed';
const RANK: Record<ClauseState, number> = { held: 0, warned: 1, failed: 2 };

export function buildSummary(tests: readonly TestCase[], options: SummaryOptions): RunSummary {
  const rows = new Map<string, VendorRow>();
  const row = (vendor: string): VendorRow => {
    let r = rows.get(vendor);
    if (!r) {
      const clauses = Object.fromEntries(EVIDENCE_LEVELS.map((e) => [e, { held: 0, failed: 0, warned: 0 }])) as VendorRow['clauses'];
      rows.set(vendor, (r = { vendor, passed: 0, failed: 0, flaky: 0, skipped: 0, warned: 0, notRun: 0, clauses, findings: [] }));
    }
    return r;
  };
  const summary: Omit<RunSummary, 'status' | 'totals' | 'vendors'> = {
    target: options.target,
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round(options.durationSeconds * 10) / 10,
    failures: [],
    flaky: [],
    brokenClauses: [],
    verdicts: [],
    retries: [],
    judged: [],
    runErrors: options.runErrors,
  };
  const clauseStates = new Map<string, ClauseState>(); // "vendor\0clause"
  const setState = (vendor: string, clause: string, state: ClauseState): void => {
    const key = `${vendor}\0${clause}`;
    const now = clauseStates.get(key);
    if (now === undefined || RANK[state] > RANK[now]) clauseStates.set(key, state);
  };
  const broken = new Map<string, BrokenClause>();

  for (const test of tests) {
    const vendor = vendorOf(test);
    const r = row(vendor);
    const outcome = test.outcome();
    const last = test.results[test.results.length - 1];
    if (test.tags.includes(FINDINGS_TAG)) {
      r.findings.push(...annotationValues(test, last, 'finding'));
      if (outcome !== 'unexpected') continue; // findings never count, unless the test itself broke
    }
    const facts = last ? resultFacts(last) : { failures: [], attempts: [] };
    for (const j of facts.judged ?? []) summary.judged.push({ vendor, scenario: test.title, ...j });
    for (const a of facts.attempts) summary.retries.push({ vendor, scenario: test.title, step: a.step, request: a.request, retries: a.attempts.length, answered: a.answered });
    const verdict = facts.verdict;
    if (verdict && verdict.verdict !== 'failed') {
      summary.verdicts.push({ vendor, scenario: test.title, verdict: verdict.verdict, clauses: verdict.clauses, reason: verdict.reason, yaml: annotationValues(test, last, ANNOTATION.source)[0] });
    }
    const scenarioClauses = annotationValues(test, last, ANNOTATION.clause);
    if (verdict?.verdict === 'not-run') r.notRun += 1;
    else if (outcome === 'skipped') r.skipped += 1;
    else if (outcome === 'expected') {
      const warned = verdict !== undefined && WARNING_VERDICTS.has(verdict.verdict);
      if (warned) r.warned += 1;
      else r.passed += 1;
      for (const c of scenarioClauses) setState(vendor, c, warned && verdict.clauses.includes(c) ? 'warned' : 'held');
    } else if (outcome === 'flaky') {
      r.flaky += 1;
      const firstFailure = test.results.find((res) => res.status !== 'passed' && res.status !== 'skipped');
      if (firstFailure) summary.flaky.push(failureEntry(test, firstFailure, options.docUrls));
    } else if (last) {
      r.failed += 1;
      const entry = failureEntry(test, last, options.docUrls);
      summary.failures.push(entry);
      for (const c of entry.clauses) {
        setState(vendor, c, 'failed');
        const key = `${vendor}\0${c}`;
        const clause = clauseOf(options.manifest, vendor, c);
        const item = broken.get(key) ?? { vendor, clause: c, text: clause?.text ?? '', doc: clause ? clauseDoc(options.manifest, vendor, clause) : '', evidence: evidenceOf(clause), scenarios: [] };
        item.scenarios.push(test.title);
        broken.set(key, item);
      }
    }
  }
  for (const [key, state] of clauseStates) {
    const [vendor = '', id = ''] = key.split('\0');
    const evidence: Evidence = evidenceOf(clauseOf(options.manifest, vendor, id));
    row(vendor).clauses[evidence][state] += 1;
  }
  const vendors = [...rows.values()].sort((a, b) => a.vendor.localeCompare(b.vendor));
  const sum = (key: 'passed' | 'failed' | 'flaky' | 'skipped' | 'warned' | 'notRun'): number => vendors.reduce((n, v) => n + v[key], 0);
  const totals = { passed: sum('passed'), failed: sum('failed'), flaky: sum('flaky'), skipped: sum('skipped'), warned: sum('warned'), notRun: sum('notRun') };
  summary.brokenClauses = [...broken.values()].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.clause.localeCompare(b.clause));
  return { status: totals.failed > 0 || options.runErrors.length > 0 ? 'failed' : 'passed', totals, vendors, ...summary };
}
