// Child processes the project's tests start (a `playwright test` run, a script), and how they
// are stopped so that nothing outlives them. A child is spawned as the leader of its own
// process group, so one kill(-pid) reaches it and every Playwright worker it forked. Playwright
// starts its webServer (the sandbox) detached, i.e. in a group of its own, which a kill of the
// child's group would miss: so a stop also walks the child's descendants in /proc and kills
// each of their groups. A worker that exits (Playwright restarts one after a test timeout)
// stops every child it still has, so a timed-out test leaves no run behind either.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The child's pid, which is also its process group id. */
  pid: number;
  /** Stopped by the limit or the abort signal rather than exiting by itself. */
  stopped: boolean;
}

export interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * A guard against a hung child, not a speed check: the test's own timeout is the real limit.
   * Generous so that a machine with 4x its cores in load never trips it; CHILD_TIMEOUT_MS overrides.
   */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with the child's pid as soon as it runs (a test watching what it starts). */
  onSpawn?: (pid: number) => void;
}

const DEFAULT_LIMIT_MS = Number(process.env.CHILD_TIMEOUT_MS) || 20 * 60_000;
const live = new Set<number>();

process.on('exit', () => {
  for (const pid of live) stopTree(pid);
});

export async function runChild(argv: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const child = spawn(process.execPath, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${process.execPath} ${argv.join(' ')}`);
  live.add(pid);
  options.onSpawn?.(pid);
  let stdout = '';
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = (): void => {
    stopped = true;
    stopTree(pid);
  };
  const timer = setTimeout(stop, options.timeoutMs ?? DEFAULT_LIMIT_MS);
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', stop);
  // The leader is gone; a worker it left behind still carries its group id.
  killGroup(pid);
  live.delete(pid);
  return { code, stdout, stderr, pid, stopped };
}

/** Kills a process, its descendants and the process groups they lead. */
export function stopTree(pid: number): void {
  const all = processes();
  const tree = [pid, ...descendantsOf(pid, all)];
  const inTree = new Set(tree);
  for (const p of tree) {
    const group = all.find((entry) => entry.pid === p)?.group;
    // Only groups led by a process of this tree: never the test runner's own group.
    if (group !== undefined && inTree.has(group)) killGroup(group);
    signal(p);
  }
  killGroup(pid);
}

/** The pids of the processes in a process group that are still alive (zombies excluded). */
export function groupMembers(group: number): number[] {
  return processes()
    .filter((p) => p.group === group && p.state !== 'Z')
    .map((p) => p.pid);
}

export function descendantsOf(pid: number, all = processes()): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const p of all) {
      if (p.parent === parent && !found.includes(p.pid)) {
        found.push(p.pid);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

function killGroup(group: number): void {
  signal(-group);
}

function signal(target: number): void {
  try {
    process.kill(target, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

interface ProcessEntry {
  pid: number;
  parent: number;
  group: number;
  state: string;
}

/** Every process in /proc: /proc/<pid>/stat is "pid (comm) state ppid pgrp ...". */
function processes(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirOrEmpty('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // comm may hold spaces and parentheses: the fields after it start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    entries.push({ pid: Number(name), state: fields[0] ?? '', parent: Number(fields[1]), group: Number(fields[2]) });
  }
  return entries;
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // no /proc (not Linux): only the group kill applies
  }
}
