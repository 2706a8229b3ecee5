import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientDirectory, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { startCli, waitFor } from './support/cli-process.js';
import { cliEnv, lines, parseCsv } from './support/cli-env.js';
import { createTempDirectory, removeTempDirectories } from './support/temp-directory.js';

let server: FaultServer;

beforeAll(async () => {
  // 500 clients in pages of 10, each page 100 ms late: an export takes
  // about 5 s, so SIGINT reliably arrives in the middle of it.
  const directory = clientDirectory({ total: 500 });
  server = await startFaultServer((request) => ({
    kind: 'delay',
    ms: 100,
    then: directory(request) as never,
  }));
});

afterAll(async () => {
  await server.close();
});

afterEach(removeTempDirectories);

/** Starts an `--all` export and sends SIGINT once `ready` holds for its stdout. */
async function interruptExport(args: string[], ready: (stdout: string) => boolean, cwd?: string) {
  const running = startCli(['clients', 'list', '--all', '--page-size', '10', ...args], {
    env: cliEnv(server.url),
    ...(cwd ? { cwd } : {}),
  });
  await waitFor(() => ready(running.stdout()) || running.child.exitCode !== null);
  running.child.kill('SIGINT');
  return running.result;
}

describe('Ctrl-C during --all', () => {
  it('leaves complete csv records', async () => {
    const result = await interruptExport(
      ['--format', 'csv'],
      (stdout) => lines(stdout).length > 25,
    );
    const records = parseCsv(result.stdout);

    expect(result.code).toBe(130);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(records.length).toBeGreaterThanOrEqual(25);
    expect(records.length).toBeLessThan(500);
    expect(records.every((record) => Object.keys(record).length === 6)).toBe(true);
  });

  it('leaves complete ndjson lines', async () => {
    const result = await interruptExport(
      ['--format', 'ndjson'],
      (stdout) => lines(stdout).length > 25,
    );
    const rows = lines(result.stdout);

    expect(result.code).toBe(130);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(rows.length).toBeLessThan(500);
    for (const row of rows) expect(() => JSON.parse(row) as unknown).not.toThrow();
  });

  it('closes the json array', async () => {
    const result = await interruptExport(
      ['--format', 'json'],
      (stdout) => lines(stdout).length > 25,
    );
    const clients = JSON.parse(result.stdout) as unknown[];

    expect(result.code).toBe(130);
    expect(clients.length).toBeGreaterThanOrEqual(25);
    expect(clients.length).toBeLessThan(500);
  });

  it('reports how far the export got', async () => {
    const result = await interruptExport(
      ['--format', 'ndjson'],
      (stdout) => lines(stdout).length > 25,
    );
    const written = lines(result.stdout).length;

    expect(result.stderr).toBe(
      `error: interrupted after ${written} of 500 clients: the rows written so far are complete\n`,
    );
  });

  it('stops requesting pages', async () => {
    const before = server.requests.length;
    const result = await interruptExport(
      ['--format', 'ndjson'],
      (stdout) => lines(stdout).length > 25,
    );
    const requested = server.requests.length - before;

    expect(result.code).toBe(130);
    expect(requested).toBeLessThanOrEqual(lines(result.stdout).length / 10 + 1);
  });

  it('writes no --output file', async () => {
    const directory = await createTempDirectory();
    const before = server.requests.length;
    const result = await interruptExport(
      ['--format', 'csv', '--output', 'clients.csv'],
      () => server.requests.length - before >= 3,
      directory,
    );

    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(
      /^error: interrupted after \d+ of 500 clients: .*clients\.csv was not written\n$/,
    );
    expect(await readdir(directory)).toEqual([]);
  });

  it('exits with 143 on SIGTERM', async () => {
    const running = startCli(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'ndjson'],
      {
        env: cliEnv(server.url),
      },
    );
    await waitFor(() => lines(running.stdout()).length > 25 || running.child.exitCode !== null);
    running.child.kill('SIGTERM');
    const result = await running.result;

    expect(result.code).toBe(143);
    expect(result.stdout.endsWith('\n')).toBe(true);
  });
});
