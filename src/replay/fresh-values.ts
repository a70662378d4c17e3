// Fresh stand-ins for placeholders on replay: a value of the recorded form (same type, length
// and character classes) but new each time a scenario starts, so that a contract checking a
// re-issued token differs, or a UUID's format, behaves as it did against the real vendor.
import { randomInt } from 'node:crypto';
import type { Placeholder } from './recording-format';

const CLASSES: Record<string, string> = {
  '9': '0123456789',
  x: 'abcdef',
  X: 'ABCDEF',
  a: 'abcdefghijklmnopqrstuvwxyz',
  A: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
};

export function freshValue(placeholder: Placeholder): string | number {
  let text = [...placeholder.shape].map((c) => pick(CLASSES[c] ?? c)).join('');
  if (placeholder.type === 'number') {
    // Same number of digits, never a leading zero (it would read as a shorter number).
    text = text.replace(/^0/, String(randomInt(1, 10)));
    const n = Number(text);
    return Number.isFinite(n) ? n : 1;
  }
  return text;
}

/** The stand-in the replay target gives a secret variable (the recording holds only its name). */
export function secretStandIn(name: string): string {
  return `replay-${name.toLowerCase().replace(/_/g, '-')}`;
}

function pick(chars: string): string {
  return chars.length === 1 ? chars : (chars[randomInt(0, chars.length)] ?? '');
}
