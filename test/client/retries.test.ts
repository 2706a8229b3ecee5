import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFatoraClient,
  FatoraApiError,
  FatoraAuthenticationError,
  FatoraBadRequestError,
  FatoraConnectionError,
  FatoraNotFoundError,
  FatoraRateLimitError,
  FatoraServerError,
} from '../../src/index.js';
import {
  clientListBody,
  errorBody,
  jsonFault,
  startFaultServer,
  type FaultServer,
} from '../support/fault-server.js';
import { expectErrorClass, rejectionOf, timed } from '../support/outcomes.js';

const token = 'retry-test-token';
/** Lets a retry follow at once, so that status tests do not wait for the backoff. */
const retryAtOnce = { 'Retry-After': '0' };
const success = jsonFault(200, clientListBody());

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

function receivedGaps(): number[] {
  return server.requests.slice(1).map((request, index) => {
    return request.receivedAt - server.requests[index]!.receivedAt;
  });
}

describe('retried statuses', () => {
  it.each([408, 429, 500, 502, 503, 504])('status %i is retried', async (status) => {
    server.enqueue(jsonFault(status, errorBody(status, 'try again'), retryAtOnce), success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const page = await fatora.clients.list();

    expect(page).toEqual(clientListBody());
    expect(server.requests).toHaveLength(2);
  });

  it('408 fails as FatoraApiError after retries', async () => {
    server.setFallback(jsonFault(408, errorBody(408, 'request timeout'), retryAtOnce));
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraApiError);

    expect(error.status).toBe(408);
    expect(error.errorCode).toBe('408');
    expect(server.requests).toHaveLength(3);
  });
});

describe('statuses that are not retried', () => {
  const cases: Array<[number, new (...args: never[]) => FatoraApiError]> = [
    [400, FatoraBadRequestError],
    [401, FatoraAuthenticationError],
    [403, FatoraApiError],
    [404, FatoraNotFoundError],
    [422, FatoraApiError],
  ];

  it.each(cases)('status %i fails after one request', async (status, errorClass) => {
    server.setFallback(jsonFault(status, errorBody(status, 'rejected'), retryAtOnce));
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 5 });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), errorClass);

    expect(error.status).toBe(status);
    expect(error.description).toBe('rejected');
    expect(server.requests).toHaveLength(1);
  });
});

describe('connection errors', () => {
  it('reset connection is retried', async () => {
    server.enqueue({ kind: 'reset' }, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const page = await fatora.clients.list();

    expect(page).toEqual(clientListBody());
    expect(server.requests).toHaveLength(2);
  });

  it('reset mid-body is retried', async () => {
    server.enqueue(
      { kind: 'partial', status: 200, body: '{"status":"SUCC', then: 'reset' },
      success,
    );
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const page = await fatora.clients.list();

    expect(page).toEqual(clientListBody());
    expect(server.requests).toHaveLength(2);
  });

  it('resets fail as FatoraConnectionError', async () => {
    server.setFallback({ kind: 'reset' });
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 1 });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraConnectionError);

    expect(error.method).toBe('GET');
    expect(error.path).toBe('/v1/clients');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^GET \/v1\/clients failed: no response \(.+\)\. /);
    expect(error.message).toMatch(/Check the network connection and baseUrl\.$/);
    expect(server.requests).toHaveLength(2);
  });

  it('backoff doubles between attempts', async () => {
    // The jitter takes off random() / 4 of each delay: 1 gives 375 ms, then 750 ms.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    server.enqueue({ kind: 'reset' }, { kind: 'reset' }, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list();

    const [first, second] = receivedGaps();
    expect(server.requests).toHaveLength(3);
    expect(first).toBeGreaterThanOrEqual(370);
    expect(first).toBeLessThan(700);
    expect(second).toBeGreaterThanOrEqual(745);
    expect(second).toBeLessThan(1100);
  });
});

