// Decides, before a scenario sends anything, whether it may run on this target: sandbox-only
// and harmful scenarios are skipped off the sandbox, a vendor without a base URL is skipped on a
// real target, an unset optional variable skips, and an unset required variable is a
// configuration failure that names the variable and the file to set it in. On the sandbox, a
// vendor without a sandbox module skips (it runs against real targets and recordings only); on
// the replay target, a scenario without a recording skips.
import { checkBaseUrl } from './base-url-policy';
import { isRecorded, REPLAY_TARGET } from '../replay/recordings';
import { ConfigError, type TargetEnv } from './env';
import { hasSandboxModule } from './sandbox-modules';
import type { ScenarioInfo, VendorInfo } from './scenario-info';

/** What the gate looks up outside the scenario itself; tests substitute their own. */
export interface GateFacts {
  hasSandbox(vendor: string): boolean;
  isRecorded(vendor: string, scenario: ScenarioInfo): boolean;
}

const fromDisk: GateFacts = { hasSandbox: (v) => hasSandboxModule(v), isRecorded: (v, s) => isRecorded(v, s) };

/** The reason to skip, or undefined to run. Throws ConfigError for a missing required variable. */
export function skipReason(vendor: VendorInfo, scenario: ScenarioInfo, env: TargetEnv, facts: GateFacts = fromDisk): string | undefined {
  if (env.isSandbox && !facts.hasSandbox(vendor.vendor)) {
    return `${vendor.vendor} has no sandbox module (sandbox/${vendor.vendor}/): it runs against a real target (TARGET=production) or its recordings (TARGET=replay)`;
  }
  if (env.target === REPLAY_TARGET) {
    // A recording is what ran against the real target; what was skipped there has none.
    if (!facts.isRecorded(vendor.vendor, scenario)) {
      return `no recording of this scenario in recordings/${vendor.vendor}/: run \`npm run record -- --vendor ${vendor.vendor}\` against a real target`;
    }
  } else if (!env.isSandbox) {
    if (scenario.sandboxOnly) {
      return `sandbox only: ${scenario.sandboxReason ?? 'needs sandbox controls or accounts'}; TARGET=${env.target} is a real vendor`;
    }
    if (scenario.production.harmful && env.values.ALLOW_HARMFUL_SCENARIOS !== '1') {
      const why = scenario.production.reason || 'it changes the state of a real account';
      return `harmful on a real account: ${why} (set ALLOW_HARMFUL_SCENARIOS=1 to run it on TARGET=${env.target})`;
    }
  }
  const unsetBase = (vendor.bases ? Object.values(vendor.bases) : [vendor.baseUrlVar]).find((name) => !env.values[name]);
  if (unsetBase !== undefined) {
    if (!env.isSandbox) return `${vendor.vendor} is not configured for TARGET=${env.target}: ${unsetBase} is not set in ${env.file}`;
    throw new ConfigError(`${unsetBase} is not set: set it in ${env.file} (or the process environment)`);
  }
  checkBaseUrl(vendor, env);
  const missing: string[] = [];
  for (const name of scenario.variables) {
    if (env.values[name]) continue;
    const spec = vendor.variables.find((v) => v.name === name);
    if (spec?.optional) return `${name} is not set in ${env.file} (an optional variable this scenario needs)`;
    missing.push(name);
  }
  if (missing.length > 0) {
    const list = missing.join(', ');
    throw new ConfigError(`${list} ${missing.length === 1 ? 'is' : 'are'} not set: set ${missing.length === 1 ? 'it' : 'them'} in ${env.file} (or the process environment)`);
  }
  return undefined;
}
