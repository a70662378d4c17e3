// The project's own tests (`npm test`): unit, golden and end-to-end tests, all plain Playwright
// tests with no browser. No webServer: the tests that need a sandbox start one in-process on a
// port of their own, so they never depend on (or disturb) a sandbox someone is running.
import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

// Playwright hands out files in project order, then path order. The files that run child
// contract suites for a minute or more go in a first project so they start first and the
// hundreds of short tests fill the workers in at the end, instead of one long file starting
// last and leaving a worker idle (summed test time in the last npm test, slowest first).
const STARTS_FIRST = [
  'e2e/fault-coverage.spec.ts',
  'monitor/network-faults.spec.ts',
  'reporting/reporter-leak.spec.ts',
  'reporting/secret-leak.spec.ts',
  'reporting/monitor.spec.ts',
  'reporting/sharding.spec.ts',
  'nocode/nocode.spec.ts',
].map((file) => path.join(__dirname, file));
// Golden case folders (golden/<case>/...) hold inputs, not tests; golden/*.spec.ts are tests.
const IGNORED = ['**/fixtures/**', '**/golden/*/**'];

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  testIgnore: IGNORED,
  projects: [
    { name: 'long', testMatch: STARTS_FIRST },
    { name: 'short', testIgnore: [...IGNORED, ...STARTS_FIRST] },
  ],
  outputDir: path.join(root, 'reports', 'self-test-results'),
  // CPU-bound (the end-to-end tests' child runs use every core themselves): one worker per core.
  workers: Math.max(2, availableParallelism()),
  // Test limits are guards against a hang, not speed checks (a benchmark is the place for
  // speed): 10x Playwright's default, so a two-core machine loaded with two CPU-bound processes
  // per core, where a test that starts a child run takes four to five times as long as idle,
  // fails nothing. Tests that run the whole contract suite in a child set their own, longer limits.
  timeout: 300_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: path.join(root, 'reports', 'self-test.json') }]],
  use: { trace: 'off' },
});
