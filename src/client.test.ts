import { describe, expect, it } from 'vitest';
import { createFatoraClient, DEFAULT_BASE_URL, FatoraApiError, FatoraError } from './index.js';

const page = { status: 'SUCCESS', clients: [], total: 0, page: 1, page_size: 20 };

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A fetch stub that records requests and returns the given responses in turn. */
function stubFetch(...responses: Response[]) {
  const requests: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push(new Request(input, init));
    const response = responses.shift();
    if (!response) return Promise.reject(new Error('stubFetch ran out of responses'));
    return Promise.resolve(response);
  };
  return { fetch, requests };
}

describe('createFatoraClient', () => {
  it('uses the production base URL by default', async () => {
    const stub = stubFetch(jsonResponse(200, page));

    await createFatoraClient({ token: 't', maxRetries: 0, fetch: stub.fetch }).clients.list();

    expect(DEFAULT_BASE_URL).toBe('https://api.fatora.io/v1');
    expect(stub.requests[0]!.url).toBe('https://api.fatora.io/v1/clients');
  });

  it('joins a base URL with a trailing slash exactly', async () => {
    const stub = stubFetch(jsonResponse(200, page));

    await createFatoraClient({
      token: 't',
      baseUrl: 'https://api.example.com/v1/',
      fetch: stub.fetch,
    }).clients.list();

    expect(stub.requests[0]!.url).toBe('https://api.example.com/v1/clients');
  });

  it('sends bearer token and JSON content type', async () => {
    const stub = stubFetch(jsonResponse(200, page));

    await createFatoraClient({ token: 'secret-token', fetch: stub.fetch }).clients.list();

    expect(stub.requests[0]!.headers.get('authorization')).toBe('Bearer secret-token');
    expect(stub.requests[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('returns the 200 body', async () => {
    const stub = stubFetch(jsonResponse(200, page));

    await expect(
      createFatoraClient({ token: 't', maxRetries: 0, fetch: stub.fetch }).clients.list(),
    ).resolves.toEqual(page);
  });

  it('maps the documented error body', async () => {
    const body = { status: 'ERROR', error: { error_code: '404', description: 'not found' } };
    const stub = stubFetch(jsonResponse(404, body));

    const error = await createFatoraClient({ token: 't', maxRetries: 0, fetch: stub.fetch })
      .clients.list()
      .catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(FatoraApiError);
    expect(error).toBeInstanceOf(FatoraError);
    const apiError = error as FatoraApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.errorCode).toBe('404');
    expect(apiError.description).toBe('not found');
    expect(apiError.body).toEqual(body);
    expect(apiError.message).toBe(
      'GET /v1/clients failed with status 404: not found. ' +
        'Check baseUrl: it must end in /v1, for example https://api.fatora.io/v1.',
    );
  });

  it('keeps the status for an HTML error body', async () => {
    const html = new Response('<html>Bad gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    const stub = stubFetch(html);

    const error = (await createFatoraClient({ token: 't', maxRetries: 0, fetch: stub.fetch })
      .clients.list()
      .catch((reason: unknown) => reason)) as FatoraApiError;

    expect(error).toBeInstanceOf(FatoraApiError);
    expect(error.status).toBe(502);
    expect(error.errorCode).toBeUndefined();
    expect(error.description).toBeUndefined();
  });
});
