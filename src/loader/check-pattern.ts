// A `pattern:` must be a regular expression that (1) JavaScript reads, so editors and readers
// agree on its meaning, (2) has no nested quantifiers such as (a+)+, which backtrack
// catastrophically in any backtracking engine (safe-regex2's star-height check), and (3) the
// linear-time engine the matchers run it on (RE2JS) can compile: no lookaround, no
// backreferences. Each refusal is one error at the pattern.
import safeRegex from 'safe-regex2';
import { compilePattern } from '../patterns/linear-pattern';
import { subject } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';

export function checkPattern(pattern: string, flags: string, at: Path, problems: Problems): void {
  const what = subject(at, 'pattern');
  try {
    new RegExp(pattern, flags);
  } catch (err) {
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    problems.add(at, 'invalid regular expression', `${what} must be a valid JavaScript regular expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, {
      hint: 'Escape special characters such as ( [ { . * + ? with a backslash to match them literally.',
    });
    return;
  }
  if (!safeRegex(pattern)) {
    problems.add(at, 'catastrophic regular expression', `${what} must not nest quantifiers (such as (a+)+ or (a*)*) or repeat more than 25 times: it can take exponential time on a crafted response`, {
      hint: 'Quantify once: write ^a+$ rather than ^(a+)+$.',
    });
    return;
  }
  try {
    compilePattern(pattern, flags);
  } catch (err) {
    const reason = (err as Error).message.replace(/^error parsing regexp: /, '');
    problems.add(at, 'unsupported regular expression', `${what} must be matchable in linear time (RE2 syntax: no lookaround, no backreferences): ${reason}`, {
      hint: 'Match the part you expect directly, or check the value with a JSON Schema in expect.schema.',
    });
  }
}
