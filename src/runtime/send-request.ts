// Sends a prepared request through Playwright's APIRequestContext. Responses of every status
// come back as data (failOnStatusCode: false) and redirects are not followed (a 302 is part of
// the contract). When no response arrives, Playwright's error carries a "Call log" listing every
// request header, `authorization:` included; that error is never rethrown. It is replaced by a
// redacted one that carries its class (outage or config) and cause as data, for the record.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { FailureClass } from '../dsl/facts';
import type { Redactor } from '../redaction/redactor';
import type { PreparedRequest } from './build-request';

// Below the 30 s test timeout, so a vendor that never answers fails as our classified outage
// rather than as a bare test timeout (20 s is also where monitors call a check failed).
export const REQUEST_TIMEOUT_MS = 20_000;

const OUTAGES: readonly [RegExp, string][] = [
  [/ECONNREFUSED/, 'connection refused'],
  [/ECONNRESET|socket hang up|EPIPE/, 'connection reset'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/, 'DNS lookup failed'],
  [/ETIMEDOUT|Timeout \d+ms exceeded|timed out/i, 'timed out'],
  [/EHOSTUNREACH|ENETUNREACH/, 'host unreachable'],
  [/certificate|SSL|TLS/i, 'TLS handshake failed'],
];

/** A request that got no HTTP response: "outage: connection refused — POST http://…". */
export class OutageError extends Error {
  constructor(
    message: string,
    readonly failureClass: FailureClass,
    /** "connection refused", "timed out", "invalid URL": a few words, no secret. */
    readonly cause: string,
  ) {
    super(message);
    this.name = 'OutageError';
  }
}

export async function sendRequest(request: APIRequestContext, prepared: PreparedRequest, redactor: Redactor): Promise<APIResponse> {
  try {
    return await request.fetch(prepared.url, {
      method: prepared.method,
      headers: prepared.headers,
      data: prepared.data,
      form: prepared.form,
      multipart: prepared.multipart,
      failOnStatusCode: false,
      maxRedirects: 0,
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (error) {
    throw outageError(error, prepared, redactor);
  }
}

export function outageError(error: unknown, prepared: PreparedRequest, redactor: Redactor): OutageError {
  const raw = error instanceof Error ? error.message : String(error);
  // Only the first line: everything after it is the call log with the request headers.
  const firstLine = (raw.split('\n')[0] ?? '').replace(/^apiRequestContext\.\w+:\s*/, '');
  const kind = OUTAGES.find(([pattern]) => pattern.test(raw))?.[1];
  const line = `${prepared.method} ${prepared.url}`;
  const invalidUrl = !kind && /Invalid URL/i.test(raw);
  const message = kind
    ? `outage: ${kind} — ${line} got no HTTP response (${firstLine})`
    : invalidUrl
      ? `config: ${line} is not a valid URL; check the vendor's base URL variable (${firstLine})`
      : `outage: ${line} failed before a response arrived (${firstLine})`;
  const [failureClass, cause] = invalidUrl ? (['config', 'invalid URL'] as const) : (['outage', kind ?? 'no HTTP response'] as const);
  const replacement = new OutageError(redactor.redact(message), failureClass, cause);
  replacement.stack = replacement.message; // the original stack frames add nothing but noise
  return replacement;
}
