// Plain-words names for what the checks talk about: where a node sits ("expect.status"), what
// was found there ("the text '201'"), and what a type or pattern asks for ("a whole number").
import type { Path } from './located';

// Items of these lists are where a reader already is (the caret shows which), so a subject
// starts after them: "expect.status", not "scenarios[2].steps[0].expect.status".
const ANCHORS: Record<string, string> = { scenarios: 'scenario', steps: 'step', findings: 'finding' };

/** The name of the node at `path`, relative to the nearest scenario, step or finding. */
export function subject(path: Path, rootName: string): string {
  let start = 0;
  let anchor: string | undefined;
  for (let i = 0; i + 1 < path.length; i++) {
    const name = ANCHORS[String(path[i])];
    if (name && typeof path[i + 1] === 'number') {
      start = i + 2;
      anchor = name;
    }
  }
  const rest = path.slice(start);
  if (rest.length === 0) return anchor ?? rootName;
  return rest
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$-]*$/.test(segment)) return i === 0 ? segment : `.${segment}`;
      return `['${segment}']`;
    })
    .join('');
}

/** What was found, for "must be X, found Y" messages. */
export function describeValue(value: unknown, quoteText = false): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `${quoteText ? 'the text ' : ''}${quote(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a map (key: value pairs)';
}

export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${short.replace(/\n/g, '\\n')}'`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map (key: value pairs)',
  null: 'empty',
};

export function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  return orList(types.map((t) => TYPE_NAMES[t] ?? t));
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

// The DSL schemas' patterns, said in words; a QA engineer should not have to read a regex.
const PATTERN_PHRASES: Record<string, string> = {
  '^[a-z][a-z0-9-]*$': 'a lower-case id (a-z, 0-9 and -, starting with a letter)',
  '^[A-Z][A-Z0-9_]*$': 'an upper-case name (A-Z, 0-9 and _, starting with a letter)',
  '^[a-z0-9][a-z0-9._-]*$': 'a lower-case id (a-z, 0-9, ., _ and -)',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'a name made of letters, digits and _, not starting with a digit',
  '^/': "a path starting with '/'",
  '\\.json$': 'a file name ending in .json',
  '^@?[A-Za-z0-9][A-Za-z0-9_-]*$': 'a tag made of letters, digits, _ and - (no spaces)',
  "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$": 'a header name (letters, digits and -, no spaces or colons)',
};

export function patternPhrase(pattern: string): string {
  return PATTERN_PHRASES[pattern] ?? `text matching the regular expression /${pattern}/`;
}
