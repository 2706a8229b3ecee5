/**
 * A scripted HTTP server on 127.0.0.1 that misbehaves on purpose: rate
 * limits, resets, slow responses, HTML or truncated bodies, and paginated
 * client lists that cap, repeat or lie. Prism serves only what the spec
 * documents, so this server covers what a real deployment can do instead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, for example `/v1/clients?page=2`. */
  url: string;
  /** The parsed query parameters. */
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  receivedAt: number;
}

/** What the server does with one request. */
export type Fault =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: 'text';
      status: number;
      body: string;
      contentType?: string;
      headers?: Record<string, string>;
    }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number; then: Fault };

export type FaultHandler = (request: RecordedRequest) => Fault | Promise<Fault>;

export interface FaultServer {
  /** Base URL including the `/v1` prefix, as a client's `baseUrl`. */
  url: string;
  /** Origin without a path, for example `http://127.0.0.1:40123`. */
  origin: string;
  requests: RecordedRequest[];
  /** Queues handlers for the next requests, one each, in order. */
  enqueue(...handlers: Array<Fault | FaultHandler>): void;
  /** Sets the handler for requests that find the queue empty. */
  setFallback(handler: Fault | FaultHandler): void;
  close(): Promise<void>;
}

function toHandler(step: Fault | FaultHandler): FaultHandler {
  return typeof step === 'function' ? step : () => step;
}

async function applyFault(
  fault: Fault,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  switch (fault.kind) {
    case 'json': {
      const body = JSON.stringify(fault.body);
      response.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
      response.end(body);
      return;
    }
    case 'text':
      response.writeHead(fault.status, {
        ...(fault.contentType ? { 'Content-Type': fault.contentType } : {}),
        ...fault.headers,
      });
      response.end(fault.body);
      return;
    case 'reset':
      request.socket.destroy();
      return;
    case 'hang':
      // Never responds: the client has to time out or abort.
      return;
    case 'delay':
      await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms));
      if (!request.socket.destroyed) await applyFault(fault.then, request, response);
      return;
  }
}

/** Starts a fault server on a free 127.0.0.1 port. */
export async function startFaultServer(
  fallback: Fault | FaultHandler = notFound,
): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const queue: FaultHandler[] = [];
  let fallbackHandler = toHandler(fallback);
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      url,
      query: new URL(url, 'http://127.0.0.1').searchParams,
      headers: request.headers,
      receivedAt: Date.now(),
    };
    requests.push(recorded);
    const handler = queue.shift() ?? fallbackHandler;

    Promise.resolve(handler(recorded))
      .then((fault) => applyFault(fault, request, response))
      .catch((error: unknown) => {
        response.writeHead(599, { 'Content-Type': 'text/plain' });
        response.end(`fault server handler failed: ${String(error)}`);
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...handlers) => queue.push(...handlers.map(toHandler)),
    setFallback: (handler) => {
      fallbackHandler = toHandler(handler);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolveClose();
        });
      }),
  };
}

const notFound: Fault = {
  kind: 'json',
  status: 404,
  body: { status: 'ERROR', error: { error_code: '404', description: 'not found' } },
};

/** Builds the documented error body for a status. */
export function errorBody(status: number, description: string): unknown {
  return { status: 'ERROR', error: { error_code: String(status), description } };
}

/** Builds the synthetic client with the given 1-based number. */
export function syntheticClient(number: number): Record<string, unknown> {
  return {
    id: number,
    name: `Example Client ${number}`,
    address: `${number} Example Street, Example City`,
    phone: `+1${String(number).padStart(10, '0')}`,
    email: `client.${number}@example.com`,
    notes: number % 3 === 0 ? null : `Note for client ${number}`,
  };
}

export interface ClientDirectoryOptions {
  /** Number of clients in the directory. */
  total: number;
  /** Maximum page size the server returns, whatever the request specifies. */
  maxPageSize?: number;
  /** `total` as reported in the body, to simulate a server that lies. */
  reportedTotal?: number;
  /** Ignore the `page` parameter and always serve page 1. */
  ignorePage?: boolean;
  /** Builds each client; defaults to {@link syntheticClient}. */
  client?: (number: number) => unknown;
}

/**
 * Serves `GET /v1/clients` from a synthetic directory of clients, honouring
 * `page` and `page_size` unless configured to misbehave.
 */
export function clientDirectory(options: ClientDirectoryOptions): FaultHandler {
  const buildClient = options.client ?? syntheticClient;
  return (request) => {
    const requestedSize = Number(request.query.get('page_size') ?? '20');
    const pageSize = Math.min(requestedSize, options.maxPageSize ?? Number.POSITIVE_INFINITY);
    const page = options.ignorePage ? 1 : Number(request.query.get('page') ?? '1');
    const first = (page - 1) * pageSize + 1;
    const last = Math.min(first + pageSize - 1, options.total);
    const clients: unknown[] = [];
    for (let number = first; number <= last; number++) clients.push(buildClient(number));

    return {
      kind: 'json',
      status: 200,
      body: {
        status: 'SUCCESS',
        clients,
        total: options.reportedTotal ?? options.total,
        page,
        page_size: pageSize,
      },
    };
  };
}
