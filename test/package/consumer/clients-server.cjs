'use strict';
/**
 * A local stand-in for `GET /v1/clients` on a free 127.0.0.1 port, shared by
 * the CommonJS and ES module consumers of the packed package.
 */
const { createServer } = require('node:http');

const clientList = {
  status: 'SUCCESS',
  clients: [
    {
      id: 1001,
      name: 'Example Client One',
      address: '1 Example Street, Example City',
      phone: '+10000000001',
      email: 'client.one@example.com',
      notes: 'Prefers invoices by e-mail.',
    },
    {
      id: 1002,
      name: 'Example Client Two',
      address: '2 Example Street, Example City',
      phone: '+10000000002',
      email: 'client.two@example.com',
      notes: null,
    },
  ],
  total: 2,
  page: 1,
  page_size: 20,
};

/** Starts the server; resolves to its base URL, the requests it received and a close function. */
function startClientsServer() {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url, authorization: request.headers.authorization });
    const found = request.method === 'GET' && request.url.startsWith('/v1/clients');
    response.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify(
        found
          ? clientList
          : { status: 'ERROR', error: { error_code: '404', description: 'not found' } },
      ),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/v1`,
        requests,
        close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
      });
    });
  });
}

module.exports = { startClientsServer };
