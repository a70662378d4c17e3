// What kind of failure a test failed with, decided from its (already redacted) error message,
// so a person reading the morning summary knows whom to call:
//   contract     the vendor answered, wrongly: a finding about the vendor
//   outage       no usable answer: connection refused or reset, DNS, TLS, timeout, 5xx, 429
//   credentials  the configured credentials were refused where they should work (401/403
//                where the contract expects success): check or rotate the account first
//   config       our side: a missing variable or a bad contract file
// The runtime names the class in its message's first word ("outage:", "config:", "server:",
// "rate_limited:", "contract:"); a contract failure whose status mismatch is a 401/403 where
// a success was expected is re-read as credentials. Messages without a class word (Playwright's
// own errors) are read from their text.

export type FailureClass = 'contract' | 'outage' | 'credentials' | 'config';

export const FAILURE_CLASSES: readonly FailureClass[] = ['contract', 'outage', 'credentials', 'config'];

const PREFIX = /^\s*(?:[A-Z]\w*:\s*)?(contract|outage|server|rate_limited|credentials|config):/i; // after an error name
const PREFIX_CLASS: Record<string, FailureClass> = {
  contract: 'contract',
  outage: 'outage',
  server: 'outage',
  rate_limited: 'outage',
  credentials: 'credentials',
  config: 'config',
};
const NETWORK =
  /\b(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|getaddrinfo|self[- ]signed certificate|certificate has expired|SSL routines|Request timed out|Timeout \d+ms exceeded|Test timeout of \d+ms exceeded)/i;
const CONFIG = /\b(?:is not set|missing (?:environment )?variable|unknown variable|contract file|env file)\b/i;
// The runtime's status mismatch: "status  [status]\n    expected: 201\n    actual:   401".
const RUNTIME_STATUS = /\bstatus\s+\[status\]\s*\n\s*expected:\s*(?:one of\s*)?([\d, ]+)\s*\n\s*actual:\s*(\d{3})/;
// Free text: "expected 201, received 401", "answered 503", "Response status: 502".
const RECEIVED = /\b(?:received|actual|got|answered|returned|Response status:?)\s*:?\s*(?:status\s*)?(\d{3})\b/i;
const EXPECTED = /\bexpect(?:ed|s)?\s*:?\s*(?:status\s*)?(\d{3})\b/i;

function statusPair(message: string): { expected: number[]; received: number } | undefined {
  const runtime = RUNTIME_STATUS.exec(message);
  if (runtime) {
    const expected = (runtime[1] ?? '').split(/[ ,]+/).filter(Boolean).map(Number);
    return { expected, received: Number(runtime[2]) };
  }
  const received = RECEIVED.exec(message);
  if (!received) return undefined;
  const expected = EXPECTED.exec(message);
  return { expected: expected ? [Number(expected[1])] : [], received: Number(received[1]) };
}

// A refused Bearer token is the vendor breaking its session promise (contract), not a bad
// configured credential: the token came from the vendor a step earlier.
const BEARER_REQUEST = /^\s*authorization:\s*Bearer\b/im;

function refusedCredentials(pair: { expected: number[]; received: number } | undefined, message: string): boolean {
  if (!pair || (pair.received !== 401 && pair.received !== 403) || BEARER_REQUEST.test(message)) return false;
  return pair.expected.length > 0 && pair.expected.every((code) => code >= 200 && code <= 399);
}

export function classifyFailure(rawMessage: string): FailureClass {
  const message = rawMessage.replace(/\u001b\[[0-9;]*m/g, '');
  const pair = statusPair(message);
  const prefixed = PREFIX.exec(message)?.[1]?.toLowerCase();
  if (prefixed && prefixed !== 'contract') return PREFIX_CLASS[prefixed] ?? 'contract';
  if (refusedCredentials(pair, message)) return 'credentials';
  if (prefixed === 'contract') return 'contract';
  if (NETWORK.test(message)) return 'outage';
  if (pair && pair.received >= 500 && pair.received <= 599) return 'outage';
  if (CONFIG.test(message)) return 'config';
  return 'contract';
}
