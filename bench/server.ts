/**
 * Benchmark server: serves `GET /clients` from synthetic client directories
 * on 127.0.0.1 with keep-alive, in its own process so that the measured
 * client's CPU time and peak RSS are its own.
 *
 * Paths: `/<total>/v1/clients` responds with `Content-Length`, and
 * `/<total>-chunked/v1/clients` with `Transfer-Encoding: chunked`. Bodies
 * come from `clientDirectory` of the fault server, serialized once and cached.
 *
 * Started with `fork()` by bench/lib/bench-server.ts. It sends
 * `{ port }` over IPC when it listens and exits when the parent disconnects
 * or after `BENCH_SERVER_LIFETIME_MS`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientDirectory, errorBody, type RecordedRequest } from '../test/support/fault-server.js';

const token = process.env.BENCH_TOKEN ?? 'bench-token';
const lifetimeMs = Number(process.env.BENCH_SERVER_LIFETIME_MS ?? 20 * 60_000);
const maxCachedBodies = 5_000;
const pathPattern = /^\/(\d+)(-chunked)?\/v1\/clients$/;

const bodyCache = new Map<string, Buffer>();

function pageBody(total: number, query: URLSearchParams, url: string): Buffer {
  const key = `${total}:${query.get('page') ?? ''}:${query.get('page_size') ?? ''}`;
  const cached = bodyCache.get(key);
  if (cached) return cached;

  const request: RecordedRequest = { method: 'GET', url, query, headers: {}, receivedAt: 0 };
  const fault = clientDirectory({ total })(request) as { body: unknown };
  const body = Buffer.from(JSON.stringify(fault.body));
  if (bodyCache.size >= maxCachedBodies) bodyCache.clear();
  bodyCache.set(key, body);
  return body;
}

function sendJson(response: ServerResponse, status: number, body: Buffer, chunked: boolean): void {
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
  if (!chunked) headers['Content-Length'] = body.length;
  response.writeHead(status, headers);
  response.end(body);
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const match = pathPattern.exec(url.pathname);
  if (request.method !== 'GET' || !match) {
    sendJson(response, 404, Buffer.from(JSON.stringify(errorBody(404, 'not found'))), false);
    return;
  }
  if (request.headers.authorization !== `Bearer ${token}`) {
    sendJson(response, 401, Buffer.from(JSON.stringify(errorBody(401, 'unauthorized'))), false);
    return;
  }
  const total = Number(match[1]);
  sendJson(response, 200, pageBody(total, url.searchParams, request.url ?? '/'), !!match[2]);
}

const server = createServer({ keepAlive: true }, handle);
server.keepAliveTimeout = 60_000;

function stop(): void {
  server.closeAllConnections();
  server.close(() => process.exit(0));
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port });
});
process.on('disconnect', stop);
setTimeout(stop, lifetimeMs).unref();
