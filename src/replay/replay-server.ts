// TARGET=replay: serves every vendor's recordings from one local server. A request is answered
// by the recorded response of the step its x-contract-step header names; its placeholders get
// fresh values (the same within one run of a scenario, new when the scenario starts again at
// step 0) and secret variables their replay stand-ins. A request without a recording gets 404
// saying which one is missing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeResponse } from './proxy';
import { freshValue, secretStandIn } from './fresh-values';
import { PLACEHOLDER, type RecordedScenario, type RecordedStep } from './recording-format';
import { readRecording, recordedVendors } from './recordings';
import { decodeStepKey, runId, STEP_HEADER } from './step-key';

export const REPLAY_HEALTH = '/__replay/health';

export interface ReplayServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export async function startReplayServer(root: string, port = 0): Promise<ReplayServer> {
  const runs = new Map<string, Map<string, string | number>>();
  const server = createServer((req, res) => {
    if (req.url === REPLAY_HEALTH) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    req.resume();
    const key = decodeStepKey(req.headers[STEP_HEADER] as string | undefined);
    const vendor = key?.file.split('/')[1];
    const scenario = key && vendor ? readRecording(root, vendor, key.file)?.scenarios[key.scenario] : undefined;
    const step = key ? scenario?.steps.find((s) => s.step === key.step) : undefined;
    if (!key || !scenario || !step) {
      const what = key ? `${key.file} › ${key.scenario} step ${key.step + 1}` : `a request without the ${STEP_HEADER} header`;
      const body = Buffer.from(JSON.stringify({ replay: `no recording for ${what}; run npm run record -- --vendor ${vendor ?? '<vendor>'}` }));
      return void writeResponse(res, { status: 404, headers: { 'content-type': 'application/json' }, setCookies: [], body });
    }
    const id = runId(key);
    if (key.step === 0 || !runs.has(id)) runs.set(id, new Map());
    writeResponse(res, render(step, scenario, runs.get(id) ?? new Map<string, string | number>()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${bound}`, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function render(step: RecordedStep, scenario: RecordedScenario, values: Map<string, string | number>): Parameters<typeof writeResponse>[1] {
  const valueOf = (id: string): string | number | undefined => {
    const placeholder = scenario.placeholders[id];
    if (!placeholder) return undefined;
    if (placeholder.source === 'secret') return process.env[id] ?? secretStandIn(id);
    if (!values.has(id)) values.set(id, freshValue(placeholder));
    return values.get(id);
  };
  const text = (value: string): string => value.replace(PLACEHOLDER, (whole, id: string) => String(valueOf(id) ?? whole));
  const json = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\{\{([^{}]+)\}\}$/.exec(value);
      const v = whole ? valueOf(whole[1] ?? '') : undefined;
      return v !== undefined ? v : text(value);
    }
    if (Array.isArray(value)) return value.map(json);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v)]));
    return value;
  };
  const { response } = step;
  const body = response.bodyKind === 'json' ? JSON.stringify(json(response.body)) : response.bodyKind === 'text' ? text(String(response.body)) : '';
  const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, text(v)]));
  return { status: response.status, headers, setCookies: response.setCookies.map(text), body: Buffer.from(body) };
}

/** The variables TARGET=replay needs: each recorded vendor's base URL on this server, its
 * recorded non-secret values and a stand-in per secret. */
export function replayVariables(root: string, origin: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const recorded of recordedVendors(root)) {
    out[recorded.baseUrlVar] = `${origin}/${recorded.vendor}`;
    Object.assign(out, recorded.values);
    for (const name of recorded.secrets) out[name] = secretStandIn(name);
  }
  return out;
}
