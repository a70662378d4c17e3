// A reporter for the project's child contract runs: one line of JSON per test result, with what
// Playwright's JSON report leaves out: the repeat index (a fault run gives each fault a repeat,
// tests/e2e/support/fault-router.ts) and the failure records the runtime attached, so a test can
// check which clauses a failure names without parsing its message. The output file is
// OUTCOME_REPORT_FILE, which tests/e2e/support/run-contracts.ts sets for each run.
import { appendFileSync, writeFileSync } from 'node:fs';
import type { Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { ATTACHMENT, type FailureRecord } from '../../../src/dsl/facts';

export interface TestOutcome {
  vendor: string; // the outermost describe title
  scenario: string; // the test title
  repeat: number; // Playwright's repeatEachIndex
  status: 'passed' | 'failed' | 'skipped' | 'flaky';
  message: string; // first error message, if any
  failures: FailureRecord[]; // the contract-failure.json attachments of the last attempt
}

function vendorOf(test: TestCase): string {
  let vendor = '';
  for (let suite: Suite | undefined = test.parent; suite; suite = suite.parent) if (suite.type === 'describe' && suite.title) vendor = suite.title;
  return vendor;
}

function failuresOf(result: TestResult): FailureRecord[] {
  return result.attachments
    .filter((a) => a.name === ATTACHMENT.failure && a.body)
    .map((a) => JSON.parse(a.body?.toString('utf8') ?? '{}') as FailureRecord);
}

const STATUS: Record<ReturnType<TestCase['outcome']>, TestOutcome['status']> = { expected: 'passed', unexpected: 'failed', flaky: 'flaky', skipped: 'skipped' };

export default class OutcomeReporter implements Reporter {
  private readonly file = process.env.OUTCOME_REPORT_FILE ?? '';

  onBegin(): void {
    if (!this.file) throw new Error('outcome-reporter: OUTCOME_REPORT_FILE is not set');
    writeFileSync(this.file, '');
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only the final attempt counts (child runs use --retries=0, so that is the only one).
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    const outcome: TestOutcome = {
      vendor: vendorOf(test),
      scenario: test.title,
      repeat: test.repeatEachIndex,
      status: STATUS[test.outcome()],
      message: result.errors.map((e) => e.message ?? '').find(Boolean) ?? '',
      failures: failuresOf(result),
    };
    appendFileSync(this.file, `${JSON.stringify(outcome)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
