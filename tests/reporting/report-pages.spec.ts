// The HTML reports as a person meets them: `npm run report` builds the Allure report (Allure 3,
// no Java) and keeps history across runs, with no analytics call left in the page; then
// `npm run screenshots` opens both reports in real Chromium and checks that vendors,
// scenarios and a failure message render (skipped, saying why, when Chromium is missing).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_CONFIG, runPlaywright, runScript, type FixtureRun } from './support/run-fixture';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
let run: FixtureRun;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  run = await runPlaywright(['-c', FIXTURE_CONFIG]);
});

const historyLines = (): number => readFileSync(path.join(run.reports, 'allure-history', 'history.jsonl'), 'utf8').split('\n').filter(Boolean).length;

test('npm run report builds the Allure report and appends history on each run', async () => {
  test.setTimeout(180_000);
  const first = await runScript('report.ts', [], { REPORTS_DIR: run.reports });
  expect(first.code, first.stdout + first.stderr).toBe(0);
  expect(first.stdout).toContain('history: 1 run');
  expect(historyLines()).toBe(1);
  const second = await runScript('report.ts', [], { REPORTS_DIR: run.reports });
  expect(second.code, second.stdout + second.stderr).toBe(0);
  expect(historyLines()).toBe(2);

  const index = readFileSync(path.join(run.reports, 'allure-report', 'index.html'), 'utf8');
  expect(index).toContain('allureReportDataReady');
  expect(index).not.toContain('googletagmanager');
  expect(index).not.toContain('gtag(');
});

test('npm run report explains what to do when there are no results', async () => {
  const empty = await runScript('report.ts', [], { REPORTS_DIR: path.join(run.reports, 'nothing-here') });
  expect(empty.code).toBe(1);
  expect(empty.stderr).toContain('run the suite first (npx playwright test)');
});

test('npm run screenshots shows vendors, scenarios and a failure in both reports', async () => {
  test.skip(!existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
  test.setTimeout(180_000);
  const shots = await runScript('screenshots.ts', [], { REPORTS_DIR: run.reports });
  expect(shots.code, shots.stdout + shots.stderr).toBe(0);
  expect(shots.stdout).toContain('ok   Playwright HTML report: vendors and scenarios');
  expect(shots.stdout).toContain('ok   Playwright HTML report: failure message of');
  expect(shots.stdout).toContain('ok   Allure report: vendors and scenarios');
  expect(shots.stdout).toContain('ok   Allure report: failure message of');
  const dir = path.join(run.reports, 'screenshots');
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  expect(pngs).toEqual(['allure-failure.png', 'allure-overview.png', 'playwright-html-failure.png', 'playwright-html-overview.png']);
  for (const png of pngs) expect(statSync(path.join(dir, png)).size).toBeGreaterThan(10_000);
});

test('npm run screenshots says how to install Chromium when it is missing', async () => {
  const shots = await runScript('screenshots.ts', [], { REPORTS_DIR: run.reports, CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(shots.code).toBe(1);
  expect(shots.stderr).toContain('apt-get update && apt-get install -y chromium');
});
