// `npm run screenshots`: looks at the reports as a person would. Serves reports/html (the
// Playwright HTML report) and reports/allure-report (from `npm run report`) on 127.0.0.1, opens
// each in real Chromium (Debian's package, driven by Playwright with executablePath), checks that
// the vendors, the scenarios and a failure's message render, and saves screenshots under
// reports/screenshots/. Every request that is not to 127.0.0.1 is blocked. Exit 1 when a check
// fails or a report is missing; REPORTS_DIR moves everything, CHROMIUM_PATH the browser.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { reportsDir } from '../src/reporting/reporters';
import { checkReport, type CheckResult, type ReportKind } from '../src/reporting/screenshots/report-checks';
import { serveFolder } from '../src/reporting/screenshots/static-server';
import type { RunSummary } from '../src/reporting/summary/summary-model';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function looksAt(browser: Browser, kind: ReportKind, folder: string, summary: RunSummary, outDir: string): Promise<CheckResult[]> {
  const server = await serveFolder(folder);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') return route.continue();
    blocked.push(hostname);
    return route.abort();
  });
  try {
    const results = await checkReport(await context.newPage(), kind, server.url, summary, outDir);
    if (blocked.length > 0) console.log(`  (${kind}: blocked requests to ${[...new Set(blocked)].join(', ')})`);
    return results;
  } finally {
    await context.close();
    await server.close();
  }
}

async function main(): Promise<number> {
  const reports = reportsDir();
  const html = path.join(reports, 'html');
  const allure = path.join(reports, 'allure-report');
  const summaryFile = path.join(reports, 'summary.json');
  const missing = [
    [path.join(html, 'index.html'), 'run the suite first: npx playwright test'],
    [summaryFile, 'run the suite first: npx playwright test'],
    [path.join(allure, 'index.html'), 'build the Allure report first: npm run report'],
  ].filter(([file]) => !existsSync(file ?? ''));
  for (const [file, hint] of missing) console.error(`screenshots: ${file} is missing; ${hint}`);
  if (missing.length > 0) return 1;
  if (!existsSync(CHROMIUM)) {
    console.error(`screenshots: Chromium not found at ${CHROMIUM}.`);
    console.error('  Install Debian\'s package:  apt-get update && apt-get install -y chromium');
    console.error('  (or point CHROMIUM_PATH at another Chromium binary)');
    return 1;
  }

  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
  const outDir = path.join(reports, 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results: CheckResult[] = [];
  try {
    results.push(...(await looksAt(browser, 'playwright-html', html, summary, outDir)));
    results.push(...(await looksAt(browser, 'allure', allure, summary, outDir)));
  } finally {
    await browser.close();
  }
  for (const r of results) {
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}${r.screenshot ? ` -> ${path.relative(process.cwd(), r.screenshot)}` : ''}`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`screenshots: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
