// Redaction at the source, proven with every built-in reporter: the contract suite runs with
// `--reporter=line,html,junit,json,blob` (so none of the project's reporters, the redacting one
// included, is there) and its blob is merged with `merge-reports --reporter=html,junit,json`.
// Known secrets are planted (environment overrides, which the sandbox reads too, so logins still
// work) in a passing run, a failing run (sandbox faults on, one of them echoing a password) and
// an outage run (a closed port behind Basic credentials). Every artefact file (inside the HTML
// report's embedded zip and the blob zips) and both processes' stdout and stderr must hold none
// of them in any encoding.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readSandboxEnv } from '../../sandbox/core/env';
import { ArtefactScanner, type ScanResult } from '../../src/reporting/scan/artefact-scanner';
import { basicHeaderPatterns, patternsFor, type NamedValue, type SecretPattern } from '../../src/redaction/secret-encodings';
import { ROOT, freePort } from './support/run-fixture';
import { htmlReportData, runWithBuiltInReporters, type CliRun } from './support/cli-reporters';

interface HtmlStep {
  title: string;
  location?: { file: string; line: number; column: number };
  error?: string;
  steps?: HtmlStep[];
}

/** Every contract step (a test.step titled "METHOD path — step name") of every test in the HTML report's data. */
function contractSteps(data: Record<string, unknown>): HtmlStep[] {
  const all: HtmlStep[] = [];
  const walk = (steps: HtmlStep[] = []): void => {
    for (const step of steps) {
      if (/^[A-Z]+ \S+ — /.test(step.title)) all.push(step);
      walk(step.steps);
    }
  };
  for (const [name, file] of Object.entries(data)) {
    if (name === 'report.json') continue;
    const tests = (file as { tests?: { results?: { steps?: HtmlStep[] }[] }[] }).tests ?? [];
    for (const t of tests) for (const result of t.results ?? []) walk(result.steps);
  }
  return all;
}

/** The text of a line of a YAML file named relative to generated/. */
function yamlLine(file: string, line: number): string {
  return readFileSync(path.join(ROOT, 'generated', file), 'utf8').split('\n')[line - 1] ?? '';
}

// Every character class that changes under some encoding: space, quote, backslash, colon, £.
const canary = (label: string): string => `Leak-${label}-${randomBytes(4).toString('hex')} "q"\\:£`;

const SECRETS: NamedValue[] = [
  { name: 'TRUEDAT_PASSWORD', value: canary('td') },
  { name: 'COUCHDROP_PASSWORD', value: canary('cd') },
  { name: 'CLEARLRS_API_SECRET', value: canary('cl') },
  { name: 'PERSONR_PASSWORD', value: canary('pr') },
  // The further accounts each lock chain logs in as (every chain at most 15 steps).
  { name: 'PERSONR_SECOND_PASSWORD', value: canary('pr2') },
  { name: 'TRUEDAT_SECOND_PASSWORD', value: canary('td2') },
  { name: 'TRUEDAT_THIRD_PASSWORD', value: canary('td3') },
  { name: 'COUCHDROP_SECOND_PASSWORD', value: canary('cd2') },
  // Made by the run itself; the workers send it to the sandbox's /__sandbox controls.
  { name: 'SANDBOX_CONTROL_TOKEN', value: randomBytes(24).toString('base64url') },
];
// The Basic user names beside those secrets, as the sandbox seeds them (env/sandbox.env).
const sandboxEnv = readSandboxEnv();
const USERS: NamedValue[] = [
  'TRUEDAT_USERNAME',
  'COUCHDROP_USERNAME',
  'CLEARLRS_API_KEY',
  'PERSONR_EMAIL',
  'PERSONR_SECOND_EMAIL',
  'TRUEDAT_SECOND_USERNAME',
  'TRUEDAT_THIRD_USERNAME',
  'COUCHDROP_SECOND_USERNAME',
].map((name) => {
  const value = sandboxEnv[name];
  if (!value) throw new Error(`env/sandbox.env has no ${name}`);
  return { name, value };
});
const PLANTED: Record<string, string> = Object.fromEntries(SECRETS.map((s) => [s.name, s.value]));
const PATTERNS: SecretPattern[] = SECRETS.flatMap((s) => [...patternsFor(s), ...basicHeaderPatterns(s, USERS)]);

function scan(cli: CliRun): ScanResult {
  const scanner = new ArtefactScanner(PATTERNS);
  for (const [label, child] of [['run', cli.run], ['merge-reports', cli.merge]] as const) {
    scanner.scanBuffer(Buffer.from(child.stdout), `${label} stdout`);
    scanner.scanBuffer(Buffer.from(child.stderr), `${label} stderr`);
  }
  return scanner.scanPaths([cli.dir]);
}

/** The artefact files a text occurs in (inside zips and data URLs too), relative to the run's folder. */
function filesWith(cli: CliRun, text: string): string[] {
  const found = new ArtefactScanner([{ name: 'evidence', encoding: text, bytes: Buffer.from(text) }]).scanPaths([cli.dir]);
  return [...new Set(found.hits.map((h) => path.relative(cli.dir, h.where).split('!')[0] ?? ''))].sort();
}

/** Every artefact the reporters write, in the run and in the merge. */
const ARTEFACTS = ['html/index.html', 'junit.xml', 'results.json', 'merged/html/index.html', 'merged/junit.xml', 'merged/results.json'];

