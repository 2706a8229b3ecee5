import { afterEach, describe, expect, it } from 'vitest';
import {
  clientDirectory,
  errorBody,
  startFaultServer,
  syntheticClient,
  type FaultServer,
} from '../support/fault-server.js';
import { runCli, startCli, waitFor } from './support/cli-process.js';
import { cliEnv, lines, parseCsv } from './support/cli-env.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a directory of `total` clients and lists it with `--all --page-size 10`. */
async function listAll(total: number, ...args: string[]) {
  server = await startFaultServer(clientDirectory({ total }));
  return runCli(['clients', 'list', '--all', '--page-size', '10', ...args], {
    env: cliEnv(server.url),
  });
}

function clientIds(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

describe('clients list --all', () => {
  it('requests every page once', async () => {
    const result = await listAll(35, '--format', 'ndjson');

    expect(result.code).toBe(0);
    expect(server!.requests.map((request) => request.query.get('page'))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('writes ndjson for every client', async () => {
    const result = await listAll(35, '--format', 'ndjson');
    const rows = lines(result.stdout).map((line) => JSON.parse(line) as unknown);

    expect(rows).toEqual(clientIds(35).map(syntheticClient));
  });

  it('writes one json array of clients', async () => {
    const result = await listAll(35, '--format', 'json');

    expect(JSON.parse(result.stdout)).toEqual(clientIds(35).map(syntheticClient));
  });

  it('writes an empty json array for no clients', async () => {
    const result = await listAll(0, '--format', 'json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('closes the json array when a page fails', async () => {
    server = await startFaultServer(clientDirectory({ total: 35 }));
    server.enqueue(clientDirectory({ total: 35 }), {
      kind: 'json',
      status: 500,
      body: errorBody(500, 'database unavailable'),
    });
    const result = await runCli(
      ['clients', 'list', '--all', '--page-size', '10', '--max-retries', '0', '--format', 'json'],
      { env: cliEnv(server.url) },
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('server error (500, "database unavailable")');
    expect(JSON.parse(result.stdout)).toEqual(clientIds(10).map(syntheticClient));
  });

  it('writes one csv header and every record', async () => {
    const result = await listAll(35, '--format', 'csv');
    const records = parseCsv(result.stdout);

    expect(result.stdout.match(/^id,name/gm)).toHaveLength(1);
    expect(records.map((record) => Number(record.id))).toEqual(clientIds(35));
  });

  it('writes table rows and the export summary', async () => {
    const result = await listAll(35, '--format', 'table');
    const rows = lines(result.stdout);

    expect(rows[0]).toMatch(/^ID {2}NAME/);
    expect(rows.filter((row) => row.includes('@example.com'))).toHaveLength(35);
    expect(rows.at(-1)).toBe('35 clients on 4 pages');
  });

  it('widens a column for later wider cells', async () => {
    const result = await listAll(35, '--format', 'table', '--page-size', '5');
    const rows = lines(result.stdout);

    expect(result.stdout).not.toContain('…');
    expect(rows[1]).toMatch(/^ 1 {2}Example Client 1 {2}/);
    expect(rows.find((row) => row.includes('client.35@'))).toMatch(/^35 {2}Example Client 35 {2}/);
  });

  it('stops after --max-items clients', async () => {
    const result = await listAll(35, '--format', 'ndjson', '--max-items', '15');

    expect(lines(result.stdout)).toHaveLength(15);
    expect(server!.requests).toHaveLength(2);
  });

  it('summarises a cut table', async () => {
    const result = await listAll(35, '--format', 'table', '--max-items', '15');

    expect(lines(result.stdout).at(-1)).toBe('15 of 35 clients on 2 pages');
  });

  it('writes rows before the last page arrives', async () => {
    const directory = clientDirectory({ total: 30 });
    server = await startFaultServer(async (request) => {
      // Page 3 is served only after the rows of pages 1 and 2 reached stdout.
      // A command that collected every page before printing gets a 400.
      if (request.query.get('page') !== '3') return directory(request);
      const streamed = await waitFor(() => lines(running.stdout()).length >= 20, 5_000).then(
        () => true,
        () => false,
      );
      if (streamed) return directory(request);
      return { kind: 'json', status: 400, body: errorBody(400, 'rows were not streamed') };
    });

    const running = startCli(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'ndjson'],
      {
        env: cliEnv(server.url),
      },
    );
    const result = await running.result;

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toHaveLength(30);
  });

  it('stops quietly when the reader closes stdout', async () => {
    server = await startFaultServer(clientDirectory({ total: 500 }));
    const running = startCli(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'ndjson'],
      {
        env: cliEnv(server.url),
      },
    );
    await waitFor(() => running.stdout().length > 0);
    running.child.stdout.destroy();
    const result = await running.result;

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(server.requests.length).toBeLessThan(50);
  });
});
