// The data a generated spec file hands the runtime: its vendor (from vendor.yaml, without the
// parts only the loader needs) and, per test, the scenario's run-time facts. The compiler writes
// both as plain object literals; the step literals themselves are the model's StepSpec.
import type { Evidence } from '../dsl/facts';
import type { DriftMismatch } from '../dsl/model';

/** A drift entry of vendor.yaml as the compiler writes it into generated/<vendor>/vendor.ts. */
export interface DriftInfo {
  id: string;
  clause: string;
  /** "specs/truedat/vendor.yaml:120". */
  yaml: string;
  text: string;
  source: string;
  observed: readonly DriftMismatch[];
}

export interface VendorInfo {
  vendor: string;
  title: string;
  baseUrlVar: string;
  /** Base name -> variable, for a vendor whose steps name their base (vendor.yaml `bases:`). */
  bases?: Readonly<Record<string, string>>;
  variables: readonly { name: string; secret: boolean; optional: boolean }[];
  /** Each clause's evidence level in vendor.yaml; a clause not listed counts as documented. */
  evidence?: Readonly<Record<string, Evidence>>;
  /** The vendor's known-drift entries (runtime/verdict.ts). */
  drift?: readonly DriftInfo[];
  /** vendor.yaml `requestTimeoutMs:`; the environment overrides it (network/settings.ts). */
  requestTimeoutMs?: number;
}

export interface ScenarioInfo {
  name: string;
  /** "specs/truedat/create-session.yaml:12": where the scenario starts. */
  source: string;
  /** "truedat-create-session.md § Create a session to use truedat's API". */
  doc: string;
  /** The clause ids the scenario proves: those of an expectation or step that names none. */
  clauses: readonly string[];
  /** Every vendor variable the scenario's templates use (the base URL variable is implied). */
  variables: readonly string[];
  /** Needs the sandbox: `sandboxOnly: true` or a step with a clock offset. */
  sandboxOnly: boolean;
  /** Why a sandbox-only scenario needs the sandbox, for the skip reason. */
  sandboxReason?: string;
  production: { harmful: boolean; reason?: string; effect?: string };
  /** A deliberate wrong-password scenario: its requests are retried only when nothing judged the password. */
  noRetry?: boolean;
  /** `bodyLimitBytes:` the largest response body read; RESPONSE_BODY_LIMIT_BYTES otherwise. */
  bodyLimitBytes?: number;
}
