import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../contract-tests/support/prism.js';
import {
  clientDirectory,
  errorBody,
  startFaultServer,
  type Fault,
  type FaultServer,
} from '../support/fault-server.js';
import { runCli, testToken } from './support/cli-process.js';
import { cliEnv } from './support/cli-env.js';
import { createTempDirectory, removeTempDirectories } from './support/temp-directory.js';

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer(clientDirectory({ total: 3 }));
});

afterAll(async () => {
  await server.close();
});

afterEach(removeTempDirectories);

/** Runs `clients list` against a server that responds to every request with `fault`. */
async function listWith(fault: Fault, ...args: string[]) {
  const failing = await startFaultServer(fault);
  try {
    return await runCli(['clients', 'list', '--max-retries', '0', ...args], {
      env: cliEnv(failing.url),
    });
  } finally {
    await failing.close();
  }
}

const usageHint = "(run 'fatora clients list --help' for usage)";

describe('exit code 0', () => {
  it('follows a successful listing', async () => {
    const result = await runCli(['clients', 'list'], { env: cliEnv(server.url) });

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('follows --version', async () => {
    const result = await runCli(['--version']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('follows --help', async () => {
    const result = await runCli(['clients', 'list', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: fatora clients list [options]');
    expect(result.stdout).toContain('FATORA_TOKEN');
  });
});

describe('exit code 1', () => {
  it('follows a rejected token', async () => {
    const result = await listWith({
      kind: 'json',
      status: 401,
      body: errorBody(401, 'Invalid token'),
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: token rejected (401, "Invalid token"): set FATORA_TOKEN to a valid token\n',
    );
  });

  it('names the token file on a rejected token', async () => {
    const directory = await createTempDirectory();
    const tokenFile = join(directory, 'token');
    await writeFile(tokenFile, `${testToken}\n`);
    const failing = await startFaultServer({
      kind: 'json',
      status: 401,
      body: errorBody(401, 'Expired'),
    });
    try {
      const result = await runCli(['clients', 'list', '--token-file', tokenFile], {
        env: { FATORA_BASE_URL: failing.url },
      });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`write a valid token into --token-file ${tokenFile}`);
    } finally {
      await failing.close();
    }
  });

  it('follows a missing endpoint', async () => {
    const result = await listWith({ kind: 'json', status: 404, body: errorBody(404, 'not found') });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: clients endpoint not found at .+ \(404, "not found"\): check --base-url/,
    );
  });

  it('follows a rate limit', async () => {
    const result = await listWith({
      kind: 'json',
      status: 429,
      body: errorBody(429, 'Too many requests'),
      headers: { 'Retry-After': '30' },
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rate limit exceeded (429, "Too many requests")');
    expect(result.stderr).toBe(
      'error: rate limit exceeded (429, "Too many requests"): ' +
        'wait 30 s, as the server requests, then run the command again\n',
    );
  });

  it('follows a server error', async () => {
    const result = await listWith({
      kind: 'text',
      status: 502,
      body: '<html>Bad gateway</html>',
      contentType: 'text/html',
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: server error (502): try again later\n');
  });

  it('follows a bad request', async () => {
    const result = await listWith({
      kind: 'json',
      status: 400,
      body: errorBody(400, 'bad request'),
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('request rejected (400, "bad request"): check the values');
  });

  it('follows a refused connection', async () => {
    const port = await findFreePort();
    const result = await runCli(['clients', 'list', '--max-retries', '0'], {
      env: cliEnv(`http://127.0.0.1:${port}/v1`),
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: could not connect to http://127.0.0.1:${port}/v1 (ECONNREFUSED): check --base-url or FATORA_BASE_URL and the network\n`,
    );
  });

  it('follows a timeout', async () => {
    const result = await listWith({ kind: 'hang' }, '--timeout', '200');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: no response from .+ within 200 ms: .*raise --timeout\n$/,
    );
  });

  it('follows an invalid response body', async () => {
    const result = await listWith({
      kind: 'text',
      status: 200,
      body: 'not json',
      contentType: 'application/json',
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: invalid response from .+ \(200\): the body is not valid JSON/,
    );
  });

  it('prints no stack trace', async () => {
    const result = await listWith({ kind: 'json', status: 500, body: errorBody(500, 'boom') });

    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace with --debug', async () => {
    const result = await listWith(
      { kind: 'json', status: 500, body: errorBody(500, 'boom') },
      '--debug',
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/FatoraServerError: GET \/v1\/clients failed with status 500/);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

describe('exit code 2', () => {
  it('follows a missing token', async () => {
    const result = await runCli(['clients', 'list'], { env: { FATORA_BASE_URL: server.url } });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: missing token: set FATORA_TOKEN or pass --token-file PATH with the API token\n${usageHint}\n`,
    );
    expect(server.requests.some((request) => request.headers.authorization === undefined)).toBe(
      false,
    );
  });

  it('follows an empty token file', async () => {
    const directory = await createTempDirectory();
    const tokenFile = join(directory, 'token');
    await writeFile(tokenFile, ' \n');
    const result = await runCli(['clients', 'list', '--token-file', tokenFile], {
      env: { FATORA_BASE_URL: server.url },
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--token-file ${tokenFile} is empty`);
  });

  it('follows a missing token file', async () => {
    const result = await runCli(['clients', 'list', '--token-file', '/nonexistent/token'], {
      env: { FATORA_BASE_URL: server.url },
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not read --token-file /nonexistent/token (ENOENT)');
  });

  it.each([
    [['--page', '0'], "option '--page <n>' argument '0' is invalid"],
    [['--page-size', 'ten'], "option '--page-size <n>' argument 'ten' is invalid"],
    [['--format', 'xml'], "option '--format <format>' argument 'xml' is invalid"],
    [['--timeout', '-5'], "option '--timeout <ms>' argument '-5' is invalid"],
    [['--max-retries', '1.5'], "option '--max-retries <n>' argument '1.5' is invalid"],
    [['--bogus'], "unknown option '--bogus'"],
    [['--page', '2', '--all'], "option '--page <n>' cannot be used with option '--all'"],
    [['--max-items', '5'], '--max-items applies to --all only'],
    [['--base-url', 'ftp://127.0.0.1/v1'], "option '--base-url <url>' argument"],
    [
      ['--base-url', 'http://0.0.0.0:9/v1'],
      'invalid --base-url "http://0.0.0.0:9/v1": must use https:',
    ],
  ])('follows %j', async (args, message) => {
    const result = await runCli(['clients', 'list', ...args], { env: cliEnv(server.url) });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.endsWith(`${usageHint}\n`)).toBe(true);
  });

  it('follows an invalid FATORA_BASE_URL', async () => {
    const result = await runCli(['clients', 'list'], {
      env: { FATORA_TOKEN: testToken, FATORA_BASE_URL: 'not a url' },
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid FATORA_BASE_URL "not a url"');
  });

  it('names FATORA_BASE_URL for a rejected URL', async () => {
    const result = await runCli(['clients', 'list'], {
      env: { FATORA_TOKEN: testToken, FATORA_BASE_URL: 'http://0.0.0.0:9/v1' },
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'invalid FATORA_BASE_URL "http://0.0.0.0:9/v1": must use https:',
    );
  });

  it('lets --base-url override FATORA_BASE_URL', async () => {
    const result = await runCli(['clients', 'list', '--base-url', server.url], {
      env: { FATORA_TOKEN: testToken, FATORA_BASE_URL: 'not a url' },
    });

    expect(result.code).toBe(0);
  });

  it('follows an unknown command', async () => {
    const result = await runCli(['invoices', 'list'], { env: cliEnv(server.url) });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'invoices'");
  });
});
