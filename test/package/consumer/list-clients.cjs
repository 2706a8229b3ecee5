'use strict';
/** CommonJS consumer: loads the package with require() and lists clients. */
const { createFatoraClient, FatoraApiError } = require('fatora-client');
const { startClientsServer } = require('./clients-server.cjs');

async function main() {
  const server = await startClientsServer();
  try {
    const fatora = createFatoraClient({ token: 'consumer-test-token', baseUrl: server.url });
    const page = await fatora.clients.list({ page: 1, page_size: 20 });
    console.log(
      JSON.stringify({
        entry: require.resolve('fatora-client'),
        names: page.clients.map((client) => client.name),
        total: page.total,
        errorClass: typeof FatoraApiError,
        request: server.requests[0],
      }),
    );
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
