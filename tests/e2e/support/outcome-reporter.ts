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
  /** What the test did, whatever it was expected to do: a fault round marks its expected red
   * scenarios with test.fail() (support/fault-child.config.ts), and they still count as failed. */
  status: 'passed' | 'failed' | 'skipped' | 'flaky';
  /** Whether the run expected it to fail (a fault round's plan), so a test can tell that the
   * expectations reached the workers. */
  expectedToFail: boolean;
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

// By the result's own status, not by test.outcome(): a test expected to fail that failed is
// "expected" to Playwright, and it is red here.
function statusOf(test: TestCase, result: TestResult): TestOutcome['status'] {
  if (test.outcome() === 'flaky') return 'flaky';
  if (result.status === 'passed' || result.status === 'skipped') return result.status;
  return 'failed'; // failed, timedOut, interrupted
}

export default class OutcomeReporter implements Reporter {
  private readonly file = process.env.OUTCOME_REPORT_FILE ?? '';

  onBegin(): void {
    if (!this.file) throw new Error('outcome-reporter: OUTCOME_REPORT_FILE is not set');
    writeFileSync(this.file, '');
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only the final attempt counts (child runs use --retries=0, so that is the only one).
    if (result.retry < test.retries && result.status !== test.expectedStatus && result.status !== 'skipped') return;
    const outcome: TestOutcome = {
      vendor: vendorOf(test),
      scenario: test.title,
      repeat: test.repeatEachIndex,
      status: statusOf(test, result),
      expectedToFail: test.expectedStatus === 'failed',
      message: result.errors.map((e) => e.message ?? '').find(Boolean) ?? '',
      failures: failuresOf(result),
    };
    appendFileSync(this.file, `${JSON.stringify(outcome)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
