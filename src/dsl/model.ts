// The contract model: what the loader produces from YAML and the compiler consumes.
// It imports nothing, so every stage can depend on it without dragging in another stage.
// Every node a user wrote carries a `loc` so that any error, at load, compile or run time,
// can point back at the YAML line that caused it.

/** A position in a source file; line and col are 1-based. */
export interface SourceLocation {
  file: string; // path relative to the project root, with forward slashes
  line: number;
  col: number;
}

/** A value that may contain `{{NAME}}` placeholders, rendered at run time. */
export type Template = string;

/** A JSON value whose strings may be templates. */
export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | TemplateValue[]
  | { [key: string]: TemplateValue };

// ---------------------------------------------------------------- vendor manifest

export interface VendorDocument {
  key: string; // how scenario files refer to it, e.g. "create-session"
  file: string; // file name in the vendor documentation set, e.g. "truedat-create-session.md"
  title: string;
  url?: string; // where the vendor published it
  loc: SourceLocation;
}

export interface VariableSpec {
  name: string; // e.g. TRUEDAT_PASSWORD
  description: string;
  secret: boolean; // redacted everywhere as «NAME»
  optional: boolean; // scenarios that use it are skipped (with a reason) when it is unset
  loc: SourceLocation;
}

/** How we know a clause holds for the real vendor (the same levels as facts.ts's Evidence). */
export type ClauseEvidence = 'documented' | 'observed' | 'inferred';

export interface ClauseSpec {
  id: string; // local to the vendor, e.g. "session.created"
  text: string; // the promise, in one sentence
  doc: string; // VendorDocument.key
  section: string; // heading of the section the promise comes from
  /** Every field of the clause as written (evidence, source...), for the manifest. */
  fields?: Record<string, unknown>;
  /** documented: the vendor document says so; observed: `source` shows it; inferred: from `from`. */
  evidence: ClauseEvidence;
  /** Where the real behaviour is shown (required for observed): a file at a tag, a page, a thread. */
  source?: string;
  /** What an inferred clause is inferred from (an RFC, a related page, the sandbox's choice). */
  from?: string;
  loc: SourceLocation;
}

/** How one mismatch must look for a failure to be the known drift: every given field must match. */
export interface DriftMismatch {
  path: string; // MismatchRecord.path, e.g. "body refresh_token", "status"
  keyword?: string; // MismatchRecord.keyword, e.g. "required", "pattern"
  /** The value the vendor sent (`absent: true` or `equals:` in YAML); JSON values compare deeply. */
  actual?: { absent: true } | { equals: unknown };
}

/** A clause reality is known to break: the failure it causes is reported, not alarmed. */
export interface DriftEntry {
  id: string; // unique within the vendor, e.g. refresh-token-cookie-only
  clause: string; // ClauseSpec.id
  finding?: string; // Finding.id it belongs to
  source: string; // where the real behaviour is shown
  version: string; // which versions of the service behave so
  text: string; // the behaviour actually observed, in words
  /** The mismatches the drift causes; a failure matches when every mismatch matches one of them. */
  observed: DriftMismatch[];
  loc: SourceLocation;
}

export type FindingSeverity = 'info' | 'minor' | 'major';

/** A place where a vendor document contradicts itself; reported, never failing the run. */
export interface Finding {
  id: string;
  doc: string; // VendorDocument.key
  section: string;
  severity: FindingSeverity;
  text: string; // what the document says in two places
  contract: string; // which reading the contract follows, and why
  loc: SourceLocation;
}

/** One of several base URLs of a vendor whose resources live on different hosts. */
export interface VendorBase {
  name: string; // what steps write in `base:`, e.g. "admin"
  variable: string; // e.g. NEXUDUS_ADMIN_BASE_URL
  loc: SourceLocation;
}

export interface VendorManifest {
  vendor: string; // lower-case id, also the folder name under specs/ and schemas/
  title: string; // display name
  baseUrlVar: string; // e.g. TRUEDAT_BASE_URL; for a vendor with `bases`, the first base's variable
  /** Named bases (vendor.yaml `bases:`); empty for a vendor with one `baseUrl`. */
  bases: VendorBase[];
  documents: VendorDocument[];
  variables: VariableSpec[];
  clauses: ClauseSpec[];
  findings: Finding[];
  /** Known drift (`drift:` in vendor.yaml); empty when the file has none. */
  drift: DriftEntry[];
  /** `requestTimeoutMs:` in vendor.yaml: one attempt's timeout for this vendor, when set. */
  requestTimeoutMs?: number;
  file: string;
  loc: SourceLocation;
}

// ---------------------------------------------------------------- scenarios

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export type AuthSpec =
  | { kind: 'basic'; username: Template; password: Template; scheme: string; loc: SourceLocation }
  | { kind: 'bearer'; token: Template; scheme: string; loc: SourceLocation }
  | { kind: 'header'; header: string; value: Template; loc: SourceLocation };

/** Form or multipart fields by name; a list sends the field once per value, in order. */
export type FormFields = Record<string, Template | Template[]>;

export type BodySpec =
  | { kind: 'json'; value: TemplateValue; loc: SourceLocation }
  | { kind: 'form'; fields: FormFields; loc: SourceLocation }
  | { kind: 'multipart'; fields: FormFields; loc: SourceLocation }
  | { kind: 'raw'; text: Template; loc: SourceLocation };

