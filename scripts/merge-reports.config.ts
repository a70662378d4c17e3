// Config for `playwright merge-reports --config scripts/merge-reports.config.ts <blob folder>`:
// the nightly merge job turns the shards' blob reports into one set of reports (HTML, JUnit,
// JSON, Allure results, summary), through the same reporters() as a single run.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { reporters } from '../src/reporting/reporters';

export default defineConfig({
  // File paths in the merged reports are shown relative to this, as in a direct run.
  testDir: path.join(__dirname, '..', 'generated'),
  reporter: reporters(),
});
