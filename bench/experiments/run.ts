/**
 * Measures ways of keeping openapi-fetch in the request path, timeout
 * signals and the production client from src/ against raw fetch, with the
 * harness of `npm run bench`, and writes
 * bench/experiments/results.json. Run with `npm run bench:experiments`;
 * `-- --quick` runs 200 rounds instead of 1000, and `-- --group NAME`
 * runs one group and keeps the others' last results in the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { startBenchServer } from '../lib/bench-server.js';
import { bundleClient, type ClientModule } from '../lib/client-bundle.js';
import { measureOverhead, type Contender, type ContenderResult } from '../lib/overhead-harness.js';
import { round } from '../lib/stats.js';
import { formatContenderRow, formatTable } from '../lib/table.js';
import { DIRECTORY_SIZE, fatoraContender, PAGE_SIZE, rawFetchContender } from '../overhead.js';
import { compileClientListValidator } from './client-list-validator.js';
import { openapiFetchUrlOnly, openapiFetchVariant, rawFetchVariant } from './variants.js';

interface GroupContext {
  /** Base URL of the directory whose responses carry `Content-Length`. */
  url: string;
  /** Base URL of the same directory, responding with `Transfer-Encoding: chunked`. */
  chunkedUrl: string;
  validate: ValidateFunction;
  production: ClientModule;
}

const groups: Record<string, (context: GroupContext) => Contender[]> = {
  'openapi-fetch designs': ({ url, validate }) => [
    rawFetchContender(url),
    openapiFetchVariant(url, { light: false }),
    openapiFetchVariant(url, { light: true }),
    openapiFetchUrlOnly(url),
    rawFetchVariant(url, { validate }),
    openapiFetchVariant(url, { light: false, validate }),
    openapiFetchVariant(url, { light: true, validate }),
    openapiFetchUrlOnly(url, { validate }),
  ],
  'timeout signals': ({ url }) => [
    rawFetchContender(url),
    rawFetchVariant(url, { timeout: 'signal without timer' }),
    rawFetchVariant(url, { timeout: 'AbortSignal.timeout' }),
    rawFetchVariant(url, { timeout: 'AbortController + setTimeout' }),
    rawFetchVariant(url, { timeout: 'timer race, no signal' }),
  ],
  'openapi-fetch designs with validation and timeout': ({ url, validate }) => [
    rawFetchContender(url),
    openapiFetchVariant(url, { light: false, validate, timeout: 'AbortSignal.timeout' }),
    openapiFetchVariant(url, { light: true, validate, timeout: 'AbortSignal.timeout' }),
    openapiFetchUrlOnly(url, { timeout: 'AbortController + setTimeout' }),
    openapiFetchUrlOnly(url, { validate, timeout: 'AbortController + setTimeout' }),
    openapiFetchUrlOnly(url, { timeout: 'timer race, no signal' }),
    openapiFetchUrlOnly(url, { validate, timeout: 'timer race, no signal' }),
  ],
  'production client': ({ url, production }) => [
    rawFetchContender(url),
    fatoraContender(production, url, true),
    fatoraContender(production, url, false),
  ],
  'chunked responses (no Content-Length)': ({ chunkedUrl }) => [
    rawFetchContender(chunkedUrl),
    openapiFetchVariant(chunkedUrl, { light: false }),
    openapiFetchVariant(chunkedUrl, { light: true }),
    openapiFetchUrlOnly(chunkedUrl),
  ],
};

const quick = process.argv.includes('--quick');
const groupFlag = process.argv.indexOf('--group');
const selectedGroup = groupFlag === -1 ? undefined : process.argv[groupFlag + 1];
const settings = {
  rounds: quick ? 200 : 1000,
  requestsPerRound: 20,
  warmupRequests: quick ? 200 : 500,
  expectedClients: PAGE_SIZE,
};
const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));

function toJson(result: ContenderResult): Record<string, string | number> {
  return {
    name: result.name,
    median_us: round(result.medianMicros, 1),
    ratio: round(result.ratio, 3),
    ratio_p25: round(result.ratioP25, 3),
    ratio_p75: round(result.ratioP75, 3),
    total_ratio: round(result.totalRatio, 3),
    cpu_us: round(result.medianCpuMicros, 1),
    cpu_ratio: round(result.cpuRatio, 3),
  };
}

function readPreviousGroups(): Record<string, unknown> {
  if (!existsSync(resultsPath)) return {};
  return (
    (JSON.parse(readFileSync(resultsPath, 'utf8')) as { groups?: Record<string, unknown> })
      .groups ?? {}
  );
}

if (selectedGroup !== undefined && !(selectedGroup in groups)) {
  throw new Error(
    `Unknown group "${selectedGroup}". Use one of: ${Object.keys(groups).join('; ')}.`,
  );
}

const server = await startBenchServer();
const productionBundle = await bundleClient();
try {
  const context: GroupContext = {
    url: server.baseUrl(DIRECTORY_SIZE),
    chunkedUrl: server.baseUrl(DIRECTORY_SIZE, { chunked: true }),
    validate: compileClientListValidator(),
    production: await productionBundle.load(),
  };
  const measured = selectedGroup === undefined ? {} : readPreviousGroups();
  for (const [title, build] of Object.entries(groups)) {
    if (selectedGroup !== undefined && title !== selectedGroup) continue;
    const results = await measureOverhead(build(context), settings);
    measured[title] = results.map(toJson);
    console.log(`\n${title} (ratios to raw fetch, median of ${settings.rounds} rounds)\n`);
    console.log(
      formatTable(
        ['variant', 'µs/req', 'ratio', 'ratio p25-p75', 'total ratio', 'CPU µs/req', 'CPU ratio'],
        results.map(formatContenderRow),
      ),
    );
  }
  const output = { date: new Date().toISOString(), settings, groups: measured };
  writeFileSync(resultsPath, `${JSON.stringify(output, null, 2)}\n`);
} finally {
  await server.close();
  productionBundle.remove();
}
