// `npm run report`: builds the Allure HTML report from reports/allure-results into
// reports/allure-report with the Allure 3 command line from npm (no Java, offline), appending
// this run to reports/allure-history/history.jsonl so trends show (settings in allurerc.mjs).
// Then strips the analytics scripts Allure puts in every page. REPORTS_DIR moves all of it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripAnalyticsInTree } from '../src/reporting/allure/strip-analytics';
import { reportsDir } from '../src/reporting/reporters';
import { PROJECT_ROOT } from '../src/reporting/secrets/target-env';

function main(): number {
  const reports = reportsDir();
  const results = path.join(reports, 'allure-results');
  const output = path.join(reports, 'allure-report');
  const hasResults = existsSync(results) && readdirSync(results).some((f) => f.endsWith('-result.json'));
  if (!hasResults) {
    console.error(`report: no Allure results in ${path.relative(PROJECT_ROOT, results) || results}; run the suite first (npx playwright test)`);
    return 1;
  }
  const cli = path.join(PROJECT_ROOT, 'node_modules', 'allure', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'generate', results, '--config', path.join(PROJECT_ROOT, 'allurerc.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, REPORTS_DIR: reports },
    encoding: 'utf8',
  });
  if (run.status !== 0 || !existsSync(path.join(output, 'index.html'))) {
    console.error(`report: allure generate failed (exit ${run.status ?? 'signal'})\n${run.stdout}${run.stderr}`);
    return 1;
  }
  stripAnalyticsInTree(output);
  const historyFile = path.join(reports, 'allure-history', 'history.jsonl');
  const runs = existsSync(historyFile) ? readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).length : 0;
  console.log(`Allure report: ${path.relative(PROJECT_ROOT, output) || output}/index.html (history: ${runs} run${runs === 1 ? '' : 's'})`);
  console.log('Open it over HTTP, e.g. npx allure open reports/allure-report');
  return 0;
}

process.exitCode = main();
