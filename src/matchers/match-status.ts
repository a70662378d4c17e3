// `expect.status`: one code or a list of acceptable codes.
import type { SourceLocation } from '../dsl/model';
import type { MatchResult } from './match-result';

export function matchStatus(codes: readonly number[], actual: number, loc: SourceLocation): MatchResult {
  return {
    pass: codes.includes(actual),
    path: 'status',
    expected: codes.length === 1 ? codes[0] : `one of ${codes.join(', ')}`,
    actual,
    keyword: 'status',
    loc,
  };
}
