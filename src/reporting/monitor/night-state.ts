// The monitor's memory of the last nights (reports/monitor-state.json, or MONITOR_STATE; the
// nightly workflow carries it from one night to the next), so it notifies on change:
//   new failure     a failure nobody was told about yet (alarm)
//   still failing   at most one reminder a day, "still failing since <date>"
//   recovered       once, when a failure we told about no longer fails
//   degrading       a scenario flaky (a Playwright retry or request retries) 3 nights running
// A notice counts as told only once the webhook took it: a night without a webhook, or whose
// post failed, tells it again next time.
import { readFileSync } from 'node:fs';

export const DEGRADING_NIGHTS = 3;

export interface KeyState {
  since: string; // the first day it failed, YYYY-MM-DD
  told?: string; // the last day a message about it was delivered
}

export interface NightState {
  version: 1;
  failing: Record<string, KeyState>;
  /** Consecutive days flaky, and the last day counted. */
  flaky: Record<string, { nights: number; last: string; told?: string }>;
  /** Failures that recovered but whose recovery was not delivered yet. */
  recovered: string[];
}

export type ChangeKind = 'new-failure' | 'still-failing' | 'recovered' | 'degrading';

export interface Change {
  kind: ChangeKind;
  key: string; // "vendor › scenario"
  since?: string;
  nights?: number;
}

export function emptyState(): NightState {
  return { version: 1, failing: {}, flaky: {}, recovered: [] };
}

export function readState(file: string): NightState {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as NightState;
    return state.version === 1 ? { ...emptyState(), ...state } : emptyState();
  } catch {
    return emptyState();
  }
}

/** Tonight's changes against the state, and the state to keep (call `markTold` once delivered). */
export function compareNight(previous: NightState, failing: readonly string[], flaky: readonly string[], today: string): { changes: Change[]; next: NightState } {
  const next: NightState = { version: 1, failing: {}, flaky: {}, recovered: [] };
  const changes: Change[] = [];
  for (const key of [...new Set(failing)].sort()) {
    const before = previous.failing[key];
    next.failing[key] = { since: before?.since ?? today, told: before?.told };
    if (!before?.told) changes.push({ kind: 'new-failure', key });
    else if (before.told !== today) changes.push({ kind: 'still-failing', key, since: before.since });
  }
  const stillFailing = new Set(failing);
  const recovered = [...previous.recovered, ...Object.entries(previous.failing).filter(([key, s]) => s.told && !stillFailing.has(key)).map(([key]) => key)];
  for (const key of [...new Set(recovered)].filter((k) => !stillFailing.has(k)).sort()) {
    changes.push({ kind: 'recovered', key });
    next.recovered.push(key);
  }
  for (const key of [...new Set(flaky)].sort()) {
    const before = previous.flaky[key];
    const nights = !before ? 1 : before.last === today ? before.nights : before.last === dayBefore(today) ? before.nights + 1 : 1;
    next.flaky[key] = { nights, last: today, told: before?.told };
    if (nights >= DEGRADING_NIGHTS && before?.told !== today) changes.push({ kind: 'degrading', key, nights });
  }
  // A clean night drops the key, and a streak needs the day before: either ends a streak.
  return { changes, next };
}

/** Records that these changes were delivered today. */
export function markTold(state: NightState, changes: readonly Change[], today: string): NightState {
  for (const change of changes) {
    if (change.kind === 'recovered') state.recovered = state.recovered.filter((k) => k !== change.key);
    else if (change.kind === 'degrading') {
      const entry = state.flaky[change.key];
      if (entry) entry.told = today;
    } else {
      const entry = state.failing[change.key];
      if (entry) entry.told = today;
    }
  }
  return state;
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
