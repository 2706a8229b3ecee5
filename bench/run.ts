/**
 * `npm run bench`: measures request overhead, pagination at scale, bundle
 * size and pipeline times in one run, prints the tables and writes
 * bench/results.json. `-- --quick` runs fewer rounds and repetitions and
 * skips the pipeline timings; `-- --cli PATH` measures a CLI built
 * elsewhere instead of dist/cli.js. BENCHMARKS.md describes the method.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundleSizes, type BundleSizes } from './bundle-size.js';
import { startBenchServer } from './lib/bench-server.js';
import { bundleClient } from './lib/client-bundle.js';
import { round } from './lib/stats.js';
import { formatContenderRow, formatTable } from './lib/table.js';
import { DIRECTORY_SIZE, runOverhead, type OverheadResults } from './overhead.js';
import { DEFAULT_CLI_PATH, runPagination, type PaginationResults } from './pagination.js';
import { runPipeline, timeNpmScript, type PipelineResults } from './pipeline.js';

const quick = process.argv.includes('--quick');
const cliFlag = process.argv.indexOf('--cli');
const cliPath = cliFlag === -1 ? DEFAULT_CLI_PATH : resolve(process.argv[cliFlag + 1] ?? '');
const settings = {
  quick,
  overhead: { rounds: quick ? 200 : 1000, requestsPerRound: 20, warmupRequests: 500 },
  pagination: { sizes: [10_000, 100_000], pageSize: 100, repetitions: quick ? 1 : 3 },
  pipeline: { repetitions: quick ? 0 : 3 },
};
const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));

function machine() {
  const processors = cpus();
  return {
    cpu_model: processors[0]?.model ?? 'unknown',
    cores: processors.length,
    memory_gb: round(totalmem() / 1024 ** 3, 1),
    node_version: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function log(message: string): void {
  console.error(`bench: ${message}`);
}

async function measureRequests(bundle: Awaited<ReturnType<typeof bundleClient>>) {
  const server = await startBenchServer();
  try {
    log(
      `request overhead, ${settings.overhead.rounds} rounds of ${settings.overhead.requestsPerRound} requests per contender`,
    );
    const overhead = await runOverhead(
      await bundle.load(),
      server.baseUrl(DIRECTORY_SIZE),
      settings.overhead,
    );

    log('compiling dist/ (npm run compile) so that the CLI run measures the current source');
    await timeNpmScript('compile');
    log(`pagination, ${settings.pagination.repetitions} repetitions`);
    const pagination = await runPagination(
      server,
      bundle.path,
      settings.pagination.sizes,
      settings.pagination.repetitions,
      cliPath,
    );
    return { overhead, pagination };
  } finally {
    await server.close();
  }
}

function paginationValue(
  results: PaginationResults,
  key: string,
  field: 'clientsPerSecond' | 'peakRssMb',
): number | null {
  const result = results[key];
  if (!result || 'skipped' in result) return null;
  return round(result[field], field === 'peakRssMb' ? 1 : 0);
}

function summary(
  overhead: OverheadResults,
  pagination: PaginationResults,
  bundles: BundleSizes,
  pipeline: PipelineResults | undefined,
) {
  return {
    overhead_ratio_validated: round(overhead.validated.ratio, 3),
    overhead_ratio_unvalidated: round(overhead.unvalidated.ratio, 3),
    openapi_fetch_ratio: round(overhead.openapiFetch.ratio, 3),
    axios_ratio: round(overhead.axios.ratio, 3),
    list_all_100k_clients_per_s: paginationValue(pagination, 'listAll 100000', 'clientsPerSecond'),
    list_all_100k_peak_rss_mb: paginationValue(pagination, 'listAll 100000', 'peakRssMb'),
    list_all_10k_clients_per_s: paginationValue(pagination, 'listAll 10000', 'clientsPerSecond'),
    list_all_10k_peak_rss_mb: paginationValue(pagination, 'listAll 10000', 'peakRssMb'),
    csv_100k_clients_per_s: paginationValue(pagination, 'csv 100000', 'clientsPerSecond'),
    csv_100k_peak_rss_mb: paginationValue(pagination, 'csv 100000', 'peakRssMb'),
    csv_10k_clients_per_s: paginationValue(pagination, 'csv 10000', 'clientsPerSecond'),
    csv_10k_peak_rss_mb: paginationValue(pagination, 'csv 10000', 'peakRssMb'),
    bundle_gzip_bytes: bundles.client.gzipBytes,
    openapi_fetch_gzip_bytes: bundles.openapiFetch.gzipBytes,
    axios_gzip_bytes: bundles.axios.gzipBytes,
    build_s: pipeline ? round(pipeline.build.seconds, 1) : null,
    generate_s: pipeline ? round(pipeline.generate.seconds, 1) : null,
    test_s: pipeline ? round(pipeline.test.seconds, 1) : null,
  };
}

function skippedReasons(pagination: PaginationResults, pipeline: PipelineResults | undefined) {
  const reasons: Record<string, string> = {};
  for (const [key, result] of Object.entries(pagination)) {
    if ('skipped' in result) reasons[key] = result.skipped;
  }
  if (!pipeline) reasons.pipeline = '--quick';
  return reasons;
}

function printTables(
  values: ReturnType<typeof summary>,
  overhead: OverheadResults,
  skipped: Record<string, string>,
): void {
  const show = (value: number | null, unit = '') =>
    value === null ? 'skipped' : `${value}${unit}`;
  console.log('\nRequest overhead, GET /clients, 20 clients per page (ratios to raw fetch)\n');
  console.log(
    formatTable(
      ['contender', 'µs/req', 'ratio', 'ratio p25-p75', 'total ratio', 'CPU µs/req', 'CPU ratio'],
      Object.values(overhead).map(formatContenderRow),
    ),
  );
  console.log('\nSummary (bench/results.json)\n');
  console.log(
    formatTable(
      ['key', 'value'],
      Object.entries(values).map(([key, value]) => [key, show(value)]),
    ),
  );
  for (const [key, reason] of Object.entries(skipped)) console.log(`skipped ${key}: ${reason}`);
}

const started = new Date();
const bundle = await bundleClient();
try {
  const { overhead, pagination } = await measureRequests(bundle);
  log('bundle sizes');
  const bundles = await measureBundleSizes();
  let pipeline: PipelineResults | undefined;
  if (settings.pipeline.repetitions > 0) {
    log(`pipeline times, ${settings.pipeline.repetitions} runs each of build, generate and test`);
    pipeline = await runPipeline(settings.pipeline.repetitions);
  }

  const values = summary(overhead, pagination, bundles, pipeline);
  const skipped = skippedReasons(pagination, pipeline);
  const results = {
    ...values,
    date: started.toISOString(),
    machine: machine(),
    settings,
    skipped,
    details: { overhead, pagination, bundles, pipeline: pipeline ?? null },
  };
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  printTables(values, overhead, skipped);
} finally {
  bundle.remove();
}
