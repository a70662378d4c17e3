// Body paths as the matchers read them (src/matchers/body-path.ts): a.b, a[0].b, a['odd key'],
// a["odd key"]. Checked at load time so that a malformed path fails before any request is sent.
const NAME = String.raw`[^.\[\]'"]+`;
const PART = String.raw`(?:\[\d+\]|\['(?:[^'\\]|\\.)*'\]|\["(?:[^"\\]|\\.)*"\])`;
const BODY_PATH = new RegExp(`^(?:${NAME}|${PART})(?:\\.${NAME}|${PART})*$`);

export function isBodyPath(path: string): boolean {
  return BODY_PATH.test(path);
}

export const BODY_PATH_HINT = "Write body paths as a.b, a[0].b or a['odd key'].";
