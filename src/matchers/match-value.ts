// The five value matchers of the language (equals, notEquals, pattern, present, absent), shared
// by headers, cookies and body paths. Templates in expected values are rendered by the runtime
// before a matcher sees them, so everything here is plain data.
import type { ValueMatcher } from '../dsl/model';
import type { MatchResult } from './match-result';

/** A value as found in a response: `found: false` when the header, cookie or path is missing. */
export interface Observed {
  found: boolean;
  value: unknown;
}

/** Header and cookie values are text, so expected scalars compare as text there. */
export type Comparison = 'json' | 'text';

// Patterns come from the contract files, a few dozen at most; compiling each once per worker
// keeps regex construction off the request path.
const patternCache = new Map<string, RegExp>();

export function compiledPattern(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    patternCache.set(pattern, regex);
  }
  return regex;
}

export function matchValue(path: string, matcher: ValueMatcher, observed: Observed, comparison: Comparison): MatchResult {
  const base = { path, keyword: matcher.kind, loc: matcher.loc, actual: observed.found ? observed.value : undefined };
  switch (matcher.kind) {
    case 'present':
      return { ...base, pass: observed.found, expected: 'present' };
    case 'absent':
      return { ...base, pass: !observed.found, expected: 'absent' };
    case 'equals':
      return { ...base, pass: observed.found && same(matcher.value, observed.value, comparison), expected: matcher.value };
    case 'notEquals':
      return { ...base, pass: observed.found && !same(matcher.value, observed.value, comparison), expected: { not: matcher.value } };
    case 'pattern':
      return {
        ...base,
        pass: observed.found && compiledPattern(matcher.pattern).test(textOf(observed.value)),
        expected: `matches /${matcher.pattern}/`,
      };
  }
}

function same(expected: unknown, actual: unknown, comparison: Comparison): boolean {
  if (comparison === 'text') return textOf(expected) === textOf(actual);
  return deepEqual(expected, actual);
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value) ?? '';
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((key) => Object.prototype.hasOwnProperty.call(rb, key) && deepEqual((a as Record<string, unknown>)[key], rb[key]));
}

