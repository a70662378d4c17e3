// Where Personr, a Bubble.io app, is known to answer otherwise than its document: Bubble's own
// rules apply to every Bubble app's workflow API. The sandbox behaves this way only under
// SANDBOX_PROFILE=observed (sandbox/core/profile.ts); each entry has a matching known-drift entry
// in specs/personr/vendor.yaml.
import type { DriftSpec } from '../core/vendor-module';

export const personrDrift = {
  'idle-expiry-30-days': {
    clause: 'token.lifetime',
    documented: 'The token has a lifetime of 1 year.',
    observed: 'A token unused for 30 days is refused with 401, even within its year; each use extends it by 30 days.',
    source:
      'Bubble support in forum.bubble.io thread 366845 "User tokens expire after 30 days of inactivity"; ' +
      'bubble.io/support/en/articles/10763669 (unused tokens expire after 30 days)',
  },
  'get-runs-workflow': {
    clause: 'method.get-refused',
    documented: 'The endpoint line says POST (the cURL and Node.js samples send GET; finding get-samples).',
    observed: 'GET /api-basic-auth runs the workflow like POST and issues a token.',
    source:
      'manual.bubble.io/core-resources/api/the-bubble-api/the-workflow-api: "The Workflow API lets you run … API workflows … on a POST or GET request" ' +
      '(the current manual; an older page said POST only)',
  },
} satisfies Record<string, DriftSpec>;

export type PersonrDrift = keyof typeof personrDrift;
