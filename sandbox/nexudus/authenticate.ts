// Basic authentication on every Nexudus call: "Simply add a valid HTTP authentication header
// using your email and password" (vendor-docs/nexudus-basic-authentication.md). There is no token;
// each request is checked on its own, against the document's two preconditions.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeStrictBase64Utf8, parseBasicAuthorization, type BasicCredentials, type BasicParseResult } from '../core/basic-auth';
import type { VendorContext } from '../core/vendor-module';
import type { NexudusFault } from './faults';
import { sendJson, sendUnauthorized } from './responses';
import { sameSecret, type NexudusStore, type NexudusUser } from './store';

export type BasicOutcome = { ok: true; user: NexudusUser } | { ok: false; status: 401 | 403 | 302 | 500 };

// Compared against when the email is unknown, so both refusals cost the same time.
const NO_SUCH_PASSWORD = randomUUID();

function splitAtFirstColon(decoded: string): BasicCredentials | undefined {
  const colon = decoded.indexOf(':');
  return colon > 0 ? { userId: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : undefined;
}

/** What the bare-base64-accepted fault lets through: the jQuery (bare base64) and C# (raw) values. */
function bareCredentials(header: string): BasicCredentials | undefined {
  if (/\s/.test(header.trim())) return undefined;
  return splitAtFirstColon(decodeStrictBase64Utf8(header.trim()) ?? header.trim());
}

/** The latin1-credentials fault: decodes the token68 as ISO-8859-1, as a careless server would. */
function latin1Credentials(header: string): BasicCredentials | undefined {
  const token = header.trim().split(/ +/)[1] ?? '';
  return splitAtFirstColon(Buffer.from(token, 'base64').toString('latin1'));
}

type Refused = Exclude<BasicParseResult, { ok: true }>;

function credentialsOf(header: string | undefined, fault: (name: NexudusFault) => boolean): BasicParseResult {
  if (header === undefined) return { ok: false, reason: 'missing' };
  if (fault('bare-base64-accepted')) {
    const bare = bareCredentials(header);
    if (bare) return { ok: true, credentials: bare };
  }
  if (fault('scheme-case-sensitive') && !header.trim().startsWith('Basic ')) return { ok: false, reason: 'scheme' };
  const parsed = parseBasicAuthorization(header);
  if (!parsed.ok || !fault('latin1-credentials')) return parsed;
  return { ok: true, credentials: latin1Credentials(header) ?? parsed.credentials };
}

function refusalStatus(refused: Refused, fault: (name: NexudusFault) => boolean): BasicOutcome {
  if (refused.reason === 'missing' && fault('missing-header-redirects')) return { ok: false, status: 302 };
  if (refused.reason === 'encoding' && fault('malformed-500')) return { ok: false, status: 500 };
  // Source (developers.nexudus.com/rest-api/authentication, research §5): a failed
  // authentication is 401, whatever was wrong with the header.
  return { ok: false, status: 401 };
}

export function checkBasic(request: FastifyRequest, ctx: VendorContext, store: NexudusStore): BasicOutcome {
  const fault = (name: NexudusFault): boolean => ctx.faults.isOn(name);
  const parsed = credentialsOf(request.headers.authorization, fault);
  if (!parsed.ok) return refusalStatus(parsed, fault);
  const { credentials } = parsed;
  const user = store.user(credentials.userId);
  const passwordOk = sameSecret(credentials.password, user?.password ?? NO_SUCH_PASSWORD);
  if (!user) return { ok: false, status: fault('unknown-user-403') ? 403 : 401 };
  if (!passwordOk) return { ok: false, status: fault('wrong-password-403') ? 403 : 401 };
  if (fault('valid-basic-refused')) return { ok: false, status: 401 };
  // The document's preconditions. inference (research §5, Sandbox behaviour 3): Nexudus answers
  // 401 for "no permission" too, so a user who misses either one gets the same 401.
  if (!user.apiAccess && !fault('no-api-access-let-in')) return { ok: false, status: 401 };
  if (!user.unrestrictedAdmin && user.roles.length === 0 && !fault('no-role-let-in')) return { ok: false, status: 401 };
  return { ok: true, user };
}

export function sendRefusal(reply: FastifyReply, status: Exclude<BasicOutcome, { ok: true }>['status']): FastifyReply {
  if (status === 401) return sendUnauthorized(reply);
  // Only faults reach these: a sign-in redirect, a 403, and a server error.
  if (status === 302) return reply.status(302).header('location', '/en/login').send();
  if (status === 403) return sendJson(reply, 403, { Message: 'Forbidden.' });
  return sendJson(reply, 500, { Message: 'An error has occurred.' });
}
