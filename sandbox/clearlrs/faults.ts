// ClearLRS's named faults. Each one breaks exactly one clause of specs/clearlrs/vendor.yaml, so
// the project's fault-coverage run can prove that precisely the scenarios naming that clause fail.
import type { FaultSpec } from '../core/vendor-module';

export const clearlrsFaults = {
  'create-201': {
    clause: 'create.ok',
    description: 'Creating credentials is answered 201 instead of the documented 200.',
  },
  'username-not-echoed': {
    clause: 'create.echoes-username',
    description: 'The 200 body carries a server-generated UUID instead of the submitted username.',
  },
  'data-required': {
    clause: 'create.data-optional',
    description: 'A body without the optional "data" object is refused with 400.',
  },
  'service-auth-skipped': {
    clause: 'create.requires-service-auth',
    description: 'POST /api/auth/basic creates credentials without checking the service account.',
  },
  'duplicate-overwrites': {
    clause: 'create.username-unique',
    description: 'A duplicate username replaces the stored password and is answered 200.',
  },
  'missing-fields-accepted': {
    clause: 'create.invalid-refused',
    description: 'A body without username or password is answered 200 instead of 400.',
  },
  'malformed-json-500': {
    clause: 'create.json-required',
    description: 'A malformed JSON body crashes the handler (500) instead of getting 400.',
  },
  'actor-not-validated': {
    clause: 'create.actor-validated',
    description: 'An actor with more than one identifier is stored and answered 200.',
  },
  'issued-creds-refused': {
    clause: 'creds.usable',
    description: 'Live issued credentials are refused with 401 on the xAPI.',
  },
  'creds-never-expire': {
    clause: 'creds.expire',
    description: 'Issued credentials keep working after ttlMins minutes.',
  },
  'actor-ignored': {
    clause: 'creds.actor-restricted',
    description: "Credentials restricted to an actor may read another agent's statements (200).",
  },
  'any-password-accepted': {
    clause: 'creds.wrong-password',
    description: 'An issued username is accepted on the xAPI with any password.',
  },
  'unparseable-auth-anonymous': {
    clause: 'xapi.auth-required',
    description: 'An xAPI request whose Authorization is missing or not Basic is served anonymously (200).',
  },
  'version-header-ignored': {
    clause: 'xapi.version-required',
    description: 'An xAPI request without X-Experience-API-Version is served (200) instead of refused (400).',
  },
} satisfies Record<string, FaultSpec>;

export type ClearlrsFault = keyof typeof clearlrsFaults;
