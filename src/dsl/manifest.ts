// generated/manifest.json: the facts of the compiled suite that the runner-side tools need
// (reporting, the secret scanner, the monitor), written by the compiler next to the specs it
// describes. Those tools read this and nothing else: no YAML, no spec files. Types only.

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** A clause as written in vendor.yaml: id, text, doc, section, and any other field it has (evidence, source...). */
export interface ManifestClause {
  id: string;
  text: string;
  doc: string;
  section: string;
  /** "specs/truedat/vendor.yaml:40". */
  yaml: string;
  [field: string]: unknown;
}

export interface ManifestScenario {
  name: string;
  /** "specs/truedat/create-session.yaml:12". */
  yaml: string;
  /** The generated spec that holds it, relative to generated/: "0-serial/05-truedat-api-user.spec.ts". */
  spec: string;
  clauses: string[];
  tags: string[];
  lock?: string;
  /**
   * A deliberate wrong-password scenario that logs in as a configured account (lockout.ts): the
   * account's variable, and whether the scenario is skipped off the sandbox anyway. The runtime
   * rotates the scenarios sharing an account so only one judges a wrong password per run.
   */
  lockout?: { variable: string; harmful?: true; sandboxOnly?: true; /** When more than one request logs in as it. */ requests?: number };
}

export interface ManifestVendor {
  vendor: string;
  title: string;
  baseUrlVar: string;
  /** Every variable holding one of the vendor's base URLs (one, or one per named base). */
  baseUrlVars: string[];
  /** vendor.yaml `requestTimeoutMs:`, when set (the monitor's preflight uses it). */
  requestTimeoutMs?: number;
  documents: { key: string; file: string; title: string; url?: string }[];
  variables: { name: string; secret: boolean; optional: boolean }[];
  /** Names of the variables marked secret. */
  secretVariables: string[];
  /** Request headers that carry credentials (`auth: {header: ...}` in any contract), lower case. */
  credentialHeaders: string[];
  clauses: ManifestClause[];
  findings: { id: string; doc: string; section: string; severity: string; text: string }[];
  scenarios: ManifestScenario[];
  locks: string[];
  tags: string[];
}

export interface SuiteManifest {
  version: typeof MANIFEST_VERSION;
  vendors: ManifestVendor[];
}
