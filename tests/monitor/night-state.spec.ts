// Notifications on change: new failure, one reminder a day, recovered once, degrading after three
// flaky nights; and the alarm policy's levels and exit codes.
import { expect, test } from '@playwright/test';
import { alarmClasses, decide, EXIT_CODE } from '../../src/reporting/monitor/alarm-policy';
import { compareNight, emptyState, markTold } from '../../src/reporting/monitor/night-state';
import { emptyFacts } from '../../src/reporting/monitor/run-facts';
import { emptySummary, type FailureEntry, type RunSummary } from '../../src/reporting/summary/summary-model';

const A = 'acme › login';

test('a failure is new until told; then one reminder a day, "since" its first day; then recovered once', () => {
  let night = compareNight(emptyState(), [A], [], '2026-12-01');
  expect(night.changes).toEqual([{ kind: 'new-failure', key: A }]);
  // Not delivered (no webhook): still new the next run.
  night = compareNight(night.next, [A], [], '2026-12-01');
  expect(night.changes).toEqual([{ kind: 'new-failure', key: A }]);
  let state = markTold(night.next, night.changes, '2026-12-01');
  night = compareNight(state, [A], [], '2026-12-01');
  expect(night.changes).toEqual([]); // told today already
  night = compareNight(night.next, [A], [], '2026-12-02');
  expect(night.changes).toEqual([{ kind: 'still-failing', key: A, since: '2026-12-01' }]);
  state = markTold(night.next, night.changes, '2026-12-02');
  night = compareNight(state, [], [], '2026-12-03');
  expect(night.changes).toEqual([{ kind: 'recovered', key: A }]);
  state = markTold(night.next, night.changes, '2026-12-03');
  expect(compareNight(state, [], [], '2026-12-04').changes).toEqual([]);
});

test('a failure nobody was told about recovers silently', () => {
  const night = compareNight(emptyState(), [A], [], '2026-12-01');
  expect(compareNight(night.next, [], [], '2026-12-02').changes).toEqual([]);
});

test('flaky three nights running is degrading; a clean night or a gap ends the streak', () => {
  let state = emptyState();
  for (const day of ['2026-12-01', '2026-12-02']) state = compareNight(state, [], [A], day).next;
  const third = compareNight(state, [], [A], '2026-12-03');
  expect(third.changes).toEqual([{ kind: 'degrading', key: A, nights: 3 }]);
  expect(compareNight(third.next, [], [A], '2026-12-05').changes).toEqual([]); // a gap: back to 1
  const clean = compareNight(third.next, [], [], '2026-12-04');
  expect(compareNight(clean.next, [], [A], '2026-12-05').changes).toEqual([]);
});

function summary(failures: Partial<FailureEntry>[], runErrors: string[] = []): RunSummary {
  const full = failures.map((f): FailureEntry => ({ class: 'contract', vendor: 'acme', scenario: 's', clauses: [], attempts: 1, message: 'm', ...f }));
  const empty = emptySummary('sandbox', runErrors);
  return { ...empty, generatedAt: '', totals: { ...empty.totals, failed: full.length }, failures: full };
}

test('the alarm policy: alarm classes alarm, outages and not-run degrade, the rest is quiet', () => {
  const alarmOn = alarmClasses(undefined);
  expect(alarmOn).toEqual(['contract', 'credentials']);
  expect(decide(summary([{ class: 'contract' }]), emptyFacts(), alarmOn).level).toBe('alarm');
  expect(decide(summary([{ class: 'credentials' }]), emptyFacts(), alarmOn).level).toBe('alarm');
  const down = decide(summary([{ class: 'outage', message: 'outage: timed out' }]), emptyFacts(), alarmOn);
  expect(down.level).toBe('degraded');
  expect(down.degraded).toEqual([{ vendor: 'acme', cause: 'outage: timed out', notRun: 0, outageFailures: 1 }]);
  const facts = { ...emptyFacts(), notRun: [{ vendor: 'acme', scenario: 'x', reason: 'not run: vendor unreachable' }] };
  expect(decide(summary([]), facts, alarmOn).level).toBe('degraded');
  expect(decide(summary([{ class: 'config' }]), emptyFacts(), alarmOn)).toMatchObject({ level: 'ok', quiet: [{ class: 'config' }] });
  expect(decide(summary([{ class: 'outage' }]), emptyFacts(), alarmClasses('contract,outage')).level).toBe('alarm');
  expect(decide(summary([], ['worker crashed']), emptyFacts(), alarmOn).level).toBe('alarm');
  expect(EXIT_CODE).toEqual({ ok: 0, alarm: 1, degraded: 2 });
  expect(() => alarmClasses('contract,bugs')).toThrow('MONITOR_ALARM_ON lists "bugs"; the classes are contract, outage, credentials, config');
});
