import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFatoraClient,
  FatoraApiError,
  FatoraAuthenticationError,
  FatoraBadRequestError,
  FatoraError,
  FatoraNotFoundError,
  FatoraRateLimitError,
  FatoraServerError,
} from '../../src/index.js';
import {
  errorBody,
  jsonFault,
  startFaultServer,
  type FaultServer,
} from '../support/fault-server.js';
import { expectErrorClass, rejectionOf } from '../support/outcomes.js';

const token = 'api-error-test-token';

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});

afterEach(async () => {
  await server.close();
});

/** Sends one `list` call without retries and returns its rejection. */
async function listError(): Promise<unknown> {
  const fatora = createFatoraClient({ token, baseUrl: server.url, maxRetries: 0 });
  return rejectionOf(fatora.clients.list());
}

describe('documented error body', () => {
  const cases: Array<[number, new (...args: never[]) => FatoraApiError, string]> = [
    [400, FatoraBadRequestError, 'Fix the query parameters; they must match openapi.yaml.'],
    [401, FatoraAuthenticationError, "Pass a valid token from the provider's Authorize endpoint."],
    [403, FatoraApiError, 'Check the request against openapi.yaml.'],
    [
      404,
      FatoraNotFoundError,
      'Check baseUrl: it must end in /v1, for example https://api.fatora.io/v1.',
    ],
    [418, FatoraApiError, 'Check the request against openapi.yaml.'],
    [422, FatoraApiError, 'Check the request against openapi.yaml.'],
    [429, FatoraRateLimitError, 'Send fewer requests, or wait before retrying.'],
    [500, FatoraServerError, 'Retry later; the failure is on the server side.'],
    [503, FatoraServerError, 'Retry later; the failure is on the server side.'],
    [504, FatoraServerError, 'Retry later; the failure is on the server side.'],
  ];

  it.each(cases)('status %i maps to its class', async (status, errorClass, hint) => {
    const body = errorBody(status, `problem ${status}`);
    server.setFallback(jsonFault(status, body, { 'X-Request-Id': `request-${status}` }));

    const error = expectErrorClass(await listError(), errorClass);

    expect(error).toBeInstanceOf(FatoraApiError);
    expect(error).toBeInstanceOf(FatoraError);
    expect(error.name).toBe(errorClass.name);
    expect(error.status).toBe(status);
    expect(error.errorCode).toBe(String(status));
    expect(error.description).toBe(`problem ${status}`);
    expect(error.body).toEqual(body);
    expect(error.headers['x-request-id']).toBe(`request-${status}`);
    expect(error.headers['content-type']).toBe('application/json');
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/v1/clients');
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe(
      `GET /v1/clients failed with status ${status}: problem ${status}. ${hint}`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('numeric error_code becomes a string', async () => {
    const body = { status: 'ERROR', error: { error_code: 400, description: 'bad request' } };
    server.setFallback(jsonFault(400, body));

    const error = expectErrorClass(await listError(), FatoraBadRequestError);

    expect(error.errorCode).toBe('400');
    expect(error.description).toBe('bad request');
    expect(error.body).toEqual(body);
    expect(server.requests).toHaveLength(1);
  });

  it('Retry-After is parsed into retryAfterMs', async () => {
    server.setFallback(jsonFault(429, errorBody(429, 'slow down'), { 'Retry-After': '3' }));

    const error = expectErrorClass(await listError(), FatoraRateLimitError);

    expect(error.retryAfterMs).toBe(3000);
    expect(error.headers['retry-after']).toBe('3');
    expect(server.requests).toHaveLength(1);
  });
});

describe('other error bodies', () => {
  it('HTML from a proxy keeps status and text', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    server.setFallback({ kind: 'text', status: 502, body: html, contentType: 'text/html' });

    const error = expectErrorClass(await listError(), FatoraServerError);

    expect(error).toBeInstanceOf(FatoraApiError);
    expect(error.status).toBe(502);
    expect(error.errorCode).toBeUndefined();
    expect(error.description).toBeUndefined();
    expect(error.body).toBe(html);
    expect(error.headers['content-type']).toBe('text/html');
    expect(error.message).toBe(
      'GET /v1/clients failed with status 502. Retry later; the failure is on the server side.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('long HTML body is cut to 500 characters', async () => {
    const html = `<html><body>${'x'.repeat(2000)}</body></html>`;
    server.setFallback({ kind: 'text', status: 403, body: html, contentType: 'text/html' });

    const error = expectErrorClass(await listError(), FatoraApiError);

    expect(error.status).toBe(403);
    expect(error.body).toBe(`${html.slice(0, 500)}…`);
    expect(server.requests).toHaveLength(1);
  });

  it('empty body with Content-Length 0', async () => {
    server.setFallback({ kind: 'text', status: 500, body: '', headers: { 'Content-Length': '0' } });

    const error = expectErrorClass(await listError(), FatoraServerError);

    expect(error.status).toBe(500);
    expect(error.errorCode).toBeUndefined();
    expect(error.description).toBeUndefined();
    expect(error.body).toBe('');
    expect(error.message).toBe(
      'GET /v1/clients failed with status 500. Retry later; the failure is on the server side.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('empty chunked body', async () => {
    // Node's http server sends an empty body without Content-Length as chunked.
    server.setFallback({ kind: 'text', status: 401, body: '' });

    const error = expectErrorClass(await listError(), FatoraAuthenticationError);

    expect(error.status).toBe(401);
    expect(error.errorCode).toBeUndefined();
    expect(error.body).toBe('');
    expect(server.requests).toHaveLength(1);
  });

  it('JSON body of another shape', async () => {
    const body = { message: 'Forbidden', code: 'E_FORBIDDEN' };
    server.setFallback(jsonFault(403, body));

    const error = expectErrorClass(await listError(), FatoraApiError);

    expect(error.status).toBe(403);
    expect(error.errorCode).toBeUndefined();
    expect(error.description).toBeUndefined();
    expect(error.body).toEqual(body);
    expect(error.message).toBe(
      'GET /v1/clients failed with status 403. Check the request against openapi.yaml.',
    );
    expect(server.requests).toHaveLength(1);
  });
});
