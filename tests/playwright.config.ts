// The project's own tests (`npm test`): unit, golden and end-to-end tests, all plain Playwright
// tests with no browser. No webServer: the tests that need a sandbox start one in-process on a
// port of their own, so they never depend on (or disturb) a sandbox someone is running.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  // Golden case folders (golden/<case>/...) hold inputs, not tests; golden/*.spec.ts are tests.
  testIgnore: ['**/fixtures/**', '**/golden/*/**'],
  outputDir: path.join(root, 'reports', 'self-test-results'),
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: path.join(root, 'reports', 'self-test.json') }]],
  use: { trace: 'off' },
});
