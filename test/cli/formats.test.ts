import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientDirectory,
  startFaultServer,
  syntheticClient,
  type FaultServer,
} from '../support/fault-server.js';
import { runCli } from './support/cli-process.js';
import { cliEnv, lines, parseCsv } from './support/cli-env.js';

let server: FaultServer;

/** Clients 1-5, where client 3 has `notes: null` (every third synthetic client does). */
const directory = clientDirectory({ total: 5 });

beforeAll(async () => {
  server = await startFaultServer(directory);
});

afterAll(async () => {
  await server.close();
});

function list(...args: string[]) {
  return runCli(['clients', 'list', ...args], { env: cliEnv(server.url) });
}

describe('json format', () => {
  it('is the default when stdout is piped', async () => {
    const result = await list();

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'SUCCESS', total: 5, page: 1 });
  });

  it('prints the response body unchanged', async () => {
    const result = await list('--format', 'json');
    const body = JSON.parse(result.stdout) as { clients: unknown[] };

    expect(body.clients).toEqual([1, 2, 3, 4, 5].map(syntheticClient));
  });

  it('prints null notes as null', async () => {
    const result = await list('--format', 'json');
    const body = JSON.parse(result.stdout) as { clients: Array<{ notes: unknown }> };

    expect(body.clients[2]!.notes).toBeNull();
  });

  it('sends the filters as query parameters', async () => {
    const result = await list(
      '--keyword',
      'acme',
      '--email',
      'client@example.com',
      '--page',
      '2',
      '--page-size',
      '2',
    );
    const request = server.requests.at(-1)!;

    expect(result.code).toBe(0);
    expect(request.query.get('keyword')).toBe('acme');
    expect(request.query.get('email')).toBe('client@example.com');
    expect(request.query.get('page')).toBe('2');
    expect(request.query.get('page_size')).toBe('2');
  });
});

describe('ndjson format', () => {
  it('prints one client per line', async () => {
    const result = await list('--format', 'ndjson');
    const rows = lines(result.stdout).map((line) => JSON.parse(line) as unknown);

    expect(result.code).toBe(0);
    expect(rows).toEqual([1, 2, 3, 4, 5].map(syntheticClient));
  });
});

describe('csv format', () => {
  it('starts with the header row', async () => {
    const result = await list('--format', 'csv');

    expect(lines(result.stdout, '\r\n')[0]).toBe('id,name,address,phone,email,notes');
  });

  it('ends every record with CRLF', async () => {
    const result = await list('--format', 'csv');

    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(result.stdout.split('\n')).toHaveLength(7);
    expect(result.stdout.match(/\r\n/g)).toHaveLength(6);
  });

  it('quotes fields with commas', async () => {
    const result = await list('--format', 'csv');

    expect(lines(result.stdout, '\r\n')[1]).toContain('"1 Example Street, Example City"');
  });

  it('prints null notes as an empty field', async () => {
    const result = await list('--format', 'csv');
    const records = parseCsv(result.stdout);

    expect(records[2]!.id).toBe('3');
    expect(records[2]!.notes).toBe('');
  });

  it('prints a header row for an empty result', async () => {
    const empty = await startFaultServer(clientDirectory({ total: 0 }));
    try {
      const result = await runCli(['clients', 'list', '--format', 'csv'], {
        env: cliEnv(empty.url),
      });

      expect(result.code).toBe(0);
      expect(result.stdout).toBe('id,name,address,phone,email,notes\r\n');
    } finally {
      await empty.close();
    }
  });
});

describe('table format', () => {
  it('aligns the columns', async () => {
    const result = await list('--format', 'table');
    const rows = lines(result.stdout);
    const emailColumn = rows[0]!.indexOf('EMAIL');

    expect(result.code).toBe(0);
    expect(rows[0]).toMatch(/^ID {2}NAME +ADDRESS +PHONE +EMAIL +NOTES$/);
    for (const row of rows.slice(1, 6)) expect(row.indexOf('client.')).toBe(emailColumn);
  });

  it('ends with the page summary', async () => {
    const result = await list('--format', 'table', '--page-size', '2');

    expect(lines(result.stdout).at(-1)).toBe('page 1 of 3, 5 clients');
  });

  it('prints null notes as an empty cell', async () => {
    const result = await list('--format', 'table');
    const row = lines(result.stdout).find((line) => line.includes('client.3@'));

    expect(row).toMatch(/client\.3@example\.com$/);
  });

  it('replaces control characters in cells', async () => {
    const hostile = await startFaultServer(
      clientDirectory({
        total: 1,
        client: (number) => ({ ...syntheticClient(number), name: 'Evil\u001b[31m\nName' }),
      }),
    );
    try {
      const result = await runCli(['clients', 'list', '--format', 'table'], {
        env: cliEnv(hostile.url),
      });

      expect(result.stdout).not.toContain('\u001b');
      expect(lines(result.stdout)[1]).toContain('Evil [31m Name');
    } finally {
      await hostile.close();
    }
  });

  it('cuts long cells with an ellipsis', async () => {
    const verbose = await startFaultServer(
      clientDirectory({
        total: 1,
        client: (number) => ({ ...syntheticClient(number), notes: 'x'.repeat(100) }),
      }),
    );
    try {
      const result = await runCli(['clients', 'list', '--format', 'table'], {
        env: cliEnv(verbose.url),
      });

      expect(lines(result.stdout)[1]).toMatch(/ x{39}…$/);
    } finally {
      await verbose.close();
    }
  });
});
