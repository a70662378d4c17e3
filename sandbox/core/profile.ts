// Sandbox profiles. `documented` (the default) answers what each vendor's document promises, so
// every contract passes and every fault proves its clause. `observed` answers as the real service
// is known to answer where that differs from its document: each such difference is one entry of
// the vendor module's drift table, with the clause it affects and the public source that shows
// the real behaviour, and the code that implements it names that entry.
import type { DriftSpec, DriftSwitch, VendorModule } from './vendor-module';

export const SANDBOX_PROFILES = ['documented', 'observed'] as const;
export type SandboxProfile = (typeof SANDBOX_PROFILES)[number];

/** SANDBOX_PROFILE from the environment; unset means documented, anything else is an error. */
export function readProfile(env: Readonly<Record<string, string | undefined>>): SandboxProfile {
  const raw = env.SANDBOX_PROFILE?.trim() ?? '';
  if (raw === '') return 'documented';
  const found = SANDBOX_PROFILES.find((p) => p === raw.toLowerCase());
  if (!found) throw new Error(`SANDBOX_PROFILE must be one of ${SANDBOX_PROFILES.join(', ')}; got "${raw}"`);
  return found;
}

/** The switch a vendor module asks whether one of its drift entries applies to this sandbox. */
export function driftSwitch(vendor: Pick<VendorModule, 'drift'>, profile: SandboxProfile): DriftSwitch {
  return {
    profile,
    // A name that is not in the table never applies, so code cannot act on an undocumented drift.
    isObserved: (local) => profile === 'observed' && Object.hasOwn(vendor.drift ?? {}, local),
  };
}

/** Every vendor's drift table as one flat list, for docs and for the tests that compare it. */
export function driftTable(vendors: readonly Pick<VendorModule, 'name' | 'drift'>[]): (DriftSpec & { vendor: string; id: string })[] {
  return vendors.flatMap((v) => Object.entries(v.drift ?? {}).map(([id, spec]) => ({ vendor: v.name, id, ...spec })));
}
