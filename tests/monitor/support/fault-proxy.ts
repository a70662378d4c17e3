// A loopback-only HTTP proxy in front of the sandbox that plays what real networks and real
// load balancers do to a monitor. Each fault applies to requests whose path starts with one of
// `paths` (all when empty); the sandbox's own /__sandbox routes always pass (Playwright's
// webServer polls its health through here). Bounded: it buffers one request body at a time,
// streams big bodies without holding them, and close() destroys every socket it holds.
//
// "first-*" faults hit only the first attempt of each distinct request (method, URL,
// credentials and body): what a retry of the same request must get through.
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | 'none'
  | 'first-503' // the gateway says 503 once
  | 'first-502-html' // a load balancer's HTML error page, once
  | 'first-429' // rate limited once, Retry-After: 1
  | 'first-reset' // the connection is reset before any answer, once
  | 'first-slow-headers' // headers come after the client's timeout, once
  | 'first-truncated-chunked' // a chunked body that stops without its last chunk, once
  | 'connection-close' // every answer closes its connection (no keep-alive)
  | 'never-answer' // accepts the connection and never answers
  | 'reset-mid-body' // every answer breaks off halfway through its body
  | 'huge-body' // every answer is 200 with a 100 MB body (streamed)
  | 'html-200'; // a captive portal: 200 text/html instead of the vendor's answer

export interface FaultProxy {
  origin: string;
  port: number;
  /** Requests seen per fault action, for the tests' assertions. */
  counts: Map<string, number>;
  setFault(fault: Fault, paths?: readonly string[]): void;
  close(): Promise<void>;
}

const HUGE = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

export async function startFaultProxy(target: string, slowMs = 3_000): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  let fault: Fault = 'none';
  let paths: readonly string[] = [];
  const count = (what: string): void => void counts.set(what, (counts.get(what) ?? 0) + 1);
  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, shape?: (up: IncomingMessage) => void): void => {
    const up = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      if (shape) return shape(answer);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    up.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      const applies = fault !== 'none' && !url.startsWith('/__sandbox') && (paths.length === 0 || paths.some((p) => url.startsWith(p)));
      if (!applies) return forward(req, res, body);
      // fetch draws a new multipart boundary per send; the request is the same without it.
      const boundary = /boundary=([^;]+)/.exec(req.headers['content-type'] ?? '')?.[1];
      const stable = boundary ? body.toString('latin1').split(boundary).join('') : body.toString('latin1');
      const key = createHash('sha256').update(`${req.method} ${url}\n${req.headers.authorization ?? ''}\n${req.headers.cookie ?? ''}\n${stable}`).digest('hex');
      const first = !seen.has(key);
      seen.add(key);
      count(`${fault}${first ? ' first' : ''}`);
      if (fault.startsWith('first-') && !first) return forward(req, res, body);
      switch (fault) {
        case 'first-503':
          return res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        case 'first-502-html':
          return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        case 'first-429':
          return res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('Too Many Requests');
        case 'first-reset':
          return req.socket.destroy();
        case 'first-slow-headers':
          // The request reaches the vendor only if the client still waits: a retry then is the only one.
          return later(slowMs, () => (req.socket.destroyed ? undefined : forward(req, res, body)));
        case 'first-truncated-chunked':
          return forward(req, res, body, (answer) => {
            const headers = { ...answer.headers };
            delete headers['content-length'];
            res.writeHead(answer.statusCode ?? 200, { ...headers, 'transfer-encoding': 'chunked' });
            res.write('{"partial":');
            later(50, () => req.socket.destroy()); // no terminating 0-length chunk
          });
        case 'connection-close':
          res.shouldKeepAlive = false;
          return forward(req, res, body);
        case 'never-answer':
          return; // the socket stays open until the client gives up or close() runs
        case 'reset-mid-body':
          return forward(req, res, body, (answer) => {
            const whole: Buffer[] = [];
            answer.on('data', (c: Buffer) => whole.push(c));
            answer.on('end', () => {
              const full = Buffer.concat(whole);
              res.writeHead(answer.statusCode ?? 200, { ...answer.headers, 'content-length': String(Math.max(full.length, 2)) });
              res.write(full.subarray(0, Math.floor(full.length / 2)));
              later(50, () => req.socket.destroy());
            });
          });
        case 'huge-body': {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE) });
          let sent = 0;
          const pump = (): void => {
            while (sent < HUGE && !res.destroyed) {
              sent += CHUNK.length;
              if (!res.write(CHUNK)) return void res.once('drain', pump);
            }
            res.end();
          };
          return pump();
        }
        case 'html-200':
          return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please log in to the network</body></html>');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    counts,
    setFault(next, only = []) {
      fault = next;
      paths = only;
      seen.clear();
      counts.clear();
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
