// xAPI actors (xAPI-Data.md §2.4.2, adlnet/xAPI-Spec @ca782a1): an Agent has exactly one inverse
// functional identifier (mbox, mbox_sha1sum, openid, account); a Group is either identified the
// same way or anonymous with a member list of Agents. `data.actor` must be such an object
// (inference: the document does not give its format; vendor-behaviour.md §1, "xAPI actor object").

export type ActorCheck = { ok: true; identities: string[] } | { ok: false; reason: string };

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one identifier of an agent as a comparable key, or a reason it has none or several. */
function identityOf(actor: Record<string, unknown>): { key?: string; count: number; reason?: string } {
  const present = IFIS.filter((ifi) => actor[ifi] !== undefined);
  if (present.length !== 1) return { count: present.length };
  const ifi = present[0] ?? 'mbox';
  const value = actor[ifi];
  if (ifi === 'account') {
    if (!isObject(value) || typeof value.homePage !== 'string' || typeof value.name !== 'string' || value.name === '') {
      return { count: 1, reason: 'account needs a homePage and a name' };
    }
    if (!/^[a-z][a-z0-9+.-]*:/i.test(value.homePage)) return { count: 1, reason: 'account.homePage must be an IRL' };
    return { count: 1, key: `account:${value.homePage}|${value.name}` };
  }
  if (typeof value !== 'string') return { count: 1, reason: `${ifi} must be a string` };
  if (ifi === 'mbox' && !/^mailto:[^@\s]+@[^@\s]+$/i.test(value)) return { count: 1, reason: 'mbox must be a mailto: IRI' };
  if (ifi === 'mbox_sha1sum' && !/^[0-9a-f]{40}$/i.test(value)) return { count: 1, reason: 'mbox_sha1sum must be 40 hex digits' };
  if (ifi === 'openid' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) return { count: 1, reason: 'openid must be a URI' };
  return { count: 1, key: `${ifi}:${ifi === 'mbox' ? value.toLowerCase() : value}` };
}

function checkAgent(actor: unknown): ActorCheck {
  if (!isObject(actor)) return { ok: false, reason: 'an agent must be an object' };
  if (actor.objectType !== undefined && actor.objectType !== 'Agent') return { ok: false, reason: 'objectType must be "Agent"' };
  if (actor.name !== undefined && typeof actor.name !== 'string') return { ok: false, reason: 'name must be a string' };
  const id = identityOf(actor);
  if (id.count !== 1) return { ok: false, reason: 'an agent must have exactly one identifier' };
  return id.key ? { ok: true, identities: [id.key] } : { ok: false, reason: id.reason ?? 'bad identifier' };
}

/** Validates an Agent or Group; `identities` are the keys a query agent may match. */
export function checkActor(actor: unknown): ActorCheck {
  if (!isObject(actor) || actor.objectType !== 'Group') return checkAgent(actor);
  const members = actor.member;
  if (members !== undefined && !Array.isArray(members)) return { ok: false, reason: 'member must be an array' };
  const memberChecks = (members ?? []).map(checkAgent);
  const bad = memberChecks.find((c) => !c.ok);
  if (bad) return bad;
  const memberKeys = memberChecks.flatMap((c) => (c.ok ? c.identities : []));
  const id = identityOf(actor);
  if (id.count > 1) return { ok: false, reason: 'a group must not have more than one identifier' };
  if (id.count === 0) {
    return memberKeys.length > 0 ? { ok: true, identities: memberKeys } : { ok: false, reason: 'an anonymous group needs members' };
  }
  return id.key ? { ok: true, identities: [id.key, ...memberKeys] } : { ok: false, reason: id.reason ?? 'bad identifier' };
}
