// URL join keeps the base URL's path prefix (Personr's /api/1.1/wf) and adds the query.
import { expect, test } from '@playwright/test';
import { joinUrl } from '../../src/runtime/join-url';

test('keeps the base URL path prefix', () => {
  expect(joinUrl('http://h/p/api/1.1/wf', '/api-basic-auth')).toBe('http://h/p/api/1.1/wf/api-basic-auth');
  expect(joinUrl('http://h/p/api/1.1/wf/', '/api-basic-auth')).toBe('http://h/p/api/1.1/wf/api-basic-auth');
  expect(joinUrl('http://h/p', 'relative')).toBe('http://h/p/relative');
});

test('works with a bare origin and an empty path', () => {
  expect(joinUrl('http://127.0.0.1:4010', '/api/sessions')).toBe('http://127.0.0.1:4010/api/sessions');
  expect(joinUrl('http://h/base', '')).toBe('http://h/base');
});

test('appends the query, encoded, after any query already in the path', () => {
  expect(joinUrl('http://h', '/x', { page: '1', q: 'a b&c' })).toBe('http://h/x?page=1&q=a+b%26c');
  expect(joinUrl('http://h', '/x?fixed=1', { page: '2' })).toBe('http://h/x?fixed=1&page=2');
  expect(joinUrl('http://h', '/x', {})).toBe('http://h/x');
});
