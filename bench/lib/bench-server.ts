import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Placeholder bearer token that the benchmark server accepts. */
export const BENCH_TOKEN = 'bench-token';

/** A running benchmark server process. */
export interface BenchServer {
  /** Origin, for example `http://127.0.0.1:40123`. */
  origin: string;
  /** Base URL (ending in `/v1`) of a directory of `total` clients. */
  baseUrl(total: number, options?: { chunked?: boolean }): string;
  close(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('../server.ts', import.meta.url));

/** Starts bench/server.ts in a child process and waits until it listens. */
export async function startBenchServer(): Promise<BenchServer> {
  const child = fork(serverScript, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_TOKEN },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  const port = await new Promise<number>((resolvePort, rejectPort) => {
    child.once('message', (message) => {
      resolvePort((message as { port: number }).port);
    });
    child.once('exit', (code) => {
      rejectPort(new Error(`benchmark server exited with code ${code} before listening`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: (total, options = {}) => `${origin}/${total}${options.chunked ? '-chunked' : ''}/v1`,
    close: () =>
      new Promise<void>((resolveClose) => {
        if (child.exitCode !== null) {
          resolveClose();
          return;
        }
        child.once('exit', () => {
          resolveClose();
        });
        child.disconnect();
      }),
  };
}
