// Verdicts by evidence (issue 9): what a failing step means for the people on call. Off the
// sandbox (or against the sandbox's observed profile) a failure whose every mismatch is explained
// by a known-drift entry is `known-drift`, one whose every mismatch breaks only inferred clauses
// is `inferred-warning` (unless STRICT=1); both pass and are reported. A drift clause that holds
// is `drift-resolved`. Anything else fails, and on the sandbox's documented profile everything
// fails as before, so the fault proofs keep their teeth. The verdict is decided per broken clause:
// each expectation names its own clauses (or its step's, or its scenario's), a wrong status
// alone decides (decisiveMismatches), and one broken documented or observed clause is a failure,
// as is a mismatch whose clauses mix an inferred with a documented one: we cannot tell which broke.
import type { TestInfo } from '@playwright/test';
import { isDeepStrictEqual } from 'node:util';
import { ANNOTATION, ATTACHMENT, JSON_CONTENT_TYPE, type Evidence, type MismatchRecord, type VerdictRecord } from '../dsl/facts';
import type { Redactor } from '../redaction/redactor';
import type { TargetEnv } from './env';
import { decisiveMismatches } from './failure-record';
import type { DriftInfo, VendorInfo } from './scenario-info';
import { SECRET_ECHO_KEYWORD } from './secret-echo';

export interface VerdictPolicy {
  /** Whether evidence and drift soften failures: off the sandbox, or SANDBOX_PROFILE=observed. */
  byEvidence: boolean;
  /** STRICT=1: inferred clauses fail too (known drift is still reported, not alarmed). */
  strict: boolean;
}

export function verdictPolicy(env: Pick<TargetEnv, 'isSandbox' | 'values'>): VerdictPolicy {
  const observedProfile = env.values.SANDBOX_PROFILE?.trim() === 'observed';
  return { byEvidence: !env.isSandbox || observedProfile, strict: env.values.STRICT?.trim() === '1' };
}

export function evidenceOf(vendor: VendorInfo, clause: string): Evidence {
  return vendor.evidence?.[clause] ?? 'documented';
}

/** Whether one recorded mismatch is the one a drift entry describes. */
export function matchesDrift(mismatch: MismatchRecord, drift: DriftInfo): boolean {
  if (!mismatch.clauses.includes(drift.clause)) return false;
  return drift.observed.some((o) => {
    if (o.path !== mismatch.path) return false;
    if (o.keyword !== undefined && o.keyword !== mismatch.keyword) return false;
    if (o.actual === undefined) return true;
    if ('absent' in o.actual) return mismatch.actual === undefined;
    return isDeepStrictEqual(o.actual.equals, mismatch.actual);
  });
}

/** The verdict of one failing step, or undefined when it must fail the test. */
export function judgeFailure(mismatches: readonly MismatchRecord[], vendor: VendorInfo, policy: VerdictPolicy): VerdictRecord | undefined {
  if (!policy.byEvidence || mismatches.length === 0) return undefined;
  const drifts = new Set<DriftInfo>();
  const inferred = new Set<string>();
  for (const mismatch of decisiveMismatches(mismatches)) {
    // A response handing back a secret we sent breaks our own rule, never a vendor's clause.
    if (mismatch.keyword === SECRET_ECHO_KEYWORD) return undefined;
    const drift = (vendor.drift ?? []).find((d) => matchesDrift(mismatch, d));
    if (drift) {
      drifts.add(drift);
      continue;
    }
    const onlyInferred = mismatch.clauses.length > 0 && mismatch.clauses.every((c) => evidenceOf(vendor, c) === 'inferred');
    if (!onlyInferred || policy.strict) return undefined;
    for (const clause of mismatch.clauses) inferred.add(clause);
  }
  const driftWords = [...drifts].map((d) => `known drift ${d.id} (${d.yaml}) on ${d.clause}: ${d.text} Source: ${d.source}`);
  const inferredWords = inferred.size > 0 ? [`inferred clause did not hold: ${[...inferred].join(', ')}`] : [];
  return {
    verdict: drifts.size > 0 ? 'known-drift' : 'inferred-warning',
    clauses: [...new Set([...[...drifts].map((d) => d.clause), ...inferred])],
    reason: [...driftWords, ...inferredWords].join('; '),
  };
}

/** Two verdicts of one scenario as one: known drift outranks an inferred warning. */
export function combineVerdicts(a: VerdictRecord | undefined, b: VerdictRecord): VerdictRecord {
  if (!a) return b;
  const verdict = a.verdict === 'known-drift' || b.verdict === 'known-drift' ? 'known-drift' : b.verdict;
  return { verdict, clauses: [...new Set([...a.clauses, ...b.clauses])], reason: `${a.reason}; ${b.reason}` };
}

/** For a scenario that passed with no softened failure: the drift entries whose clause it proved. */
export function resolvedDrift(scenarioClauses: readonly string[], vendor: VendorInfo, policy: VerdictPolicy): VerdictRecord | undefined {
  if (!policy.byEvidence) return undefined;
  const held = (vendor.drift ?? []).filter((d) => scenarioClauses.includes(d.clause));
  if (held.length === 0) return undefined;
  return {
    verdict: 'drift-resolved',
    clauses: [...new Set(held.map((d) => d.clause))],
    reason: held.map((d) => `drift resolved? ${d.id} (${d.yaml}): ${d.clause} held; the entry may be obsolete`).join('; '),
  };
}

/** Pushes the scenario's verdict: the annotation (the bare word) and the VerdictRecord; the last one pushed counts. */
export function attachVerdict(testInfo: Pick<TestInfo, 'annotations' | 'attachments'>, record: VerdictRecord, redactor: Redactor): void {
  const safe = { ...record, reason: redactor.redact(record.reason) };
  testInfo.annotations.push({ type: ANNOTATION.verdict, description: safe.verdict });
  testInfo.attachments.push({ name: ATTACHMENT.verdict, contentType: JSON_CONTENT_TYPE, body: Buffer.from(JSON.stringify(safe, null, 2)) });
}
