import { describe, expect, inject, it } from 'vitest';
import { createFatoraClient, FatoraApiError } from '../src/index.js';
import {
  describeErrors,
  documentedResponses,
  fetchWithPrefer,
  successResponse,
} from './support/spec.js';

const baseUrl = inject('prismUrl');
const token = 'contract-test-token';

/** Runs `clients.list` through Prism with the given `Prefer` header. */
function listWith(prefer: string) {
  // No retries: Prism returns the same status on a retry, so it would only add time.
  return createFatoraClient({
    token,
    baseUrl,
    maxRetries: 0,
    fetch: fetchWithPrefer(prefer),
  }).clients.list({
    page: 1,
  });
}

async function captureApiError(promise: Promise<unknown>): Promise<FatoraApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FatoraApiError);
  return error as FatoraApiError;
}

describe('spec examples', () => {
  for (const documented of documentedResponses) {
    for (const example of documented.examples) {
      it(`${documented.status} example ${example.name} matches its schema`, () => {
        const valid = documented.validate(example.value);
        expect(valid, describeErrors(documented.validate)).toBe(true);
      });
    }
  }

  it('success response has the three named examples', () => {
    expect(successResponse.examples.map((example) => example.name).sort()).toEqual(
      ['emptyResult', 'firstPage', 'lastPageWithNullNotes'].sort(),
    );
  });
});

describe('200 examples through the client', () => {
  for (const example of successResponse.examples) {
    it(`returns example ${example.name} unchanged`, async () => {
      const body = await listWith(`code=200, example=${example.name}`);

      expect(body).toEqual(example.value);
      expect(successResponse.validate(body), describeErrors(successResponse.validate)).toBe(true);
    });
  }

  it('keeps null notes as null', async () => {
    const body = await listWith('example=lastPageWithNullNotes');

    expect(body.clients).toHaveLength(1);
    expect(body.clients[0]?.notes).toBeNull();
  });
});

describe('error responses through the client', () => {
  const errorResponses = documentedResponses.filter((documented) => documented.status !== '200');

  for (const documented of errorResponses) {
    for (const example of documented.examples) {
      const body = example.value as { error: { error_code: string; description: string } };
      const status =
        documented.status === 'default' ? Number(body.error.error_code) : Number(documented.status);

      it(`${documented.status} (${example.name}) throws FatoraApiError`, async () => {
        const error = await captureApiError(listWith(`code=${status}, example=${example.name}`));

        expect(error.status).toBe(status);
        expect(error.errorCode).toBe(body.error.error_code);
        expect(error.description).toBe(body.error.description);
        expect(error.body).toEqual(example.value);
        expect(documented.validate(error.body), describeErrors(documented.validate)).toBe(true);
        expect(error.message).toContain(`GET /clients failed with status ${status}`);
      });
    }
  }
});
