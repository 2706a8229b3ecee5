import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFatoraClient, FatoraResponseError } from '../../src/index.js';
import {
  clientListBody,
  jsonFault,
  startFaultServer,
  syntheticClient,
  type FaultServer,
} from '../support/fault-server.js';
import { expectErrorClass, rejectionOf } from '../support/outcomes.js';

const token = 'response-error-test-token';
const hint =
  'The server does not match openapi.yaml. Report it to the provider, or pass ' +
  'validateResponses: false to accept such bodies.';

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});

afterEach(async () => {
  await server.close();
});

/** Sends one `list` call with the default retries and returns its rejection. */
async function listError(): Promise<FatoraResponseError> {
  const fatora = createFatoraClient({ token, baseUrl: server.url });
  return expectErrorClass(await rejectionOf(fatora.clients.list()), FatoraResponseError);
}

describe('unusable 200 bodies', () => {
  it('empty body', async () => {
    server.setFallback({ kind: 'text', status: 200, body: '', contentType: 'application/json' });

    const error = await listError();

    expect(error.status).toBe(200);
    expect(error.reason).toBe('the body is empty');
    expect(error.body).toBe('');
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/v1/clients');
    expect(error.message).toBe(
      `GET /v1/clients returned an invalid 200 response: the body is empty. ${hint}`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('empty body with Content-Length 0', async () => {
    server.setFallback({ kind: 'text', status: 200, body: '', headers: { 'Content-Length': '0' } });

    const error = await listError();

    expect(error.status).toBe(200);
    expect(error.reason).toBe('the body is empty');
    expect(server.requests).toHaveLength(1);
  });

  it('invalid JSON', async () => {
    const text = '{"status":"SUCCESS","clients":[';
    server.setFallback({ kind: 'text', status: 200, body: text, contentType: 'application/json' });

    const error = await listError();

    expect(error.status).toBe(200);
    expect(error.reason).toBe('the body is not valid JSON');
    expect(error.body).toBe(text);
    expect(server.requests).toHaveLength(1);
  });

  it('HTML with status 200', async () => {
    const html = '<html><body>Maintenance</body></html>';
    server.setFallback({ kind: 'text', status: 200, body: html, contentType: 'text/html' });

    const error = await listError();

    expect(error.reason).toBe('the body is not valid JSON');
    expect(error.body).toBe(html);
    expect(server.requests).toHaveLength(1);
  });

  it('id as string', async () => {
    const body = clientListBody([{ ...syntheticClient(1), id: '1' }]);
    server.setFallback(jsonFault(200, body));

    const error = await listError();

    expect(error.status).toBe(200);
    expect(error.reason).toBe('/clients/0/id must be integer');
    expect(error.body).toEqual(body);
    expect(error.message).toBe(
      `GET /v1/clients returned an invalid 200 response: /clients/0/id must be integer. ${hint}`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('missing total', async () => {
    const body = clientListBody();
    delete body.total;
    server.setFallback(jsonFault(200, body));

    const error = await listError();

    expect(error.reason).toBe("body must have required property 'total'");
    expect(error.body).toEqual(body);
    expect(server.requests).toHaveLength(1);
  });

  it('violation in a later client', async () => {
    const clients = [syntheticClient(1), syntheticClient(2), { ...syntheticClient(3), email: 7 }];
    server.setFallback(jsonFault(200, clientListBody(clients)));

    const error = await listError();

    expect(error.reason).toBe('/clients/2/email must be string');
    expect(server.requests).toHaveLength(1);
  });

  it('more than three violations are counted', async () => {
    const body = { status: 'SUCCESS', clients: 'none', total: -1, page: 0, page_size: 0 };
    server.setFallback(jsonFault(200, body));

    const error = await listError();

    expect(error.reason).toBe(
      '/clients must be array; /total must be >= 0; /page must be >= 1 (and 1 more)',
    );
    expect(server.requests).toHaveLength(1);
  });
});

describe('accepted bodies', () => {
  it('validateResponses false returns the body as is', async () => {
    const body = { ...clientListBody([{ ...syntheticClient(1), id: '1' }]), total: undefined };
    server.setFallback(jsonFault(200, body));
    const fatora = createFatoraClient({ token, baseUrl: server.url, validateResponses: false });

    const page = await fatora.clients.list();

    expect(page).toEqual(JSON.parse(JSON.stringify(body)));
    expect(page.clients[0]!.id).toBe('1');
    expect('total' in page).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('unknown fields are kept', async () => {
    const client = { ...syntheticClient(1), tax_id: 'TAX-0001', tags: ['wholesale'] };
    const body = { ...clientListBody([client]), next_cursor: 'cursor-2', meta: { region: 'eu' } };
    server.setFallback(jsonFault(200, body));
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const page = await fatora.clients.list();

    expect(page).toEqual(body);
    expect(page).toHaveProperty('next_cursor', 'cursor-2');
    expect(page).toHaveProperty('meta', { region: 'eu' });
    expect(page.clients[0]).toHaveProperty('tax_id', 'TAX-0001');
    expect(page.clients[0]).toHaveProperty('tags', ['wholesale']);
    expect(server.requests).toHaveLength(1);
  });

  it('null notes are valid', async () => {
    const body = clientListBody([{ ...syntheticClient(1), notes: null }]);
    server.setFallback(jsonFault(200, body));
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const page = await fatora.clients.list();

    expect(page.clients[0]!.notes).toBeNull();
    expect(server.requests).toHaveLength(1);
  });
});
