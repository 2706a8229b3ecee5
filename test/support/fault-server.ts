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
  | { kind: 'delay'; ms: number; then: Fault }
  | {
      /** Sends the status, headers and the start of the body, then hangs or resets the connection. */
      kind: 'partial';
      status: number;
      body: string;
      contentType?: string;
      then: 'hang' | 'reset';
    };

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
    case 'partial':
      // The declared length exceeds what is written, so the client keeps reading.
      response.writeHead(fault.status, {
        'Content-Type': fault.contentType ?? 'application/json',
        'Content-Length': String(Buffer.byteLength(fault.body) + 1024),
      });
      response.write(fault.body);
      if (fault.then === 'reset') {
        // Gives the client time to read the headers, so that the reset comes mid-body.
        await new Promise((resolveFlush) => setTimeout(resolveFlush, 20));
        request.socket.destroy();
      }
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
  /** Number of synthetic clients in the directory; defaults to `clients.length`. */
  total?: number;
  /**
   * The clients to serve in place of synthetic ones. The array is read at
   * each request, so a test can add clients while pages are walked.
   */
  clients?: readonly unknown[];
  /** Maximum page size the server returns, whatever the request specifies. */
  maxPageSize?: number;
  /** `total` as reported in the body, to simulate a server that lies. */
  reportedTotal?: number;
  /** Ignore the `page` parameter and always serve page 1. */
  ignorePage?: boolean;
  /**
   * Maps the requested page to the page whose clients are served, while the
   * body still reports the requested page: a server that repeats or skips pages.
   */
  servePage?: (requested: number) => number;
  /** Builds each client; defaults to {@link syntheticClient}. */
  client?: (number: number) => unknown;
}

/**
 * Serves `GET /v1/clients` from a synthetic directory of clients, honouring
 * `page` and `page_size` unless configured to misbehave.
 */
export function clientDirectory(options: ClientDirectoryOptions): FaultHandler {
  const { clients } = options;
  if (clients === undefined && options.total === undefined) {
    throw new Error('clientDirectory is missing its clients: pass the total or clients option.');
  }
  const buildClient = options.client ?? syntheticClient;
  const clientAt = (number: number) => (clients ? clients[number - 1] : buildClient(number));

  return (request) => {
    const size = clients?.length ?? options.total ?? 0;
    const requestedSize = Number(request.query.get('page_size') ?? '20');
    const pageSize = Math.min(requestedSize, options.maxPageSize ?? Number.POSITIVE_INFINITY);
    const page = options.ignorePage ? 1 : Number(request.query.get('page') ?? '1');
    const servedPage = options.servePage ? options.servePage(page) : page;
    const first = (servedPage - 1) * pageSize + 1;
    const last = Math.min(first + pageSize - 1, size);
    const pageClients: unknown[] = [];
    for (let number = first; number <= last; number++) pageClients.push(clientAt(number));

    return {
      kind: 'json',
      status: 200,
      body: {
        status: 'SUCCESS',
        clients: pageClients,
        total: options.reportedTotal ?? size,
        page,
        page_size: pageSize,
      },
    };
  };
}

/** Builds a fault that sends a JSON body with the given status. */
export function jsonFault(status: number, body: unknown, headers?: Record<string, string>): Fault {
  return headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
}

/** Builds a valid 200 body: page 1, which contains all of `clients`. */
export function clientListBody(clients: unknown[] = [syntheticClient(1)]): Record<string, unknown> {
  return { status: 'SUCCESS', clients, total: clients.length, page: 1, page_size: 20 };
}

/**
 * Sends one request through the global `fetch`, so that Node loads its HTTP
 * client before a test that measures time. The first `fetch` in a process
 * can take longer than the short timeouts those tests use.
 */
export async function warmUpFetch(): Promise<void> {
  const server = await startFaultServer(jsonFault(200, {}));
  try {
    await (await fetch(server.url)).text();
  } finally {
    await server.close();
  }
}
