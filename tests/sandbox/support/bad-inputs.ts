// The bad-input table of research/auth-reliability.md §(b), made concrete for the sandbox's
// vendors: the B rows (Basic credentials) go to every Basic endpoint, the L rows (JSON logins and
// sessions) to every JSON login. Each row names the vendor's documented answer, or the 4xx the
// sandbox chose where the document is silent (labelled in the vendor module as inference).
// Rows the sandbox cannot express in-process (Node's own parser) are sent over a socket.
import type { InjectOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { at, b64, basic, credentials, env } from './all-vendors';

export interface Row {
  id: string;
  label: string;
  request: InjectOptions & { url: string };
  status: number;
  /** The exact body, when the vendor documents it. */
  body?: unknown;
}

/** A raw HTTP/1.1 request for the rows only a real socket can send; `status` is Node's answer. */
export interface SocketRow {
  id: string;
  label: string;
  raw: string;
  status: number;
}

interface BasicTarget {
  vendor: string;
  user: string;
  password: string;
  ok: number;
  refused: number;
  refusedBody?: unknown;
  send(authorization: string | undefined): InjectOptions & { url: string };
}

const PERSONR_400 = { statusCode: 400, reason: 'INVALID_LOGIN_CREDENTIALS', message: 'We didn\u2019t find an account with those login credentials' };
const NEXUDUS_401 = { Message: 'Authorization has been denied for this request.' };
const COUCHDROP_403 = { err: 'Account was invalid' };
const TRUEDAT_401 = { errors: { detail: 'Invalid credentials' } };
const TRUEDAT_422 = { errors: { detail: 'Unprocessable Entity' } };
const TRUEDAT_400 = { errors: { detail: 'Internal server error' } };

const withAuth = (authorization: string | undefined): Record<string, string> => (authorization === undefined ? {} : { authorization });

const BASIC_TARGETS: BasicTarget[] = [
  {
    vendor: 'personr',
    user: env.PERSONR_EMAIL ?? '',
    password: env.PERSONR_PASSWORD ?? '',
    ok: 200,
    refused: 400,
    refusedBody: PERSONR_400,
    send: (a) => ({ method: 'POST', url: at('personr', '/api-basic-auth'), headers: withAuth(a) }),
  },
  {
    vendor: 'nexudus',
    user: env.NEXUDUS_EMAIL ?? '',
    password: env.NEXUDUS_PASSWORD ?? '',
    ok: 200,
    refused: 401,
    refusedBody: NEXUDUS_401,
    send: (a) => ({ method: 'GET', url: at('nexudus', '/en/user/me'), headers: withAuth(a) }),
  },
  {
    vendor: 'clearlrs',
    user: env.CLEARLRS_API_KEY ?? '',
    password: env.CLEARLRS_API_SECRET ?? '',
    ok: 200,
    refused: 401,
    send: (a) => ({
      method: 'POST',
      url: at('clearlrs', '/api/auth/basic'),
      headers: { 'content-type': 'application/json', ...withAuth(a) },
      payload: JSON.stringify({ username: randomUUID(), password: 'Pw-1', ttlMins: 5 }),
    }),
  },
];

function basicRows(t: BasicTarget): Row[] {
  const token = b64(`${t.user}:${t.password}`);
  const ok = (id: string, label: string, authorization: string): Row => ({ id, label, request: t.send(authorization), status: t.ok });
  const no = (id: string, label: string, authorization: string | undefined): Row => ({ id, label, request: t.send(authorization), status: t.refused, body: t.refusedBody });
  const rows = [
    no('B1', 'no Authorization', undefined),
    ok('B2', 'canonical Basic', `Basic ${token}`),
    ok('B3', 'scheme in lower case', `basic ${token}`),
    ok('B3', 'scheme in upper case', `BASIC ${token}`),
    ok('B4', 'two spaces after the scheme', `Basic  ${token}`),
    ok('B5', 'spaces around the value', `  Basic ${token}  `),
    no('B6', 'a tab after the scheme', `Basic\t${token}`),
    no('B7', 'another scheme', 'Bearer abc'),
    no('B8', 'the scheme alone', 'Basic'),
    no('B8', 'the scheme and a space', 'Basic '),
    no('B9', 'non-alphabet characters inside', `Basic ${token.slice(0, 4)}!!${token.slice(4)}`),
    no('B10', 'the base64url alphabet', `Basic ${token.slice(0, -4)}-_${token.slice(-2)}`),
    no('B11', 'extra padding', `Basic ${token.replace(/=*$/, '')}====`),
    no('B12', 'truncated (length not a multiple of 4)', `Basic ${token.replace(/=*$/, '').slice(0, -1)}`),
    no('B13', 'no colon', `Basic ${b64(t.user)}`),
    no('B14', 'an empty user-id', `Basic ${b64(`:${t.password}`)}`),
    no('B15', 'an empty password', `Basic ${b64(`${t.user}:`)}`),
    no('B18', 'the credentials in ISO-8859-1', `Basic ${Buffer.from(`${t.user}:${t.password}\u00a3`, 'latin1').toString('base64')}`),
    no('B20', 'a NUL in the user-id', basic(`${t.user}\u0000`, t.password)),
    no('B20', 'a newline in the password', basic(t.user, `${t.password}\n`)),
    no('B21', 'raw text instead of base64', `Basic ${t.user}:${t.password}`),
    no('B22', '10 KB of valid base64 (an unknown user)', `Basic ${b64(`${'u'.repeat(7_500)}:x`)}`),
  ];
  return rows.map((r) => ({ ...r, id: `${r.id} ${t.vendor}` }));
}

export function basicTableRows(): Row[] {
  const rows = BASIC_TARGETS.flatMap(basicRows);
  // B16 and B17: the seeded passwords contain a colon (Personr) and a £ (Nexudus), so B2 covers them.
  const colon = BASIC_TARGETS[0];
  if (colon) rows.push({ id: 'B16 personr', label: 'split at the first colon (the password has one)', request: colon.send(credentials.personr), status: 200 });
  rows.push({ id: 'B17 nexudus', label: 'UTF-8 credentials (the password has a £)', request: BASIC_TARGETS[1]?.send(credentials.nexudus) ?? { url: '/' }, status: 200 });
  for (const t of BASIC_TARGETS) {
    const twice = [basic(t.user, t.password), basic(t.user, t.password)] as unknown as string;
    rows.push({ id: `B24 ${t.vendor}`, label: 'two Authorization headers', request: t.send(twice), status: 400 });
  }
  return rows;
}

export const BASIC_ROWS_NOT_APPLICABLE = {
  B19: 'no seeded Basic user-id has a character with an NFD form (NFC is unit-tested in core.spec.ts)',
  B23: 'sent over a socket (SOCKET_ROWS)',
  B25: 'no vendor profile is OAuth (no form-encoded client credentials)',
  B26: 'no vendor documents a lockout; the sandbox has none to test',
};

interface JsonTarget {
  vendor: string;
  url: string;
  headers: Record<string, string>;
  valid: unknown;
  ok: number;
  /** The answer to a body of the wrong shape, to unreadable JSON, and to wrong credentials. */
  shape: [number, unknown?];
  unreadable: [number, unknown?];
  wrong: [number, unknown?];
  /** The answer to a body that is not JSON (another content type, or none). */
  notJson: number;
  withPassword(password: unknown): unknown;
}

const JSON_TARGETS: JsonTarget[] = [
  {
    vendor: 'truedat',
    url: at('truedat', '/api/sessions'),
    headers: {},
    valid: credentials.truedat,
    ok: 201,
    shape: [422, TRUEDAT_422],
    unreadable: [400, TRUEDAT_400],
    wrong: [401, TRUEDAT_401],
    notJson: 422,
    withPassword: (password) => ({ access_method: 'alternative_login', user: { user_name: env.TRUEDAT_USERNAME, password } }),
  },
  {
    vendor: 'couchdrop',
    url: at('couchdrop', '/authenticate'),
    headers: {},
    valid: credentials.couchdrop,
    ok: 200,
    shape: [403, COUCHDROP_403],
    unreadable: [403, COUCHDROP_403],
    wrong: [403, COUCHDROP_403],
    notJson: 403,
    withPassword: (password) => ({ username: env.COUCHDROP_USERNAME, password }),
  },
];

function jsonRows(t: JsonTarget): Row[] {
  const post = (payload: string | undefined, contentType: string | undefined = 'application/json', query = ''): InjectOptions & { url: string } => ({
    method: 'POST',
    url: `${t.url}${query}`,
    headers: { ...t.headers, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
    ...(payload === undefined ? {} : { payload }),
  });
  const row = (id: string, label: string, request: InjectOptions & { url: string }, [status, body]: [number, unknown?]): Row => ({ id: `${id} ${t.vendor}`, label, request, status, body });
  const password = String((t.valid as { password?: string }).password ?? (t.valid as { user: { password: string } }).user.password);
  const nested = (depth: number): string => JSON.stringify({ a: 1 }).replace('1', `${'['.repeat(depth)}${']'.repeat(depth)}`);
  return [
    row('L1', 'valid credentials', post(JSON.stringify(t.valid)), [t.ok]),
    row('L2', 'a wrong password', post(JSON.stringify(t.withPassword('wrong-password'))), t.wrong),
    row('L3', 'an unknown user', post(JSON.stringify({ ...(t.withPassword('x') as object), username: 'nobody', user: { user_name: 'nobody', password: 'x' } })), t.wrong),
    row('L4', 'malformed JSON', post('{"username":'), t.unreadable),
    row('L5', 'an empty JSON body', post(''), t.vendor === 'truedat' ? t.shape : t.unreadable),
    ...['null', '[]', '"x"', '42'].map((b) => row('L6', `the body ${b}`, post(b), t.vendor === 'truedat' ? t.shape : t.unreadable)),
    row('L7', 'no password', post(JSON.stringify(t.withPassword(undefined))), t.shape),
    row('L8', 'an unknown extra field (ignored, as the service does)', post(JSON.stringify({ ...(t.valid as object), otp: '1' })), [t.ok]),
    ...[123, { $ne: null }, ['a']].map((p) => row('L9', `the password ${JSON.stringify(p)}`, post(JSON.stringify(t.withPassword(p))), t.shape)),
    row('L10', '"__proto__" in the body', post(`{"__proto__":{"admin":true},${JSON.stringify(t.valid).slice(1)}`), t.unreadable),
    row('L11', '"constructor":{"prototype":…} in the body', post(`{"constructor":{"prototype":{"admin":true}},${JSON.stringify(t.valid).slice(1)}`), t.unreadable),
    row('L12', 'a body of 8193 bytes', post(JSON.stringify({ pad: 'x'.repeat(8_183) })), [413]),
    row('L13', 'Content-Type text/plain', post(JSON.stringify(t.valid), 'text/plain'), [t.notJson]),
    row('L15', 'PUT instead of POST', { ...post(JSON.stringify(t.valid)), method: 'PUT' }, [405]),
    row('L15', 'PATCH instead of POST', { ...post(JSON.stringify(t.valid)), method: 'PATCH' }, [405]),
    row('L16', 'credentials in the query, no body', post(undefined, undefined, `?username=x&password=${encodeURIComponent(password)}`), [t.notJson]),
    row('L18', 'the password in another case', post(JSON.stringify(t.withPassword(password.toUpperCase()))), t.wrong),
    row('L19', 'a password of 4096 characters (refused, never truncated)', post(JSON.stringify(t.withPassword(`${password}${'x'.repeat(4_096)}`))), t.wrong),
    row('L20', 'JSON nested 4000 levels, under the limit', post(nested(4_000)), t.vendor === 'truedat' ? t.shape : t.unreadable),
    row('L21', 'a duplicate key: the last one counts (JSON.parse)', post(JSON.stringify(t.withPassword('wrong')).replace('"password":"wrong"', `"password":"wrong","password":${JSON.stringify(password)}`)), [t.ok]),
  ];
}

export function jsonTableRows(): Row[] {
  const rows = JSON_TARGETS.flatMap(jsonRows);
  // ClearLRS takes JSON too, from a service account: its own refusals are 400 and 415.
  const service = { authorization: credentials.clearlrsService };
  const create = (payload: string, contentType = 'application/json'): InjectOptions & { url: string } => ({
    method: 'POST',
    url: at('clearlrs', '/api/auth/basic'),
    headers: { ...service, 'content-type': contentType },
    payload,
  });
  rows.push(
    { id: 'L4 clearlrs', label: 'malformed JSON', request: create('{"username":'), status: 400 },
    { id: 'L6 clearlrs', label: 'the body []', request: create('[]'), status: 400 },
    { id: 'L7 clearlrs', label: 'no password', request: create('{"username":"u"}'), status: 400 },
    { id: 'L10 clearlrs', label: '"__proto__" in the body', request: create('{"__proto__":{"admin":true},"username":"u","password":"p"}'), status: 400 },
    { id: 'L13 clearlrs', label: 'Content-Type text/plain', request: create('{}', 'text/plain'), status: 415 },
    { id: 'L15 clearlrs', label: 'DELETE instead of POST', request: { ...create('{}'), method: 'DELETE' }, status: 405 },
    { id: 'L17 clearlrs', label: 'a password of 64 emoji', request: create(JSON.stringify({ username: randomUUID(), password: '\u{1F600}'.repeat(64), ttlMins: 5 })), status: 200 },
  );
  return rows;
}

export const JSON_ROWS_ELSEWHERE = {
  'L14, L22-L24': 'rows needing a raw request go over a socket (SOCKET_ROWS); timeouts in http-guards.spec.ts',
  'L25-L30': 'truedat sessions: session rows in bad-input-table.spec.ts',
  L31: 'a crashing route answers a generic 500 (core.spec.ts)',
};

export const SOCKET_ROWS: SocketRow[] = [
  { id: 'B23', label: 'a header block over 16 KiB', raw: `GET /__sandbox/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`, status: 431 },
  { id: 'L22', label: 'Content-Length: abc', raw: 'POST /couchdrop/authenticate HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', status: 400 },
  { id: 'L22', label: 'Content-Length and Transfer-Encoding', raw: 'POST /couchdrop/authenticate HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', status: 400 },
  { id: 'L22', label: 'a NUL in a header value', raw: 'GET /__sandbox/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n', status: 400 },
  { id: 'L22', label: 'no Host on HTTP/1.1', raw: 'GET /__sandbox/health HTTP/1.1\r\n\r\n', status: 400 },
  { id: 'L22', label: 'a garbage request line', raw: 'HELLO\r\n\r\n', status: 400 },
  // inject() always adds a Content-Type to a body, so a body without one is sent over the socket.
  ...(
    [
      ['truedat', at('truedat', '/api/sessions'), JSON.stringify(credentials.truedat), 422],
      ['couchdrop', at('couchdrop', '/authenticate'), JSON.stringify(credentials.couchdrop), 403],
    ] as const
  ).map(([vendor, url, body, status]) => ({
    id: `L14 ${vendor}`,
    label: 'a body with no Content-Type',
    raw: `POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    status,
  })),
];
