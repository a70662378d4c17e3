// Nexudus's response bodies. The document shows none; each body here comes from Nexudus's other
// public pages (research/vendor-behaviour.md §5) or is an inference, and says which.
import type { FastifyReply } from 'fastify';
import { COWORKERS, DEFAULT_BUSINESS_ID, type NexudusUser } from './store';

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // inference (research/auth-reliability.md checks 14 and 25): JSON with a charset, nosniff, and no
  // caching of answers that depend on who is calling.
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(body);
}

/** 401 for every refusal: "When authentication fails or the account does not have permission". */
export function sendUnauthorized(reply: FastifyReply): FastifyReply {
  // inference: the 401 body is undocumented (research §7); the sandbox sends ASP.NET Web API's
  // default message, since the C# sample and the ApiListResult envelope point at .NET, and the
  // Basic challenge RFC 9110 §11.6.1 requires with every 401.
  void reply.header('www-authenticate', 'Basic realm="Nexudus", charset="UTF-8"');
  return sendJson(reply, 401, { Message: 'Authorization has been denied for this request.' });
}

/** The who-am-I body (support.nexudus.com article 360009842898 "User", research §5). */
export function userProfile(user: Pick<NexudusUser, 'id' | 'fullName' | 'email'>): object {
  // The real body also carries an AccessToken; the sandbox leaves it out, since it issues no tokens
  // and no response should carry a credential that the caller did not ask for.
  return { Id: user.id, FullName: user.fullName, Email: user.email, DefaultBusinessId: DEFAULT_BUSINESS_ID };
}

function positiveInt(raw: unknown, fallback: number, max: number): number {
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : fallback;
  return Math.min(Math.max(n, 1), max);
}

/** The ApiListResult envelope (developers.nexudus.com/api/overview, research §5 "Error style"). */
export function coworkerList(query: Record<string, unknown>, recordsDropped: boolean): object {
  // inference: `page` and `size` are Nexudus's paging parameters; anything odd falls back to defaults.
  const size = positiveInt(query.size, 25, 1000);
  const page = positiveInt(query.page, 1, 100_000);
  const records = COWORKERS.slice((page - 1) * size, page * size);
  const totalPages = Math.max(1, Math.ceil(COWORKERS.length / size));
  const list: Record<string, unknown> = {
    Records: records,
    CurrentPage: page,
    CurrentPageSize: size,
    TotalItems: COWORKERS.length,
    TotalPages: totalPages,
    HasNextPage: page < totalPages,
    HasPreviousPage: page > 1,
  };
  if (recordsDropped) delete list.Records;
  return list;
}
