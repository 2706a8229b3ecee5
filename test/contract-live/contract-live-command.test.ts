/**
 * Runs `npm run contract:live` (scripts/contract-live.ts) against stand-in
 * upstreams on 127.0.0.1, never against a real host.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { rootDir } from '../../scripts/lib/openapi-document.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { conformingUpstream, deviatingUpstream, standInToken } from './stand-in-upstream.js';

const execFileAsync = promisify(execFile);
const scriptPath = resolve(rootDir, 'scripts/contract-live.ts');
const servers: FaultServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Returns the environment without this vitest run's own variables, plus `settings`. */
function environmentWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key.startsWith('FATORA_')) continue;
    environment[key] = value;
  }
  return { ...environment, NO_COLOR: '1', ...settings };
}

async function runContractLive(
  settings: Record<string, string>,
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ['--import', 'tsx', scriptPath],
      { cwd: rootDir, env: environmentWith(settings), timeout: 120_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('contract:live settings', () => {
  it('rejects a missing upstream', async () => {
    const { code, output } = await runContractLive({ FATORA_TOKEN: standInToken });

    expect(code).toBe(2);
    expect(output).toContain('contract:live needs FATORA_UPSTREAM.');
  });

  it('rejects a missing token', async () => {
    const { code, output } = await runContractLive({ FATORA_UPSTREAM: 'http://127.0.0.1:9/v1' });

    expect(code).toBe(2);
    expect(output).toContain('contract:live needs FATORA_TOKEN.');
  });

  it('rejects an invalid upstream URL', async () => {
    const { code, output } = await runContractLive({
      FATORA_UPSTREAM: 'api-without-scheme/v1',
      FATORA_TOKEN: standInToken,
    });

    expect(code).toBe(2);
    expect(output).toContain('FATORA_UPSTREAM "api-without-scheme/v1" is not an absolute URL');
  });
});

describe('contract:live against a stand-in', () => {
  it('passes for a conforming upstream', async () => {
    const upstream = await startFaultServer(conformingUpstream());
    servers.push(upstream);

    const { code, output } = await runContractLive({
      FATORA_UPSTREAM: upstream.url,
      FATORA_TOKEN: standInToken,
    });

    expect(output).toMatch(/Tests\s+5 passed/);
    expect(code).toBe(0);
    expect(upstream.requests.length).toBeGreaterThanOrEqual(5);
  });

  it('reports each deviation', async () => {
    const upstream = await startFaultServer(deviatingUpstream());
    servers.push(upstream);

    const { code, output } = await runContractLive({
      FATORA_UPSTREAM: upstream.url,
      FATORA_TOKEN: standInToken,
    });

    expect(code).toBe(1);
    expect(output).toContain(
      "response.body.clients.0: Response body property clients.0 must have required property 'email'",
    );
    expect(output).toContain('response.body.total: Response body property total must be integer');
    expect(output).toContain('status 418 (openapi.yaml lists only 200, 400, 401, 404, 429, 500)');
    expect(output).toMatch(/Tests\s+4 failed \| 1 passed/);
  });
});
