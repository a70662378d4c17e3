// Body paths address the parsed JSON body: `a.b`, `a[0].b`, `a['odd key']`, `a["odd key"]`.
// Each distinct path is parsed once per worker and cached.

export type PathSegment = string | number;

const cache = new Map<string, PathSegment[]>();
const SEGMENT = /\.?([^.[\]'"]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;

export function parseBodyPath(path: string): PathSegment[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const segments: PathSegment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const m = SEGMENT.exec(path);
    if (!m) throw new Error(`body path "${path}" cannot be read at character ${at + 1}: write a.b, a[0] or a['odd key']`);
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push((m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
  }
  cache.set(path, segments);
  return segments;
}

/** The value at a path; `found: false` when any segment is missing. */
export function resolveBodyPath(body: unknown, path: string): { found: boolean; value: unknown } {
  let current: unknown = body;
  for (const segment of parseBodyPath(path)) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false, value: undefined };
      current = current[segment] as unknown;
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
        return { found: false, value: undefined };
      }
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return { found: true, value: current };
}
