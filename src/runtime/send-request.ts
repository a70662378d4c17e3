// Sends one attempt of a prepared request with Node's fetch (undici) and reads the response in
// full, up to a size cap, within one per-request timeout. Playwright's request context cannot
// do either: it buffers any body whole (a 100 MB body made the redactor throw) and its timeout
// is the only one. Responses of every status come back as data and redirects are not followed
// (a 302 is part of the contract). The context sends no cookies of its own: a contract sends
// exactly the cookies it writes.
//
// When no complete answer arrives the error is replaced by a NoAnswer whose `cause` names what
// happened ("connection reset", "timed out", "connection reset mid-response") and whose message
// is redacted: the original error text can quote the request.
import type { FailureClass } from '../dsl/facts';
import type { Redactor } from '../redaction/redactor';
import type { PreparedRequest } from './build-request';
import { sizeText } from './network/settings';

export interface RawResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", " (set-cookie is kept apart). */
  headers: Record<string, string>;
  setCookies: string[];
  body: Buffer;
}

export interface AttemptLimits {
  timeoutMs: number;
  bodyLimitBytes: number;
}

/**
 * A request that got no usable answer, classed here where the cause is known (the runtime's
 * FailureRecord takes both as data): "outage: connection refused — POST http://…".
 */
export class OutageError extends Error {
  constructor(
    message: string,
    readonly failureClass: FailureClass,
    /** "connection refused", "timed out", "invalid URL": a few words, no secret. */
    readonly cause: string,
  ) {
    super(message);
    this.name = 'OutageError';
    this.stack = message; // the original stack frames add nothing but noise
  }
}

/** No HTTP answer arrived, or it broke off before it was complete: an outage, worth a retry. */
export class NoAnswer extends OutageError {
  constructor(
    cause: string,
    message: string,
    /** The status line that arrived before the body broke off: the vendor had the whole request. */
    readonly answeredStatus?: number,
  ) {
    super(message, 'outage', cause);
  }
}

/** The vendor answered with a body over the cap: a contract failure; the rest is never read. */
export class BodyTooLarge extends OutageError {
  constructor(message: string, limit: string) {
    super(message, 'contract', `response body larger than ${limit}`);
    this.name = 'ContractFailure';
  }
}

const CAUSES: readonly [RegExp, string][] = [
  [/ECONNREFUSED/, 'connection refused'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/, 'DNS lookup failed'],
  [/TimeoutError|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|timed? ?out/i, 'timed out'],
  [/EHOSTUNREACH|ENETUNREACH/, 'host unreachable'],
  [/CERT|SSL|TLS|certificate/i, 'TLS handshake failed'],
  [/HPE_|UND_ERR_RES_CONTENT_LENGTH_MISMATCH|ERR_INVALID_CHUNK|Parse Error/i, 'malformed HTTP response'],
  [/ECONNRESET|UND_ERR_SOCKET|socket hang up|EPIPE|other side closed|terminated/i, 'connection reset'],
];

export async function sendAttempt(prepared: PreparedRequest, limits: AttemptLimits, redactor: Redactor): Promise<RawResponse> {
  const line = `${prepared.method} ${prepared.url}`;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(prepared.url, { method: prepared.method, headers: prepared.headers, body: requestBody(prepared), redirect: 'manual', signal });
  } catch (error) {
    throw classify(error, line, 'before the response', limits, redactor);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const raw = { status: response.status, statusText: response.statusText, headers, setCookies: response.headers.getSetCookie() };
  try {
    const body = prepared.method === 'HEAD' ? Buffer.alloc(0) : await readCapped(response, limits.bodyLimitBytes, line);
    return { ...raw, body };
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error;
    throw classify(error, line, 'mid-response', limits, redactor, response.status);
  }
}

function requestBody(prepared: PreparedRequest): BodyInit | undefined {
  if (prepared.data) return new Uint8Array(prepared.data);
  if (prepared.form) return new URLSearchParams(prepared.form);
  if (prepared.multipart) {
    // fetch writes the multipart Content-Type itself: it carries the boundary.
    for (const name of Object.keys(prepared.headers)) if (name.toLowerCase() === 'content-type') delete prepared.headers[name];
    const form = new FormData();
    for (const [name, value] of prepared.multipart) form.append(name, value);
    return form;
  }
  return undefined;
}

async function readCapped(response: Response, limit: number, line: string): Promise<Buffer> {
  const tooLarge = (detail: string): BodyTooLarge =>
    new BodyTooLarge(`contract: response body larger than ${sizeText(limit)} — ${line} answered ${response.status}${detail}; the rest was not read`, sizeText(limit));
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(` with Content-Length ${declared}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge('');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const e = current as { name?: string; code?: string; message?: string; cause?: unknown };
    parts.push([e.name, e.code, e.message].filter(Boolean).join(' '));
    current = e.cause;
  }
  return parts.join(' / ');
}

function classify(error: unknown, line: string, when: string, limits: AttemptLimits, redactor: Redactor, status?: number): Error {
  const text = errorText(error);
  const invalid = /Invalid URL|Failed to parse URL/i.test(text) ? 'is not a valid URL' : /bad port/.test(text) ? 'uses a port fetch never dials (a "bad port" such as 1)' : undefined;
  if (invalid) return new OutageError(redactor.redact(`config: ${line} ${invalid}; check the vendor's base URL variable`), 'config', 'invalid URL');
  let cause = CAUSES.find(([pattern]) => pattern.test(text))?.[1] ?? 'request failed';
  if (cause === 'timed out') cause = `timed out after ${limits.timeoutMs} ms`;
  if (when === 'mid-response') cause = `${cause} mid-response`;
  const got = status === undefined ? 'got no HTTP response' : `answered ${status} but the body broke off`;
  return new NoAnswer(cause, redactor.redact(`outage: ${cause} — ${line} ${got}`), status);
}
