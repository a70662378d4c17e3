// What recordings/<vendor>/ holds: plain JSON a reviewer can read in a diff. One file per
// contract file (<stem>.json) with every recorded scenario's exchanges, and variables.json with
// the non-secret variable values of the recorded run and the names of the secret ones. No
// secret, captured value or cookie value is stored: each is a `{{id}}` placeholder whose type
// and character classes (`shape`) let the replay server invent a fresh value of the same form.

export interface Placeholder {
  /** capture: a value the contract captured; secret: a secret variable; cookie: any cookie value. */
  source: 'capture' | 'secret' | 'cookie';
  type: 'string' | 'number';
  /** Each character as its class: 9 digit, x/X hex letter, a/A other letter; others verbatim. */
  shape: string;
}

export interface RecordedRequest {
  method: string;
  path: string; // below the base URL, placeholders in place of secrets and captures
  headerNames: string[]; // names only: values hold credentials
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>; // lower-case names, set-cookie excluded
  setCookies: string[];
  body: unknown; // parsed JSON when bodyKind is json, else the text
  bodyKind: 'json' | 'text' | 'empty';
}

export interface RecordedStep {
  step: number;
  request: RecordedRequest;
  response: RecordedResponse;
}

export interface RecordedScenario {
  outcome?: string; // the recorded run's result: passed, failed, ...
  placeholders: Record<string, Placeholder>;
  steps: RecordedStep[];
}

export interface RecordingFile {
  vendor: string;
  file: string; // the contract file, e.g. specs/keyshop/session.yaml
  recordedAt: string;
  target: string;
  scenarios: Record<string, RecordedScenario>;
}

export interface RecordedVariables {
  vendor: string;
  baseUrlVar: string;
  /** Non-secret values as recorded: responses may echo them. */
  values: Record<string, string>;
  /** Secret variables: the replay target gives each a fresh stand-in. */
  secrets: string[];
}

export const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

export function shapeOf(value: string): string {
  const hex = /^[0-9a-fA-F-]+$/.test(value);
  return value.replace(/[0-9]/g, '9').replace(/[a-z]/g, (c) => (hex && c <= 'f' ? 'x' : 'a')).replace(/[A-Z]/g, (c) => (hex && c <= 'F' ? 'X' : 'A'));
}
