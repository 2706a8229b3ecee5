/**
 * TypeScript consumer. The package test type-checks it as .mts and .cts
 * under `moduleResolution: node16` and as .ts under `bundler`, and runs it.
 * No top-level await, so the same text is valid CommonJS.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFatoraClient,
  FatoraApiError,
  type ClientList,
  type FatoraClient,
  type ListClientsQuery,
} from 'fatora-client';

const clientList: ClientList = {
  status: 'SUCCESS',
  clients: [
    {
      id: 1001,
      name: 'Example Client One',
      address: '1 Example Street, Example City',
      phone: '+10000000001',
      email: 'client.one@example.com',
      notes: null,
    },
  ],
  total: 1,
  page: 1,
  page_size: 20,
};

function startServer(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(clientList));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/v1`, close: () => server.close() });
    });
  });
}

/** Contains calls that must not compile. tsc reports an unused directive if the types allow one. */
export function rejectedCalls(fatora: FatoraClient): void {
  // @ts-expect-error page_size is an integer in openapi.yaml, not a string.
  void fatora.clients.list({ page_size: 'twenty' });
  // @ts-expect-error the query parameters keep the spec's snake_case names.
  void fatora.clients.list({ pageSize: 20 });
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const fatora = createFatoraClient({ token: 'consumer-test-token', baseUrl: server.url });
    const query: ListClientsQuery = { keyword: 'example', page: 1, page_size: 20 };
    const page: ClientList = await fatora.clients.list(query);
    const notes: string | null = page.clients[0]?.notes ?? null;
    const isApiError = (error: unknown): boolean => error instanceof FatoraApiError;
    console.log(JSON.stringify({ total: page.total, notes, isApiError: isApiError(page) }));
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
