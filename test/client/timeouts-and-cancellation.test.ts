import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFatoraClient, FatoraTimeoutError } from '../../src/index.js';
import {
  clientListBody,
  errorBody,
  jsonFault,
  startFaultServer,
  warmUpFetch,
  type FaultServer,
} from '../support/fault-server.js';
import { expectErrorClass, rejectionOf, sleep, timed } from '../support/outcomes.js';

const token = 'timeout-test-token';
const success = jsonFault(200, clientListBody());

let server: FaultServer;

beforeAll(warmUpFetch);

/** Aborts `controller` after `ms` milliseconds, with the default AbortError unless a reason is given. */
function abortLater(controller: AbortController, ms: number, reason?: unknown): void {
  setTimeout(() => {
    controller.abort(reason);
  }, ms);
}

beforeEach(async () => {
  server = await startFaultServer();
});

afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

describe('timeoutMs', () => {
  it('slow response times out', async () => {
    server.setFallback({ kind: 'delay', ms: 2000, then: success });
    const fatora = createFatoraClient({ token, baseUrl: server.url, timeoutMs: 200 });

    const { elapsedMs, error } = await timed(() => fatora.clients.list());

    const timeout = expectErrorClass(error, FatoraTimeoutError);
    expect(timeout.timeoutMs).toBe(200);
    expect(timeout.method).toBe('GET');
    expect(timeout.path).toBe('/v1/clients');
    expect(timeout.message).toBe(
      'GET /v1/clients timed out after 200 ms. Retry later, or raise timeoutMs.',
    );
    expect(elapsedMs).toBeGreaterThanOrEqual(195);
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('per-call timeoutMs applies', async () => {
    server.setFallback({ kind: 'hang' });
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const { elapsedMs, error } = await timed(() => fatora.clients.list({}, { timeoutMs: 200 }));

    const timeout = expectErrorClass(error, FatoraTimeoutError);
    expect(timeout.timeoutMs).toBe(200);
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('stalled body times out', async () => {
    server.setFallback({ kind: 'partial', status: 200, body: '{"status":"SUCC', then: 'hang' });
    const fatora = createFatoraClient({ token, baseUrl: server.url, timeoutMs: 200 });

    const { elapsedMs, error } = await timed(() => fatora.clients.list());

    const timeout = expectErrorClass(error, FatoraTimeoutError);
    expect(timeout.timeoutMs).toBe(200);
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('default timeout is retried', async () => {
    // Fake timers replace the default 30 s timeout and the backoff, while the
    // requests still go over the network to the fault server.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.setFallback({ kind: 'hang' });
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const outcome = rejectionOf(fatora.clients.list());
    for (const attempt of [1, 2, 3]) {
      await vi.waitFor(() => {
        expect(server.requests).toHaveLength(attempt);
      });
      // 30 s for the attempt, then up to 1 s for the backoff before the next one.
      await vi.advanceTimersByTimeAsync(31_000);
    }

    const timeout = expectErrorClass(await outcome, FatoraTimeoutError);
    expect(timeout.timeoutMs).toBe(30_000);
    expect(server.requests).toHaveLength(3);
  });

  it('token function that never settles times out', async () => {
    server.setFallback(success);
    const fatora = createFatoraClient({
      token: () => new Promise<string>(() => undefined),
      baseUrl: server.url,
      timeoutMs: 200,
    });

    const { elapsedMs, error } = await timed(() => fatora.clients.list());

    const timeout = expectErrorClass(error, FatoraTimeoutError);
    expect(timeout.timeoutMs).toBe(200);
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(0);
  });

  it('token function error reaches the caller', async () => {
    server.setFallback(success);
    const failure = new Error('token store unavailable');
    const fatora = createFatoraClient({
      token: () => Promise.reject(failure),
      baseUrl: server.url,
    });

    const error = await rejectionOf(fatora.clients.list());

    expect(error).toBe(failure);
    expect(server.requests).toHaveLength(0);
  });

  it('response within timeoutMs succeeds', async () => {
    server.setFallback({ kind: 'delay', ms: 50, then: success });
    const fatora = createFatoraClient({ token, baseUrl: server.url, timeoutMs: 1000 });

    const page = await fatora.clients.list();

    expect(page).toEqual(clientListBody());
    expect(server.requests).toHaveLength(1);
  });
});

describe('caller abort', () => {
  it('in-flight abort rejects at once', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    server.setFallback(() => {
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 50);
      return { kind: 'delay', ms: 2000, then: success };
    });
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const { error } = await timed(() => fatora.clients.list({}, { signal: controller.signal }));
    const rejectedAfterMs = performance.now() - abortedAt;
    await sleep(100);

    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(rejectedAfterMs).toBeLessThan(200);
    expect(server.requests).toHaveLength(1);
  });

  it('custom reason is the rejection', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    server.setFallback(() => {
      abortLater(controller, 20, reason);
      return { kind: 'hang' };
    });
    const fatora = createFatoraClient({ token, baseUrl: server.url, timeoutMs: 2000 });

    const { elapsedMs, error } = await timed(() =>
      fatora.clients.list({}, { signal: controller.signal }),
    );
    await sleep(100);

    expect(error).toBe(reason);
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('abort during backoff rejects at once', async () => {
    const controller = new AbortController();
    const warnings: string[] = [];
    server.setFallback(() => {
      abortLater(controller, 100);
      return jsonFault(503, errorBody(503, 'busy'), { 'Retry-After': '30' });
    });
    const fatora = createFatoraClient({
      token,
      baseUrl: server.url,
      logger: { debug: () => undefined, warn: (line) => warnings.push(line) },
    });

    const { elapsedMs, error } = await timed(() =>
      fatora.clients.list({}, { signal: controller.signal }),
    );
    await sleep(100);

    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(warnings).toEqual([
      'fatora: GET /v1/clients failed with status 503; retry 1 of 2 in 30000 ms',
    ]);
    expect(elapsedMs).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    let tokenCalls = 0;
    const fatora = createFatoraClient({
      token: () => {
        tokenCalls++;
        return token;
      },
      baseUrl: server.url,
    });

    const { error } = await timed(() => fatora.clients.list({}, { signal: controller.signal }));
    await sleep(50);

    expect(error).toBe(controller.signal.reason);
    expect(tokenCalls).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('abort while the token resolves sends nothing', async () => {
    const controller = new AbortController();
    server.setFallback({ kind: 'hang' });
    const fatora = createFatoraClient({
      token: () => sleep(500).then(() => token),
      baseUrl: server.url,
      timeoutMs: 5000,
    });
    abortLater(controller, 20);

    const { elapsedMs, error } = await timed(() =>
      fatora.clients.list({}, { signal: controller.signal }),
    );
    await sleep(600);

    expect(error).toBe(controller.signal.reason);
    expect(elapsedMs).toBeLessThan(300);
    expect(server.requests).toHaveLength(0);
  });

  it('abort before timeoutMs is not a timeout', async () => {
    const controller = new AbortController();
    server.setFallback(() => {
      abortLater(controller, 20);
      return { kind: 'hang' };
    });
    const fatora = createFatoraClient({ token, baseUrl: server.url, timeoutMs: 2000 });

    const { error } = await timed(() => fatora.clients.list({}, { signal: controller.signal }));

    expect(error).not.toBeInstanceOf(FatoraTimeoutError);
    expect(error).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(1);
  });
});
