import { describe, expect, inject, it } from 'vitest';
import { createFatoraClient, FatoraApiError, type ErrorBody } from '../src/index.js';
import { describeErrors, responseFor } from './support/spec.js';

const baseUrl = inject('prismUrl');
const token = 'contract-test-token';

function expectDocumentedError(status: number, body: unknown): void {
  const documented = responseFor(status)!;
  expect(documented.status).toBe(String(status));
  expect(documented.validate(body), describeErrors(documented.validate)).toBe(true);
}

describe('requests Prism rejects', () => {
  it('page=0 throws FatoraApiError 400', async () => {
    const fatora = createFatoraClient({ token, baseUrl });

    const error = await fatora.clients.list({ page: 0 }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(FatoraApiError);
    expect((error as FatoraApiError).status).toBe(400);
    expect((error as FatoraApiError).errorCode).toBe('400');
    expectDocumentedError(400, (error as FatoraApiError).body);
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

  it('missing Authorization returns 401 body', async () => {
    const fatora = createFatoraClient({ token, baseUrl });

    const { error, response } = await fatora.raw.GET('/clients', {
      headers: { Authorization: null },
    });

    expect(response.status).toBe(401);
    expect(error?.error.error_code).toBe('401');
    expectDocumentedError(401, error);
  });

  it('malformed Authorization throws FatoraApiError 401', async () => {
    // The provider's curl sample writes the header as `Authorization Bearer: <token>`.
    const fatora = createFatoraClient({
      token,
      baseUrl,
      fetch: (input, init) => {
        const request = new Request(input, init);
        request.headers.delete('Authorization');
        request.headers.set('Authorization-Bearer', token);
        return fetch(request);
      },
    });

    const error = await fatora.clients.list().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(FatoraApiError);
    expect((error as FatoraApiError).status).toBe(401);
    expect((error as FatoraApiError).errorCode).toBe('401');
  });
});