export interface RequestSpec {
  method: HttpMethod;
  path: Template; // appended to the vendor's base URL, keeping the base URL's own path prefix
  query: Record<string, Template>;
  headers: Record<string, Template>; // header names as written
  auth?: AuthSpec;
  body?: BodySpec;
  /** Sandbox only: the sandbox evaluates this request as if this many seconds had passed. */
  clockOffsetSeconds?: number;
  loc: SourceLocation;
}

/** Numeric comparisons: the value is greater than, less than, at least or at most `value`. */
export type OrderKind = 'greaterThan' | 'lessThan' | 'atLeast' | 'atMost';
export const ORDER_KINDS: readonly OrderKind[] = ['greaterThan', 'lessThan', 'atLeast', 'atMost'];

/** How one value (header, cookie, body field) must look. */
export type ValueMatcher =
  | { kind: 'equals'; value: TemplateValue; loc: SourceLocation }
  | { kind: 'notEquals'; value: TemplateValue; loc: SourceLocation }
  /** flags: JavaScript's letters i, m, s (case-insensitive, multi-line, dot matches newline). */
  | { kind: 'pattern'; pattern: string; flags?: string; loc: SourceLocation }
  /** value: a number, or a whole template ("{{first}}") naming a captured number. */
  | { kind: OrderKind; value: number | Template; loc: SourceLocation }
  | { kind: 'present'; loc: SourceLocation }
  | { kind: 'absent'; loc: SourceLocation };

export interface NamedMatcher {
  name: string; // header name (lower-cased), cookie name, or body path such as "response.token"
  matcher: ValueMatcher;
  /** The clauses this one expectation proves, when it says (`clauses:` beside the matcher). */
  clauses?: string[];
  /** Checked only when the response status is one of these (`whenStatus:` beside the matcher). */
  whenStatus?: number[];
  /** With whenStatus: the rule for every other status (`www-authenticate` absent unless 401). */
  otherwise?: ValueMatcher;
}

export interface ExpectSpec {
  /** clauses: those the status proves, when the file says (`status: {codes, clauses}`). */
  status?: { codes: number[]; clauses?: string[]; loc: SourceLocation };
  headers: NamedMatcher[];
  cookies: NamedMatcher[];
  schema?: { file: string; clauses?: string[]; loc: SourceLocation }; // file relative to schemas/, e.g. "truedat/session-created.json"
  body: NamedMatcher[]; // body paths
  loc: SourceLocation;
}

export type CaptureSource = 'body' | 'header' | 'cookie';

export interface CaptureSpec {
  name: string; // referred to as {{name}} by later steps
  from: CaptureSource;
  path: string; // body path, header name or cookie name
  secret: boolean; // captures are secret unless the file says otherwise
  loc: SourceLocation;
}

export type StepRole = 'setup';

export interface StepSpec {
  name: string;
  /** The VendorBase.name the request goes to; only for a vendor with `bases`. */
  base?: string;
  /**
   * `setup`: the client's own authentication, a precondition of what the scenario proves. Its
   * credentials refused (401/403 where it expects success) is a credentials failure, not contract.
   */
  role?: StepRole;
  request: RequestSpec;
  expect: ExpectSpec;
  captures: CaptureSpec[];
  /** The clauses this step's expectations prove, when the step says; else the scenario's. */
  clauses?: string[];
  loc: SourceLocation;
}

export type Severity = 'blocker' | 'critical' | 'normal' | 'minor' | 'trivial';

/** What running a scenario against a real vendor can do to the account behind it. */
export interface ProductionSafety {
  harmful: boolean; // skipped off the sandbox unless ALLOW_HARMFUL_SCENARIOS=1
  reason?: string; // shown in the skip, e.g. "re-issuing a token revokes the token a live integration uses"
  /** What a run does to a real account although it is not skipped, e.g. "revokes the live token". */
  effect?: string;
}

export interface Scenario {
  name: string;
  section: string; // vendor document section it checks
  doc: string; // VendorDocument.key (defaults to the file's doc)
  clauses: string[]; // ClauseSpec.id values this scenario proves
  tags: string[]; // without the leading @
  severity: Severity;
  lock?: string; // scenarios sharing a lock never run at the same time
  sandboxOnly: boolean; // needs the sandbox (clock offsets, seeded special accounts)
  production: ProductionSafety;
  /** Negative-credential scenarios are never retried: retries burn the vendor's lockout budget. */
  noRetry: boolean;
  /** `bodyLimitBytes:` the largest response body the scenario reads, when set. */
  bodyLimitBytes?: number;
  steps: StepSpec[];
  loc: SourceLocation;
}

export interface ContractFile {
  file: string; // e.g. specs/truedat/create-session.yaml
  vendor: string;
  feature: string; // the endpoint or capability, e.g. "POST /api/sessions"
  doc: string; // default VendorDocument.key for its scenarios
  scenarios: Scenario[];
  loc: SourceLocation;
}

/** Everything the loader read, already validated: the compiler's only input. */
export interface ContractSuite {
  vendors: VendorManifest[];
  files: ContractFile[];
}
