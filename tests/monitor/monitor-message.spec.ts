// The webhook message lists every verdict group of the night with its clauses, read from the
// typed summary; and the network facts come from summary.json's verdicts and judged answers.
import { expect, test } from '@playwright/test';
import { alarmClasses, decide } from '../../src/reporting/monitor/alarm-policy';
import { monitorMessage } from '../../src/reporting/monitor/monitor-message';
import { runFacts } from '../../src/reporting/monitor/run-facts';
import { emptySummary, type RunSummary, type VerdictEntry } from '../../src/reporting/summary/summary-model';

const verdict = (v: VerdictEntry['verdict'], scenario: string, clauses: string[], reason: string): VerdictEntry => ({ vendor: 'acme', scenario, verdict: v, clauses, reason });

function night(): RunSummary {
  const s = emptySummary('production', []);
  s.status = 'passed';
  s.verdicts = [
    verdict('inferred-warning', 'scheme word', ['auth.scheme-required'], 'only an inferred clause failed'),
    verdict('known-drift', 'expiry', ['token.expiry'], 'drift expiry-30d'),
    verdict('drift-resolved', 'idle', ['token.idle'], 'the drift clause held'),
    verdict('flaky-network', 'login', ['login.ok'], 'passed after 1 request retry (answered 503)'),
    verdict('not-run', 'refresh', ['token.refresh'], 'not run: vendor unreachable (preflight: GET ACME_BASE_URL got no answer in 3 attempts (last: timed out after 10000 ms))'),
  ];
  s.judged = [
    { vendor: 'acme', scenario: 'wrong password', account: 'acme/ACME_USER', judged: 1, maxPerRequest: 1 },
    { vendor: 'acme', scenario: 'unknown user', account: 'acme/(no configured account)', judged: 1, maxPerRequest: 1 },
  ];
  return s;
}

test('every verdict group appears with its clauses; a failure too when the message is no alarm', () => {
  const summary = night();
  summary.failures = [{ class: 'outage', vendor: 'acme', scenario: 'logout', clauses: ['logout.ok'], attempts: 1, message: 'outage: timed out' }];
  const facts = runFacts(summary);
  const decision = decide(summary, facts, alarmClasses(undefined));
  expect(decision.level).toBe('degraded');
  const text = monitorMessage(summary, decision, [{ kind: 'new-failure', key: 'acme › (vendor unreachable)' }]).text;
  for (const line of [
    'Failed (1):\n- acme › logout [outage] clause logout.ok',
    'Inferred warning (1):\n- acme › scheme word clause auth.scheme-required — only an inferred clause failed',
    'Known drift (1):\n- acme › expiry clause token.expiry — drift expiry-30d',
    'Drift resolved? (1):\n- acme › idle clause token.idle',
    'Flaky (network) (1):\n- acme › login clause login.ok — passed after 1 request retry (answered 503)',
    'Not run (degraded) (1):\n- acme › refresh clause token.refresh — not run: vendor unreachable (preflight',
  ]) {
    expect(text).toContain(line);
  }
});

test('the network facts are the summary verdicts and the judged answers per account', () => {
  const facts = runFacts(night());
  expect(facts.flakyNetwork).toEqual([{ vendor: 'acme', scenario: 'login', reason: 'passed after 1 request retry (answered 503)' }]);
  expect(facts.notRun.map((n) => n.scenario)).toEqual(['refresh']);
  expect(facts.judged).toEqual({ 'acme/ACME_USER': 1, 'acme/(no configured account)': 1 });
});

test('an alarm keeps its own failure list and adds the other groups once', () => {
  const summary = night();
  summary.status = 'failed';
  summary.failures = [{ class: 'contract', vendor: 'acme', scenario: 'login', clauses: ['login.ok'], attempts: 1, message: 'contract: status 500' }];
  const text = monitorMessage(summary, decide(summary, runFacts(summary), alarmClasses(undefined)), []).text;
  expect(text).toMatch(/^auth-contracts FAILED on production/);
  expect(text).not.toContain('Failed (1):');
  expect(text).toContain('- acme › login [contract] clause login.ok');
  expect(text).toContain('Known drift (1):');
});
