import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Outcome of one measured child process. */
export interface ChildRun {
  stdout: string;
  /** From spawn to exit, in seconds. */
  wallSeconds: number;
  /** Peak resident set size of the child alone, in MiB. */
  peakRssMb: number;
}

const peakRssPreload = fileURLToPath(new URL('../children/report-peak-rss.mjs', import.meta.url));

/**
 * Runs `node <args>` with a preload that records the child's peak RSS at
 * exit, and rejects with the child's stderr when it exits non-zero.
 */
export async function runMeasuredNode(
  args: readonly string[],
  env: Record<string, string>,
): Promise<ChildRun> {
  const directory = mkdtempSync(join(tmpdir(), 'fatora-rss-'));
  const rssFile = join(directory, 'peak-rss-kb');
  try {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', peakRssPreload, ...args], {
      env: { ...process.env, ...env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolveExit) => {
      child.on('close', resolveExit);
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (exitCode !== 0) {
      throw new Error(
        `node ${args.join(' ')} exited with code ${exitCode}: ${stderr.trim().slice(0, 2000)}`,
      );
    }
    const peakRssKb = Number(readFileSync(rssFile, 'utf8'));
    return { stdout, wallSeconds, peakRssMb: peakRssKb / 1024 };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
