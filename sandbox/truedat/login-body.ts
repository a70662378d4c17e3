// Reads the login credentials the way td-auth's SessionController.create/2 matches them:
// %{"user" => %{"user_name" => u, "password" => p}}, nested under "user" (research §4 "Body
// (code)"). access_method is ignored, as td-auth has done since 2.12.4.
import { emptyRecord, isRecord, isSafeKey } from '../core/safe-keys';

export interface LoginBody {
  userName: string;
  password: string;
  /** What the document requires and td-auth ignores; reported as a warning when it is off. */
  accessMethod: unknown;
}

type Params = Record<string, unknown>;

// Buffers (multipart files) and arrays are values, never groups of fields.
const isParams = isRecord;

// inference (Plug.Parsers :urlencoded / :multipart): a form field named "user[user_name]" becomes
// params["user"]["user_name"]. The sandbox's form parsers keep such names flat, so nest them here,
// into null-prototype groups, skipping any name with a prototype part: nesting
// "__proto__[content-type]" into a plain object once rewrote every object of the process.
function nestBracketNames(flat: Params): Params {
  const nested = emptyRecord();
  for (const [name, value] of Object.entries(flat)) {
    if (!isSafeKey(name)) continue;
    const match = /^([^[\]]+)\[([^[\]]+)\]$/.exec(name);
    if (!match) {
      nested[name] = value;
      continue;
    }
    const [, outer = '', inner = ''] = match;
    const existing = Object.hasOwn(nested, outer) ? nested[outer] : undefined;
    const group: Params = isParams(existing) ? existing : emptyRecord();
    group[inner] = value;
    nested[outer] = group;
  }
  return nested;
}

/**
 * The credentials, or undefined when the body has the wrong shape (td-auth's fallback: 422).
 * inference: non-string values make td-auth crash in String.downcase/1 (500); the sandbox answers
 * 422 instead, since a sandbox must never answer 500 to a client's mistake.
 */
export function readLoginBody(body: unknown): LoginBody | undefined {
  if (!isParams(body)) return undefined;
  const params = nestBracketNames(body);
  const user = params.user;
  if (!isParams(user)) return undefined;
  const { user_name: userName, password } = user;
  if (typeof userName !== 'string' || typeof password !== 'string') return undefined;
  return { userName, password, accessMethod: params.access_method };
}
