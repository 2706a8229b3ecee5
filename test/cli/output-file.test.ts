import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clientDirectory,
  errorBody,
  startFaultServer,
  type FaultServer,
} from '../support/fault-server.js';
import { runCli } from './support/cli-process.js';
import { cliEnv, lines } from './support/cli-env.js';
import { createTempDirectory, removeTempDirectories } from './support/temp-directory.js';

let server: FaultServer;
let directory: string;

beforeEach(async () => {
  server = await startFaultServer(clientDirectory({ total: 25 }));
  directory = await createTempDirectory();
});

afterEach(async () => {
  await server.close();
  await removeTempDirectories();
});

function exportTo(file: string, ...args: string[]) {
  return runCli(
    [
      'clients',
      'list',
      '--all',
      '--page-size',
      '10',
      '--max-retries',
      '0',
      '--output',
      file,
      ...args,
    ],
    { env: cliEnv(server.url) },
  );
}

describe('--output', () => {
  it('writes the export to the file', async () => {
    const file = join(directory, 'clients.ndjson');
    const result = await exportTo(file, '--format', 'ndjson');

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(lines(await readFile(file, 'utf8'))).toHaveLength(25);
  });

  it('defaults to json', async () => {
    const file = join(directory, 'clients.json');
    await exportTo(file);

    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveLength(25);
  });

  it('leaves no temporary file', async () => {
    await exportTo(join(directory, 'clients.csv'), '--format', 'csv');

    expect(await readdir(directory)).toEqual(['clients.csv']);
  });

  it('keeps the old file when a page fails', async () => {
    const file = join(directory, 'clients.csv');
    await writeFile(file, 'previous export\n');
    server.enqueue(clientDirectory({ total: 25 }), {
      kind: 'json',
      status: 500,
      body: errorBody(500, 'database unavailable'),
    });

    const result = await exportTo(file, '--format', 'csv');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('server error (500, "database unavailable")');
    expect(await readFile(file, 'utf8')).toBe('previous export\n');
    expect(await readdir(directory)).toEqual(['clients.csv']);
  });

  it('creates no file when the first page fails', async () => {
    server.enqueue({ kind: 'json', status: 401, body: errorBody(401, 'Invalid token') });

    const result = await exportTo(join(directory, 'clients.csv'), '--format', 'csv');

    expect(result.code).toBe(1);
    expect(await readdir(directory)).toEqual([]);
  });

  it('reports a missing directory', async () => {
    const file = join(directory, 'missing', 'clients.csv');
    const result = await exportTo(file, '--format', 'csv');

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: could not write ${file} (ENOENT): check that the directory exists, is writable and has free space\n`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a directory as the file', async () => {
    const target = join(directory, 'exports');
    await mkdir(target);
    const result = await exportTo(target, '--format', 'csv');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--output ${target} is a directory`);
  });
});
