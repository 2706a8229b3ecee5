/**
 * Runs the built `fatora` command (`node dist/cli.js`) as a child process
 * with real pipes, the way a user's shell runs it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Absolute path of the built command. */
export const cliPath = resolve(root, 'dist/cli.js');

if (!existsSync(cliPath)) {
  throw new Error(
    `${cliPath} is missing: the CLI tests run the built command, so run "npm run build" before "npm test"`,
  );
}

/** A token that tests search for in the output; it must never appear there. */
export const testToken = 'cli-test-token-3f9a1c';

/** How a finished command ended. */
export interface CliResult {
  /** Exit code, or `null` when a signal killed the process. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link startCli} and {@link runCli}. */
export interface CliOptions {
  /**
   * Environment variables on top of PATH and HOME. Every run needs a local
   * base URL, in FATORA_BASE_URL or `--base-url`, so no test can reach the
   * production default.
   */
  env?: Record<string, string | undefined>;
  /** Working directory, for relative `--output` paths. */
  cwd?: string;
  /** Kill the command after this many milliseconds. */
  timeoutMs?: number;
}

/** A running command, with the output it has written so far. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its streams are closed. */
  result: Promise<CliResult>;
}

/**
 * Throws unless the run targets this machine. Values that are not http or
 * https URLs pass, because the command rejects them before any request;
 * 0.0.0.0 passes, because a connection to it stays on this machine.
 */
function assertLocalTarget(args: readonly string[], env: Record<string, string | undefined>) {
  const flagIndex = args.indexOf('--base-url');
  const baseUrl = flagIndex >= 0 ? args[flagIndex + 1] : env.FATORA_BASE_URL;
  if (baseUrl !== undefined && !/^https?:/i.test(baseUrl)) return;
  if (baseUrl !== undefined && /^https?:\/\/(127\.0\.0\.1|localhost|0\.0\.0\.0)[:/]/.test(baseUrl))
    return;
  throw new Error(
    `CLI test run without a local base URL (got ${String(baseUrl)}): set FATORA_BASE_URL or --base-url`,
  );
}

/** Starts `node dist/cli.js ...args` without waiting for it. */
export function startCli(args: readonly string[], options: CliOptions = {}): RunningCli {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  const parses = !args.includes('--help') && !args.includes('--version');
  if (parses) assertLocalTarget(args, env);

  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end();

  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  const result = new Promise<CliResult>((resolveResult, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveResult({ code, stdout, stderr });
    });
  });

  return { child, stdout: () => stdout, stderr: () => stderr, result };
}

/** Runs `node dist/cli.js ...args` to the end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** Resolves once `condition` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 10));
  }
}
