// One run of the hand-written acme tests through reporters(), with one retry: every report
// kind is written, and the summary and the Allure results say what a person needs, per vendor
// and per failure (class, step, clause, document section, YAML line), with the findings beside.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RunSummary } from '../../src/reporting/summary/summary-model';
import { FIXTURE_CONFIG, runPlaywright, type FixtureRun } from './support/run-fixture';

interface AllureResult {
  name: string;
  status: string;
  labels: { name: string; value: string }[];
  links: { url: string; name?: string }[];
  steps: { name: string }[];
  testCaseId?: string;
  historyId?: string;
}

let run: FixtureRun;
let summary: RunSummary;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  run = await runPlaywright(['-c', FIXTURE_CONFIG, '--retries=1']);
  summary = JSON.parse(readFileSync(path.join(run.reports, 'summary.json'), 'utf8')) as RunSummary;
});

test('a run writes the HTML, JUnit, JSON and Allure reports and the summary', () => {
  expect(run.code, run.stdout + run.stderr).toBe(1);
  for (const file of ['html/index.html', 'junit.xml', 'results.json', 'summary.md', 'summary.json', 'allure-results/environment.properties']) {
    expect(existsSync(path.join(run.reports, file)), file).toBe(true);
  }
  const junit = readFileSync(path.join(run.reports, 'junit.xml'), 'utf8');
  expect(junit).toContain('name="acme › the vendor is reachable"');
  // The classname is the scenario's YAML file, not the spec's (ranked, renamed) file name.
  expect(junit).toContain('name="acme › the vendor is reachable" classname="specs/acme/sessions.yaml"');
  // Dashboards count <failure> as a broken contract and <error> as a crash or outage.
  expect(junit).toContain('<testsuite name="acme" tests="10" failures="3" errors="2" skipped="1">');
  expect(junit).toMatch(/name="acme › a rejected login is reported as a credentials failure"[^\n]*>\n\s*<failure type="credentials"/);
  expect(junit).toMatch(/name="acme › the vendor is reachable"[^\n]*>\n\s*<error type="outage"/);
  expect(junit).toMatch(/name="acme › a missing variable is a config failure"[^\n]*>\n\s*<error type="config"/);
  expect(junit).toContain('<skipped type="skipped" message="needs the sandbox clock"/>');
  const stats = (JSON.parse(readFileSync(path.join(run.reports, 'results.json'), 'utf8')) as { stats: Record<string, number> }).stats;
  expect(stats).toMatchObject({ expected: 3, unexpected: 5, flaky: 1, skipped: 1 });
  expect(readdirSync(path.join(run.reports, 'allure-results')).filter((f) => f.endsWith('-result.json')).length).toBeGreaterThanOrEqual(9);
});

test('the summary has one row per vendor and the findings beside it', () => {
  expect(summary.status).toBe('failed');
  expect(summary.vendors).toEqual([
    expect.objectContaining({ vendor: 'acme', passed: 1, warned: 1, failed: 5, flaky: 1, skipped: 1 }),
  ]);
  expect(summary.vendors[0]?.findings).toHaveLength(2);
  expect(summary.vendors[0]?.findings[0]).toContain('body-table-flat');
});

test('each failure carries its class, step, clause, document section and YAML line', () => {
  const byScenario = new Map(summary.failures.map((f) => [f.scenario, f]));
  expect(byScenario.get('the endpoint accepts the documented body')).toMatchObject({
    class: 'contract',
    vendor: 'acme',
    step: 'send the body',
    clauses: ['request.body'],
    yaml: 'specs/acme/sessions.yaml:30',
    feature: 'POST /api/sessions',
    attempts: 2,
  });
  expect(byScenario.get('the endpoint accepts the documented body')?.doc).toContain('acme-sessions.md § Request Body');
  expect(byScenario.get('the vendor is reachable')?.class).toBe('outage');
  expect(byScenario.get('a rejected login is reported as a credentials failure')).toMatchObject({ class: 'credentials', yaml: 'specs/acme/sessions.yaml:54' });
  expect(byScenario.get('a missing variable is a config failure')?.class).toBe('config');
  // noRetry: retries 0 wins over --retries, so a wrong-password request is sent once.
  expect(byScenario.get('a wrong password is refused once')?.attempts).toBe(1);
  expect(summary.flaky.map((f) => [f.scenario, f.class, f.attempts])).toEqual([['a transient outage passes on retry', 'outage', 2]]);
  // The message is the record's, not Playwright's (which carries the call log).
  expect(byScenario.get('the endpoint accepts the documented body')?.message).toBe('expect(response).toBeOK() failed');
});

