// Templates: captures first, then variables, then $uuid; whole-value templates keep JSON types.
import { expect, test } from '@playwright/test';
import { renderRecord, renderString, renderValue, templateNames, TemplateError, type TemplateScope } from '../../src/runtime/template';

function scope(values: Record<string, unknown>): TemplateScope {
  return { lookup: (name) => values[name] };
}

const s = scope({ token: 'tok-1', count: 3, flag: false, user: { id: 7 }, nothing: null, TRUEDAT_USERNAME: 'api-user' });

test('renders names inside text, with or without spaces in the braces', () => {
  expect(renderString('Bearer {{token}} for {{ TRUEDAT_USERNAME }}', s)).toBe('Bearer tok-1 for api-user');
  expect(renderString('no templates here', s)).toBe('no templates here');
});

test('non-string values become text inside a longer string', () => {
  expect(renderString('n={{count}} f={{flag}} u={{user}} x={{nothing}}', s)).toBe('n=3 f=false u={"id":7} x=null');
});

test('a whole-value template keeps the JSON type of the value', () => {
  expect(renderValue('{{count}}', s)).toBe(3);
  expect(renderValue('{{flag}}', s)).toBe(false);
  expect(renderValue('{{user}}', s)).toEqual({ id: 7 });
  expect(renderValue('{{nothing}}', s)).toBeNull();
  expect(renderValue({ a: ['{{count}}', 'x{{count}}'], b: 1, c: null }, s)).toEqual({ a: [3, 'x3'], b: 1, c: null });
});

test('an unknown name fails with a config error naming it', () => {
  expect(() => renderString('{{missing}}', s)).toThrow(TemplateError);
  expect(() => renderString('{{missing}}', s)).toThrow(/^config: the template \{\{missing\}\} has no value/);
});

test('records render every value', () => {
  expect(renderRecord({ Authorization: 'Bearer {{token}}', Accept: 'application/json' }, s)).toEqual({ Authorization: 'Bearer tok-1', Accept: 'application/json' });
});

test('templateNames lists the names in order', () => {
  expect(templateNames('{{a}}/{{ $uuid }}/{{b}}')).toEqual(['a', '$uuid', 'b']);
});
