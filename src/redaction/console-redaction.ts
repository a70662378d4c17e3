// Redacts what a process writes to stdout and stderr. In a Playwright worker the wrapper sits in
// front of Playwright's own capture (the worker hooks the streams before it loads the config or
// any fixture), so every reporter that prints or stores output chunks, blob reports included,
// only ever gets redacted text: a string chunk cannot be changed after the fact. In the runner
// process it covers the terminal (list/dot output, webServer logs).
//
// Each stream is wrapped once; every redactor installed later is added to the wrapper's list
// and applied in order. The config (reporters()) installs the run's redactor in every process,
// the contract fixture adds the worker's, whose scenarios also know the tokens they captured.

/** What the console needs of a redactor. */
export interface TextRedactor {
  redact(text: string): string;
}

type Write = typeof process.stdout.write;
const INSTALLED = Symbol.for('auth-contracts.console-redaction');

function redactAll(text: string, redactors: readonly TextRedactor[]): string {
  return redactors.reduce((out, redactor) => redactor.redact(out), text);
}

function redactingWrite(original: Write, redactors: readonly TextRedactor[]): Write {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    let out = chunk;
    if (typeof chunk === 'string') out = redactAll(chunk, redactors);
    else if (chunk instanceof Uint8Array) {
      const text = Buffer.from(chunk).toString('utf8');
      const redacted = redactAll(text, redactors);
      if (redacted !== text) out = redacted;
    }
    return (original as unknown as (...args: unknown[]) => boolean)(out, ...rest);
  };
  return write;
}

/** Adds a redactor to both streams' wrappers; the same redactor twice changes nothing. */
export function installConsoleRedaction(redactor: TextRedactor): void {
  for (const stream of [process.stdout, process.stderr]) {
    const marked = stream as unknown as Record<symbol, TextRedactor[] | undefined>;
    let redactors = marked[INSTALLED];
    if (!redactors) {
      redactors = [];
      stream.write = redactingWrite(stream.write.bind(stream), redactors);
      marked[INSTALLED] = redactors;
    }
    if (!redactors.includes(redactor)) redactors.push(redactor);
  }
}
