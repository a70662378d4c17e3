// A mutant: one plausible way a vendor could break its contract, applied by the mutating proxy
// to the response of one step of one scenario. Plain data, so mutation.json can list them all.
import type { PathSegment } from '../matchers/body-path';

export type Mutation =
  | { kind: 'status'; status: number }
  | { kind: 'drop-property'; path: PathSegment[] }
  | { kind: 'change-type'; path: PathSegment[]; value: unknown }
  | { kind: 'change-value'; path: PathSegment[] }
  | { kind: 'add-property'; path: PathSegment[] }
  | { kind: 'remove-header'; header: string }
  | { kind: 'add-header'; header: string }
  | { kind: 'remove-cookie'; cookie: string }
  | { kind: 'add-cookie'; cookie: string }
  | { kind: 'html-page' }
  | { kind: 'token-refused' };

export interface Mutant {
  id: string; // "m12"
  file: string;
  scenario: string;
  step: number; // 0-based
  stepName: string;
  clauses: string[];
  mutation: Mutation;
  description: string; // "status 200 -> 201"
}

export type MutantResult = 'killed' | 'survived' | 'not applicable' | 'not run' | 'baseline red';
