import { inspect } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFatoraClient,
  FatoraAuthenticationError,
  FatoraConnectionError,
  FatoraResponseError,
  FatoraServerError,
  FatoraTimeoutError,
  FatoraValidationError,
  type FatoraClientOptions,
  type FatoraLogger,
} from '../../src/index.js';
import {
  clientDirectory,
  clientListBody,
  errorBody,
  jsonFault,
  startFaultServer,
  warmUpFetch,
  type FaultServer,
} from '../support/fault-server.js';
import { collect, expectErrorClass, rejectionOf } from '../support/outcomes.js';

/** A distinctive token, so that any copy of it in an output is found. */
const secret = 'tok_SECRET_7f3a9c2e41d8';

let server: FaultServer;

beforeAll(warmUpFetch);
let logLines: string[];
let logger: FatoraLogger;

beforeEach(async () => {
  server = await startFaultServer();
  logLines = [];
  logger = {
    debug: (line) => logLines.push(`debug ${line}`),
    warn: (line) => logLines.push(`warn ${line}`),
  };
});

afterEach(async () => {
  await server.close();
});

function createClient(options: Partial<FatoraClientOptions> = {}) {
  return createFatoraClient({ token: secret, baseUrl: server.url, logger, ...options });
}

/** Asserts that no rendering of the error, and no logger line, contains the token. */
function expectNoToken(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const { message, stack } = error as Error;
  expect(message).not.toContain(secret);
  expect(stack).not.toContain(secret);
  expect(JSON.stringify(error)).not.toContain(secret);
  expect(inspect(error, { depth: 10 })).not.toContain(secret);
  expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(secret);
  expect(String(error)).not.toContain(secret);
  for (const line of logLines) expect(line).not.toContain(secret);
}

/** Asserts that the server got the token, so that each case really used it. */
function expectTokenSent(requests: number): void {
  expect(server.requests).toHaveLength(requests);
  for (const request of server.requests) {
    expect(request.headers.authorization).toBe(`Bearer ${secret}`);
  }
}

describe('errors never contain the token', () => {
  it('API error', async () => {
    server.setFallback(jsonFault(401, errorBody(401, 'token expired')));

    const error = await rejectionOf(createClient().clients.list());

    expectErrorClass(error, FatoraAuthenticationError);
    expectNoToken(error);
    expectTokenSent(1);
  });

  it('API error after retries', async () => {
    server.setFallback(jsonFault(503, errorBody(503, 'unavailable'), { 'Retry-After': '0' }));

    const error = await rejectionOf(createClient().clients.list());

    expectErrorClass(error, FatoraServerError);
    expectNoToken(error);
    expectTokenSent(3);
  });

  it('connection error', async () => {
    server.setFallback({ kind: 'reset' });

    const error = await rejectionOf(createClient({ maxRetries: 0 }).clients.list());

    const connection = expectErrorClass(error, FatoraConnectionError);
    expect(connection.cause).toBeInstanceOf(Error);
    expectNoToken(error);
    expectTokenSent(1);
  });

  it('timeout', async () => {
    server.setFallback({ kind: 'hang' });

    const error = await rejectionOf(createClient({ timeoutMs: 200 }).clients.list());

    expectErrorClass(error, FatoraTimeoutError);
    expectNoToken(error);
    expectTokenSent(1);
  });

  it('response error', async () => {
    server.setFallback({ kind: 'text', status: 200, body: 'not json' });

    const error = await rejectionOf(createClient().clients.list());

    expectErrorClass(error, FatoraResponseError);
    expectNoToken(error);
    expectTokenSent(1);
  });

  it('pagination error', async () => {
    server.setFallback(clientDirectory({ total: 20, ignorePage: true }));

    const error = await rejectionOf(collect(createClient().clients.listAll({ page_size: 5 })));

    expectErrorClass(error, FatoraResponseError);
    expectNoToken(error);
    expectTokenSent(2);
  });

  it('query validation error', async () => {
    const error = await rejectionOf(createClient().clients.list({ page: 0 }));

    expectErrorClass(error, FatoraValidationError);
    expectNoToken(error);
    expectTokenSent(0);
  });
});

describe('invalid tokens are not echoed', () => {
  it.each([
    ['a trailing newline', `${secret}\n`],
    ['a header injection', `${secret}\r\nX-Injected: 1`],
    ['a space', `${secret} `],
    ['a non-ASCII character', `${secret}é`],
  ])('token with %s', (_name, token) => {
    let error: unknown;
    try {
      createFatoraClient({ token, baseUrl: server.url, logger });
    } catch (reason) {
      error = reason;
    }

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe('token');
    expect(validation.value).toBeUndefined();
    expectNoToken(error);
    expectTokenSent(0);
  });

  it('token function with a newline', async () => {
    const fatora = createClient({ token: () => `${secret}\n` });

    const error = await rejectionOf(fatora.clients.list());

    expectErrorClass(error, FatoraValidationError);
    expectNoToken(error);
    expectTokenSent(0);
  });

  it('token under a misspelled option', () => {
    let error: unknown;
    try {
      createFatoraClient({ apiToken: secret, token: 'other-token' } as FatoraClientOptions);
    } catch (reason) {
      error = reason;
    }

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe('apiToken');
    expectNoToken(error);
  });
});

describe('client object', () => {
  it('inspect does not show the token', () => {
    const fatora = createClient();

    expect(inspect(fatora, { depth: 10 })).not.toContain(secret);
    expect(inspect(fatora, { depth: 10, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(fatora)).not.toContain(secret);
  });
});

describe('logger', () => {
  it('logs each attempt and retry, redacted', async () => {
    const unavailable = jsonFault(503, errorBody(503, 'unavailable'), { 'Retry-After': '0' });
    server.enqueue(unavailable, unavailable, jsonFault(200, clientListBody()));

    await createClient().clients.list({ page: 2 });

    const attempt = (number: number) =>
      `debug fatora: GET ${server.url}/clients?page=2 attempt ${number} of 3 ` +
      '(Authorization: Bearer [REDACTED])';
    const retry = (number: number) =>
      `warn fatora: GET /v1/clients failed with status 503; retry ${number} of 2 in 0 ms`;
    expect(logLines).toHaveLength(6);
    expect(logLines.slice(0, 5)).toEqual([attempt(1), retry(1), attempt(2), retry(2), attempt(3)]);
    expect(logLines[5]).toMatch(/^debug fatora: GET \/v1\/clients succeeded in \d+ ms$/);
    for (const line of logLines) expect(line).not.toContain(secret);
    expectTokenSent(3);
  });

  it('logs a failed call per attempt', async () => {
    server.setFallback({ kind: 'reset' });

    const error = await rejectionOf(createClient({ maxRetries: 1 }).clients.list());

    expectErrorClass(error, FatoraConnectionError);
    const debugLines = logLines.filter((line) => line.startsWith('debug '));
    const warnLines = logLines.filter((line) => line.startsWith('warn '));
    expect(debugLines).toHaveLength(2);
    expect(warnLines).toHaveLength(1);
    expect(warnLines[0]).toMatch(
      /^warn fatora: GET \/v1\/clients failed with FatoraConnectionError; retry 1 of 1 in \d+ ms$/,
    );
    for (const line of debugLines) expect(line).toContain('(Authorization: Bearer [REDACTED])');
    expectNoToken(error);
    expectTokenSent(2);
  });
});
