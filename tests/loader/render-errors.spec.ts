// The one error shape and its Hurl-style rendering.
import { test, expect } from '@playwright/test';
import { ContractLoadError, formatLoadFailure, oneLine, renderError, renderErrors, type ContractError } from '../../src/dsl/errors';

const statsu: ContractError = {
  title: 'unknown key in expect',
  loc: { file: 'specs/truedat/create-session.yaml', line: 14, col: 7 },
  message: "expect must not have property 'statsu'",
  hint: "Did you mean 'status'?",
};
const source = `${'\n'.repeat(13)}      statsu: 201\n`;

test('renders like Hurl: title, location, source line, caret under the token, message and hint', () => {
  expect(renderError(statsu, source)).toBe(
    [
      'error: unknown key in expect',
      '  --> specs/truedat/create-session.yaml:14:7',
      '   |',
      '14 |       statsu: 201',
      "   |       ^^^^^^ expect must not have property 'statsu'. Did you mean 'status'?",
    ].join('\n'),
  );
});

test('the gutter grows with the line number; an explicit span wins over the guess', () => {
  const text = `${'\n'.repeat(119)}  key: "quoted value" # c\n`;
  const err: ContractError = { title: 't', loc: { file: 'f.yaml', line: 120, col: 8 }, message: 'm' };
  expect(renderError(err, text).split('\n').slice(1)).toEqual(['   --> f.yaml:120:8', '    |', '120 |   key: "quoted value" # c', '    |        ^^^^^^^^^^^^^^ m']);
  expect(renderError({ ...err, span: 3 }, text).split('\n')[4]).toBe('    |        ^^^ m');
});

test('without source text, or with span 0, the snippet is left out', () => {
  const expected = ['error: unknown key in expect', '  --> specs/truedat/create-session.yaml:14:7', '   |', "   | expect must not have property 'statsu'. Did you mean 'status'?"].join('\n');
  expect(renderError(statsu)).toBe(expected);
  expect(renderError({ ...statsu, span: 0 }, source)).toBe(expected);
});

test('a caret past the end of a line is pulled back onto it; tabs show as spaces', () => {
  const err: ContractError = { title: 't', loc: { file: 'f', line: 1, col: 40 }, message: 'm' };
  expect(renderError(err, 'a:\tb').split('\n').slice(3)).toEqual([' 1 | a: b', '   |     ^ m']);
});

test('many errors end with a count of errors and files', () => {
  const other: ContractError = { title: 'x', loc: { file: 'b.yaml', line: 1, col: 1 }, message: 'must be y' };
  const text = renderErrors([statsu, statsu, other], (file) => (file === 'b.yaml' ? 'k: v' : undefined));
  expect(text.endsWith('\n\n3 errors in 2 files; no test was run.\n')).toBe(true);
  expect(text.split('\n\n')).toHaveLength(4);
  expect(renderErrors([other], () => undefined).endsWith('1 error in 1 file; no test was run.\n')).toBe(true);
});

test('formatLoadFailure reads sources under the root, and says nothing when there is nothing wrong', () => {
  expect(formatLoadFailure({ errors: [] }, '/nonexistent')).toBe('');
  const text = formatLoadFailure({ errors: [{ ...statsu, loc: { file: 'package.json', line: 2, col: 4 } }] }, `${__dirname}/../..`);
  expect(text).toContain(' 2 |   "name": "auth-contracts",');
});

test('ContractLoadError carries every error and a readable message', () => {
  const err = new ContractLoadError([statsu]);
  expect(err.errors).toEqual([statsu]);
  expect(err.message).toBe(oneLine(statsu));
  expect(oneLine(statsu)).toBe("specs/truedat/create-session.yaml:14:7 unknown key in expect: expect must not have property 'statsu'. Did you mean 'status'?");
  expect(new ContractLoadError([statsu], 'rendered').message).toBe('rendered');
  expect(err).toBeInstanceOf(Error);
});
