// Reads the typed records a worker attached to a test result (src/dsl/facts.ts): the only way
// reporting learns a failure's class, its broken clauses, its YAML lines, a verdict or retries.
// Nothing here looks at an error message.
import { readFileSync } from 'node:fs';
import type { TestResult } from '@playwright/test/reporter';
import { ANNOTATION, ATTACHMENT, JUDGED_ATTACHMENT, type FailureRecord, type JudgedRecord, type RequestAttempts, type Verdict, type VerdictRecord } from '../dsl/facts';

export interface ResultFacts {
  failures: FailureRecord[];
  verdict?: VerdictRecord;
  attempts: RequestAttempts[];
  /** Judged wrong-password answers per account (absent when the scenario sent none). */
  judged?: JudgedRecord[];
}

type Attachment = TestResult['attachments'][number];

function json(attachment: Attachment): unknown {
  try {
    const text = attachment.body ? attachment.body.toString('utf8') : attachment.path ? readFileSync(attachment.path, 'utf8') : '';
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // a record that cannot be read is as good as absent: the fallback applies
  }
}

function all<T>(result: Pick<TestResult, 'attachments'>, name: string): T[] {
  return result.attachments.filter((a) => a.name === name).map(json).filter((v): v is T => v !== undefined && v !== null);
}

const VERDICTS = new Set<string>(['failed', 'inferred-warning', 'known-drift', 'drift-resolved', 'flaky-network', 'not-run']);

export function resultFacts(result: Pick<TestResult, 'attachments' | 'annotations'>): ResultFacts {
  const attempts = all<RequestAttempts | RequestAttempts[]>(result, ATTACHMENT.attempts).flat();
  // The VerdictRecord attachment carries the clauses and the reason; a bare annotation only the word.
  let verdict = all<VerdictRecord>(result, ATTACHMENT.verdict).at(-1);
  const annotated = result.annotations.filter((a) => a.type === ANNOTATION.verdict).at(-1)?.description;
  if (!verdict && annotated && VERDICTS.has(annotated)) verdict = { verdict: annotated as Verdict, clauses: [], reason: '' };
  const judged = all<JudgedRecord[]>(result, JUDGED_ATTACHMENT).flat();
  return { failures: all<FailureRecord>(result, ATTACHMENT.failure), attempts, ...(verdict ? { verdict } : {}), ...(judged.length > 0 ? { judged } : {}) };
}
