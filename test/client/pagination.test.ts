import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFatoraClient, FatoraResponseError, type Client } from '../../src/index.js';
import {
  clientDirectory,
  startFaultServer,
  syntheticClient,
  type ClientDirectoryOptions,
  type FaultServer,
} from '../support/fault-server.js';
import { collect, expectErrorClass, rejectionOf, sleep } from '../support/outcomes.js';

const token = 'pagination-test-token';
const pageHint =
  'Pagination stopped before yielding a duplicate; fetch the remaining pages with clients.list.';

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});

afterEach(async () => {
  await server.close();
});

/** Serves a client directory and returns a client for it. */
function serveDirectory(options: ClientDirectoryOptions) {
  server.setFallback(clientDirectory(options));
  return createFatoraClient({ token, baseUrl: server.url });
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function requestedPages(): Array<string | null> {
  return server.requests.map((request) => request.query.get('page'));
}

describe('listAll', () => {
  it('yields every client once, in order', async () => {
    const fatora = serveDirectory({ total: 23 });

    const clients = await collect(fatora.clients.listAll({ page_size: 5 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 23));
    expect(clients[0]).toEqual(syntheticClient(1));
    expect(requestedPages()).toEqual(['1', '2', '3', '4', '5']);
    expect(server.requests.map((request) => request.query.get('page_size'))).toEqual(
      Array(5).fill('5'),
    );
  });

  it('keeps the filters on every page', async () => {
    const fatora = serveDirectory({ total: 7 });

    await collect(
      fatora.clients.listAll({ keyword: 'example', email: 'a@example.com', page_size: 5 }),
    );

    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.query.get('keyword')).toBe('example');
      expect(request.query.get('email')).toBe('a@example.com');
    }
  });

  it('follows the page_size the server caps', async () => {
    const fatora = serveDirectory({ total: 10, maxPageSize: 4 });

    const clients = await collect(fatora.clients.listAll({ page_size: 10 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 10));
    expect(requestedPages()).toEqual(['1', '2', '3']);
  });

  it('starts at query.page', async () => {
    const fatora = serveDirectory({ total: 12 });

    const clients = await collect(fatora.clients.listAll({ page: 3, page_size: 5 }));

    expect(clients.map((client) => client.id)).toEqual([11, 12]);
    expect(requestedPages()).toEqual(['3']);
  });

  it('total 0 stops after one request', async () => {
    const fatora = serveDirectory({ total: 0 });

    const clients = await collect(fatora.clients.listAll());

    expect(clients).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('maxItems stops without an extra page', async () => {
    const fatora = serveDirectory({ total: 20 });

    const clients = await collect(fatora.clients.listAll({ page_size: 5 }, { maxItems: 7 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 7));
    expect(requestedPages()).toEqual(['1', '2']);
  });

  it('maxItems at a page end fetches no next page', async () => {
    const fatora = serveDirectory({ total: 20 });

    const clients = await collect(fatora.clients.listAll({ page_size: 5 }, { maxItems: 5 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 5));
    expect(server.requests).toHaveLength(1);
  });

  it('maxPages limits the pages', async () => {
    const fatora = serveDirectory({ total: 20 });

    const clients = await collect(fatora.clients.listAll({ page_size: 5 }, { maxPages: 2 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 10));
    expect(server.requests).toHaveLength(2);
  });

  it('stopping the loop early sends no more requests', async () => {
    const fatora = serveDirectory({ total: 20 });
    const ids: number[] = [];

    for await (const client of fatora.clients.listAll({ page_size: 5 })) {
      ids.push(client.id);
      if (ids.length === 6) break;
    }
    await sleep(50);

    expect(ids).toEqual(range(1, 6));
    expect(server.requests).toHaveLength(2);
  });
});

describe('listPages', () => {
  it('yields each page', async () => {
    const fatora = serveDirectory({ total: 12 });

    const pages = await collect(fatora.clients.listPages({ page_size: 5 }));

    expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(pages.map((page) => page.clients.length)).toEqual([5, 5, 2]);
    expect(pages.map((page) => page.total)).toEqual([12, 12, 12]);
    expect(server.requests).toHaveLength(3);
  });

  it('maxPages limits the pages', async () => {
    const fatora = serveDirectory({ total: 20 });

    const pages = await collect(fatora.clients.listPages({ page_size: 5 }, { maxPages: 2 }));

    expect(pages.map((page) => page.page)).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
  });

  it('maxItems stops after the page that reaches it', async () => {
    const fatora = serveDirectory({ total: 20 });

    const pages = await collect(fatora.clients.listPages({ page_size: 5 }, { maxItems: 7 }));

    expect(pages.map((page) => page.page)).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
  });
});

describe('servers that misbehave', () => {
  it('empty page ends the walk', async () => {
    // The reported total promises 20 pages, but the fourth page is empty.
    const fatora = serveDirectory({ total: 12, reportedTotal: 100 });

    const clients = await collect(fatora.clients.listAll({ page_size: 5 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 12));
    expect(requestedPages()).toEqual(['1', '2', '3', '4']);
  });

  it('total too low stops at the last page it implies', async () => {
    // The documented limit: a server that under-reports total hides the rest.
    const fatora = serveDirectory({ total: 12, reportedTotal: 7 });

    const clients = await collect(fatora.clients.listAll({ page_size: 5 }));

    expect(clients.map((client) => client.id)).toEqual(range(1, 10));
    expect(requestedPages()).toEqual(['1', '2']);
  });

  it('ignored page parameter fails', async () => {
    server.setFallback(clientDirectory({ total: 20, ignorePage: true }));
    const fatora = createFatoraClient({ token, baseUrl: server.url });
    const ids: number[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const client of fatora.clients.listAll({ page_size: 5 })) ids.push(client.id);
      })(),
    );

    const responseError = expectErrorClass(error, FatoraResponseError);
    expect(responseError.status).toBe(200);
    expect(responseError.reason).toBe('page 2 was requested but page 1 was returned');
    expect(responseError.message).toBe(
      'GET /v1/clients returned an invalid 200 response: ' +
        `page 2 was requested but page 1 was returned. ${pageHint}`,
    );
    expect(ids).toEqual(range(1, 5));
    expect(server.requests).toHaveLength(2);
  });

  it('repeated page fails', async () => {
    const repeatSecondPage = (page: number) => (page === 3 ? 2 : page);
    server.setFallback(clientDirectory({ total: 20, servePage: repeatSecondPage }));
    const fatora = createFatoraClient({ token, baseUrl: server.url });
    const ids: number[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const client of fatora.clients.listAll({ page_size: 5 })) ids.push(client.id);
      })(),
    );

    const responseError = expectErrorClass(error, FatoraResponseError);
    expect(responseError.status).toBe(200);
    expect(responseError.reason).toBe('page 3 repeats the clients of an earlier page');
    expect(ids).toEqual(range(1, 10));
    expect(server.requests).toHaveLength(3);
  });

  it('page repeated later fails', async () => {
    const backToFirstPage = (page: number) => (page === 4 ? 1 : page);
    server.setFallback(clientDirectory({ total: 30, servePage: backToFirstPage }));
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = await rejectionOf(collect(fatora.clients.listPages({ page_size: 5 })));

    const responseError = expectErrorClass(error, FatoraResponseError);
    expect(responseError.reason).toBe('page 4 repeats the clients of an earlier page');
    expect(server.requests).toHaveLength(4);
  });

  it('client added between pages is not yielded twice', async () => {
    const clients = range(1, 12).map(syntheticClient);
    server.setFallback(clientDirectory({ clients }));
    const fatora = createFatoraClient({ token, baseUrl: server.url });
    const ids: number[] = [];

    for await (const client of fatora.clients.listAll({ page_size: 5 })) {
      ids.push(client.id);
      // A new client sorts first, so client 5 moves onto page 2.
      if (ids.length === 1) clients.unshift(syntheticClient(100));
    }

    expect(ids).toEqual(range(1, 12));
    expect(requestedPages()).toEqual(['1', '2', '3']);
  });
});

describe('abort mid-iteration', () => {
  it('abort inside a page rejects at once', async () => {
    const fatora = serveDirectory({ total: 20 });
    const controller = new AbortController();
    const ids: number[] = [];

    const error = await rejectionOf(
      (async () => {
        const options = { signal: controller.signal };
        for await (const client of fatora.clients.listAll({ page_size: 5 }, options)) {
          ids.push(client.id);
          if (ids.length === 3) controller.abort();
        }
      })(),
    );
    await sleep(50);

    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(ids).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(1);
  });

  it('abort at a page end sends no request', async () => {
    const fatora = serveDirectory({ total: 20 });
    const controller = new AbortController();
    const pages: number[] = [];

    const error = await rejectionOf(
      (async () => {
        const options = { signal: controller.signal };
        for await (const page of fatora.clients.listPages({ page_size: 5 }, options)) {
          pages.push(page.page);
          if (pages.length === 2) controller.abort();
        }
      })(),
    );
    await sleep(50);

    expect(error).toBe(controller.signal.reason);
    expect(pages).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
  });

  it('abort during a page request rejects', async () => {
    const directory = clientDirectory({ total: 20 });
    const controller = new AbortController();
    server.setFallback((request) => {
      if (request.query.get('page') !== '2') return directory(request);
      setTimeout(() => {
        controller.abort();
      }, 20);
      return { kind: 'hang' };
    });
    const fatora = createFatoraClient({ token, baseUrl: server.url });
    const ids: Array<Client['id']> = [];

    const error = await rejectionOf(
      (async () => {
        const options = { signal: controller.signal };
        for await (const client of fatora.clients.listAll({ page_size: 5 }, options)) {
          ids.push(client.id);
        }
      })(),
    );
    await sleep(50);

    expect(error).toBe(controller.signal.reason);
    expect(ids).toEqual(range(1, 5));
    expect(server.requests).toHaveLength(2);
  });
});
