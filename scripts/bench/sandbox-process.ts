// Starts the project's sandbox (sandbox/main.ts, exactly as Playwright's webServer starts it) in
// its own process for the benchmark. The runner under test then finds it already listening and
// reuses it, so sandbox start-up is not counted against the runner, and the runner and the floor
// talk to the very same server.
import { spawn, type ChildProcess } from 'node:child_process';

export interface SandboxProcess {
  origin: string;
  latencyMs: number;
  stop(): Promise<void>;
}

async function healthy(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/__sandbox/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startSandbox(projectRoot: string, port: number, latencyMs: number): Promise<SandboxProcess> {
  const origin = `http://127.0.0.1:${port}`;
  if (await healthy(origin)) {
    throw new Error(`something already answers on ${origin}; stop it or pick another port with SANDBOX_PORT`);
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_QUIET: '1', SANDBOX_LATENCY_MS: String(latencyMs), SANDBOX_FAULTS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  while (!(await healthy(origin))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the sandbox did not start on ${origin}: ${stderr.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    latencyMs,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
