import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientDirectory, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { runCli } from './support/cli-process.js';
import { cliEnv, lines } from './support/cli-env.js';
import { runOnTerminal } from './support/terminal.js';
import { createTempDirectory, removeTempDirectories } from './support/temp-directory.js';

let server: FaultServer;

/** The progress bar line as cli-progress draws it, for example `==--- 20/60 clients | 150 clients/s | 0.4s`. */
const barPattern = /[=-]{30} \d+\/60 clients \| \d+ clients\/s \| \d+\.\ds/;

beforeAll(async () => {
  // 60 clients in pages of 10, each page 50 ms late, so the bar redraws.
  const directory = clientDirectory({ total: 60 });
  server = await startFaultServer((request) => ({
    kind: 'delay',
    ms: 50,
    then: directory(request) as never,
  }));
});

afterAll(async () => {
  await server.close();
});

afterEach(removeTempDirectories);

describe('on a terminal', () => {
  it('prints a table by default', async () => {
    const result = await runOnTerminal(
      ['clients', 'list', '--page-size', '10'],
      cliEnv(server.url),
    );
    const screen = lines(result.screen, '\r\n');

    expect(result.code).toBe(0);
    expect(screen[0]).toMatch(/^ID {2}NAME +ADDRESS +PHONE +EMAIL +NOTES$/);
    expect(screen).toHaveLength(12);
    expect(screen.at(-1)).toBe('page 1 of 6, 60 clients');
  });

  it('draws the progress bar on stderr', async () => {
    const directory = await createTempDirectory();
    const file = join(directory, 'clients.csv');
    const result = await runOnTerminal(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'csv', '--output', file],
      cliEnv(server.url),
    );

    expect(result.code).toBe(0);
    expect(result.screen).toMatch(barPattern);
    expect(result.screen).toContain(' 60/60 clients');
    expect(lines(await readFile(file, 'utf8'), '\r\n')).toHaveLength(61);
  });

  it('keeps the bar out of redirected stdout', async () => {
    const directory = await createTempDirectory();
    const file = join(directory, 'clients.csv');
    const result = await runOnTerminal(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'csv'],
      cliEnv(server.url),
      `> '${file}'`,
    );
    const data = await readFile(file, 'utf8');

    expect(result.screen).toMatch(barPattern);
    expect(data).not.toContain('clients/s');
    expect(lines(data, '\r\n')).toHaveLength(61);
  });

  it('draws the bar below streamed table rows', async () => {
    const result = await runOnTerminal(
      ['clients', 'list', '--all', '--page-size', '10'],
      cliEnv(server.url),
    );
    const screen = lines(result.screen, '\r\n');

    expect(result.code).toBe(0);
    expect(screen.filter((line) => line.includes('@example.com'))).toHaveLength(60);
    expect(screen.at(-2)).toMatch(barPattern);
    expect(screen.at(-1)).toBe('60 clients on 6 pages');
    // Saving and restoring the cursor would jump back into the table rows.
    expect(result.screen).not.toContain('\u001b7');
    expect(result.screen).not.toContain('\u001b8');
  });

  it('draws no bar with --quiet', async () => {
    const result = await runOnTerminal(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'ndjson', '--quiet'],
      cliEnv(server.url),
    );

    expect(result.code).toBe(0);
    expect(result.screen).not.toContain('clients/s');
    expect(lines(result.screen, '\r\n')).toHaveLength(60);
  });
});

describe('with stderr piped', () => {
  it('draws no bar', async () => {
    const result = await runCli(
      ['clients', 'list', '--all', '--page-size', '10', '--format', 'ndjson'],
      {
        env: cliEnv(server.url),
      },
    );

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toHaveLength(60);
  });
});
