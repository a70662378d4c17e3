// The fault switchboard. A fault's full name is "<vendor>.<local name>"; it is switched on at
// start-up (SANDBOX_FAULTS=a.b,c.d) or at run time (PUT /__sandbox/faults), so one sandbox
// serves the whole "every clause can fail" run.
import type { FaultSwitch, VendorModule } from './vendor-module';

export class FaultBoard {
  private readonly on = new Set<string>();

  constructor(private readonly vendors: readonly VendorModule[]) {}

  /** Every fault the sandbox knows, as full names. */
  known(): string[] {
    return this.vendors.flatMap((v) => Object.keys(v.faults).map((f) => `${v.name}.${f}`)).sort();
  }

  /** Replaces the set of active faults; throws on a name the sandbox does not know. */
  set(names: readonly string[]): void {
    const known = new Set(this.known());
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length > 0) throw new Error(`unknown fault(s): ${unknown.join(', ')}`);
    this.on.clear();
    for (const n of names) this.on.add(n);
  }

  active(): string[] {
    return [...this.on].sort();
  }

  forVendor(vendor: string): FaultSwitch {
    return { isOn: (local) => this.on.has(`${vendor}.${local}`) };
  }
}
