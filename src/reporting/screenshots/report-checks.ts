// What a person must be able to see in each report, checked in a real browser: every vendor,
// the scenarios, and a failure's message once the failing scenario is opened. Each check saves
// a screenshot, so the result can be looked at, not only asserted.
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RunSummary } from '../summary/summary-model';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  screenshot?: string;
}

const TIMEOUT = 15_000;

/** The text a person would search for: the first line of the message, cut to a stable length. */
export function messageProbe(message: string): string {
  const first = (message.split('\n').find((l) => l.trim()) ?? '').trim();
  // Playwright prefixes thrown errors with "Error: "; the report shows the message without it.
  const text = first.startsWith('Error:') ? first.slice('Error:'.length).trim() : first;
  return text.slice(0, 60);
}

/** Scenarios worth finding on the overview page: every failure and flaky one, and one that passed. */
function expectedScenarios(summary: RunSummary): string[] {
  return [...new Set([...summary.failures, ...summary.flaky].map((f) => f.scenario))];
}

async function visible(page: Page, text: string): Promise<boolean> {
  try {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    return true;
  } catch {
    return false;
  }
}

async function check(page: Page, name: string, texts: readonly string[], shot: string, fullPage: boolean): Promise<CheckResult> {
  const missing: string[] = [];
  for (const text of texts) if (!(await visible(page, text))) missing.push(text);
  // An overview is judged by its first screen, as a person sees it; a failure page in full.
  // (Allure scrolls an inner container, not the window.)
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
  });
  await page.screenshot({ path: shot, fullPage });
  return {
    name,
    ok: missing.length === 0,
    detail: missing.length === 0 ? `shows ${texts.length} expected text(s)` : `does not show: ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
    screenshot: shot,
  };
}

export type ReportKind = 'playwright-html' | 'allure';

/** Overview page, then the first failing scenario opened, with a screenshot of each. */
export async function checkReport(page: Page, kind: ReportKind, url: string, summary: RunSummary, outDir: string): Promise<CheckResult[]> {
  const label = kind === 'allure' ? 'Allure report' : 'Playwright HTML report';
  await page.goto(url);
  const results: CheckResult[] = [];
  const overviewTexts = [...summary.vendors.map((v) => v.vendor), ...expectedScenarios(summary)];
  results.push(await check(page, `${label}: vendors and scenarios`, overviewTexts, path.join(outDir, `${kind}-overview.png`), false));

  const failure = summary.failures[0];
  if (!failure) return results;
  try {
    await page.getByText(failure.scenario).first().click({ timeout: TIMEOUT });
  } catch {
    results.push({ name: `${label}: open the failing scenario`, ok: false, detail: `could not click "${failure.scenario}"` });
    return results;
  }
  const texts = [failure.scenario, messageProbe(failure.message)];
  results.push(await check(page, `${label}: failure message of "${failure.scenario}"`, texts, path.join(outDir, `${kind}-failure.png`), true));
  return results;
}
