// The value matchers of the language (equals, notEquals, pattern, present, absent and the
// numeric comparisons greaterThan, lessThan, atLeast, atMost), shared
// by headers, cookies and body paths. Templates in expected values are rendered by the runtime
// before a matcher sees them, so everything here is plain data.
import type { OrderKind, ValueMatcher } from '../dsl/model';
import { compilePattern, type LinearPattern } from '../patterns/linear-pattern';
import type { MatchResult } from './match-result';

/** A value as found in a response: `found: false` when the header, cookie or path is missing. */
export interface Observed {
  found: boolean;
  value: unknown;
}

/** Header and cookie values are text, so expected scalars compare as text there. */
export type Comparison = 'json' | 'text';

/** A pattern as the matchers run it: on a linear-time engine, so no response can hang a run. */
export function compiledPattern(pattern: string, flags = ''): LinearPattern {
  return compilePattern(pattern, flags);
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
        pass: observed.found && compiledPattern(matcher.pattern, matcher.flags).test(textOf(observed.value)),
        expected: `matches /${matcher.pattern}/${matcher.flags ?? ''}`,
      };
    case 'greaterThan':
    case 'lessThan':
    case 'atLeast':
    case 'atMost':
      return matchOrder(matcher.kind, matcher.value, observed, comparison, base);
  }
}

const ORDER: Record<OrderKind, { sign: string; holds: (a: number, b: number) => boolean }> = {
  greaterThan: { sign: '>', holds: (a, b) => a > b },
  lessThan: { sign: '<', holds: (a, b) => a < b },
  atLeast: { sign: '>=', holds: (a, b) => a >= b },
  atMost: { sign: '<=', holds: (a, b) => a <= b },
};

/**
 * A numeric comparison. The bound may come from a capture ("{{first}}", already rendered), so a
 * numeric text counts as its number; so does a header's or cookie's text. In a JSON body only a
 * JSON number is a number: "3600" in quotes is not what a contract saying `greaterThan: 0` means.
 */
function matchOrder(kind: OrderKind, bound: unknown, observed: Observed, comparison: Comparison, base: Omit<MatchResult, 'pass' | 'expected'>): MatchResult {
  const limit = numberOf(bound, true);
  const value = observed.found ? numberOf(observed.value, comparison === 'text') : undefined;
  const { sign, holds } = ORDER[kind];
  const expected = `a number ${sign} ${limit === undefined ? `${JSON.stringify(bound)} (not a number)` : String(limit)}`;
  return { ...base, pass: limit !== undefined && value !== undefined && holds(value, limit), expected };
}

function numberOf(value: unknown, fromText: boolean): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (fromText && typeof value === 'string' && /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
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

