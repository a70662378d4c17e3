// The literal printer: valid TypeScript for any string, locations as at(line, col), short values
// on one line and long ones broken per property.
import { expect, test } from '@playwright/test';
import vm from 'node:vm';
import { printLiteral, quote } from '../../src/compiler/print-literal';
import { placeholders, stepTitle } from '../../src/compiler/scenario-facts';

test('quote round-trips any string through JavaScript', () => {
  for (const text of ["it's", 'say "hi"', `both ' and "`, 'back\\slash\n\ttab\r', 'line\u2028sep', '«NAME» £ ü', '']) {
    expect(vm.runInNewContext(quote(text))).toBe(text);
  }
  expect(quote("truedat's API")).toBe(`"truedat's API"`);
});

test('locations in the current file print as at(); elsewhere as objects', () => {
  const options = { file: 'specs/a.yaml', indent: '  ', base: '' };
  expect(printLiteral({ loc: { file: 'specs/a.yaml', line: 3, col: 5 } }, options)).toBe('{ loc: at(3, 5) }');
  expect(printLiteral({ file: 'specs/b.yaml', line: 3, col: 5 }, options)).toBe("{ file: 'specs/b.yaml', line: 3, col: 5 }");
});

test('keys that are not identifiers are quoted; undefined properties are left out', () => {
  expect(printLiteral({ 'content-type': 'x', ok: true, gone: undefined, n: null, list: [] }, { file: '', indent: '  ', base: '' })).toBe(
    "{ 'content-type': 'x', ok: true, n: null, list: [] }",
  );
});

test('long values break one property per line, indented from the base', () => {
  const value = { description: 'x'.repeat(90), other: 1 };
  expect(printLiteral(value, { file: '', indent: '  ', base: '    ' })).toBe(`{\n      description: '${'x'.repeat(90)}',\n      other: 1,\n    }`);
});

test('step titles show templates as «NAME»', () => {
  expect(placeholders('log in as {{ USER }} with {{token}}')).toBe('log in as «USER» with «token»');
  const loc = { file: 'f', line: 1, col: 1 };
  expect(
    stepTitle({
      name: 'fetch {{id}}',
      request: { method: 'GET', path: '/orders/{{id}}', query: {}, headers: {}, loc },
      expect: { headers: [], cookies: [], body: [], loc },
      captures: [],
      loc,
    }),
  ).toBe('GET /orders/«id» — fetch «id»');
});
