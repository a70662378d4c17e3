// What every matcher returns: data, not a thrown error, so the runtime can collect every
// mismatch of a step into one failure and the reporters can show the same facts.
import type { SourceLocation } from '../dsl/model';

export interface MatchResult {
  pass: boolean;
  /** What was checked: "status", "header content-type", "cookie _td_refresh", "body errors.detail". */
  path: string;
  /** What the contract wants, as data (a value) or a sentence ("must match pattern ^ey"). */
  expected: unknown;
  /** What the response had; undefined when absent. */
  actual: unknown;
  /** The rule that decided: a matcher kind (equals, pattern, …) or an ajv keyword. */
  keyword?: string;
  /** The YAML line of the expectation. */
  loc: SourceLocation;
}
