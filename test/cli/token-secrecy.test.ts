import { afterEach, describe, expect, it } from 'vitest';
import {
  clientDirectory,
  errorBody,
  startFaultServer,
  type FaultServer,
} from '../support/fault-server.js';
import { runCli, testToken } from './support/cli-process.js';
import { cliEnv } from './support/cli-env.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `clients list` with `args` against a fresh 25-client directory. */
async function listWith(args: string[], prepare?: (server: FaultServer) => void) {
  server = await startFaultServer(clientDirectory({ total: 25 }));
  prepare?.(server);
  return runCli(['clients', 'list', ...args], { env: cliEnv(server.url) });
}

function expectNoToken(result: { stdout: string; stderr: string }) {
  expect(result.stdout).not.toContain(testToken);
  expect(result.stderr).not.toContain(testToken);
}

describe('token secrecy', () => {
  it('sends the token as a bearer credential', async () => {
    const result = await listWith([]);

    expect(result.code).toBe(0);
    expect(server!.requests[0]!.headers.authorization).toBe(`Bearer ${testToken}`);
  });

  it('keeps it out of a listing', async () => {
    expectNoToken(await listWith(['--all', '--page-size', '10', '--format', 'csv']));
  });

  it('keeps it out of --debug logs', async () => {
    const result = await listWith(['--all', '--page-size', '10', '--debug']);

    expect(result.stderr).toContain('Authorization: Bearer [REDACTED]');
    expectNoToken(result);
  });

  it('keeps it out of --debug retry logs', async () => {
    const result = await listWith(['--debug', '--max-retries', '1'], (target) => {
      target.enqueue({
        kind: 'text',
        status: 503,
        body: 'unavailable',
        headers: { 'Retry-After': '0' },
      });
    });

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning: fatora: GET \/v1\/clients failed with status 503; retry 1 of 1/,
    );
    expectNoToken(result);
  });

  it('redacts it from an echoed error description', async () => {
    const result = await listWith(['--debug'], (target) => {
      const echo = errorBody(401, `token ${testToken} has expired`);
      target.enqueue({ kind: 'json', status: 401, body: echo });
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('token rejected (401, "token [redacted] has expired")');
    expectNoToken(result);
  });
});
