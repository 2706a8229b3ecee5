/**
 * Runs the built command on a pseudo-terminal with `script` from
 * util-linux, so stdout and stderr are TTYs as in an interactive shell.
 */
import { spawn } from 'node:child_process';
import { cliPath } from './cli-process.js';

/** Quotes `value` for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** What the terminal showed: stdout and stderr interleaved, as raw bytes decoded as UTF-8. */
export interface TerminalResult {
  code: number | null;
  screen: string;
}

/**
 * Runs `node dist/cli.js ...args` on a 120-column pseudo-terminal.
 * `redirect` is appended to the command line, for example `> out.csv`.
 */
export function runOnTerminal(
  args: readonly string[],
  env: Record<string, string>,
  redirect = '',
): Promise<TerminalResult> {
  const command = [process.execPath, cliPath, ...args].map(shellQuote).join(' ');
  const child = spawn(
    'script',
    ['-qfec', `stty cols 120 rows 40; ${command} ${redirect}`, '/dev/null'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  let screen = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);

  return new Promise((resolveResult, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveResult({ code, screen });
    });
  });
}
