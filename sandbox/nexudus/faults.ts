// Nexudus's named faults. Each one breaks exactly one clause of specs/nexudus/vendor.yaml, so the
// project's fault-coverage run can prove that precisely the scenarios naming that clause go red.
import type { FaultSpec } from '../core/vendor-module';

export const nexudusFaults = {
  'valid-basic-refused': {
    clause: 'basic.accepted',
    description: 'Valid Basic credentials of a user with API access are refused with 401.',
  },
  'latin1-credentials': {
    clause: 'basic.accepted',
    description: 'The Basic value is decoded as ISO-8859-1 instead of UTF-8, so a password with a non-ASCII character fails.',
  },
  'scheme-case-sensitive': {
    clause: 'basic.scheme-case-insensitive',
    description: 'The scheme word must be spelt exactly "Basic"; "basic" is refused with 401.',
  },
  'me-other-user': {
    clause: 'context.caller',
    description: "GET /en/user/me answers with another user's profile instead of the caller's.",
  },
  'coworkers-records-dropped': {
    clause: 'resource.list',
    description: 'GET /api/sys/coworkers answers without the Records array of the ApiListResult envelope.',
  },
  'wrong-password-403': {
    clause: 'auth.wrong-password',
    description: 'A wrong password for a known email is answered 403 instead of 401.',
  },
  'unknown-user-403': {
    clause: 'auth.unknown-user',
    description: 'An unknown email is answered 403 instead of 401.',
  },
  'missing-header-redirects': {
    clause: 'auth.header-required',
    description: 'A call without an Authorization header is redirected (302) to the sign-in page instead of answered 401.',
  },
  'bare-base64-accepted': {
    clause: 'auth.scheme-required',
    description: 'An Authorization value without the "Basic" word (the C# and jQuery samples) is accepted.',
  },
  'malformed-500': {
    clause: 'auth.malformed',
    description: 'A Basic value that is not base64 makes the server fail with 500 instead of 401.',
  },
  'no-api-access-let-in': {
    clause: 'access.api-access-required',
    description: 'A user without "API Access" is let in with Basic credentials.',
  },
  'no-role-let-in': {
    clause: 'access.role-required',
    description: 'A user with API access but neither unrestricted administrator nor any role is let in.',
  },
} satisfies Record<string, FaultSpec>;

export type NexudusFault = keyof typeof nexudusFaults;
