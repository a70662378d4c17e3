// Allure 3 configuration for `npm run report` (scripts/report.ts), which builds the HTML report
// from reports/allure-results into reports/allure-report with the `allure` npm package (no Java).
// History lives in one JSONL file, one line per generated report, so the trends show across
// nightly runs; CI carries that file from run to run. REPORTS_DIR moves everything (tests use it).
import path from 'node:path';
import { defineConfig } from 'allure';

const reports = path.resolve(import.meta.dirname, process.env.REPORTS_DIR || 'reports');

export default defineConfig({
  name: 'auth-contracts: vendor authentication contracts',
  output: path.join(reports, 'allure-report'),
  historyPath: path.join(reports, 'allure-history', 'history.jsonl'),
  historyLimit: 30,
  plugins: {
    awesome: {
      options: {
        reportName: 'auth-contracts',
        singleFile: false,
        reportLanguage: 'en',
        // vendor (parentSuite) -> endpoint (suite): the contract-labels listener sets both.
        groupBy: ['parentSuite', 'suite'],
      },
    },
  },
});
