import { describe, expect, expectTypeOf, inject, it } from 'vitest';
import { createFatoraClient, type ListClientsQuery } from '../src/index.js';
import { queryParameters } from './support/spec.js';

const baseUrl = inject('prismUrl');
const token = 'contract-test-token';

/** Creates a `fetch` that records every request it forwards to Prism. */
function recordingFetch(requests: Request[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return fetch(request);
  };
}

describe('query parameter names', () => {
  const specNames = queryParameters.map((parameter) => parameter.name).sort();

  it('spec declares the four documented names', () => {
    expect(specNames).toEqual(['email', 'keyword', 'page', 'page_size']);
  });

  it('generated query type has exactly the spec names', () => {
    expectTypeOf<keyof ListClientsQuery>().toEqualTypeOf<
      'keyword' | 'email' | 'page' | 'page_size'
    >();
  });

  it('client sends exactly the spec names', async () => {
    const requests: Request[] = [];
    const fatora = createFatoraClient({ token, baseUrl, fetch: recordingFetch(requests) });

    await fatora.clients.list({
      keyword: 'example',
      email: 'client.one@example.com',
      page: 2,
      page_size: 20,
    });

    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.url);
    expect([...url.searchParams.keys()].sort()).toEqual(specNames);
    expect(url.searchParams.get('keyword')).toBe('example');
    expect(url.searchParams.get('email')).toBe('client.one@example.com');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('page_size')).toBe('20');
  });

  it('client sends auth and content type', async () => {
    const requests: Request[] = [];
    const fatora = createFatoraClient({ token, baseUrl, fetch: recordingFetch(requests) });

    await fatora.clients.list();

    const request = requests[0]!;
    expect(request.method).toBe('GET');
    expect(new URL(request.url).pathname).toBe('/clients');
    expect(request.headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(request.headers.get('content-type')).toBe('application/json');
  });
});
