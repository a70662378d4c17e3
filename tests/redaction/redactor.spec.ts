// The redactor must catch a secret in every form a request, a log or a report can carry it.
import { expect, test } from '@playwright/test';
import { Redactor, base64Forms, encodedForms } from '../../src/redaction/redactor';
import { maskSensitive } from '../../src/redaction/mask-sensitive';
import { redactorForSuite } from '../../src/redaction/redactor-for-suite';

const PASSWORD = 'Pr-sandbox-S3cret:with-colon £!';

function redactor(): Redactor {
  const r = new Redactor();
  r.add('PERSONR_PASSWORD', PASSWORD);
  return r;
}

test.describe('Redactor', () => {
  test('replaces the raw value with its placeholder', () => {
    expect(redactor().redact(`password=${PASSWORD}; again ${PASSWORD}`)).toBe('password=«PERSONR_PASSWORD»; again «PERSONR_PASSWORD»');
  });

  test('replaces the base64 form, alone and inside base64(user:pass)', () => {
    const r = redactor();
    expect(r.redact(Buffer.from(PASSWORD).toString('base64'))).toBe('«PERSONR_PASSWORD»');
    for (const user of ['a', 'ab', 'abc', 'service-account@personr.example']) {
      const token = Buffer.from(`${user}:${PASSWORD}`).toString('base64');
      const out = r.redact(`authorization: ${token}`);
      expect(out, `user "${user}"`).toContain('«PERSONR_PASSWORD»');
      // What remains of the token must not decode back to the password.
      expect(Buffer.from(out.replace(/«[^»]*»/g, ''), 'base64').toString('latin1')).not.toContain('S3cret');
    }
  });

  test('replaces URL-encoded forms (encodeURIComponent and form encoding)', () => {
    const r = redactor();
    expect(r.redact(`pw=${encodeURIComponent(PASSWORD)}`)).toBe('pw=«PERSONR_PASSWORD»');
    expect(r.redact(new URLSearchParams({ pw: PASSWORD }).toString())).toBe('pw=«PERSONR_PASSWORD»');
    const lowerHex = encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
    expect(r.redact(`pw=${lowerHex}`)).toBe('pw=«PERSONR_PASSWORD»');
  });

  test('replaces JSON-escaped forms, including \\u escapes', () => {
    const r = new Redactor();
    r.add('PW', 'quote"back\\slash£');
    expect(r.redact(JSON.stringify({ password: 'quote"back\\slash£' }))).toBe('{"password":"«PW»"}');
    expect(r.redact('{"password":"quote\\"back\\\\slash\\u00a3"}')).toBe('{"password":"«PW»"}');
    const twice = JSON.stringify({ message: JSON.stringify({ password: 'quote"back\\slash£' }) });
    expect(r.redact(twice)).not.toContain('slash');
  });

  test('masks Basic and Bearer credentials by pattern, but not challenge parameters or prose', () => {
    const r = new Redactor();
    expect(r.redact('authorization: Basic dXNlcjpwYXNzd29yZA==')).toBe('authorization: Basic «basic-credentials»');
    expect(r.redact('{"authorization":"Bearer abcDEF123456789"}')).toBe('{"authorization":"Bearer «bearer-credentials»"}');
    expect(r.redact('www-authenticate: Basic realm="api", charset="UTF-8"')).toBe('www-authenticate: Basic realm="api", charset="UTF-8"');
    expect(r.redact('Bearer error="invalid_token"')).toBe('Bearer error="invalid_token"');
    expect(r.redact('see Basic Authentication and Bearer tokens')).toBe('see Basic Authentication and Bearer tokens');
  });

  test('masks JSON Web Tokens it was never given', () => {
    const jwt = 'eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(new Redactor().redact(`{"token":"${jwt}"}`)).toBe('{"token":"«jwt»"}');
  });

  test('ignores values shorter than 4 characters, and keeps the first name of a value', () => {
    const r = new Redactor();
    r.add('SHORT', 'abc');
    r.add('FIRST', 'same-value');
    r.add('SECOND', 'same-value');
    expect(r.redact('abc same-value')).toBe('abc «FIRST»');
  });

  test('replaces a longer value before a value it contains', () => {
    const r = new Redactor();
    r.add('PART', 'secret');
    r.add('WHOLE', 'secret-and-more');
    expect(r.redact('secret-and-more / secret')).toBe('«WHOLE» / «PART»');
  });

  test('a child redactor applies its own values and its parent\'s', () => {
    const parent = redactor();
    const child = new Redactor(parent);
    child.add('token', 'tok-1234567890');
    expect(child.redact(`${PASSWORD} tok-1234567890`)).toBe('«PERSONR_PASSWORD» «token»');
    expect(parent.redact('tok-1234567890')).toBe('tok-1234567890');
  });

  test('values registered after a redaction are picked up', () => {
    const r = new Redactor();
    expect(r.redact('later-secret')).toBe('later-secret');
    r.add('LATE', 'later-secret');
    expect(r.redact('later-secret')).toBe('«LATE»');
  });

  test('encoded forms include raw, base64, URL and JSON forms', () => {
    const forms = encodedForms('a b"c!');
    expect(forms).toEqual(expect.arrayContaining(['a b"c!', 'a%20b%22c!', 'a+b%22c%21', 'a b\\"c!', Buffer.from('a b"c!').toString('base64')]));
    expect(base64Forms('x').length).toBeGreaterThan(0);
  });
});

test('redactorForSuite registers only secret variables that have a value', () => {
  const r = redactorForSuite(
    [{ variables: [{ name: 'USER', secret: false }, { name: 'PASS', secret: true }, { name: 'UNSET', secret: true }] }],
    { USER: 'api-user', PASS: 'pass-word-1' },
  );
  expect(r.redact('api-user pass-word-1')).toBe('api-user «PASS»');
});

test('maskSensitive masks long strings under credential-like keys only', () => {
  expect(maskSensitive({ token: 'abcdefghijkl', user: { password: 'longenough' }, name: 'abcdefghijkl', short: { token: 'abc' } })).toEqual({
    token: '«masked, 12 chars»',
    user: { password: '«masked, 10 chars»' },
    name: 'abcdefghijkl',
    short: { token: 'abc' },
  });
});
