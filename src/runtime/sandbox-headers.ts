// Request headers only the sandbox understands. The sandbox defines the same name in
// sandbox/core/clock.ts; the two sides are kept apart on purpose (the sandbox imports nothing
// from the engine), and the end-to-end clock-offset scenarios prove they agree.
export const CLOCK_OFFSET_HEADER = 'x-sandbox-clock-offset';
