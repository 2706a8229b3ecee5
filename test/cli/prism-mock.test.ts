import { describe, expect, inject, it } from 'vitest';
import { describeErrors, successResponse } from '../../contract-tests/support/spec.js';
import { runCli } from './support/cli-process.js';
import { cliEnv, lines, parseCsv } from './support/cli-env.js';

/** Prism mock of openapi.yaml, started by the global setup; it serves `/clients` without `/v1`. */
const prismUrl = inject('prismUrl');

function listFromPrism(...args: string[]) {
  return runCli(['clients', 'list', ...args], { env: cliEnv(prismUrl) });
}

describe('clients list against the Prism mock', () => {
  it('prints the spec example as json', async () => {
    const result = await listFromPrism('--format', 'json');
    const body: unknown = JSON.parse(result.stdout);

    expect(result.code).toBe(0);
    expect(successResponse.validate(body), describeErrors(successResponse.validate)).toBe(true);
  });

  it('prints the spec example as a table', async () => {
    const result = await listFromPrism('--format', 'table');
    const rows = lines(result.stdout);

    expect(result.code).toBe(0);
    expect(rows[1]).toMatch(/^1001 {2}Example Client One +1 Example Street, Example City/);
    expect(rows.at(-1)).toBe('page 1 of 1, 2 clients');
  });

  it('prints the spec example as csv', async () => {
    const result = await listFromPrism('--format', 'csv');
    const records = parseCsv(result.stdout);

    expect(records.map((record) => record.email)).toEqual([
      'client.one@example.com',
      'client.two@example.com',
    ]);
  });

  it('reports an unknown path as not found', async () => {
    const result = await runCli(['clients', 'list'], { env: cliEnv(`${prismUrl}/v2`) });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: clients endpoint not found at .+\/v2 \(404\)/);
  });
});
