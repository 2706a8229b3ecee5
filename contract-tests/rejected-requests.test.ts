import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import {
  createFatoraClient,
  FatoraAuthenticationError,
  FatoraBadRequestError,
  FatoraValidationError,
  type ErrorBody,
  type paths,
} from '../src/index.js';
import { describeErrors, responseFor } from './support/spec.js';

const baseUrl = inject('prismUrl');
const token = 'contract-test-token';

function expectDocumentedError(status: number, body: unknown): void {
  const documented = responseFor(status)!;
  expect(documented.status).toBe(String(status));
  expect(documented.validate(body), describeErrors(documented.validate)).toBe(true);
}

/** Creates a `fetch` that counts requests and rewrites each one before forwarding it to Prism. */
function rewritingFetch(rewrite: (request: Request) => void) {
  const counter = { requests: 0 };
  const fetchFunction: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    rewrite(request);
    counter.requests++;
    return fetch(request);
  };
  return { fetch: fetchFunction, counter };
}

describe('requests Prism rejects', () => {
  it('page=0 via raw client returns 400 body', async () => {
    const fatora = createFatoraClient({ token, baseUrl });

    const { error, response } = await fatora.raw.GET('/clients', {
      params: { query: { page: 0 } },
    });

    expect(response.status).toBe(400);
    expect(error?.error.error_code).toBe('400');
    expectDocumentedError(400, error);
  });

  it('page=0 via client fails before sending', async () => {
    const { fetch: countingFetch, counter } = rewritingFetch(() => undefined);
    const fatora = createFatoraClient({ token, baseUrl, fetch: countingFetch });

    const error = await fatora.clients.list({ page: 0 }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(FatoraValidationError);
    expect((error as FatoraValidationError).parameter).toBe('page');
    expect(counter.requests).toBe(0);
  });

  it('page_size=abc via raw client returns 400 body', async () => {
    const fatora = createFatoraClient({ token, baseUrl });

    const { data, error, response } = await fatora.raw.GET('/clients', {
      params: { query: { page_size: 'abc' as unknown as number } },
    });

    expect(new URL(response.url).searchParams.get('page_size')).toBe('abc');
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    const body: ErrorBody | undefined = error;
    expect(body?.error.error_code).toBe('400');
    expectDocumentedError(400, body);
  });

  it('rejected query throws FatoraBadRequestError', async () => {
    // The client validates first, so the invalid value is put in on the wire.
    const { fetch: invalidFetch } = rewritingFetch(() => undefined);
    const fatora = createFatoraClient({
      token,
      baseUrl,
      maxRetries: 0,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        url.searchParams.set('page_size', 'abc');
        return invalidFetch(url, input instanceof Request ? input : init);
      },
    });

    const error = await fatora.clients.list({ page_size: 20 }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(FatoraBadRequestError);
    expect((error as FatoraBadRequestError).status).toBe(400);
    expect((error as FatoraBadRequestError).errorCode).toBe('400');
    expectDocumentedError(400, (error as FatoraBadRequestError).body);
  });

  it('missing Authorization returns 401 body', async () => {
    const plain = createClient<paths>({ baseUrl });

    const { error, response } = await plain.GET('/clients');

    expect(response.status).toBe(401);
    expect(error?.error.error_code).toBe('401');
    expectDocumentedError(401, error);
  });

  it('malformed Authorization throws FatoraAuthenticationError', async () => {
    // The provider's curl sample writes the header as `Authorization Bearer: <token>`.
    const { fetch: malformedFetch, counter } = rewritingFetch((request) => {
      request.headers.delete('Authorization');
      request.headers.set('Authorization-Bearer', token);
    });
    const fatora = createFatoraClient({ token, baseUrl, fetch: malformedFetch });

    const error = await fatora.clients.list().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(FatoraAuthenticationError);
    expect((error as FatoraAuthenticationError).status).toBe(401);
    expect((error as FatoraAuthenticationError).errorCode).toBe('401');
    expect(counter.requests).toBe(1);
  });

  it('empty token fails before sending', () => {
    expect(() => createFatoraClient({ token: '', baseUrl })).toThrow(FatoraValidationError);
  });
});
