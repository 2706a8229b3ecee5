import { describe, expect, inject, it } from 'vitest';
import { createFatoraClient, FatoraApiError } from '../src/index.js';
import {
  describeErrors,
  documentedResponses,
  fetchWithPrefer,
  responseFor,
  successResponse,
} from './support/spec.js';

const baseUrl = inject('prismUrl');
const token = 'contract-test-token';
const sampleCount = 40;

describe('dynamic mode', () => {
  it(`accepts ${sampleCount} generated 200 bodies`, async () => {
    const fatora = createFatoraClient({ token, baseUrl, fetch: fetchWithPrefer('dynamic=true') });

    for (let sample = 0; sample < sampleCount; sample++) {
      const body = await fatora.clients.list({ page: 1, page_size: 20 });

      expect(successResponse.validate(body), describeErrors(successResponse.validate)).toBe(true);
      expect(Array.isArray(body.clients)).toBe(true);
    }
  });

  const errorStatuses = documentedResponses
    .map((documented) => documented.status)
    .filter((status) => status !== '200' && status !== 'default')
    .map(Number);

  for (const status of errorStatuses) {
    it(`generates schema-valid ${status} bodies`, async () => {
      const fatora = createFatoraClient({
        token,
        baseUrl,
        maxRetries: 0,
        fetch: fetchWithPrefer(`code=${status}, dynamic=true`),
      });

      for (let sample = 0; sample < 5; sample++) {
        const error = await fatora.clients.list().catch((reason: unknown) => reason);

        expect(error).toBeInstanceOf(FatoraApiError);
        const apiError = error as FatoraApiError;
        const documented = responseFor(status)!;
        expect(apiError.status).toBe(status);
        expect(documented.validate(apiError.body), describeErrors(documented.validate)).toBe(true);
      }
    });
  }
});
