// The one message a failing step throws, in the spirit of Karate's match report: every mismatch
// (path, expected, actual, rule, YAML line), then the request line, headers and body (redacted),
// a short excerpt of the response body, the clauses that broke and the document section the
// scenario checks.
// The first word is the failure's class for a person reading the console; reporting reads the
// class from the FailureRecord (failure-record.ts), never from this text.
import type { FailureClass } from '../dsl/facts';
import { maskSensitive, maskedText } from '../redaction/mask-sensitive';
import type { Redactor } from '../redaction/redactor';
import type { PreparedRequest } from './build-request';
import type { ClausedResult } from './failure-record';
import type { ReadResponse } from './read-response';

export const BODY_EXCERPT_LIMIT = 500;
const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export interface FailureContext {
  stepName: string;
  request: PreparedRequest;
  response: ReadResponse;
  failures: readonly ClausedResult[];
  failureClass: FailureClass;
  /** The clauses whose expectations failed. */
  clauses: readonly string[];
  doc: string;
  source: string;
  /** Header names that carry credentials for this vendor (a custom auth header). */
  secretHeaders: readonly string[];
}

export function formatFailure(ctx: FailureContext, redactor: Redactor): string {
  const { failures, request, response } = ctx;
  const count = failures.length === 1 ? '1 mismatch' : `${failures.length} mismatches`;
  const lines = [`${ctx.failureClass}: ${count} in step "${ctx.stepName}"`];
  for (const f of failures) {
    lines.push(`  ${f.path}${f.keyword ? `  [${f.keyword}]` : ''}`);
    // equals/notEquals expect a value (shown as JSON); the other rules state a sentence.
    const sentence = typeof f.expected === 'string' && f.keyword !== 'equals' && f.keyword !== 'notEquals';
    lines.push(`    expected: ${sentence ? String(f.expected) : show(f.expected)}`);
    lines.push(`    actual:   ${f.actual === undefined ? '(absent)' : show(maskAtPath(f.path, f.actual))}`);
    // file:line without the column: a "file:line:col" line would be read as a stack frame.
    lines.push(`    yaml:     ${f.loc.file}:${f.loc.line}`);
  }
  lines.push(`request: ${request.method} ${request.url}`);
  const secret = new Set([...SENSITIVE_HEADERS, ...ctx.secretHeaders.map((h) => h.toLowerCase())]);
  for (const [name, value] of Object.entries(request.headers)) {
    lines.push(`  ${name}: ${secret.has(name.toLowerCase()) ? maskHeader(value, redactor) : value}`);
  }
  const sent = requestBodyExcerpt(request, redactor);
  if (sent !== undefined) lines.push(`  body: ${sent}`);
  lines.push(`response: ${response.status} ${response.statusText}`.trimEnd());
  lines.push(`  body: ${bodyExcerpt(response)}`);
  if (ctx.clauses.length > 0) lines.push(`clause: ${ctx.clauses.join(', ')}`);
  lines.push(`doc: ${ctx.doc}`);
  lines.push(`scenario: ${ctx.source}`);
  return redactor.redact(lines.join('\n'));
}

/** A credential header shows its placeholders; anything the redactor cannot name is masked. */
function maskHeader(value: string, redactor: Redactor): string {
  const redacted = redactor.redact(value);
  return redacted.includes('«') ? redacted : maskedText(value);
}

/**
 * The body the step sent, as it went out: secrets the redactor knows become their «NAME» first
 * (so the reader sees which variable went where), then any other credential-named field is
 * masked; form and multipart fields show as name=value pairs, a repeated field once per value.
 */
function requestBodyExcerpt(request: PreparedRequest, redactor: Redactor): string | undefined {
  const pairs = request.form ?? request.multipart;
  if (pairs) {
    // Decoded, so a person reads the values (and the redactor finds a secret raw).
    const text = pairs.map(([n, v]) => `${n}=${String(maskUnnamed(redactor.redact(v), n))}`).join(request.form ? '&' : '; ');
    return excerpt(`${request.form ? 'form' : 'multipart'} ${text}`);
  }
  if (!request.data) return undefined;
  const raw = redactor.redact(request.data.toString('utf8'));
  if (raw === '') return '(empty)';
  try {
    return excerpt(JSON.stringify(maskUnnamed(JSON.parse(raw))));
  } catch {
    return excerpt(raw); // a raw body (deliberately broken JSON, say) is shown as written
  }
}

/** maskSensitive, leaving values the redactor already replaced by a placeholder. */
function maskUnnamed(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return /^«[^«»]+»$/.test(value) ? value : maskSensitive(value, key);
  if (Array.isArray(value)) return value.map((item) => maskUnnamed(item, key));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskUnnamed(v, k)]));
  return value;
}

function excerpt(text: string): string {
  const cut = text.length > BODY_EXCERPT_LIMIT ? `${text.slice(0, BODY_EXCERPT_LIMIT)}… (${text.length} chars)` : text;
  return cut.replace(/\s*\n\s*/g, ' ');
}

function bodyExcerpt(response: ReadResponse): string {
  if (response.text === '') return '(empty)';
  return excerpt(response.isJson ? JSON.stringify(maskSensitive(response.json)) : response.text);
}

export function maskAtPath(path: string, actual: unknown): unknown {
  const last = path.split(/[ .[\]'"]+/).filter(Boolean).pop() ?? '';
  return path.startsWith('cookie ') || path.startsWith('capture ') ? maskSensitive(actual, 'cookie') : maskSensitive(actual, last);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'not' in value && Object.keys(value).length === 1) {
    return `not ${show(value.not)}`;
  }
  return JSON.stringify(value) ?? String(value);
}
