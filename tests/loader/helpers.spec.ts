// Small loader helpers: edit distance, strict JSON positions, body paths, plain-words names.
import { test, expect } from '@playwright/test';
import { isBodyPath } from '../../src/loader/body-path';
import { describeValue, subject, typeName } from '../../src/loader/describe';
import { closest, editDistance } from '../../src/loader/did-you-mean';
import { JsonSource } from '../../src/loader/json-source';

test('edit distance counts a swap of two letters as one edit', () => {
  expect(editDistance('statsu', 'status')).toBe(1);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('kitten', 'sitting')).toBe(3);
});

test('"did you mean" ignores case, allows about one edit per three letters, and stays quiet otherwise', () => {
  expect(closest('statsu', ['headers', 'status', 'body'])).toBe('status');
  expect(closest('post', ['GET', 'POST'])).toBe('POST');
  expect(closest('bdoy', ['body', 'schema'])).toBe('body');
  expect(closest('owner', ['name', 'section', 'steps'])).toBeUndefined();
  expect(closest('status', ['status'])).toBeUndefined(); // the word itself is no suggestion
});

test('strict JSON: positions of keys and values, and errors at the offending character', () => {
  const src = new JsonSource('s.json', '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}\n');
  expect(src.syntaxErrors).toEqual([]);
  expect(src.data).toEqual({ a: [1, { b: 'x' }], c: null });
  expect(src.spot(['a', 1, 'b'])).toEqual({ loc: { file: 's.json', line: 2, col: 18 }, span: 3 });
  expect(src.spot(['a', 1, 'b'], 'key')).toEqual({ loc: { file: 's.json', line: 2, col: 13 }, span: 3 });
  expect(src.spot(['c', 'missing'])).toEqual({ loc: { file: 's.json', line: 3, col: 3 }, span: 3 });
  const cases: [string, string][] = [
    ['{"a": 1,}', "1:8 the last property must not be followed by a comma (JSON allows no trailing comma)"],
    ['{"a": 1 "b": 2}', "1:9 expected ',' or '}' after the value of 'a', found '\"'"],
    ["{'a': 1}", "1:2 expected a property name in double quotes, found '''"],
    ['{"a": tru}', '1:7 expected a value (object, list, string, number, true, false or null), found \'tru\''],
    ['{"a": 1, "a": 2}', "1:10 property 'a' must appear only once in an object"],
    ['[1, 2', "1:6 expected ',' or ']' after a list item, found the end of the file"],
    ['{} x', "1:4 must end after the top-level value, found 'x'"],
    ['"a\nb"', '1:1 a string must end with a double quote on the same line, with valid escapes'],
  ];
  for (const [text, expected] of cases) {
    const [err] = new JsonSource('s.json', text).syntaxErrors;
    expect(err && `${err.loc.line}:${err.loc.col} ${err.message.replace('s.json must be valid JSON: ', '')}`, text).toBe(expected);
  }
});

test('body paths: a.b, a[0].b, quoted odd keys; nothing else', () => {
  for (const ok of ['token', 'errors.detail', 'a[0].b', "a['odd key']", 'a["x.y"]', '[0]', 'a b']) expect(isBodyPath(ok), ok).toBe(true);
  for (const bad of ['', '.a', 'a.', 'a..b', 'a[0', 'a[x]', "a['x"]) expect(isBodyPath(bad), bad).toBe(false);
});

test('subjects are named from the nearest scenario, step or finding', () => {
  expect(subject(['scenarios', 0, 'steps', 2, 'expect', 'status'], 'root')).toBe('expect.status');
  expect(subject(['scenarios', 1], 'root')).toBe('scenario');
  expect(subject(['clauses', 'session.created', 'doc'], 'root')).toBe("clauses['session.created'].doc");
  expect(subject(['scenarios', 0, 'steps', 0, 'expect', 'status', 1], 'root')).toBe('expect.status[1]');
  expect(subject([], 'vendor.yaml')).toBe('vendor.yaml');
  expect(typeName(['string', 'number', 'boolean'])).toBe('text, a number or true or false');
  expect(describeValue('201', true)).toBe("the text '201'");
  expect(describeValue(null)).toBe('an empty value');
});
