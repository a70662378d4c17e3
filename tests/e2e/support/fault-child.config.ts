// The config of a fault batch's child run (support/fault-rounds.ts): the contract suite's own
// playwright.config.ts, plus one thing. Before each test runs, the scenarios the batch's plan
// expects red in that test's round (its repeat) are marked expected to fail (testInfo.fail()).
//
// Why: Playwright stops a worker after every test that fails unexpectedly and starts a new one
// for the rest of the file, about 1 s of CPU each, and a fault batch has ~180 red scenarios.
// An expected failure keeps its worker. Nothing is judged by that mark: the outcome reporter
// records each test's actual status, and the fault-coverage test compares what went red with
// the plan exactly as before. A scenario marked but green counts as green (and, to Playwright,
// fails, restarting its worker as before).
//
// The hook: an option fixture given a function in the config's `use` runs as a fixture (as
// with test.use), and `testIdAttribute` is one that Playwright's own automatic per-test fixture
// (`_setupContextOptions`) depends on, so it runs before every test, hooks included. That is
// Playwright 1.65's wiring (pinned exactly); should it change, the fault-coverage test says so:
// it checks that every red scenario the plan expects arrived marked (TestOutcome.expectedToFail).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type TestInfo } from '@playwright/test';
import base from '../../../playwright.config';
import { EXPECTED_RED_ENV, expectedRedKey } from './expected-red';

function readPlan(): Set<string>[] {
  const file = process.env[EXPECTED_RED_ENV];
  if (!file) throw new Error(`fault-child.config.ts: ${EXPECTED_RED_ENV} is not set (support/fault-rounds.ts sets it)`);
  return (JSON.parse(readFileSync(file, 'utf8')) as string[][]).map((keys) => new Set(keys));
}

const plan = readPlan();

// The vendor is the outermost describe title (as the outcome reporter reads it); titlePath is
// [file, ...describes, title], so any describe title with the test's title makes the key.
function expectedRed(testInfo: TestInfo): boolean {
  const red = plan[testInfo.repeatEachIndex];
  return !!red && testInfo.titlePath.slice(1, -1).some((describe) => red.has(expectedRedKey(describe, testInfo.title)));
}

const markExpectedRed = async ({}, use: (value: string) => Promise<void>, testInfo: TestInfo): Promise<void> => {
  if (expectedRed(testInfo)) testInfo.fail(true, `the fault round of repeat ${testInfo.repeatEachIndex} expects this scenario red`);
  await use('data-testid'); // Playwright's default value of the option
};

// Paths in the base config that are relative resolve against the file that declares them.
const root = path.resolve(__dirname, '..', '..', '..');
const fromRoot = (file: string | undefined): string | undefined => (file && !path.isAbsolute(file) ? path.resolve(root, file) : file);

export default defineConfig(base, {
  globalSetup: fromRoot(base.globalSetup as string | undefined),
  globalTeardown: fromRoot(base.globalTeardown as string | undefined),
  // A function where a value is declared: the cast is the price of the hook described above.
  use: { testIdAttribute: markExpectedRed as unknown as string },
});
