// How hard the runtime tries before it calls a vendor unreachable. Every number has a default
// for the nightly monitor and an environment override, so the project's own fault tests can run
// the same code with timeouts of a second and backoffs of milliseconds.
//
//   <VENDOR>_REQUEST_TIMEOUT_MS   one attempt to one vendor, headers and body (TRUEDAT_REQUEST_TIMEOUT_MS=20000)
//   REQUEST_TIMEOUT_MS            the same for every vendor; then vendor.yaml's requestTimeoutMs;
//                                 then 10 000
//   REQUEST_ATTEMPTS              attempts per request, the first included (default 3)
//   REQUEST_BACKOFF_MS            first backoff; doubles per retry, with jitter (default 500)
//   REQUEST_BACKOFF_MAX_MS        longest backoff (default 8 000)
//   RETRY_AFTER_MAX_MS            longest Retry-After honoured; longer is not retried (default 30 000)
//   REQUEST_RETRY_BUDGET          retries per run, all workers together (default 400: the suite
//                                 sends about 250 requests; one blip on each must not alarm)
//   CIRCUIT_BREAKER_THRESHOLD     failed retries in a row that open a vendor's breaker (default 3)
//   CIRCUIT_BREAKER_COOLDOWN_MS   how long an open breaker stays open before one probe (default 60 000)
//   RESPONSE_BODY_LIMIT_BYTES     the largest body read (default 1 MB); a scenario's
//                                 bodyLimitBytes: wins over it for that scenario

export interface NetworkSettings {
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  backoffMaxMs: number;
  retryAfterMaxMs: number;
  retryBudget: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  bodyLimitBytes: number;
}

export const DEFAULT_SETTINGS: NetworkSettings = {
  timeoutMs: 10_000,
  attempts: 3,
  backoffMs: 500,
  backoffMaxMs: 8_000,
  retryAfterMaxMs: 30_000,
  retryBudget: 400,
  breakerThreshold: 3,
  breakerCooldownMs: 60_000,
  bodyLimitBytes: 1024 * 1024,
};

type Env = Readonly<Record<string, string | undefined>>;

function whole(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`config: ${name} must be a whole number of at least ${min}, got "${raw}"`);
  return n;
}

/** What the spec files set: vendor.yaml's requestTimeoutMs, a scenario's bodyLimitBytes. */
export interface FileSettings {
  requestTimeoutMs?: number;
  bodyLimitBytes?: number;
}

/** The settings for one vendor; `vendor` is the id ("truedat"), its override TRUEDAT_REQUEST_TIMEOUT_MS. */
export function networkSettings(env: Env, vendor?: string, files: FileSettings = {}): NetworkSettings {
  const d = DEFAULT_SETTINGS;
  const timeoutMs = whole(env, 'REQUEST_TIMEOUT_MS', files.requestTimeoutMs ?? d.timeoutMs, 1);
  const vendorVar = vendor ? `${vendor.toUpperCase().replace(/\W/g, '_')}_REQUEST_TIMEOUT_MS` : undefined;
  return {
    timeoutMs: vendorVar ? whole(env, vendorVar, timeoutMs, 1) : timeoutMs,
    attempts: whole(env, 'REQUEST_ATTEMPTS', d.attempts, 1),
    backoffMs: whole(env, 'REQUEST_BACKOFF_MS', d.backoffMs, 0),
    backoffMaxMs: whole(env, 'REQUEST_BACKOFF_MAX_MS', d.backoffMaxMs, 0),
    retryAfterMaxMs: whole(env, 'RETRY_AFTER_MAX_MS', d.retryAfterMaxMs, 0),
    retryBudget: whole(env, 'REQUEST_RETRY_BUDGET', d.retryBudget, 0),
    breakerThreshold: whole(env, 'CIRCUIT_BREAKER_THRESHOLD', d.breakerThreshold, 1),
    breakerCooldownMs: whole(env, 'CIRCUIT_BREAKER_COOLDOWN_MS', d.breakerCooldownMs, 0),
    bodyLimitBytes: files.bodyLimitBytes ?? whole(env, 'RESPONSE_BODY_LIMIT_BYTES', d.bodyLimitBytes, 1),
  };
}

/** "1 MB", "512 KB", "300 bytes": the limit as the failure message says it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
