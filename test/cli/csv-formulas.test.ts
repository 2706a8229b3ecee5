import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/cli/formats/csv-formula.js';
import {
  clientDirectory,
  startFaultServer,
  syntheticClient,
  type FaultServer,
} from '../support/fault-server.js';
import { runCli } from './support/cli-process.js';
import { cliEnv, parseCsv } from './support/cli-env.js';

describe('neutraliseFormula', () => {
  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR'])('prefixes %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['Example Client', '1 Example Street', '', "'quoted", ' =1'])('keeps %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('csv export of third-party text', () => {
  let server: FaultServer;
  const hostile = [
    '=HYPERLINK("http://example.com","click")',
    '+SUM(1,2)',
    '-2+3',
    '@cmd',
    '\t=1',
    '\r=1',
  ];

  beforeAll(async () => {
    server = await startFaultServer(
      clientDirectory({
        total: hostile.length,
        client: (number) => ({
          ...syntheticClient(number),
          name: hostile[number - 1],
          notes: hostile[number - 1],
        }),
      }),
    );
  });

  afterAll(async () => {
    await server.close();
  });

  it('prefixes formula cells with a quote', async () => {
    const result = await runCli(['clients', 'list', '--format', 'csv'], {
      env: cliEnv(server.url),
    });
    const records = parseCsv(result.stdout);

    expect(result.code).toBe(0);
    expect(records.map((record) => record.name)).toEqual(hostile.map((cell) => `'${cell}`));
    expect(records.map((record) => record.notes)).toEqual(hostile.map((cell) => `'${cell}`));
  });

  it('prefixes phone numbers that start with +', async () => {
    const result = await runCli(['clients', 'list', '--format', 'csv'], {
      env: cliEnv(server.url),
    });
    const records = parseCsv(result.stdout);

    expect(records[0]!.phone).toBe("'+10000000001");
  });

  it('keeps json output unchanged', async () => {
    const result = await runCli(['clients', 'list', '--format', 'ndjson'], {
      env: cliEnv(server.url),
    });
    const first = JSON.parse(result.stdout.split('\n')[0]!) as { name: string };

    expect(first.name).toBe(hostile[0]);
  });
});
