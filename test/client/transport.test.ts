import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFatoraClient,
  FatoraConnectionError,
  FatoraValidationError,
} from '../../src/index.js';
import {
  clientListBody,
  errorBody,
  jsonFault,
  startFaultServer,
  type FaultServer,
} from '../support/fault-server.js';
import { expectErrorClass, rejectionOf } from '../support/outcomes.js';

const token = 'transport-test-token';
const success = jsonFault(200, clientListBody());

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer(success);
});

afterEach(async () => {
  await server.close();
});

/**
 * Creates a fetch that records the URL the client built, then sends the
 * request to the fault server instead, so that no request leaves the loopback
 * interface.
 */
function redirectingFetch() {
  const urls: string[] = [];
  const fetchFunction: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    urls.push(request.url);
    const url = new URL(request.url);
    return fetch(new Request(`${server.origin}${url.pathname}${url.search}`, request));
  };
  return { fetch: fetchFunction, urls };
}

function construct(baseUrl: string): unknown {
  try {
    return createFatoraClient({ token, baseUrl });
  } catch (error) {
    return error;
  }
}

describe('baseUrl scheme', () => {
  it('http on a public host is rejected', () => {
    const error = expectErrorClass(construct('http://example.com/v1'), FatoraValidationError);

    expect(error.parameter).toBe('baseUrl');
    expect(error.value).toBe('http://example.com/v1');
    expect(error.rule).toBe(
      'must use https: (http: is allowed only for loopback hosts such as 127.0.0.1 and localhost)',
    );
    expect(error.message).toContain('Invalid baseUrl: "http://example.com/v1" must use https:');
  });

  it.each([
    'http://localhost.example.com/v1',
    'http://127.0.0.1.example.com/v1',
    'ftp://127.0.0.1/v1',
  ])('%s is rejected', (baseUrl) => {
    const error = expectErrorClass(construct(baseUrl), FatoraValidationError);

    expect(error.parameter).toBe('baseUrl');
    expect(error.value).toBe(baseUrl);
  });

  it('http on 127.0.0.1 is sent', async () => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list();

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/v1/clients');
  });

  it('http on localhost is sent', async () => {
    const fatora = createFatoraClient({
      token,
      baseUrl: server.url.replace('127.0.0.1', 'localhost'),
    });

    await fatora.clients.list();

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.host).toMatch(/^localhost:\d+$/);
  });

  it.each(['http://[::1]:8080/v1', 'https://api.example.com/v1'])(
    '%s is accepted',
    async (baseUrl) => {
      const redirecting = redirectingFetch();
      const fatora = createFatoraClient({ token, baseUrl, fetch: redirecting.fetch });

      await fatora.clients.list();

      expect(redirecting.urls).toEqual([`${baseUrl}/clients`]);
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe('URL joins', () => {
  it.each(['/v1', '/v1/', '/v1//', '/v1///'])(
    'base path %s gives /v1/clients',
    async (basePath) => {
      server.setFallback(jsonFault(404, errorBody(404, 'not found')));
      const fatora = createFatoraClient({
        token,
        baseUrl: `${server.origin}${basePath}`,
        maxRetries: 0,
      });

      const error = await rejectionOf(fatora.clients.list({ page: 2 }));

      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.url).toBe('/v1/clients?page=2');
      expect(error).toHaveProperty('path', '/v1/clients');
    },
  );

  it('nested base path is kept', async () => {
    server.setFallback(jsonFault(404, errorBody(404, 'not found')));
    const fatora = createFatoraClient({
      token,
      baseUrl: `${server.origin}/api/v1/`,
      maxRetries: 0,
    });

    const error = await rejectionOf(fatora.clients.list());

    expect(server.requests[0]!.url).toBe('/api/v1/clients');
    expect(error).toHaveProperty('path', '/api/v1/clients');
    expect(server.requests).toHaveLength(1);
  });
});

describe('query encoding', () => {
  it.each([
    ['email', 'a+b@example.com'],
    ['keyword', 'Ünïcødé 東京'],
    ['keyword', 'a&b=c#d%e/f?g'],
    ['keyword', '  padded  '],
    ['keyword', ''],
  ])('%s %j arrives unchanged', async (name, value) => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list({ [name]: value });

    expect(server.requests).toHaveLength(1);
    expect([...server.requests[0]!.query.keys()]).toEqual([name]);
    expect(server.requests[0]!.query.get(name)).toBe(value);
  });

  it('plus sign is percent-encoded', async () => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list({ email: 'a+b@example.com' });

    expect(server.requests[0]!.url).toBe('/v1/clients?email=a%2Bb%40example.com');
  });

  it('undefined parameters are omitted', async () => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list({
      keyword: undefined,
      email: undefined,
      page: 3,
      page_size: undefined,
    });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/v1/clients?page=3');
  });

  it('all parameters are sent', async () => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list({
      keyword: 'acme',
      email: 'client@example.com',
      page: 2,
      page_size: 50,
    });

    const query = server.requests[0]!.query;
    expect(query.get('keyword')).toBe('acme');
    expect(query.get('email')).toBe('client@example.com');
    expect(query.get('page')).toBe('2');
    expect(query.get('page_size')).toBe('50');
  });
});

describe('headers', () => {
  it('every attempt carries both headers', async () => {
    const unavailable = jsonFault(503, errorBody(503, 'unavailable'), { 'Retry-After': '0' });
    server.enqueue(unavailable, unavailable, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list();

    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
      expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it('raw client sends both headers', async () => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const { data, response } = await fatora.raw.GET('/clients', { params: { query: { page: 1 } } });

    expect(response.status).toBe(200);
    expect(data).toEqual(clientListBody());
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
  });
});

describe('connection refused', () => {
  it('fails as FatoraConnectionError after retries', async () => {
    const closed = await startFaultServer();
    await closed.close();
    let fetchCalls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      fetchCalls++;
      return fetch(input, init);
    };
    const fatora = createFatoraClient({
      token,
      baseUrl: closed.url,
      maxRetries: 1,
      fetch: countingFetch,
    });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraConnectionError);

    expect(error.message).toMatch(/^GET \/v1\/clients failed: no response \(ECONNREFUSED: /);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(fetchCalls).toBe(2);
    expect(closed.requests).toHaveLength(0);
  });
});
