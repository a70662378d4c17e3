// What the workers of one run share about the network: each vendor's circuit breaker and the
// run's retry budget. Workers are separate processes, so the ledger is a few append-only files
// in the run's output folder (Playwright empties that folder when a run starts, so a run never
// sees the last one's state). Appends of a few bytes are atomic, and every decision re-reads
// the file, so a breaker one worker opens is open for all of them at their next attempt. Two
// workers deciding in the same instant can each take the last retry of the budget: it can be
// overrun by at most one retry per worker.
//
// Breaker file, one line per event: "A" an answer arrived, "F <cause>" a retry failed again,
// "O <cause>" the breaker opened. It opens after `threshold` F lines with no A between them and
// stays open for the rest of the run: a monitor run is minutes long, so there is no half-open
// probing. First attempts never count: with a fault on the first attempt of every request, a
// few workers failing at once would otherwise open it although every retry gets through.
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class RunLedger {
  private readonly memory = new Map<string, string[]>();

  /** `dir` undefined keeps the ledger in this process (unit tests, a harness without a run). */
  constructor(private readonly dir: string | undefined) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  /** The cause the breaker opened with, when it is open for this vendor. */
  openCause(vendor: string): string | undefined {
    const open = this.lines(this.breakerFile(vendor)).find((l) => l.startsWith('O '));
    return open?.slice(2);
  }

  recordAnswer(vendor: string): void {
    const lines = this.lines(this.breakerFile(vendor));
    if (lines[lines.length - 1]?.startsWith('F ')) this.append(this.breakerFile(vendor), 'A');
  }

  /** Records a retry that got no answer again; returns the cause when this opened the breaker. */
  recordFailedRetry(vendor: string, cause: string, threshold: number): string | undefined {
    const file = this.breakerFile(vendor);
    this.append(file, `F ${cause}`);
    const lines = this.lines(file);
    if (lines.some((l) => l.startsWith('O '))) return undefined;
    const sinceAnswer = lines.length - 1 - lines.lastIndexOf('A');
    if (sinceAnswer < threshold) return undefined;
    const opened = `${threshold} retries in a row got no answer (last: ${cause})`;
    this.append(file, `O ${opened}`);
    return opened;
  }

  /** Takes one retry from the run's budget; false when it is spent. */
  takeRetry(budget: number): boolean {
    const file = this.file('retries.log');
    if (this.count(file) >= budget) return false;
    this.append(file, 'r');
    return true;
  }

  /**
   * Claims an account's lockout budget for this run (lockout-budget.ts); returns the holder,
   * `holder` itself when this call got it. Creating the file exclusively makes one winner across workers.
   */
  claimAccount(account: string, holder: string): string {
    const file = this.file(`lockout-${account.replace(/[^\w.-]/g, '_')}.claim`);
    if (!this.dir) {
      const held = this.memory.get(file)?.[0];
      if (held === undefined) this.memory.set(file, [holder]);
      return held ?? holder;
    }
    try {
      writeFileSync(file, holder, { flag: 'wx' });
      return holder;
    } catch {
      return readFileSync(file, 'utf8');
    }
  }

  retriesTaken(): number {
    return this.count(this.file('retries.log'));
  }

  private breakerFile(vendor: string): string {
    return this.file(`breaker-${vendor.replace(/[^\w.-]/g, '_')}.log`);
  }

  private file(name: string): string {
    return this.dir ? path.join(this.dir, name) : name;
  }

  private append(file: string, line: string): void {
    if (!this.dir) {
      this.memory.set(file, [...(this.memory.get(file) ?? []), line]);
      return;
    }
    appendFileSync(file, `${line}\n`);
  }

  private lines(file: string): string[] {
    if (!this.dir) return this.memory.get(file) ?? [];
    try {
      return readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  }

  private count(file: string): number {
    if (!this.dir) return this.lines(file).length;
    try {
      return statSync(file).size / 2; // "r\n" per retry
    } catch {
      return 0;
    }
  }
}

const ledgers = new Map<string, RunLedger>();

/** One ledger per folder per process. */
export function runLedger(dir: string | undefined): RunLedger {
  const key = dir ?? '';
  let ledger = ledgers.get(key);
  if (!ledger) ledgers.set(key, (ledger = new RunLedger(dir)));
  return ledger;
}
