// What a finished run means for the people on call. MONITOR_ALARM_ON lists the failure classes
// that raise an alarm (default contract,credentials). A vendor that did not answer (its breaker
// opened and scenarios were not run, or outage failures while outage is not an alarm class) is
// degraded: a distinct message and exit code, not a broken contract. Errors outside any test
// always alarm: the run itself is broken.
//
// Exit codes: 0 every contract holds (flaky ones included), 1 alarm, 2 degraded only.
import { FAILURE_CLASSES, type FailureClass } from '../../dsl/facts';
import type { FailureEntry, RunSummary } from '../summary/summary-model';
import type { RunFacts } from './run-facts';

export type Level = 'ok' | 'degraded' | 'alarm';
export const EXIT_CODE: Record<Level, number> = { ok: 0, alarm: 1, degraded: 2 };
export const DEFAULT_ALARM_ON: readonly FailureClass[] = ['contract', 'credentials'];

export interface DegradedVendor {
  vendor: string;
  cause: string;
  notRun: number;
  outageFailures: number;
}

export interface Decision {
  level: Level;
  alarmOn: readonly FailureClass[];
  alarming: FailureEntry[];
  degraded: DegradedVendor[];
  /** Failures of classes that neither alarm nor degrade (config, when not listed). */
  quiet: FailureEntry[];
}

export function alarmClasses(raw: string | undefined): FailureClass[] {
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_ALARM_ON];
  const names = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !(FAILURE_CLASSES as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`MONITOR_ALARM_ON lists ${unknown.map((u) => `"${u}"`).join(', ')}; the classes are ${FAILURE_CLASSES.join(', ')}`);
  return names as FailureClass[];
}

export function decide(summary: RunSummary, facts: RunFacts, alarmOn: readonly FailureClass[]): Decision {
  const alarming = summary.failures.filter((f) => alarmOn.includes(f.class));
  const outages = alarmOn.includes('outage') ? [] : summary.failures.filter((f) => f.class === 'outage');
  const quiet = summary.failures.filter((f) => !alarmOn.includes(f.class) && f.class !== 'outage');
  const byVendor = new Map<string, DegradedVendor>();
  const vendorRow = (vendor: string, cause: string): DegradedVendor => {
    let row = byVendor.get(vendor);
    if (!row) byVendor.set(vendor, (row = { vendor, cause, notRun: 0, outageFailures: 0 }));
    return row;
  };
  for (const f of outages) vendorRow(f.vendor, f.message.split('\n')[0] ?? 'outage').outageFailures += 1;
  for (const n of facts.notRun) vendorRow(n.vendor, n.reason).notRun += 1;
  const degraded = [...byVendor.values()].sort((a, b) => a.vendor.localeCompare(b.vendor));
  const level: Level = alarming.length > 0 || summary.runErrors.length > 0 ? 'alarm' : degraded.length > 0 ? 'degraded' : 'ok';
  return { level, alarmOn, alarming, degraded, quiet };
}
