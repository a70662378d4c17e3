// What the workers of one run share about the network: each vendor's circuit breaker, the run's
// retry budget and the lockout claims. Workers are separate processes, so the ledger is a few
// append-only files in the run's output folder (Playwright empties that folder when a run starts,
// so a run never sees the last one's state). Appends of a few bytes are atomic, and every decision
// re-reads the file, so a breaker one worker opens is open for all of them at their next attempt.
// Two workers deciding in the same instant can each take the last retry of the budget: it can be
// overrun by at most one retry per worker.
//
// Breaker file, one line per event with its time in ms: "A <t>" an answer arrived, "F <t> <cause>"
// a retry failed again, "O <t> <cause>" the breaker opened. It opens after `threshold` F lines with
// no A between them (first attempts never count: with a fault on the first attempt of every
// request, a few workers failing at once would otherwise open it although every retry gets
// through), or when the monitor's preflight got no answer at all (preflight.ts). Open, it is
// half-open after the cool-down: one probe (a claim file per opening, so one across workers) is
// let through with a single attempt; an answer closes the breaker (an A after the O), no answer
// opens it again with a fresh cool-down.
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type BreakerState = { kind: 'closed' } | { kind: 'open' | 'half-open'; cause: string; since: number };

interface BreakerEvent {
  kind: string;
  at: number;
  cause: string;
}

function parseEvent(line: string): BreakerEvent {
  const [, kind = '', at = '0', cause = ''] = /^(\w) (\d+) ?(.*)$/.exec(line) ?? [];
  return { kind, at: Number(at), cause };
}

const lastOf = (events: readonly BreakerEvent[], kind: string): number => events.map((e) => e.kind).lastIndexOf(kind);
const safe = (name: string): string => name.replace(/[^\w.-]/g, '_');

export class RunLedger {
  private readonly memory = new Map<string, string[]>();

  /** `dir` undefined keeps the ledger in this process (unit tests, a harness without a run). */
  constructor(private readonly dir: string | undefined) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  /** The breaker's state for this vendor now; `cooldownMs` after it opened it is half-open. */
  breaker(vendor: string, cooldownMs: number, now = Date.now()): BreakerState {
    const events = this.lines(this.breakerFile(vendor)).map(parseEvent);
    const open = lastOf(events, 'O');
    if (open < 0 || events.slice(open + 1).some((e) => e.kind === 'A')) return { kind: 'closed' };
    const { at, cause } = events[open] as BreakerEvent;
    return now - at < cooldownMs ? { kind: 'open', cause, since: at } : { kind: 'half-open', cause, since: at };
  }

  /** The cause the breaker is open with, when it is open (half-open counts as open until a probe answers). */
  openCause(vendor: string, cooldownMs = Number.POSITIVE_INFINITY): string | undefined {
    const state = this.breaker(vendor, cooldownMs);
    return state.kind === 'closed' ? undefined : state.cause;
  }

  /** Takes the one probe of a half-open breaker; true when `holder` has it (also when it had it already). */
  claimProbe(vendor: string, since: number, holder: string): boolean {
    return this.claim(`probe-${safe(vendor)}-${since}`, holder) === holder;
  }

  recordAnswer(vendor: string): void {
    const lines = this.lines(this.breakerFile(vendor));
    const last = lines[lines.length - 1];
    if (last?.startsWith('F ') || last?.startsWith('O ')) this.append(this.breakerFile(vendor), `A ${Date.now()}`);
  }

  /** Opens the breaker now (the preflight got no answer, or a probe did not). */
  open(vendor: string, cause: string, at = Date.now()): void {
    this.append(this.breakerFile(vendor), `O ${at} ${cause}`);
  }

  /** Records a retry that got no answer again; returns the cause when this opened the breaker. */
  recordFailedRetry(vendor: string, cause: string, threshold: number): string | undefined {
    const file = this.breakerFile(vendor);
    this.append(file, `F ${Date.now()} ${cause}`);
    const events = this.lines(file).map(parseEvent);
    const lastOpen = lastOf(events, 'O');
    const lastAnswer = lastOf(events, 'A');
    if (lastOpen > lastAnswer) return undefined; // already open
    const since = events.slice(lastAnswer + 1).filter((e) => e.kind === 'F').length;
    if (since < threshold) return undefined;
    const opened = `${threshold} retries in a row got no answer (last: ${cause})`;
    this.open(vendor, opened);
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
    return this.claim(`lockout-${safe(account)}`, holder);
  }

  private claim(name: string, holder: string): string {
    const file = this.file(`${name}.claim`);
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
    return this.file(`breaker-${safe(vendor)}.log`);
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
