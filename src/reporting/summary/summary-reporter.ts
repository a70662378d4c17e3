// Writes reports/summary.md and reports/summary.json when a run ends. Runs after the redacting
// reporter, and redacts once more before writing: the summary is what notifications carry.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';
import { documentUrls, readManifest } from '../manifest';
import { sharedRunRedactor, type TextRedactor } from '../redact/run-redactor';
import { targetName } from '../secrets/target-env';
import { renderSummaryMarkdown } from './summary-markdown';
import { buildSummary } from './summary-build';
import { firstLines } from './summary-model';

export interface SummaryReporterOptions {
  outputDir: string;
  redactor?: TextRedactor;
}

export default class SummaryReporter implements Reporter {
  private suite: Suite | undefined;
  private readonly runErrors: string[] = [];
  private readonly redactor: TextRedactor;

  constructor(private readonly options: SummaryReporterOptions) {
    this.redactor = options.redactor ?? sharedRunRedactor();
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onError(error: TestError): void {
    this.runErrors.push(firstLines(this.redactor.redact(error.message ?? error.value ?? 'unknown error')));
  }

  onEnd(result: FullResult): void {
    const summary = buildSummary(this.suite?.allTests() ?? [], {
      target: targetName(),
      durationSeconds: result.duration / 1000,
      runErrors: this.runErrors,
      manifest: readManifest(),
      docUrls: documentUrls(),
    });
    if (process.env.MONITOR_REPORT_URL) summary.reportUrl = process.env.MONITOR_REPORT_URL;
    // A run that ended early (interrupted, timed out, a web server that never started) has
    // failed even when no test has.
    if (result.status !== 'passed' && summary.status === 'passed') {
      summary.runErrors.push(`the run ended with status "${result.status}"`);
      summary.status = 'failed';
    }
    mkdirSync(this.options.outputDir, { recursive: true });
    const json = this.redactor.redact(JSON.stringify(summary, null, 2));
    writeFileSync(path.join(this.options.outputDir, 'summary.json'), `${json}\n`);
    writeFileSync(path.join(this.options.outputDir, 'summary.md'), this.redactor.redact(renderSummaryMarkdown(summary)));
  }
}
