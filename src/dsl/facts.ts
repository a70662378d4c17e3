// The facts that cross the seam from the compiler and the runtime (in the workers) to reporting
// (in the runner): annotation types, attachment names and the typed records they carry. Both
// sides import these names from here, so no stage learns a fact by parsing another's text.
// Like model.ts it imports nothing but types.
import type { SourceLocation } from './model';

/** How we know a clause holds for the real vendor. */
export type Evidence = 'documented' | 'observed' | 'inferred';
export const EVIDENCE_LEVELS: readonly Evidence[] = ['documented', 'observed', 'inferred'];

/**
 * Whom to call when a scenario fails:
 *   contract     the vendor answered, wrongly: a finding about the vendor
 *   outage       no usable answer: refused, reset, DNS, TLS, timeout, 5xx, 429
 *   credentials  the configured credentials were refused where they should work
 *   config       our side: a missing variable, a bad base URL, a bad contract file
 */
export type FailureClass = 'contract' | 'outage' | 'credentials' | 'config';
export const FAILURE_CLASSES: readonly FailureClass[] = ['contract', 'outage', 'credentials', 'config'];

/**
 * What a scenario's result means for the people on call, beyond Playwright's own status:
 *   failed           a documented or observed clause broke (or any clause on the sandbox / STRICT=1)
 *   inferred-warning only inferred clauses broke, off the sandbox: reported, does not fail the run
 *   known-drift      only known-drift clauses broke, in the way their drift entry describes
 *   drift-resolved   a known-drift clause held: the drift entry may be obsolete
 *   flaky-network    passed, but only thanks to request-level retries
 *   not-run          not run because the vendor was unreachable (circuit breaker open)
 */
export type Verdict = 'failed' | 'inferred-warning' | 'known-drift' | 'drift-resolved' | 'flaky-network' | 'not-run';

/** Annotation types the compiler writes into test details and the runtime pushes at run time. */
export const ANNOTATION = {
  /** "specs/truedat/create-session.yaml:12": where the scenario starts. */
  source: 'source',
  /** "truedat-create-session.md § Request Body". */
  doc: 'doc',
  /** One per clause id the scenario proves. */
  clause: 'clause',
  severity: 'severity',
  feature: 'feature',
  /** The lock the scenario holds, when it has one. */
  lock: 'lock',
  /** Why the scenario would harm a real account, when it would. */
  production: 'production',
  /** What the scenario did to a real account (production.effect), pushed when it runs off the sandbox. */
  productionEffect: 'production-effect',
  /** A remark a matcher made that is not a failure (for example a schema note). */
  note: 'note',
  /** The scenario's Verdict, pushed by the runtime when it is anything but a plain pass. */
  verdict: 'verdict',
} as const;
export type AnnotationType = (typeof ANNOTATION)[keyof typeof ANNOTATION];

/** Attachment names; each body is JSON of the type named beside it, already redacted. */
export const ATTACHMENT = {
  /** FailureRecord: why a step failed. */
  failure: 'contract-failure.json',
  /** RequestAttempts[]: request-level retries of the scenario's steps. */
  attempts: 'request-attempts.json',
  /** VerdictRecord: the verdict and the clauses it rests on. */
  verdict: 'contract-verdict.json',
} as const;
export const JSON_CONTENT_TYPE = 'application/json';

/** One expectation that did not hold. Values are already redacted. */
export interface MismatchRecord {
  /** "response.token", "header www-authenticate", "status". */
  path: string;
  /** The rule: status, equals, pattern, schema keyword... */
  keyword: string;
  expected: unknown;
  actual: unknown;
  /** The YAML line of the expectation. */
  yaml: SourceLocation;
  /** The clause ids this expectation proves (its own `clauses:` or its step's or scenario's). */
  clauses: string[];
}

/** Why one step of one scenario failed. Built in the runtime, where the cause is known. */
export interface FailureRecord {
  class: FailureClass;
  vendor: string;
  scenario: string;
  /** The step's name and its YAML location. */
  step: string;
  stepYaml: SourceLocation;
  /** The clauses that broke: the union of the mismatches' clauses (all the scenario's for an outage). */
  clauses: string[];
  mismatches: MismatchRecord[];
  /** "POST https://…/api/sessions" with placeholders for secrets. */
  request: string;
  /** The status that came back, when an answer came back. */
  status?: number;
  /** For outage and config: what happened, in a few words ("connection reset", "timed out"). */
  cause?: string;
  /** The whole human message as thrown, already redacted. */
  message: string;
}

/** The attempts one request needed when it was retried; absent when the first attempt answered. */
export interface RequestAttempts {
  step: string;
  request: string;
  attempts: { cause: string; waitedMs: number }[];
  /** Whether an answer finally arrived. */
  answered: boolean;
  /** Why the last failure was not retried although no complete answer arrived (the vendor may have acted on it). */
  notRetried?: string;
}

export interface VerdictRecord {
  verdict: Verdict;
  clauses: string[];
  /** Human words: which drift entry, which inferred clause, how many retries. */
  reason: string;
}

/** Annotation type: a deliberate wrong-password answer the vendor judged (per account, for lockout budgets). */
export const JUDGED_WRONG_PASSWORD = 'judged-wrong-password';

/** Attachment: JudgedRecord[], the answers that judged a deliberate wrong password, per account. */
export const JUDGED_ATTACHMENT = 'judged-wrong-passwords.json';

export interface JudgedRecord {
  /** "truedat/TRUEDAT_USERNAME" or "truedat/(no configured account)" (dsl/lockout.ts). */
  account: string;
  /** Answers that judged a wrong password for this account in this scenario. */
  judged: number;
  /** The most any one request was judged (a retry never resends a judged wrong password: at most 1). */
  maxPerRequest: number;
}
