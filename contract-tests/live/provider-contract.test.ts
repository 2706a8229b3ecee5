/**
 * Live contract suite: sends a few read-only requests through
 * `prism proxy openapi.yaml $FATORA_UPSTREAM --errors` and fails on every
 * response that the spec does not describe. `npm run contract:live` runs it.
 */
import { describe, expect, it } from 'vitest';
import { createFatoraClient } from '../../src/index.js';
import { documentedResponses, describeErrors, successResponse } from '../support/spec.js';
import { readLiveEnvironment } from './live-environment.js';
import { formatViolations, readViolations } from './violations.js';

const { proxyUrl, token } = readLiveEnvironment();

/** Statuses that openapi.yaml lists by number; `default` only describes the body of the rest. */
const listedStatuses = documentedResponses
  .map((documented) => documented.status)
  .filter((status) => status !== 'default');

async function getClients(query: string, authorization = `Bearer ${token}`) {
  const response = await fetch(`${proxyUrl}/clients?${query}`, {
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
  });
  const violations = await readViolations(response);
  const body: unknown = await response.json().catch(() => undefined);
  return { response, violations, body };
}

function describeResponse(status: number, violations: string): string {
  const listed = listedStatuses.includes(String(status))
    ? ''
    : ` (openapi.yaml lists only ${listedStatuses.join(', ')})`;
  return `status ${status}${listed}${violations ? `, spec violations:\n${violations}` : ''}`;
}

describe('provider against openapi.yaml', () => {
  for (const [name, query] of [
    ['first page', 'page=1&page_size=5'],
    ['second page', 'page=2&page_size=5'],
    ['keyword without matches', 'keyword=zz-no-client-matches-this-zz&page=1'],
  ] as const) {
    it(`${name} matches the spec`, async () => {
      const { response, violations, body } = await getClients(query);
      const described = describeResponse(response.status, formatViolations(violations));

      expect(violations, described).toEqual([]);
      expect(response.status, described).toBe(200);
      expect(successResponse.validate(body), describeErrors(successResponse.validate)).toBe(true);
    });
  }

  it('invalid token gets a documented 401', async () => {
    const { response, violations } = await getClients('page=1', 'Bearer invalid-token');
    const described = describeResponse(response.status, formatViolations(violations));

    expect(violations, described).toEqual([]);
    expect(response.status, described).toBe(401);
  });

  it('client reads the first page', async () => {
    const fatora = createFatoraClient({ token, baseUrl: proxyUrl, maxRetries: 0 });

    const page = await fatora.clients.list({ page: 1, page_size: 5 });

    expect(page.page).toBe(1);
    expect(Array.isArray(page.clients)).toBe(true);
  });
});
