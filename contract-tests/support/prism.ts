/**
 * Starts the Prism CLI (mock or validating proxy) on a free 127.0.0.1 port
 * and stops it again. Prism has no readiness endpoint, so `startPrism`
 * waits for its "listening" log line and then for a first HTTP response.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { specPath } from '../../scripts/lib/openapi-document.js';

const require = createRequire(import.meta.url);
const prismPackagePath = require.resolve('@stoplight/prism-cli/package.json');
const prismBinPath = resolve(dirname(prismPackagePath), 'dist/index.js');

const startTimeoutMs = 60_000;
const stopTimeoutMs = 5_000;

export interface PrismOptions {
  /** `mock` serves examples from the spec; `proxy` forwards to `upstream` and validates. */
  mode: 'mock' | 'proxy';
  /** Upstream base URL, required in proxy mode. */
  upstream?: string;
  /** Turn request and response violations into error responses. */
  errors?: boolean;
  /** Generate every response from the schema instead of the examples. */
  dynamic?: boolean;
  document?: string;
}

export interface PrismServer {
  url: string;
  /** Everything Prism wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('Could not read the port of a probe server'));
      });
    });
  });
}

function buildArguments(options: PrismOptions, port: number): string[] {
  const args = [prismBinPath, options.mode, options.document ?? specPath];
  if (options.mode === 'proxy') {
    if (!options.upstream) throw new Error('Prism proxy mode needs an upstream URL');
    args.push(options.upstream);
  }
  args.push('--host', '127.0.0.1', '--port', String(port));
  if (options.errors) args.push('--errors');
  if (options.dynamic) args.push('--dynamic');
  return args;
}

async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  deadline: number,
): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Prism and resolves once it responds to HTTP requests. */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, buildArguments(options, port), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  // A test run that dies without its teardown must not leave Prism behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const listening = new Promise<void>((resolveListening, reject) => {
    const onData = () => {
      if (output.includes('Prism is listening')) resolveListening();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      reject(
        new Error(`Prism exited before listening (code ${code}, signal ${signal}):\n${output}`),
      );
    });
  });

  const deadline = Date.now() + startTimeoutMs;
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => {
      reject(
        new Error(
          `Prism did not start listening on ${url} within ${startTimeoutMs} ms:\n${output}`,
        ),
      );
    }, startTimeoutMs).unref();
  });

  try {
    await Promise.race([listening, timeout]);
    await waitUntilAnswering(url, child, deadline);
  } catch (error) {
    await stopChild(child);
    process.off('exit', killOnExit);
    throw error;
  }

  return {
    url,
    output: () => output,
    async stop() {
      await stopChild(child);
      process.off('exit', killOnExit);
    },
  };
}
