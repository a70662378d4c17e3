// Sharding gives the same totals as a single run: the contract suite against the sandbox runs
// once whole and once as two shards writing blob reports (BLOB_REPORT=1, as the nightly
// workflow does), the blobs are merged with `playwright merge-reports` through the project's
// reporters, and the merged JSON report and summary count what the single run counted.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RunSummary } from '../../src/reporting/summary/summary-model';
import { cleanEnv, freePort, ROOT, runChild, runPlaywright, tempDir } from './support/run-fixture';

interface Stats {
  expected: number;
  unexpected: number;
  flaky: number;
  skipped: number;
}

const stats = (reports: string): Stats => {
  const { expected, unexpected, flaky, skipped } = (JSON.parse(readFileSync(path.join(reports, 'results.json'), 'utf8')) as { stats: Stats }).stats;
  return { expected, unexpected, flaky, skipped };
};
const totals = (reports: string): RunSummary['totals'] => (JSON.parse(readFileSync(path.join(reports, 'summary.json'), 'utf8')) as RunSummary).totals;

test('two shards merged count the same tests as one run', async () => {
  test.setTimeout(480_000);
  const work = tempDir('sharding');
  // Faults make the comparison include failures, not only passes: two scenarios in two files, as
  // each failed test costs the child a new worker (docs/performance.md, "npm test").
  const env = { SANDBOX_FAULTS: 'truedat.wrong-password-403,clearlrs.username-not-echoed' };
  // The single run and the two shards each start a sandbox of their own, so they share no
  // state and run at the same time: the test takes one run's wall time instead of three.
  const shardRun = async (shard: number) => {
    const reports = path.join(work, `shard-${shard}`);
    const run = await runPlaywright(
      [`--shard=${shard}/2`, '--output', path.join(work, `shard-${shard}-results`)],
      { ...env, SANDBOX_PORT: String(await freePort()), BLOB_REPORT: '1' },
      reports,
    );
    return { run, reports };
  };
  const [single, ...shards] = await Promise.all([
    runPlaywright(['--output', path.join(work, 'single-results')], { ...env, SANDBOX_PORT: String(await freePort()) }, path.join(work, 'single')),
    shardRun(1),
    shardRun(2),
  ]);
  expect(single.code, single.stderr).toBe(1);

  const blobs = path.join(work, 'all-blobs');
  mkdirSync(blobs);
  for (const { run, reports } of shards) {
    expect(run.stdout, run.stderr).toMatch(/\d+ (passed|failed)/);
    const zips = readdirSync(path.join(reports, 'blob')).filter((f) => f.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    copyFileSync(path.join(reports, 'blob', zips[0] ?? ''), path.join(blobs, zips[0] ?? ''));
  }
  expect(readdirSync(blobs).sort()).toEqual(['report-1.zip', 'report-2.zip']);

  const merged = path.join(work, 'merged');
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const merge = await runChild([cli, 'merge-reports', '--config', path.join(ROOT, 'scripts', 'merge-reports.config.ts'), blobs], cleanEnv({ CI: '1', REPORTS_DIR: merged }));
  expect(merge.code, merge.stdout + merge.stderr).toBe(0);

  const one = stats(single.reports);
  expect(one.expected + one.unexpected).toBeGreaterThan(40);
  expect(one.unexpected).toBeGreaterThan(0);
  expect(stats(merged)).toEqual(one);
  expect(totals(merged)).toEqual(totals(single.reports));
  // The merged run also yields the other reports a person reads.
  for (const file of ['html/index.html', 'junit.xml', 'summary.md', 'allure-results/environment.properties']) {
    expect(readdirSync(path.dirname(path.join(merged, file)))).toContain(path.basename(file));
  }
});
