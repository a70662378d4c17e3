// The reporters every contract run writes, all under reports/. Owned by the reporting stage;
// playwright.config.ts only calls reporters().
import type { ReporterDescription } from '@playwright/test';

export function reporters(): ReporterDescription[] {
  return [
    [process.env.CI ? 'dot' : 'list'],
    ['html', { open: 'never', outputFolder: 'reports/html' }],
    ['junit', { outputFile: 'reports/junit.xml' }],
    ['json', { outputFile: 'reports/results.json' }],
  ];
}
