// The plan a fault batch hands its child run (support/fault-child.config.ts): for each repeat,
// the scenarios its round expects red. A file of its own, so the self-test's workers can write
// it without loading the child's config.
import { writeFileSync } from 'node:fs';

/** The environment variable naming the plan file: JSON, one array of expectedRedKey()s per repeat. */
export const EXPECTED_RED_ENV = 'FAULT_EXPECTED_RED_FILE';

export const expectedRedKey = (vendor: string, scenario: string): string => `${vendor}\u0000${scenario}`;

export function writeExpectedRed(file: string, rounds: readonly { vendor: string; expectedRed: readonly string[] }[][]): void {
  writeFileSync(file, JSON.stringify(rounds.map((round) => round.flatMap((c) => c.expectedRed.map((s) => expectedRedKey(c.vendor, s))))));
}
