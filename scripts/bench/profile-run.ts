// `npm run bench -- --profile`: runs the synthetic suite once more with V8's sampling profiler
// on (`node --cpu-prof`; Node 20 refuses it in NODE_OPTIONS, but Playwright forks its workers
// with the runner's execArgv, so the flag on the runner reaches every worker) and summarises
// where the CPU time went, per process role.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { mergeSummaries, summariseProfile, type ProfileSummary } from './cpu-profile';
import { assertPassed, runRunner } from './run-runner';

export interface ProfileReport {
  n: number;
  wallMs: number;
  profileDir: string;
  /** Every worker's profile merged: the per-test cost lives here. */
  workers: Omit<ProfileSummary, 'file' | 'role'>;
  runner: Omit<ProfileSummary, 'file' | 'role'>;
}

export async function profileRunner(projectRoot: string, suiteRoot: string, scratchDir: string, port: number, n: number, workers?: number): Promise<ProfileReport> {
  const profileDir = path.join(scratchDir, 'cpu-profiles');
  mkdirSync(profileDir, { recursive: true });
  const run = await runRunner({
    projectRoot,
    contractsRoot: suiteRoot,
    scratchDir,
    port,
    reporters: 'dot',
    workers,
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  assertPassed(run, n, `profiled run at N=${n}`);
  const summaries = readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summariseProfile(path.join(profileDir, f), projectRoot, 400));
  const pick = (role: ProfileSummary['role']): ProfileSummary[] => summaries.filter((s) => s.role === role);
  return { n, wallMs: run.wallMs, profileDir, workers: mergeSummaries(pick('worker'), 30), runner: mergeSummaries(pick('runner'), 30) };
}

export function profileText(report: ProfileReport): string {
  const lines: string[] = [];
  for (const [title, part] of [
    ['workers (all merged)', report.workers],
    ['runner process', report.runner],
  ] as const) {
    lines.push(``, `CPU profile, ${title}, N=${report.n}: ${(part.busyMs / 1000).toFixed(2)} s busy of ${(part.totalMs / 1000).toFixed(2)} s`, '');
    lines.push('| self time | share | where |', '| --- | --- | --- |');
    for (const o of part.byOrigin) lines.push(`| ${o.selfMs.toFixed(0)} ms | ${(o.share * 100).toFixed(1)}% | ${o.origin} |`);
    lines.push('', '| self time | share | function | origin |', '| --- | --- | --- | --- |');
    for (const f of part.top.slice(0, 20)) lines.push(`| ${f.selfMs.toFixed(0)} ms | ${(f.share * 100).toFixed(1)}% | \`${f.name}\` | ${f.origin} |`);
  }
  return lines.join('\n');
}
