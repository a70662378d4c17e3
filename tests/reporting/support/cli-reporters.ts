// Runs the contract suite with Playwright's built-in reporters chosen on the command line, so
// none of the project's reporters (the redacting one included) is in the list: whatever these
// reporters write is what the workers handed Playwright. One run writes line (stdout), html,
// junit, json and blob at once; the blob is then merged with `merge-reports` into html, junit
// and json again. Every artefact lands in one folder, for the scanner.
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { ROOT, cleanEnv, freePort, runChild, tempDir, type ChildRun } from './run-fixture';

const PLAYWRIGHT = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
export const BUILT_IN_REPORTERS = 'line,html,junit,json,blob';
export const MERGE_REPORTERS = 'html,junit,json';

export interface CliRun {
  dir: string; // every artefact of the run and of its merge
  run: ChildRun;
  merge: ChildRun;
}

const reporterFiles = (dir: string): Record<string, string> => ({
  PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(dir, 'html'),
  PLAYWRIGHT_HTML_OPEN: 'never',
  PLAYWRIGHT_JUNIT_OUTPUT_FILE: path.join(dir, 'junit.xml'),
  PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(dir, 'results.json'),
  PLAYWRIGHT_BLOB_OUTPUT_DIR: path.join(dir, 'blob'),
});

/** `playwright test <args> --reporter=line,html,junit,json,blob`, then merge-reports of its blob. */
export async function runWithBuiltInReporters(label: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  const dir = tempDir(`cli-${label}`);
  const base = { CI: '1', REPORTS_DIR: path.join(dir, 'project-reports'), SANDBOX_PORT: String(await freePort()), ...env };
  const run = await runChild(
    [PLAYWRIGHT, 'test', ...args, `--reporter=${BUILT_IN_REPORTERS}`, '--output', path.join(dir, 'test-results')],
    cleanEnv({ ...base, ...reporterFiles(dir) }),
  );
  const merged = path.join(dir, 'merged');
  const merge = await runChild(
    [PLAYWRIGHT, 'merge-reports', `--reporter=${MERGE_REPORTERS}`, path.join(dir, 'blob')],
    cleanEnv({ ...base, ...reporterFiles(merged) }),
  );
  // Kept beside the artefacts for a reader of a failed test (and scanned with them).
  writeFileSync(path.join(dir, 'run-stdout.txt'), run.stdout);
  return { dir, run, merge };
}

/**
 * The JSON files the HTML report embeds: index.html carries one base64 zip (report.json plus
 * one <fileId>.json per test file, each with its tests, results and steps).
 */
export function htmlReportData(htmlDir: string): Record<string, unknown> {
  const html = readFileSync(path.join(htmlDir, 'index.html'), 'latin1');
  const match = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(html);
  if (!match?.[1]) throw new Error(`${htmlDir}/index.html embeds no report data (no base64 zip)`);
  const members = unzipSync(Buffer.from(match[1], 'base64'));
  return Object.fromEntries(Object.entries(members).map(([name, bytes]) => [name, JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown]));
}

