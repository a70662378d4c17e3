// A local HTTP proxy in front of one vendor's base URL, used by record (stores each exchange)
// and mutate (rewrites the answers of chosen steps). It forwards every request unchanged except
// for the step-key header, which it removes so that nothing of ours reaches a vendor, and hands
// each exchange to a hook that may replace the response. Bound to 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeStepKey, STEP_HEADER, type StepKey } from './step-key';

export interface Exchange {
  key: StepKey | undefined;
  method: string;
  /** The path and query below the proxy's origin, e.g. "/login?x=1". */
  path: string;
  requestHeaders: Record<string, string>;
  requestBody: Buffer;
  response: ProxyResponse;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>; // lower-case names; set-cookie kept apart
  setCookies: string[];
  body: Buffer;
}

/** Returns the response to send back (the upstream's, or a replacement). */
export type ExchangeHook = (exchange: Exchange) => ProxyResponse | Promise<ProxyResponse>;

export interface RunningProxy {
  origin: string; // http://127.0.0.1:<port>
  requests(): number;
  close(): Promise<void>;
}

// Hop-by-hop and length headers are recomputed by this server; fetch has already decoded any
// content-encoding, so passing that header on would make clients decode twice.
const DROPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host', STEP_HEADER]);

export interface ProxyOptions {
  /** Pass the step key on: only when the upstream is our own replay server, which needs it. */
  keepStepHeader?: boolean;
}

export async function startProxy(upstreamBase: string, hook: ExchangeHook, options: ProxyOptions = {}): Promise<RunningProxy> {
  let count = 0;
  const base = upstreamBase.replace(/\/+$/, '');
  const server: Server = createServer((req, res) => {
    count += 1;
    handle(req, res, base, hook, options.keepStepHeader === true).catch((error: unknown) => {
      // The message names the upstream URL at most, never a request header.
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${(error as Error).message.split('\n')[0] ?? ''}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, base: string, hook: ExchangeHook, keepStepHeader: boolean): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const requestBody = Buffer.concat(chunks);
  const requestHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) requestHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const key = decodeStepKey(requestHeaders[STEP_HEADER]);
  const forward = Object.fromEntries(Object.entries(requestHeaders).filter(([name]) => !DROPPED.has(name) || (keepStepHeader && name === STEP_HEADER)));
  const method = req.method ?? 'GET';
  const upstream = await fetch(`${base}${req.url ?? '/'}`, {
    method,
    headers: forward,
    body: method === 'GET' || method === 'HEAD' ? undefined : requestBody,
    redirect: 'manual',
  });
  const headers: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    if (!DROPPED.has(name) && name !== 'set-cookie') headers[name] = value;
  });
  const response: ProxyResponse = {
    status: upstream.status,
    headers,
    setCookies: upstream.headers.getSetCookie(),
    body: Buffer.from(await upstream.arrayBuffer()),
  };
  const sent = await hook({ key, method, path: req.url ?? '/', requestHeaders, requestBody, response });
  writeResponse(res, sent);
}

export function writeResponse(res: ServerResponse, response: ProxyResponse): void {
  const headers: Record<string, string | string[]> = { ...response.headers, 'content-length': String(response.body.length) };
  if (response.setCookies.length > 0) headers['set-cookie'] = response.setCookies;
  res.writeHead(response.status, headers).end(response.body);
}
