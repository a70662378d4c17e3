// The lockout budget: at most one judged wrong-password attempt per account per run. Several
// deliberate wrong-password scenarios (noRetry) log in as the same account (personr has three on
// PERSONR_EMAIL), so off the sandbox only one of them runs each night: the scenarios sharing an
// account take turns by date, in the order of their YAML, so each runs every n-th night. The
// others are skipped, saying which night they run. A claim file in the run's ledger folder is
// the hard stop behind the rotation: a second scenario (a Playwright retry, --repeat-each, a
// manifest older than the specs) that reaches the same account in the same run is skipped too.
// On the sandbox every scenario runs: the sandbox has no lockout, and the fault proofs need them.
//
//   LOCKOUT_BUDGET  auto (default): enforced on real targets, not on the sandbox or replay;
//                   on: enforced everywhere (the project's tests); off: never (a target with no lockout)
//   MONITOR_TODAY   the night the rotation counts (YYYY-MM-DD, default today in UTC)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { accountLabel } from '../../dsl/lockout';
import { MANIFEST_FILE, type ManifestScenario, type SuiteManifest } from '../../dsl/manifest';
import { ConfigError, type TargetEnv } from '../env';
import { contractsRoot, generatedDirOf } from '../paths';
import type { ScenarioInfo } from '../scenario-info';

const DAY_MS = 86_400_000;
export const LOCKOUT_RULE = 'lockout budget: one judged wrong password per account per run';

export function lockoutEnforced(env: Pick<TargetEnv, 'isSandbox' | 'target' | 'values'>): boolean {
  const raw = (env.values.LOCKOUT_BUDGET ?? 'auto').trim().toLowerCase() || 'auto';
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  if (raw !== 'auto') throw new ConfigError(`LOCKOUT_BUDGET must be auto, on or off; got "${raw}"`);
  return !env.isSandbox && env.target !== 'replay';
}

export interface LockoutTurn {
  /** "personr/PERSONR_EMAIL". */
  account: string;
  /** Why the scenario does not run tonight; undefined when it is its turn. */
  skip?: string;
}

/**
 * Whose turn it is tonight among the scenarios sharing this one's account; undefined when the
 * scenario spends no lockout budget. `scenarios` are the vendor's manifest entries.
 */
export function lockoutTurn(vendor: string, scenario: Pick<ScenarioInfo, 'name' | 'source'>, scenarios: readonly ManifestScenario[], env: Pick<TargetEnv, 'isSandbox' | 'values'>, today: string): LockoutTurn | undefined {
  const own = scenarios.find((s) => s.yaml === scenario.source && s.name === scenario.name)?.lockout;
  if (!own) return undefined;
  const account = accountLabel(vendor, own.variable);
  // A scenario that sends the account's credentials wrongly twice cannot fit one judged attempt.
  if ((own.requests ?? 1) > 1) return { account, skip: `${LOCKOUT_RULE} (${account}): this scenario sends ${own.requests} such requests; split it into one scenario per request to run it on a real target` };
  // Scenarios the gate skips on this target anyway would waste their nights: they take no turn.
  const allowHarmful = env.values.ALLOW_HARMFUL_SCENARIOS === '1';
  const runnable = (s: ManifestScenario): boolean => !!s.lockout && (!s.lockout.sandboxOnly || env.isSandbox) && (!s.lockout.harmful || allowHarmful || env.isSandbox);
  const turns = scenarios.filter((s) => s.lockout?.variable === own.variable && (s.lockout.requests ?? 1) === 1 && runnable(s));
  const index = turns.findIndex((s) => s.yaml === scenario.source && s.name === scenario.name);
  if (index < 0 || turns.length < 2) return { account };
  const day = Math.floor(nightOf(today) / DAY_MS);
  const tonight = day % turns.length;
  if (index === tonight) return { account };
  const wait = (index - tonight + turns.length) % turns.length;
  const night = new Date((day + wait) * DAY_MS).toISOString().slice(0, 10);
  return { account, skip: `${LOCKOUT_RULE} (${account}); "${turns[tonight]?.name}" has it tonight, this one runs on ${night} (every ${turns.length} nights)` };
}

function nightOf(today: string): number {
  const at = Date.parse(`${today}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(at)) throw new ConfigError(`MONITOR_TODAY must be a date such as 2026-12-02; got "${today}"`);
  return at;
}

const manifests = new Map<string, SuiteManifest | undefined>();

/** The vendor's scenarios in generated/manifest.json (read once per worker); [] when there is none. */
export function manifestScenarios(vendor: string, root = contractsRoot()): readonly ManifestScenario[] {
  const file = path.join(generatedDirOf(root), MANIFEST_FILE);
  if (!manifests.has(file)) manifests.set(file, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SuiteManifest) : undefined);
  return manifests.get(file)?.vendors.find((v) => v.vendor === vendor)?.scenarios ?? [];
}
