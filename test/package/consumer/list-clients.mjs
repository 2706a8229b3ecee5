/** ES module consumer: loads the package with import and lists clients. */
import { createFatoraClient, FatoraApiError } from 'fatora-client';
import clientsServer from './clients-server.cjs';

const server = await clientsServer.startClientsServer();
try {
  const fatora = createFatoraClient({ token: 'consumer-test-token', baseUrl: server.url });
  const page = await fatora.clients.list({ page: 1, page_size: 20 });
  console.log(
    JSON.stringify({
      entry: import.meta.resolve('fatora-client'),
      names: page.clients.map((client) => client.name),
      total: page.total,
      errorClass: typeof FatoraApiError,
      request: server.requests[0],
    }),
  );
} finally {
  await server.close();
}
