// The reporters every contract run writes, all under reports/ (or $REPORTS_DIR). Owned by the
// reporting stage; playwright.config.ts only calls reporters().
//
// Order matters: Playwright gives every reporter the same objects in list order, so the
// redacting reporter comes first and the others only ever see redacted errors, steps, output
// and attachments. Calling reporters() also redacts this process's console (see
// console-redaction.ts): the config is loaded by the runner and by every worker.
import path from 'node:path';
import type { ReporterDescription } from '@playwright/test';
import { installConsoleRedaction } from '../redaction/console-redaction';
import { sharedRunRedactor } from './redact/run-redactor';
import { PROJECT_ROOT } from './secrets/target-env';

/** Where reports go: $REPORTS_DIR (relative to the project root) or reports/. */
export function reportsDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.REPORTS_DIR || 'reports');
}

const own = (file: string): string => path.join(__dirname, file);

// Built on the first write, not when the config loads: a worker rarely prints, and building the
// run's redactor (every secret in every encoding) cost each worker about 30 ms at start. Every
// write still passes it, so nothing reaches the console unredacted.
const consoleRedactor = { redact: (text: string): string => sharedRunRedactor().redact(text) };

export function reporters(): ReporterDescription[] {
  installConsoleRedaction(consoleRedactor);
  const dir = reportsDir();
  const consoleReporter: ReporterDescription = [process.env.CI ? 'dot' : 'list'];
  // `--list` only prints titles; file reporters would overwrite the last run's reports with
  // "skipped" for every test (allure-playwright does exactly that).
  if (process.argv.includes('--list')) return [[own('redact/redacting-reporter.ts')], consoleReporter];
  const list: ReporterDescription[] = [
    [own('redact/redacting-reporter.ts')],
    consoleReporter,
    ['html', { open: 'never', outputFolder: path.join(dir, 'html') }],
    [own('junit/junit-reporter.ts'), { outputFile: path.join(dir, 'junit.xml') }],
    ['json', { outputFile: path.join(dir, 'results.json') }],
    [own('allure/contract-allure-reporter.ts'), { resultsDir: path.join(dir, 'allure-results') }],
    [own('summary/summary-reporter.ts'), { outputDir: dir }],
  ];
  // Sharded CI runs also write a blob report for `playwright merge-reports`; asking for it
  // here (not with --reporter=blob) keeps the redacting reporter in front of it.
  if (process.env.BLOB_REPORT === '1') list.push(['blob', { outputDir: path.join(dir, 'blob') }]);
  return list;
}
