/**
 * Checks the real provider against openapi.yaml: starts
 * `prism proxy openapi.yaml $FATORA_UPSTREAM --errors` on a free 127.0.0.1
 * port and runs the live contract suite (contract-tests/live/) through it.
 *
 *   FATORA_UPSTREAM=<base URL including /v1> FATORA_TOKEN=<token> npm run contract:live
 *
 * Exit codes: 0 the provider matches the spec, 1 a test failed, 2 missing
 * or invalid settings, or Prism failed to start.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { startPrism, type PrismServer } from '../contract-tests/support/prism.js';
import { proxyUrlVariable } from '../contract-tests/live/live-environment.js';
import { rootDir } from './lib/openapi-document.js';

const require = createRequire(import.meta.url);
const vitestBinPath = resolve(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

class SettingsError extends Error {}

/** Reads and checks FATORA_UPSTREAM and FATORA_TOKEN. */
function readSettings(environment: NodeJS.ProcessEnv): { upstream: string; token: string } {
  const upstream = environment.FATORA_UPSTREAM?.trim() ?? '';
  const token = environment.FATORA_TOKEN?.trim() ?? '';
  const missing = [upstream ? '' : 'FATORA_UPSTREAM', token ? '' : 'FATORA_TOKEN'].filter(Boolean);
  if (missing.length > 0)
    throw new SettingsError(
      `contract:live needs ${missing.join(' and ')}. Set FATORA_UPSTREAM to the provider's base ` +
        'URL including the /v1 path, and FATORA_TOKEN to a token from its Authorize endpoint, ' +
        'then run `npm run contract:live` again.',
    );

  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new SettingsError(
      `FATORA_UPSTREAM "${upstream}" is not an absolute URL. Set it to the provider's base URL ` +
        'including the /v1 path, starting with https://.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SettingsError(
      `FATORA_UPSTREAM "${upstream}" uses ${url.protocol}. Use an http: or https: URL.`,
    );
  return { upstream: upstream.replace(/\/+$/, ''), token };
}

/** Runs the live suite through `proxyUrl` and resolves to vitest's exit code. */
function runLiveSuite(proxyUrl: string, token: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [vitestBinPath, 'run', '--config', resolve(rootDir, 'vitest.live.config.ts')],
    {
      cwd: rootDir,
      stdio: 'inherit',
      env: { ...process.env, [proxyUrlVariable]: proxyUrl, FATORA_TOKEN: token },
    },
  );
  return new Promise((resolveExit, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      resolveExit(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(): Promise<number> {
  const { upstream, token } = readSettings(process.env);
  console.log(`contract:live: starting Prism as a validating proxy for ${upstream}`);

  let prism: PrismServer;
  try {
    prism = await startPrism({ mode: 'proxy', upstream, errors: true });
  } catch (error) {
    console.error(`contract:live: Prism failed to start: ${(error as Error).message}`);
    return 2;
  }
  const stopPrism = () => void prism.stop();
  process.once('SIGINT', stopPrism);
  process.once('SIGTERM', stopPrism);

  try {
    console.log(`contract:live: Prism proxy listening on ${prism.url}`);
    return await runLiveSuite(prism.url, token);
  } finally {
    await prism.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof SettingsError ? message : `contract:live failed: ${message}`);
    process.exitCode = 2;
  },
);