function expectClean(cli: CliRun): void {
  expect(cli.merge.code, cli.merge.stderr).toBe(0);
  const result = scan(cli);
  expect(result.unreadable).toEqual([]);
  expect(result.membersScanned).toBeGreaterThan(0); // the HTML data and the blob zips were opened
  expect(result.hits.map((h) => `${path.relative(cli.dir, h.where)}: ${h.name} as ${h.encoding}`)).toEqual([]);
  // The search is not blind: the same patterns find a planted value in the same containers.
  const control = new ArtefactScanner(PATTERNS).scanBuffer(Buffer.from(JSON.stringify({ echoed: SECRETS[1]?.value })), 'control');
  expect(control.hits.some((h) => h.name === 'COUCHDROP_PASSWORD')).toBe(true);
}

test.describe.configure({ mode: 'parallel' });

test('a passing run of the whole suite leaves no planted secret with any built-in reporter', async () => {
  test.setTimeout(600_000);
  const cli = await runWithBuiltInReporters('passing', [], PLANTED);
  expect(cli.run.code, cli.run.stdout.slice(-3000)).toBe(0);
  expect(cli.run.stdout).toMatch(/\d+ passed/);
  expectClean(cli);
  expect(filesWith(cli, 'couchdrop')).toEqual(expect.arrayContaining(ARTEFACTS));
});

// The failing run is shared by the leak test and the location test (one run per worker).
let failingRun: Promise<CliRun> | undefined;
const failing = (): Promise<CliRun> =>
  // Traces on as well (the config has them off): they record every step, error and output.
  (failingRun ??= runWithBuiltInReporters('failing', ['--grep', '@couchdrop|@truedat', '--trace', 'on'], { ...PLANTED, SANDBOX_FAULTS: 'couchdrop.password-echoed,truedat.login-error-detail-changed' }));

test.describe('a failing run (sandbox faults, one echoing a password)', () => {
  test.describe.configure({ mode: 'default' });

  test('leaves no planted secret with any built-in reporter', async () => {
    test.setTimeout(600_000);
    const cli = await failing();
    expect(cli.run.code).toBe(1);
    expect(cli.run.stdout).toMatch(/\d+ failed[\s\S]*\d+ passed/);
    expectClean(cli);
    // The failure messages that name the echoed secret reached every artefact, as a placeholder.
    expect(filesWith(cli, 'must never hand back «COUCHDROP_PASSWORD»')).toEqual(expect.arrayContaining(ARTEFACTS));
    expect(filesWith(cli, 'must never hand back «COUCHDROP_PASSWORD»').some((f) => f.startsWith('blob/'))).toBe(true);
    expect(cli.run.stdout).toContain('must never hand back «COUCHDROP_PASSWORD»');
    expect(filesWith(cli, 'must never hand back «COUCHDROP_PASSWORD»').some((f) => f.endsWith('trace.zip'))).toBe(true);
  });

  test('the HTML report (run and merged) and the line reporter point each step at its YAML line', async () => {
    test.setTimeout(600_000);
    const cli = await failing();
    for (const html of ['html', 'merged/html']) {
      const steps = contractSteps(htmlReportData(path.join(cli.dir, html)));
      expect(steps.length, html).toBeGreaterThan(10);
      expect(steps.filter((s) => s.error).length, html).toBeGreaterThan(0);
      for (const step of steps) {
        // "../specs/couchdrop/authenticate.yaml" (relative to generated/): the YAML, at the step's `- name:` line.
        expect(step.location?.file, `${html}: ${step.title}`).toMatch(/^\.\.\/specs\/[a-z]+\/[\w-]+\.yaml$/);
        const line = yamlLine(step.location?.file ?? '', step.location?.line ?? 0);
        expect(line, `${html}: ${step.title}`).toContain(`name: ${step.title.split(' — ')[1] ?? ''}`);
      }
    }
    // line: each failure's "at" line is the YAML line of its first mismatch, as the record gives it.
    // Without colour and cursor codes (the reporter uses them when it believes it has a terminal).
    const plain = cli.run.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '\n');
    const failures = plain.split(/\n(?= {2}\d+\) )/).slice(1);
    expect(failures.length, plain.slice(0, 1500)).toBeGreaterThan(0);
    for (const failure of failures) {
      const first = /yaml: +(specs\/[a-z]+\/[\w-]+\.yaml:\d+)/.exec(failure)?.[1];
      expect(first, failure.slice(0, 400)).toBeDefined();
      expect(failure).toContain(`at ../${first}`);
      expect(failure).not.toMatch(/at [^\n]*generated\/[^\n]*\.spec\.ts:\d+/);
    }
  });
});

test('an outage run (a closed port behind Basic credentials) leaves no planted secret with any built-in reporter', async () => {
  test.setTimeout(600_000);
  const closed = await freePort();
  const env = { ...PLANTED, CLEARLRS_BASE_URL: `http://127.0.0.1:${closed}/clearlrs`, REQUEST_BACKOFF_MS: '20', REQUEST_BACKOFF_MAX_MS: '50' };
  const cli = await runWithBuiltInReporters('outage', ['--grep', '@clearlrs'], env);
  expect(cli.run.code).toBe(1);
  expect(cli.run.stdout).toMatch(/outage: connection refused/);
  expectClean(cli);
  expect(filesWith(cli, 'outage: connection refused')).toEqual(expect.arrayContaining(ARTEFACTS));
});
