// The sandbox clock. Expiry must be testable without waiting, and tests run in parallel, so the
// clock is moved per request (header x-sandbox-clock-offset: seconds) rather than globally; a
// global offset (POST /__sandbox/clock) exists for people exploring the sandbox by hand.
import type { SandboxClock } from './vendor-module';

export const CLOCK_OFFSET_HEADER = 'x-sandbox-clock-offset';

export class OffsetClock implements SandboxClock {
  private globalOffsetMs = 0;

  advance(seconds: number): void {
    this.globalOffsetMs += seconds * 1000;
  }

  reset(): void {
    this.globalOffsetMs = 0;
  }

  now(request: { headers: Record<string, string | string[] | undefined> }): number {
    const raw = request.headers[CLOCK_OFFSET_HEADER];
    const seconds = typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : 0;
    return Date.now() + this.globalOffsetMs + seconds * 1000;
  }
}
