// Summarises V8 .cpuprofile files (written by `node --cpu-prof`) into where the time goes: the
// functions with the most self time, and the self time per origin (Playwright's test runner,
// playwright-core's request stack, Node internals, ajv, this project's engine, the generated
// specs, garbage collection). Self time is what a function spends in its own code, not in what
// it calls, so the top of the list is where cycles are really burnt.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  name: string; // function name and file:line
  origin: string;
  selfMs: number;
  share: number; // of the profile's non-idle time
}

export type ProcessRole = 'runner' | 'worker' | 'other';

export interface ProfileSummary {
  file: string;
  /** Which Playwright process wrote it, from the scripts it ran. */
  role: ProcessRole;
  totalMs: number; // wall time the profile covers
  busyMs: number; // minus idle
  byOrigin: { origin: string; selfMs: number; share: number }[];
  top: FunctionCost[];
}

/** Which part of the stack a script belongs to; the order of the tests matters. */
export function originOf(url: string, functionName: string, projectRoot: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 / native';
  if (url === '' || url.startsWith('node:')) return 'Node internals';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  if (file.includes('/node_modules/playwright-core/')) return 'playwright-core (request, protocol)';
  if (file.includes('/node_modules/playwright/')) return 'Playwright test runner';
  if (/\/node_modules\/(ajv|ajv-formats|fast-uri)\//.test(file)) return 'ajv';
  if (file.includes('/node_modules/')) return `other packages (${/\/node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '?'})`;
  if (file.includes('/generated/')) return 'generated specs';
  if (file.startsWith(path.join(projectRoot, 'src'))) return 'engine (src/)';
  return 'other';
}

export function summariseProfile(file: string, projectRoot: string, topCount = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i + 1] is the time between sample i and the next one: the time sample i stands for.
  samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? 0)));

  const functions = new Map<string, { origin: string; us: number }>();
  const origins = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const origin = originOf(frame.url, frame.functionName, projectRoot);
    origins.set(origin, (origins.get(origin) ?? 0) + us);
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    const entry = functions.get(name) ?? { origin, us: 0 };
    entry.us += us;
    functions.set(name, entry);
  }

  const urls = profile.nodes.map((node) => node.callFrame.url);
  const role: ProcessRole = urls.some((u) => u.includes('/worker/workerProcessEntry.js'))
    ? 'worker'
    : urls.some((u) => u.includes('/playwright/lib/runner/'))
      ? 'runner'
      : 'other';
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const busyMs = totalMs - (origins.get('idle') ?? 0) / 1000;
  const share = (us: number): number => (busyMs > 0 ? us / 1000 / busyMs : 0);
  return {
    file,
    role,
    totalMs,
    busyMs,
    byOrigin: [...origins]
      .filter(([origin]) => origin !== 'idle')
      .map(([origin, us]) => ({ origin, selfMs: us / 1000, share: share(us) }))
      .sort((a, b) => b.selfMs - a.selfMs),
    top: [...functions]
      .filter(([, f]) => f.origin !== 'idle')
      .map(([name, f]) => ({ name, origin: f.origin, selfMs: f.us / 1000, share: share(f.us) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, topCount),
  };
}

/** Several processes' summaries as one (e.g. all workers): self times add up by function. */
export function mergeSummaries(summaries: readonly ProfileSummary[], topCount = 25): Omit<ProfileSummary, 'file' | 'role'> {
  const totalMs = summaries.reduce((sum, p) => sum + p.totalMs, 0);
  const busyMs = summaries.reduce((sum, p) => sum + p.busyMs, 0);
  const add = <T extends { selfMs: number }>(map: Map<string, T>, key: string, item: T): void => {
    const seen = map.get(key);
    if (seen) seen.selfMs += item.selfMs;
    else map.set(key, { ...item });
  };
  const origins = new Map<string, { origin: string; selfMs: number; share: number }>();
  const functions = new Map<string, FunctionCost>();
  for (const summary of summaries) {
    for (const o of summary.byOrigin) add(origins, o.origin, o);
    for (const f of summary.top) add(functions, f.name, f);
  }
  const share = <T extends { selfMs: number; share: number }>(item: T): T => ({ ...item, share: busyMs > 0 ? item.selfMs / busyMs : 0 });
  return {
    totalMs,
    busyMs,
    byOrigin: [...origins.values()].map(share).sort((a, b) => b.selfMs - a.selfMs),
    top: [...functions.values()].map(share).sort((a, b) => b.selfMs - a.selfMs).slice(0, topCount),
  };
}

/** The part of a script URL worth printing: the package and file, or the project path. */
function shortUrl(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const inPackage = /\/node_modules\/(.+)$/.exec(file);
  if (inPackage?.[1]) return inPackage[1];
  return file.split('/').slice(-3).join('/');
}
