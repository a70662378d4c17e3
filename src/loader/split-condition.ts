// `whenStatus: [401]` beside a matcher: the expectation is checked only when the response status
// is one of those codes, and `otherwise:` (optional) is the rule for every other status. So a
// step whose status lists [200, 401] can say WWW-Authenticate comes exactly with 401:
// `{ present: true, whenStatus: [401], otherwise: { absent: true } }`. Split off here so the
// matcher itself stays one rule.
import { subject } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';
import { isDict } from './view';

export interface Condition {
  rest: unknown;
  /** True when the condition has no matcher beside it (already reported: build no matcher). */
  empty?: boolean;
  whenStatus?: number[];
  otherwise?: unknown;
}

/** `allowed` is the step's expected status codes, or undefined when the step expects none. */
export function splitCondition(value: unknown, path: Path, problems: Problems, allowed: readonly number[] | undefined): Condition {
  if (!isDict(value) || !('whenStatus' in value || 'otherwise' in value)) return { rest: value };
  const { whenStatus: raw, otherwise, ...rest } = value;
  if (raw === undefined) {
    problems.add([...path, 'otherwise'], 'otherwise without whenStatus', `${subject(path, 'matcher')} must have whenStatus when it has otherwise (otherwise is the rule for the statuses whenStatus does not list)`, { part: 'key' });
    return { rest };
  }
  const nested = isDict(otherwise) && ('whenStatus' in otherwise || 'otherwise' in otherwise);
  if (nested) {
    problems.add([...path, 'otherwise'], 'nested condition', `${subject([...path, 'otherwise'], 'otherwise')} must be a plain matcher, without whenStatus or otherwise of its own`, { part: 'key' });
  }
  const codes = (Array.isArray(raw) ? raw : [raw]).filter((c): c is number => Number.isInteger(c));
  const at = [...path, 'whenStatus'];
  // clauses: says what the expectation proves, not what to check.
  const empty = Object.keys(rest).filter((key) => key !== 'clauses').length === 0;
  if (empty) {
    problems.add(at, 'condition without a matcher', `${subject(path, 'matcher')} must say what to check when the status matches (present, absent, equals, …) beside whenStatus`, { part: 'key' });
  }
  const never = allowed === undefined ? [] : codes.filter((c) => !allowed.includes(c));
  if (never.length > 0) {
    problems.add(at, 'condition never met', `${subject(at, 'whenStatus')} must list only codes that expect.status allows (${allowed?.join(', ') ?? ''}); ${never.join(', ')} can never be the status here`, {
      hint: 'Add the code to expect.status, or drop it from whenStatus.',
    });
  }
  return { rest, ...(empty ? { empty } : {}), ...(codes.length > 0 ? { whenStatus: codes } : {}), ...(otherwise !== undefined && !nested ? { otherwise } : {}) };
}