describe('Retry-After', () => {
  it('seconds form is waited for', async () => {
    server.enqueue(jsonFault(429, errorBody(429, 'slow down'), { 'Retry-After': '1' }), success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list();

    const [gap] = receivedGaps();
    expect(server.requests).toHaveLength(2);
    expect(gap).toBeGreaterThanOrEqual(995);
    expect(gap).toBeLessThan(1500);
  });

  it('HTTP-date form is waited for', async () => {
    // An HTTP date has whole seconds, so the target is the next whole second after one second.
    let retryAt = 0;
    server.enqueue(() => {
      retryAt = Math.ceil((Date.now() + 1000) / 1000) * 1000;
      const headers = { 'Retry-After': new Date(retryAt).toUTCString() };
      return jsonFault(429, errorBody(429, 'slow down'), headers);
    }, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list();

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.receivedAt).toBeGreaterThanOrEqual(retryAt - 5);
    expect(server.requests[1]!.receivedAt).toBeLessThan(retryAt + 500);
  });

  it('7200 seconds fails at once', async () => {
    server.setFallback(jsonFault(429, errorBody(429, 'quota used'), { 'Retry-After': '7200' }));
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const { elapsedMs, error } = await timed(() => fatora.clients.list());

    const rateLimit = expectErrorClass(error, FatoraRateLimitError);
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.retryAfterMs).toBe(7_200_000);
    expect(rateLimit.headers['retry-after']).toBe('7200');
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it.each(['1.5', '-1', '2 minutes', 'soon'])('invalid value %j is ignored', async (value) => {
    server.setFallback(jsonFault(429, errorBody(429, 'slow down'), { 'Retry-After': value }));
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 0 });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraRateLimitError);

    expect(error.retryAfterMs).toBeUndefined();
    expect(error.headers['retry-after']).toBe(value);
    expect(server.requests).toHaveLength(1);
  });

  it('0 on a 503 skips the backoff', async () => {
    // Without the header the first backoff is at least 375 ms.
    server.enqueue(jsonFault(503, errorBody(503, 'busy'), retryAtOnce), success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    await fatora.clients.list();

    const [gap] = receivedGaps();
    expect(server.requests).toHaveLength(2);
    expect(gap).toBeLessThan(300);
  });
});

describe('503 bursts and maxRetries', () => {
  const unavailable = jsonFault(503, errorBody(503, 'unavailable'), retryAtOnce);

  it('503, 503, 200 succeeds', async () => {
    server.enqueue(unavailable, unavailable, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const page = await fatora.clients.list();

    expect(page).toEqual(clientListBody());
    expect(server.requests).toHaveLength(3);
  });

  it('four 503s exhaust two retries', async () => {
    server.enqueue(unavailable, unavailable, unavailable, unavailable, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 2 });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraServerError);

    expect(error.status).toBe(503);
    expect(error.errorCode).toBe('503');
    expect(error.description).toBe('unavailable');
    expect(server.requests).toHaveLength(3);
  });

  it('maxRetries 0 sends one request', async () => {
    server.enqueue(unavailable, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 0 });

    const error = expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraServerError);

    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('per-call maxRetries raises the limit', async () => {
    server.enqueue(unavailable, unavailable, unavailable, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 0 });

    const page = await fatora.clients.list({}, { maxRetries: 3 });

    expect(page).toEqual(clientListBody());
    expect(server.requests).toHaveLength(4);
  });

  it('per-call maxRetries 0 disables retries', async () => {
    server.enqueue(unavailable, success);
    const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 2 });

    const error = expectErrorClass(
      await rejectionOf(fatora.clients.list({}, { maxRetries: 0 })),
      FatoraServerError,
    );

    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});

describe('fresh request per attempt', () => {
  it('token function runs per attempt', async () => {
    const unavailable = jsonFault(503, errorBody(503, 'unavailable'), retryAtOnce);
    server.enqueue(unavailable, unavailable, success);
    let calls = 0;
    const fatora = createFatoraClient({
      token: () => `rotating-token-${++calls}`,
      baseUrl: server.url,
    });

    await fatora.clients.list({ keyword: 'example', page: 2 });

    const authorizations = server.requests.map((request) => request.headers.authorization);
    expect(calls).toBe(3);
    expect(authorizations).toEqual([
      'Bearer rotating-token-1',
      'Bearer rotating-token-2',
      'Bearer rotating-token-3',
    ]);
    for (const request of server.requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.url).toBe('/v1/clients?keyword=example&page=2');
    }
  });

  it('async token function is awaited', async () => {
    server.enqueue(success);
    const fatora = createFatoraClient({
      token: () => Promise.resolve('async-token'),
      baseUrl: server.url,
    });

    await fatora.clients.list();

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer async-token');
  });
});
