import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_TOKEN, type BenchServer } from './lib/bench-server.js';
import { runMeasuredNode } from './lib/child-run.js';
import { median } from './lib/stats.js';

/** Clients per requested page in the pagination runs. */
export const PAGINATION_PAGE_SIZE = 100;

/** Median throughput and peak RSS of one kind of run over its repetitions. */
export interface PaginationResult {
  clients: number;
  /** Clients per second; see {@link runPagination} for what the time includes. */
  clientsPerSecond: number;
  peakRssMb: number;
  /** Peak RSS of every repetition, in MiB, to show the spread. */
  peakRssRunsMb: number[];
  /** listAll only: RSS after each quarter of the clients, in MiB, from the last repetition. */
  rssMbAtQuarter?: number[];
  /** listAll only: heap in use after a full garbage collection at the end, in MiB. */
  heapUsedAfterGcMb?: number;
}

/** A kind of run that could not start, with the reason. */
export interface SkippedResult {
  skipped: string;
}

/** Results of the pagination runs, by kind and directory size. */
export type PaginationResults = Record<string, PaginationResult | SkippedResult>;

const listAllChild = fileURLToPath(new URL('./children/list-all.mjs', import.meta.url));
/** The CLI that the CSV runs spawn, unless the caller names another build. */
export const DEFAULT_CLI_PATH = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

interface Measurement {
  clientsPerSecond: number;
  peakRssMb: number;
  rssMbAtQuarter?: number[];
  heapUsedAfterGcMb?: number;
}

interface ListAllOutput {
  clients: number;
  seconds: number;
  rssMbAtQuarter: number[];
  heapUsedAfterGcMb: number;
}

async function measureListAll(
  bundlePath: string,
  baseUrl: string,
  total: number,
): Promise<Measurement> {
  const run = await runMeasuredNode(
    ['--expose-gc', listAllChild, bundlePath, baseUrl, String(PAGINATION_PAGE_SIZE), String(total)],
    { FATORA_TOKEN: BENCH_TOKEN },
  );
  const output = JSON.parse(run.stdout) as ListAllOutput;
  if (output.clients !== total) {
    throw new Error(`listAll yielded ${output.clients} clients from a directory of ${total}.`);
  }
  return {
    clientsPerSecond: output.clients / output.seconds,
    peakRssMb: run.peakRssMb,
    rssMbAtQuarter: output.rssMbAtQuarter,
    heapUsedAfterGcMb: output.heapUsedAfterGcMb,
  };
}

function countLines(path: string): number {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').filter((line) => line.length > 0).length;
}

async function measureCsv(cliPath: string, baseUrl: string, total: number): Promise<Measurement> {
  const directory = mkdtempSync(join(tmpdir(), 'fatora-csv-'));
  const output = join(directory, 'clients.csv');
  try {
    const run = await runMeasuredNode(
      [
        cliPath,
        ...['clients', 'list', '--all', '--format', 'csv', '--output', output, '--quiet'],
        ...['--page-size', String(PAGINATION_PAGE_SIZE), '--base-url', baseUrl],
      ],
      { FATORA_TOKEN: BENCH_TOKEN },
    );
    const rows = countLines(output) - 1;
    if (rows !== total) {
      throw new Error(`The CLI wrote ${rows} CSV rows for a directory of ${total} clients.`);
    }
    return { clientsPerSecond: total / run.wallSeconds, peakRssMb: run.peakRssMb };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function summarize(total: number, runs: readonly Measurement[]): PaginationResult {
  const last = runs.at(-1);
  return {
    clients: total,
    clientsPerSecond: median(runs.map((run) => run.clientsPerSecond)),
    peakRssMb: median(runs.map((run) => run.peakRssMb)),
    peakRssRunsMb: runs.map((run) => run.peakRssMb),
    ...(last?.rssMbAtQuarter ? { rssMbAtQuarter: last.rssMbAtQuarter } : {}),
    ...(last?.heapUsedAfterGcMb === undefined ? {} : { heapUsedAfterGcMb: last.heapUsedAfterGcMb }),
  };
}

/**
 * Walks directories of each size with `listAll` and with the CLI's
 * `--all --format csv`, each run in its own child process, the two kinds
 * alternating. listAll's throughput counts the loop alone, and the CLI's
 * counts the whole command from spawn to exit, as a user waits for it.
 */
export async function runPagination(
  server: BenchServer,
  bundlePath: string,
  sizes: readonly number[],
  repetitions: number,
  cliPath = DEFAULT_CLI_PATH,
): Promise<PaginationResults> {
  const cliBuilt = existsSync(cliPath);
  const runs = sizes.map((size) => ({
    size,
    listAll: [] as Measurement[],
    csv: [] as Measurement[],
  }));

  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const { size, listAll, csv } of runs) {
      const baseUrl = server.baseUrl(size);
      listAll.push(await measureListAll(bundlePath, baseUrl, size));
      if (cliBuilt) csv.push(await measureCsv(cliPath, baseUrl, size));
    }
  }

  const notBuilt = `${cliPath === DEFAULT_CLI_PATH ? 'dist/cli.js' : cliPath} not built`;
  const results: PaginationResults = {};
  for (const { size, listAll, csv } of runs) {
    results[`listAll ${size}`] = summarize(size, listAll);
    results[`csv ${size}`] = cliBuilt ? summarize(size, csv) : { skipped: notBuilt };
  }
  return results;
}
