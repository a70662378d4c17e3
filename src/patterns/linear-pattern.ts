// The one way a contract's `pattern:` is compiled, shared by the loader (which refuses what
// would not compile) and the matchers (which run it). Patterns run on RE2JS, a linear-time
// engine: no input, however crafted, can make a match backtrack for ever, so a run cannot hang
// on a pattern. RE2 has no lookaround and no backreferences; the loader says so at load time.
import { RE2JS } from 're2js';

/** The flags a pattern may carry, JavaScript's letters for RE2's modes. */
export const PATTERN_FLAGS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
};

export interface LinearPattern {
  test(text: string): boolean;
}

const cache = new Map<string, LinearPattern>();

/**
 * Compiles a pattern with JavaScript-style flags; throws when RE2 cannot (the message is RE2's).
 * Patterns come from the contract files, a few dozen at most, so each is compiled once.
 */
export function compilePattern(pattern: string, flags = ''): LinearPattern {
  const key = `${flags}/${pattern}`;
  let compiled = cache.get(key);
  if (!compiled) {
    let mode = 0;
    for (const flag of flags) mode |= PATTERN_FLAGS[flag] ?? 0;
    const re = RE2JS.compile(toRe2Syntax(pattern), mode);
    compiled = { test: (text) => re.test(text) };
    cache.set(key, compiled);
  }
  return compiled;
}

/**
 * JavaScript's `\uXXXX` is RE2's `\x{XXXX}`; everything else a contract writes (classes,
 * anchors, \d \s \w, quantifiers, groups) means the same in both. An escaped backslash before
 * the `u` (`\\u2019`) is a literal backslash and stays as it is.
 */
export function toRe2Syntax(pattern: string): string {
  return pattern.replace(/\\(\\|u([0-9A-Fa-f]{4}))/g, (whole: string, _escaped: string, hex: string | undefined) => (hex ? `\\x{${hex}}` : whole));
}
