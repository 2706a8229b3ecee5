import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_TOKEN, startBenchServer, type BenchServer } from '../../bench/lib/bench-server.js';

const authorization = { Authorization: `Bearer ${BENCH_TOKEN}` };
let server: BenchServer;

beforeAll(async () => {
  server = await startBenchServer();
});

afterAll(async () => {
  await server.close();
});

describe('benchmark server', () => {
  it('serves the requested page of the directory', async () => {
    const response = await fetch(`${server.baseUrl(250)}/clients?page=3&page_size=100`, {
      headers: authorization,
    });
    const body = (await response.json()) as { clients: Array<{ id: number }>; total: number };

    expect(response.status).toBe(200);
    expect(body.total).toBe(250);
    expect(body.clients).toHaveLength(50);
    expect(body.clients[0]?.id).toBe(201);
  });

  it('sets Content-Length unless chunked', async () => {
    const plain = await fetch(`${server.baseUrl(20)}/clients`, { headers: authorization });
    const chunked = await fetch(`${server.baseUrl(20, { chunked: true })}/clients`, {
      headers: authorization,
    });
    await Promise.all([plain.text(), chunked.text()]);

    expect(plain.headers.get('content-length')).not.toBeNull();
    expect(chunked.headers.get('content-length')).toBeNull();
    expect(chunked.headers.get('transfer-encoding')).toBe('chunked');
  });

  it('rejects a request without the token', async () => {
    const response = await fetch(`${server.baseUrl(20)}/clients`);
    await response.text();

    expect(response.status).toBe(401);
  });

  it('answers unknown paths with 404', async () => {
    const response = await fetch(`${server.origin}/v1/clients`, { headers: authorization });
    await response.text();

    expect(response.status).toBe(404);
  });
});
