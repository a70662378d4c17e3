// Splits a vendor's contract files by lock: every lock becomes one chain holding exactly the
// scenarios that carry it (from whichever files they come), and each file keeps its scenarios
// without a lock. A chain is one generated spec, so its scenarios run one after another in one
// worker (and one shard); the rest of a file runs beside it. Nothing that may overlap is
// serialised behind a lock it does not take. The order is stable: files and scenarios keep their
// given order, chains come in the order their lock first appears.
import type { ContractFile } from '../dsl/model';

export interface LockChain {
  lock: string;
  /** The lock's scenarios, per source file (files with none of them left out). */
  files: ContractFile[];
  /** Requests that must run one after another: every step of every scenario of the lock. */
  steps: number;
}

export interface SplitByLock {
  chains: LockChain[];
  /** Each file with only its scenarios that carry no lock; files with none are left out. */
  free: ContractFile[];
}

export function splitByLock(files: readonly ContractFile[]): SplitByLock {
  const locks = [...new Set(files.flatMap((f) => f.scenarios.flatMap((s) => (s.lock ? [s.lock] : []))))];
  const chains = locks.map((lock) => {
    const parts = files.map((f) => ({ ...f, scenarios: f.scenarios.filter((s) => s.lock === lock) })).filter((f) => f.scenarios.length > 0);
    const steps = parts.reduce((sum, f) => sum + f.scenarios.reduce((n, s) => n + s.steps.length, 0), 0);
    return { lock, files: parts, steps };
  });
  const free = files.map((f) => ({ ...f, scenarios: f.scenarios.filter((s) => !s.lock) })).filter((f) => f.scenarios.length > 0);
  return { chains, free };
}
