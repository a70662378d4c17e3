// The typed FailureRecord (src/dsl/facts.ts) a failing step attaches, built where the cause is
// known: the matchers' results for a wrong answer, the send for no answer, the gate and the
// templates for our own configuration. Reporting reads these records and never the message.
import type { TestInfo } from '@playwright/test';
import type { AuthSpec, SourceLocation, StepRole, StepSpec } from '../dsl/model';
import { ATTACHMENT, JSON_CONTENT_TYPE, type FailureClass, type FailureRecord, type MismatchRecord } from '../dsl/facts';
import type { Redactor } from '../redaction/redactor';
import { maskAtPath } from './format-failure';
import { SECRET_ECHO_KEYWORD } from './secret-echo';

/** A match result with the clauses its expectation proves (see check-expectations.ts). */
export interface ClausedResult {
  path: string;
  keyword?: string;
  expected: unknown;
  actual: unknown;
  loc: SourceLocation;
  clauses: readonly string[];
}

/**
 * `outage` when the vendor answered 5xx or 429 instead of the contract's status; `credentials`
 * when configured credentials (Basic or a custom header, never a Bearer token the vendor issued a
 * step earlier: refusing that breaks the vendor's own promise) were refused with 401/403 where
 * the contract expects success, or when a `role: setup` step (the client's own authentication,
 * however it sends the credentials: a JSON or form login too) is refused so; otherwise `contract`.
 */
export function classifyMismatches(failures: readonly ClausedResult[], status: number, auth: AuthSpec | undefined, role?: StepRole): FailureClass {
  const statusFailure = failures.find((f) => f.keyword === 'status');
  if (!statusFailure) return 'contract';
  if (status >= 500 || status === 429) return 'outage';
  const expected = Array.isArray(statusFailure.expected) ? statusFailure.expected : [statusFailure.expected];
  const expectsSuccess = expected.length > 0 && expected.every((code) => typeof code === 'number' && code < 400);
  const configured = role === 'setup' || (auth !== undefined && auth.kind !== 'bearer');
  if ((status === 401 || status === 403) && expectsSuccess && configured) return 'credentials';
  return 'contract';
}

/** The failing step's identity, common to every record. */
export interface StepIdentity {
  vendor: string;
  scenario: string;
  /** The scenario's clauses: those of an outage or config failure, which proves none of them wrong. */
  scenarioClauses: readonly string[];
  step: Pick<StepSpec, 'name' | 'loc'>;
  request: string;
}

export function mismatchRecords(failures: readonly ClausedResult[], redactor: Redactor): MismatchRecord[] {
  return failures.map((f) => ({
    path: f.path,
    keyword: f.keyword ?? '',
    expected: redactValue(f.expected, redactor),
    actual: redactValue(maskAtPath(f.path, f.actual), redactor),
    yaml: f.loc,
    clauses: [...f.clauses],
  }));
}

/**
 * The mismatches that say which clauses broke. When the status is wrong, the status alone (and a
 * secret echo, which breaks our own rule whatever the status): the body, header and capture
 * expectations describe the answer to the expected status, which the vendor did not give, so
 * their mismatches follow from the status and are listed, not blamed. Otherwise every mismatch.
 */
export function decisiveMismatches<T extends { keyword?: string }>(mismatches: readonly T[]): T[] {
  if (!mismatches.some((m) => m.keyword === 'status')) return [...mismatches];
  return mismatches.filter((m) => m.keyword === 'status' || m.keyword === SECRET_ECHO_KEYWORD);
}

export function failureRecord(
  id: StepIdentity,
  fields: { class: FailureClass; mismatches: MismatchRecord[]; message: string; status?: number; cause?: string },
  redactor: Redactor,
): FailureRecord {
  const decisive = decisiveMismatches(fields.mismatches);
  const broken = decisive.length > 0 ? [...new Set(decisive.flatMap((m) => m.clauses))] : [...id.scenarioClauses];
  return {
    class: fields.class,
    vendor: id.vendor,
    scenario: id.scenario,
    step: id.step.name,
    stepYaml: id.step.loc,
    clauses: broken,
    mismatches: fields.mismatches,
    request: redactor.redact(id.request),
    ...(fields.status !== undefined ? { status: fields.status } : {}),
    ...(fields.cause !== undefined ? { cause: redactor.redact(fields.cause) } : {}),
    message: redactor.redact(fields.message),
  };
}

/** Attaches the record synchronously (Playwright reports pushed attachments like attach()). */
export function attachFailure(testInfo: Pick<TestInfo, 'attachments'>, record: FailureRecord): void {
  testInfo.attachments.push({ name: ATTACHMENT.failure, contentType: JSON_CONTENT_TYPE, body: Buffer.from(JSON.stringify(record, null, 2)) });
}

/** Every string inside a value, redacted; the value keeps its JSON shape. */
function redactValue(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redactor));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, redactor)]));
  }
  return value;
}