test('broken clauses, verdicts that do not fail the run, and retries come from the typed records', () => {
  expect(summary.brokenClauses.map((c) => [c.clause, c.scenarios.length])).toEqual([
    ['login.wrong-password', 1],
    ['request.body', 1],
    ['session.created', 3],
  ]);
  expect(summary.verdicts).toEqual([expect.objectContaining({ verdict: 'inferred-warning', scenario: 'an inferred clause that did not hold only warns', clauses: ['token.inferred-lifetime'] })]);
  expect(summary.failures.map((f) => f.scenario)).not.toContain('an inferred clause that did not hold only warns');
  expect(summary.retries).toEqual([expect.objectContaining({ step: 'create the session', retries: 1, answered: true })]);
  expect(summary.vendors[0]?.clauses.documented).toEqual({ held: 0, failed: 3, warned: 1 });
});

test('summary.md reads as findings, failing vendors first', () => {
  const md = readFileSync(path.join(run.reports, 'summary.md'), 'utf8');
  expect(md).toMatch(/^# Contract run FAILED: 5 failed, 1 flaky, 1 warned, 1 passed, 1 skipped, 0 not run of 9 scenarios/);
  expect(md).toContain('| acme | 1 | 5 | 1 | 1 | 1 | 0 | 0/3/1 | 0/0/0 | 0/0/0 | 2 |');
  expect(md).toContain('## Broken clauses');
  expect(md).toContain('## Inferred clauses that did not hold (warnings)');
  expect(md).toContain('## Request retries');
  expect(md).toContain('## acme: 5 failed');
  expect(md).toContain('### Failed: a rejected login is reported as a credentials failure');
  expect(md).toContain('- **class:** credentials');
  expect(md).toContain('- **YAML:** specs/acme/sessions.yaml:54');
  expect(md).toContain('### Flaky, passed on retry: a transient outage passes on retry');
  expect(md).toContain('2 document finding(s) of acme');
});

test('Allure results carry vendor, endpoint, clause, severity and the document link', () => {
  const dir = path.join(run.reports, 'allure-results');
  const results = readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as AllureResult);
  const result = results.find((r) => r.name === 'the endpoint accepts the documented body' && r.status === 'failed');
  expect(result).toBeDefined();
  const labels = (name: string): string[] => (result?.labels ?? []).filter((l) => l.name === name).map((l) => l.value);
  expect(labels('epic')).toEqual(['acme']);
  expect(labels('parentSuite')).toEqual(['acme']);
  expect(labels('feature')).toEqual(['POST /api/sessions']);
  expect(labels('suite')).toEqual(['POST /api/sessions']);
  expect(labels('story')).toEqual(['request.body']);
  expect(labels('severity')).toEqual(['normal']);
  expect(labels('tag')).toContain('failure:contract');
  expect(result?.links.map((l) => l.url)).toContain('https://docs.acme.example/auth#create-a-session');
  // History is keyed by the scenario (allure-history.spec.ts): its retry shares the ids.
  const retried = results.filter((r) => r.name === result?.name);
  expect(retried.length).toBeGreaterThan(1);
  expect(new Set(retried.map((r) => `${r.testCaseId} ${r.historyId}`)).size).toBe(1);
  expect(result?.testCaseId).toBe(createHash('md5').update(`acme|specs/acme/sessions.yaml|${result?.name}`).digest('hex'));
  // The annotations became labels; none is left as a fake step.
  expect(result?.steps.map((s) => s.name).filter((n) => /^(source|doc|clause|severity|feature):/.test(n))).toEqual([]);

  const environment = readFileSync(path.join(dir, 'environment.properties'), 'utf8');
  expect(environment).toMatch(/^target=sandbox$/m);
  expect(environment).toMatch(/^TRUEDAT_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/truedat$/m);
  expect(environment).not.toMatch(/PASSWORD|SECRET/);
});
