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
   * A security fault: a successful answer to `method path` hands back the secret `variable` the
   * request sent. Every scenario with such a step must go red, whatever its clauses say.
   */
  echoes?: { variable: string; method: string; path: string };
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
  /** Named faults, keyed by local name (e.g. "no-refresh-token"). */
  faults: Record<string, FaultSpec>;
  /** Accounts printed by `npm run sandbox` for integrators. */
  demoAccounts(env: VendorContext['env']): DemoAccount[];
  /** Registers the vendor's routes; called inside a Fastify plugin scoped to the prefix. */
  register(app: FastifyInstance, ctx: VendorContext): void;
  /** Forgets every issued token and credential (a fresh sandbox). */
  reset(): void;
}
