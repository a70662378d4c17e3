// The data a generated spec file hands the runtime: its vendor (from vendor.yaml, without the
// parts only the loader needs) and, per test, the scenario's run-time facts. The compiler writes
// both as plain object literals; the step literals themselves are the model's StepSpec.

export interface VendorInfo {
  vendor: string;
  title: string;
  baseUrlVar: string;
  variables: readonly { name: string; secret: boolean; optional: boolean }[];
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
  production: { harmful: boolean; reason?: string };
}
