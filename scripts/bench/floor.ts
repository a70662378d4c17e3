// The floor: the same checks the contracts make (one POST, the status, the JSON Schema), written
// as a plain sequential loop with one ajv instance. Nothing a test runner adds is here, so its
// cost per check is the lower bound every runner is compared with. Two HTTP clients: `http` is
// node:http with a keep-alive agent (the cheapest client Node ships, close to a raw
// undici.request loop); `fetch` is Node's built-in fetch (undici's fetch), which on Node 20
// costs about twice as much per request. The project's runner is compared with `http`.
// It runs as its own process (transpiled to plain JavaScript first, see floor-runner.ts), so its
// start-up is measured the same way as the runner's: from spawn to exit.
//
// Usage: node floor.cjs <http|fetch> <echo URL> <N> <schema file>; prints one JSON line and
// exits 1 on any failed check.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface Reply {
  status: number;
  body: unknown;
}

type Post = (url: string, json: string) => Promise<Reply>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const postWithHttp: Post = (url, json) =>
  new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(json) };
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(json);
  });

const postWithFetch: Post = async (url, json) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: json,
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

async function main(): Promise<void> {
  const [client = 'http', url = '', count = '0', schemaFile = ''] = process.argv.slice(2);
  const post = client === 'fetch' ? postWithFetch : postWithHttp;
  const n = Number(count);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);

  let failures = 0;
  let firstFailure = '';
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    const { status, body } = await post(url, JSON.stringify({ scenario: i, note: `synthetic scenario ${i}` }));
    const ok = status === 200 && validate(body);
    if (!ok) {
      failures += 1;
      firstFailure ||= `scenario ${i}: status ${status}, ${ajv.errorsText(validate.errors)}`;
    }
  }
  const loopMs = performance.now() - started;
  agent.destroy();
  console.log(JSON.stringify({ client, n, failures, firstFailure, loopMs }));
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`floor failed: ${(error as Error).message}`);
  process.exitCode = 2;
});
