// Runs one command as a child process and measures what the benchmark reports about it: wall
// time from spawn to exit; CPU time of the whole process tree (user + system, read from this
// process's cutime/cstime in /proc/self/stat, which the kernel adds each reaped descendant to),
// which stays meaningful when other work shares the machine; and peak memory as the largest sum
// of resident set sizes over the tree (Playwright's runner plus its workers), sampled from /proc.
// A single process's maximum RSS (what `/usr/bin/time -v` prints) would miss the workers.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMeasurement {
  code: number | null;
  wallMs: number;
  /** User + system CPU time of the child and every descendant it reaped; NaN without /proc. */
  cpuMs: number;
  /** Largest sum of RSS over the process tree, in MiB; 0 where /proc is unavailable. */
  peakRssMb: number;
  /** Most processes seen in the tree at one sample (runner + workers). */
  peakProcesses: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  sampleEveryMs?: number;
}

export async function measureProcess(command: string, args: readonly string[], options: MeasureOptions): Promise<ProcessMeasurement> {
  const cpuBefore = reapedChildrenCpuMs();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  let peakRssMb = 0;
  let peakProcesses = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const tree = processTree(child.pid);
    const rss = tree.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
    peakRssMb = Math.max(peakRssMb, rss);
    peakProcesses = Math.max(peakProcesses, tree.length);
  };
  const sampler = setInterval(sample, options.sampleEveryMs ?? 50);
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);

  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const cpuMs = reapedChildrenCpuMs() - cpuBefore;
  clearInterval(sampler);
  clearTimeout(killer);
  return { code, wallMs, cpuMs, peakRssMb, peakProcesses, stdout, stderr };
}

/** CPU time of this process's reaped descendants (fields cutime and cstime of /proc/self/stat). */
function reapedChildrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5), counted from 1; the slice starts at field 3. Linux reports
    // them in clock ticks, which are 100 per second on every mainstream kernel.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** The pid and all its descendants, from each process's parent pid in /proc/<pid>/stat. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentPid(Number(entry));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function parentPid(pid: number): number | undefined {
  try {
    // The command name (field 2) is in parentheses and may hold spaces, so parse after its end.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
