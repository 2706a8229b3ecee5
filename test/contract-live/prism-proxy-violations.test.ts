/**
 * What `prism proxy openapi.yaml <upstream> --errors` reports for each kind
 * of deviation, checked against a stand-in upstream on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, readViolations } from '../../contract-tests/live/violations.js';
import { startPrism, type PrismServer } from '../../contract-tests/support/prism.js';
import { errorBody, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { clientWithoutEmail, conformingUpstream, standInToken } from './stand-in-upstream.js';

let upstream: FaultServer;
let prism: PrismServer;

beforeAll(async () => {
  upstream = await startFaultServer(conformingUpstream());
  prism = await startPrism({ mode: 'proxy', upstream: upstream.url, errors: true });
});

afterAll(async () => {
  await prism.stop();
  await upstream.close();
});

async function getThroughProxy() {
  const response = await fetch(`${prism.url}/clients?page=1&page_size=5`, {
    headers: { Authorization: `Bearer ${standInToken}`, 'Content-Type': 'application/json' },
  });
  const violations = await readViolations(response);
  return { response, violations, text: formatViolations(violations) };
}

function clientPage(overrides: Record<string, unknown>) {
  return {
    kind: 'json' as const,
    status: 200,
    body: { status: 'SUCCESS', clients: [], total: 0, page: 1, page_size: 5, ...overrides },
  };
}

describe('prism proxy --errors', () => {
  it('passes a conforming response', async () => {
    const { response, violations } = await getThroughProxy();

    expect(violations).toEqual([]);
    expect(response.status).toBe(200);
    expect(upstream.requests.at(-1)?.url).toBe('/v1/clients?page=1&page_size=5');
  });

  it('reports a missing required field', async () => {
    upstream.enqueue(clientPage({ clients: [clientWithoutEmail()], total: 1 }));

    const { response, violations, text } = await getThroughProxy();

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(violations.map((violation) => violation.location.join('.'))).toEqual([
      'response.body.clients.0',
    ]);
    expect(text).toContain("must have required property 'email'");
  });

  it('reports a wrong type', async () => {
    upstream.enqueue(clientPage({ total: 'seven' }));

    const { response, text } = await getThroughProxy();

    expect(response.status).toBe(500);
    expect(text).toContain('response.body.total: Response body property total must be integer');
  });

  it('reports an undocumented media type', async () => {
    upstream.enqueue({
      kind: 'text',
      status: 503,
      body: '<h1>down</h1>',
      contentType: 'text/html',
    });

    const { response, text } = await getThroughProxy();

    expect(response.status).toBe(500);
    expect(text).toContain('"text/html" does not match');
  });

  // The spec's `default` response describes the body of every unlisted
  // status, so Prism lets a 418 with that body through. The live suite
  // checks the status itself.
  it('passes an unlisted status with the default body', async () => {
    upstream.enqueue({ kind: 'json', status: 418, body: errorBody(418, "I'm a teapot") });

    const { response, violations } = await getThroughProxy();

    expect(violations).toEqual([]);
    expect(response.status).toBe(418);
  });
});
