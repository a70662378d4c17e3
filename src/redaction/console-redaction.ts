// Redacts what a process writes to stdout and stderr. In a Playwright worker this runs before
// Playwright captures the output (the config loads after the worker has hooked the streams, so
// this wrapper sits in front of Playwright's), which keeps secrets out of every reporter that
// prints or stores raw output chunks, blob reports included: a string chunk cannot be changed
// after the fact. In the runner process it covers the terminal (list/dot output, webServer logs).
import type { TextRedactor } from './run-redactor';

type Write = typeof process.stdout.write;
const INSTALLED = Symbol.for('auth-contracts.console-redaction');

function redactingWrite(original: Write, redactor: TextRedactor): Write {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    let out = chunk;
    if (typeof chunk === 'string') out = redactor.redact(chunk);
    else if (chunk instanceof Uint8Array) {
      const text = Buffer.from(chunk).toString('utf8');
      const redacted = redactor.redact(text);
      if (redacted !== text) out = redacted;
    }
    return (original as unknown as (...args: unknown[]) => boolean)(out, ...rest);
  };
  return write;
}

/** Idempotent: a second call (the config is loaded more than once per process) changes nothing. */
export function installConsoleRedaction(redactor: TextRedactor): void {
  for (const stream of [process.stdout, process.stderr]) {
    const marked = stream as unknown as Record<symbol, boolean>;
    if (marked[INSTALLED]) continue;
    stream.write = redactingWrite(stream.write.bind(stream), redactor);
    marked[INSTALLED] = true;
  }
}
