// The interface every vendor's sandbox module implements. The core server mounts each module
// under the path prefix of its base URL (from env/sandbox.env), gives it a clock that tests can
// move per request, and a switchboard of named faults that break exactly one contract clause.
import type { FastifyInstance } from 'fastify';

/** A deliberate deviation from the vendor's contract, switched on by name. */
export interface FaultSpec {
  /**
   * The clause id in specs/<vendor>/vendor.yaml that this fault breaks, or SECRET_ECHO_CLAUSE
   * for a security fault that breaks the runtime's own rule instead of a vendor's promise.
   */
  clause: string;
  /** What the sandbox does wrong while the fault is on, in one sentence. */
  description: string;
  /**
   * A security fault: a successful answer to `method path` hands back the secret the request sent,
   * one of `variables` (one per seeded account). Every scenario with such a step must go red,
   * whatever its clauses say.
   */
  echoes?: { variables: readonly string[]; method: string; path: string };
}

/**
 * One way the real service is known to differ from its document. The sandbox behaves this way
 * only under SANDBOX_PROFILE=observed; vendor.yaml carries the matching known-drift entry.
 */
export interface DriftSpec {
  /** The clause id in specs/<vendor>/vendor.yaml whose promise the real service breaks. */
  clause: string;
  /** What the document (and the documented profile) says, in one sentence. */
  documented: string;
  /** What the real service does instead, in one sentence. */
  observed: string;
  /** Where the real behaviour is shown: a source file at a tag or commit, or a vendor page. */
  source: string;
}

export interface DriftSwitch {
  /** The profile the sandbox runs under. */
  profile: 'documented' | 'observed';
  /** True when the profile is observed and `localId` is an entry of the vendor's drift table. */
  isObserved(localId: string): boolean;
}

/** The runtime's rule that no response hands back a submitted secret (src/runtime/secret-echo.ts). */
export const SECRET_ECHO_CLAUSE = 'security.no-secret-echo';

export interface SandboxClock {
  /** Milliseconds since the epoch as the vendor sees this request (honours x-sandbox-clock-offset). */
  now(request: { headers: Record<string, string | string[] | undefined> }): number;
}

export interface FaultSwitch {
  /** True while the vendor's fault with this local name is switched on. */
  isOn(localName: string): boolean;
}

export interface VendorContext {
  /** The values of env/sandbox.env, overridden by the process environment. */
  env: Readonly<Record<string, string | undefined>>;
  clock: SandboxClock;
  faults: FaultSwitch;
  /** Which of the vendor's drift entries apply (none under the documented profile). */
  drift: DriftSwitch;
  /** For a vendor with `bases`: the base this registration serves (one registration per base). */
  base?: string;
}

export interface DemoAccount {
  label: string;
  username: string;
  password: string;
}

export interface VendorModule {
  /** Lower-case vendor id, the same as specs/<vendor>/. */
  name: string;
  /** The variable whose URL path becomes this vendor's prefix, e.g. TRUEDAT_BASE_URL. */
  baseUrlVar: string;
  /**
   * Several hosts (vendor.yaml `bases:`): base name -> the variable whose URL path is its prefix.
   * register() is then called once per base, with ctx.base saying which; baseUrlVar is ignored.
   */
  bases?: Record<string, string>;
  /** Named faults, keyed by local name (e.g. "no-refresh-token"). */
  faults: Record<string, FaultSpec>;
  /** Known differences between the document and the real service, keyed by local id. */
  drift?: Record<string, DriftSpec>;
  /** Accounts printed by `npm run sandbox` for integrators. */
  demoAccounts(env: VendorContext['env']): DemoAccount[];
  /** Registers the vendor's routes; called inside a Fastify plugin scoped to the prefix. */
  register(app: FastifyInstance, ctx: VendorContext): void;
  /** Forgets every issued token and credential (a fresh sandbox). */
  reset(): void;
}
