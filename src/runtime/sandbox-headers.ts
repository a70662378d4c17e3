// Request headers only the sandbox understands. The sandbox defines the same name in
// sandbox/core/clock.ts; the two sides are kept apart on purpose (the sandbox imports nothing
// from the engine), and the end-to-end clock-offset scenarios prove they agree.
export const CLOCK_OFFSET_HEADER = 'x-sandbox-clock-offset';

/**
 * The header the sandbox's /__sandbox controls need, and its value for this run: the runner
 * (playwright.config.ts) puts a per-run SANDBOX_CONTROL_TOKEN into the environment of the sandbox
 * it starts and of every worker. The sandbox names the header in sandbox/core/control-routes.ts.
 */
export const SANDBOX_CONTROL_TOKEN_HEADER = 'x-sandbox-control-token';

export function sandboxControlHeaders(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const token = env.SANDBOX_CONTROL_TOKEN;
  return token ? { [SANDBOX_CONTROL_TOKEN_HEADER]: token } : {};
}
