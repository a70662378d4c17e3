// Every vendor of the sandbox in one in-process app, with the requests that prove each vendor
// still works: a valid login (or call) succeeds and an unauthenticated one is refused. The
// hostile-input tests (pollution, bad-input table, fuzz) run these after their inputs, so a
// request that broke the process for later callers shows as a failed functional check.
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { readSandboxEnv } from '../../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../../sandbox/core/server';
import { vendors } from '../../../sandbox/vendors';

export const env = readSandboxEnv();
export type Response = LightMyRequestResponse;

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const basic = (user: string | undefined, pass: string | undefined): string => `Basic ${b64(`${user ?? ''}:${pass ?? ''}`)}`;

/** The path prefix of a vendor in the sandbox ("/truedat", "/personr/api/1.1/wf", ...). */
export function at(vendor: 'truedat' | 'couchdrop' | 'clearlrs' | 'personr' | 'nexudus', path: string): string {
  return `${prefixOf(env[baseUrlVar(vendor, path)])}${path}`;
}

// Nexudus lives on two hosts: the admin REST API (/api/sys/...) and the space's portal.
function baseUrlVar(vendor: string, path: string): string {
  if (vendor !== 'nexudus') return `${vendor.toUpperCase()}_BASE_URL`;
  return path.startsWith('/api/sys/') ? 'NEXUDUS_ADMIN_BASE_URL' : 'NEXUDUS_SPACE_BASE_URL';
}

export const credentials = {
  truedat: { access_method: 'alternative_login', user: { user_name: env.TRUEDAT_USERNAME, password: env.TRUEDAT_PASSWORD } },
  couchdrop: { username: env.COUCHDROP_USERNAME, password: env.COUCHDROP_PASSWORD },
  clearlrsService: basic(env.CLEARLRS_API_KEY, env.CLEARLRS_API_SECRET),
  personr: basic(env.PERSONR_EMAIL, env.PERSONR_PASSWORD),
  nexudus: basic(env.NEXUDUS_EMAIL, env.NEXUDUS_PASSWORD),
};

/** Every documented endpoint of every vendor (method, path), for inputs sent to all of them. */
export const ENDPOINTS: readonly { method: InjectOptions['method']; url: string }[] = [
  { method: 'POST', url: at('truedat', '/api/sessions') },
  { method: 'GET', url: at('truedat', '/api/sessions') },
  { method: 'DELETE', url: at('truedat', '/api/sessions') },
  { method: 'POST', url: at('truedat', '/api/sessions/refresh') },
  { method: 'POST', url: at('couchdrop', '/authenticate') },
  { method: 'GET', url: at('couchdrop', '/manage/account') },
  { method: 'POST', url: at('clearlrs', '/api/auth/basic') },
  { method: 'GET', url: at('clearlrs', '/xapi/statements') },
  { method: 'POST', url: at('personr', '/api-basic-auth') },
  { method: 'POST', url: at('personr', '/api-probe') },
  { method: 'GET', url: at('nexudus', '/en/user/me') },
  { method: 'GET', url: at('nexudus', '/api/sys/coworkers') },
];

export function allVendorsSandbox(options: { faults?: string[] } = {}): Sandbox {
  return buildSandbox({ env, vendors, faults: options.faults });
}

interface Check {
  label: string;
  request: InjectOptions & { url: string };
  status: number;
}

// One success and one refusal per vendor; each ClearLRS call creates a fresh username.
function checks(): Check[] {
  const json = { 'content-type': 'application/json' };
  return [
    { label: 'truedat login', request: { method: 'POST', url: at('truedat', '/api/sessions'), headers: json, payload: JSON.stringify(credentials.truedat) }, status: 201 },
    { label: 'truedat without a token', request: { method: 'GET', url: at('truedat', '/api/sessions') }, status: 401 },
    { label: 'couchdrop login', request: { method: 'POST', url: at('couchdrop', '/authenticate'), headers: json, payload: JSON.stringify(credentials.couchdrop) }, status: 200 },
    { label: 'couchdrop without a token', request: { method: 'GET', url: at('couchdrop', '/manage/account') }, status: 403 },
    {
      label: 'clearlrs create',
      request: { method: 'POST', url: at('clearlrs', '/api/auth/basic'), headers: { ...json, authorization: credentials.clearlrsService }, payload: JSON.stringify({ username: randomUUID(), password: 'Pw-1', ttlMins: 5 }) },
      status: 200,
    },
    { label: 'clearlrs without credentials', request: { method: 'POST', url: at('clearlrs', '/api/auth/basic'), headers: json, payload: '{}' }, status: 401 },
    { label: 'personr token', request: { method: 'POST', url: at('personr', '/api-basic-auth'), headers: { authorization: credentials.personr } }, status: 200 },
    { label: 'personr without credentials', request: { method: 'POST', url: at('personr', '/api-basic-auth') }, status: 400 },
    { label: 'personr probe without a token', request: { method: 'POST', url: at('personr', '/api-probe') }, status: 401 },
    { label: 'nexudus me', request: { method: 'GET', url: at('nexudus', '/en/user/me'), headers: { authorization: credentials.nexudus } }, status: 200 },
    { label: 'nexudus without credentials', request: { method: 'GET', url: at('nexudus', '/en/user/me') }, status: 401 },
  ];
}

/** Runs every vendor's functional check; the labels of those that did not answer as expected. */
export async function brokenVendors(sandbox: Sandbox): Promise<string[]> {
  const broken: string[] = [];
  for (const check of checks()) {
    const res = await sandbox.app.inject(check.request);
    if (res.statusCode !== check.status) broken.push(`${check.label}: ${res.statusCode} instead of ${check.status}`);
  }
  return broken;
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Names Object.prototype has gained since this module loaded (none, unless something polluted it). */
export function prototypeChanges(): string[] {
  const now = Object.getOwnPropertyNames(Object.prototype).sort();
  return now.join(',') === PROTOTYPE_KEYS ? [] : now.filter((name) => !PROTOTYPE_KEYS.split(',').includes(name));
}

/** A multipart/form-data body with one text part per field, in order. */
export function multipartBody(fields: readonly [string, string][], boundary = 'sandbox-test-boundary'): { payload: string; contentType: string } {
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
