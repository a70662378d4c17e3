// Reads a Playwright JSON report into the timeline the latency-bound run is judged by: when the
// first test started and the last one ended, and for the spec file that ran longest (in a
// latency-bound run, the longest chain of requests that must run in order) when it started.
// A chain that starts late cannot finish early, whatever the worker count.
import { readFileSync } from 'node:fs';

interface JsonResult {
  startTime: string;
  duration: number;
}

interface JsonSuite {
  file?: string;
  specs?: { file: string; tests: { results: JsonResult[] }[] }[];
  suites?: JsonSuite[];
}

export interface Timeline {
  /** From the first test's start to the last test's end. */
  testsSpanMs: number;
  longestFile: string;
  /** When the longest-running file started, after the first test started. */
  longestStartMs: number;
  longestSpanMs: number;
  /** Workers the run used (the report's config.metadata.actualWorkers, else config.workers). */
  workers?: number;
}

export function readTimeline(jsonReport: string): Timeline | undefined {
  type Report = { suites?: JsonSuite[]; config?: { workers?: number; metadata?: { actualWorkers?: number } } };
  let report: Report;
  try {
    report = JSON.parse(readFileSync(jsonReport, 'utf8')) as Report;
  } catch {
    return undefined;
  }
  const files = new Map<string, { start: number; end: number }>();
  const walk = (suite: JsonSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const result of spec.tests.flatMap((t) => t.results)) {
        const start = Date.parse(result.startTime);
        const seen = files.get(spec.file) ?? { start, end: start };
        files.set(spec.file, { start: Math.min(seen.start, start), end: Math.max(seen.end, start + result.duration) });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  const spans = [...files].map(([file, t]) => ({ file, ...t }));
  if (spans.length === 0) return undefined;
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => s.end));
  const longest = spans.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const workers = report.config?.metadata?.actualWorkers ?? report.config?.workers;
  return { testsSpanMs: last - first, longestFile: longest.file, longestStartMs: longest.start - first, longestSpanMs: longest.end - longest.start, workers };
}
