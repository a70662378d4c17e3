// reports/junit.xml as CI dashboards read it, written from the typed records: a contract or
// credentials failure is a <failure>, an outage or a config problem an <error>, a skip carries
// its reason. Playwright's own junit reporter writes every failure alike and drops skip
// reasons, and offers no hook to say otherwise, hence this small writer.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter';
import { fileOfSource } from '../../replay/step-key';
import { resultFacts } from '../records';
import { sharedRunRedactor, type TextRedactor } from '../redact/run-redactor';

export interface JunitOptions {
  outputFile: string;
  redactor?: TextRedactor;
}

type Outcome = { kind: 'passed' } | { kind: 'skipped' | 'failure' | 'error'; type: string; message: string; detail: string };

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 forbids (terminal colour codes among them) are dropped.
const xml = (text: string): string => [...text].map((c) => XML_ESCAPES[c] ?? (c < ' ' && c !== '\n' && c !== '\t' ? '' : c)).join('');

export function outcomeOf(test: TestCase): Outcome {
  const last = test.results[test.results.length - 1];
  const status = test.outcome();
  if (status === 'expected' || status === 'flaky') return { kind: 'passed' };
  if (status === 'skipped') {
    const reason = [...test.annotations, ...(last?.annotations ?? [])].find((a) => a.type === 'skip')?.description ?? 'skipped';
    return { kind: 'skipped', type: 'skipped', message: reason, detail: '' };
  }
  const record = last ? resultFacts(last).failures[0] : undefined;
  if (record) {
    const kind = record.class === 'contract' || record.class === 'credentials' ? 'failure' : 'error';
    return { kind, type: record.class, message: `${record.class}: ${record.clauses.join(', ') || record.step}`, detail: record.message };
  }
  // No record: the runtime never saw the cause (a test timeout, a crash outside a step).
  const message = last?.errors.map((e) => e.message ?? '').find(Boolean) ?? `test ${last?.status ?? 'failed'}`;
  return { kind: 'error', type: last?.status === 'timedOut' ? 'outage' : 'unclassified', message: `test ${last?.status ?? 'failed'}`, detail: message };
}

/**
 * The scenario's YAML file (its `source` annotation without the line), else the spec's file name.
 * CI dashboards key a test's history by classname and name, and the compiler names every contract
 * spec by its rank (compile-suite.ts): a spec name would change whenever a rank did.
 */
export function classNameOf(test: TestCase): string {
  const source = test.annotations.find((a) => a.type === 'source')?.description;
  return source ? fileOfSource(source) : path.basename(test.location.file);
}

export default class JunitReporter implements Reporter {
  private suite: Suite | undefined;
  private readonly redactor: TextRedactor;

  constructor(private readonly options: JunitOptions) {
    this.redactor = options.redactor ?? sharedRunRedactor();
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onEnd(result: FullResult): void {
    const byVendor = new Map<string, TestCase[]>();
    for (const test of this.suite?.allTests() ?? []) {
      const vendor = test.titlePath().slice(3, -1).find(Boolean) ?? '(no vendor)';
      byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), test]);
    }
    const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const suites: string[] = [];
    for (const [vendor, tests] of [...byVendor].sort(([a], [b]) => a.localeCompare(b))) {
      const counts = { failures: 0, errors: 0, skipped: 0 };
      const cases: string[] = [];
      for (const test of tests) {
        const outcome = outcomeOf(test);
        const seconds = test.results.reduce((n, r) => n + r.duration, 0) / 1000;
        const name = test.titlePath().slice(3).filter(Boolean).join(' › ');
        const open = `    <testcase name="${xml(name)}" classname="${xml(classNameOf(test))}" time="${seconds.toFixed(3)}"`;
        if (outcome.kind === 'passed') {
          cases.push(`${open}/>`);
          continue;
        }
        if (outcome.kind === 'skipped') counts.skipped += 1;
        else if (outcome.kind === 'failure') counts.failures += 1;
        else counts.errors += 1;
        const tag = outcome.kind;
        const body = outcome.detail ? `>${xml(outcome.detail)}</${tag}>` : '/>';
        cases.push(`${open}>`, `      <${tag} type="${xml(outcome.type)}" message="${xml(outcome.message)}"${body}`, '    </testcase>');
      }
      totals.tests += tests.length;
      totals.failures += counts.failures;
      totals.errors += counts.errors;
      totals.skipped += counts.skipped;
      suites.push(`  <testsuite name="${xml(vendor)}" tests="${tests.length}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">`, ...cases, '  </testsuite>');
    }
    const head = `<testsuites name="auth-contracts" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${(result.duration / 1000).toFixed(3)}">`;
    mkdirSync(path.dirname(this.options.outputFile), { recursive: true });
    writeFileSync(this.options.outputFile, this.redactor.redact(['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join('\n')));
  }
}
