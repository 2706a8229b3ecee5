import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientDirectory, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { runCli } from './support/cli-process.js';
import { cliEnv, parseCsv } from './support/cli-env.js';
import { createTempDirectory, removeTempDirectories } from './support/temp-directory.js';

const total = 2_000;
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer(clientDirectory({ total }));
});

afterAll(async () => {
  await server.close();
});

afterEach(removeTempDirectories);

describe('csv export of many clients', () => {
  it('writes a header and one record per client', async () => {
    const directory = await createTempDirectory();
    const file = join(directory, 'clients.csv');

    const result = await runCli(
      ['clients', 'list', '--all', '--page-size', '100', '--format', 'csv', '--output', file],
      { env: cliEnv(server.url), timeoutMs: 30_000 },
    );
    const text = await readFile(file, 'utf8');
    const records = parseCsv(text);

    expect(result.code).toBe(0);
    expect(text.split('\r\n')).toHaveLength(total + 2);
    expect(records).toHaveLength(total);
    expect(records.at(-1)!.id).toBe(String(total));
    expect(new Set(records.map((record) => record.id)).size).toBe(total);
  });
});
