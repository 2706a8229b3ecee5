/**
 * Child of bench/experiments/profile.ts: warms one variant up, then records
 * a V8 CPU profile (the profiler behind `node --cpu-prof`, started through
 * node:inspector so that start-up and warm-up stay out of it) while the
 * variant sends `count` requests, and writes it to `outputPath`.
 * Arguments: <variant> <baseUrl> <count> <outputPath>.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { bundleClient } from '../lib/client-bundle.js';
import type { Contender } from '../lib/overhead-harness.js';
import { fatoraContender, rawFetchContender } from '../overhead.js';
import { compileClientListValidator } from './client-list-validator.js';
import { openapiFetchUrlOnly, openapiFetchVariant } from './variants.js';

const warmupRequests = 2_000;
const samplingIntervalMicros = 50;

/** Builds the production client from src/, with response validation. */
async function fatoraVariant(baseUrl: string): Promise<Contender> {
  const bundle = await bundleClient();
  const client = await bundle.load();
  bundle.remove();
  return fatoraContender(client, baseUrl, true);
}

/** Variants that the profile can record, by the name given on the command line. */
export const profileVariants: Record<string, (baseUrl: string) => Contender | Promise<Contender>> =
  {
    'raw-fetch': rawFetchContender,
    'openapi-fetch-default': (baseUrl) => openapiFetchVariant(baseUrl, { light: false }),
    'openapi-fetch-light': (baseUrl) => openapiFetchVariant(baseUrl, { light: true }),
    'openapi-fetch-url-only': (baseUrl) => openapiFetchUrlOnly(baseUrl),
    'openapi-fetch-url-only-ajv-timeout': (baseUrl) =>
      openapiFetchUrlOnly(baseUrl, {
        validate: compileClientListValidator(),
        timeout: 'AbortController + setTimeout',
      }),
    'openapi-fetch-default-ajv-timeout': (baseUrl) =>
      openapiFetchVariant(baseUrl, {
        light: false,
        validate: compileClientListValidator(),
        timeout: 'AbortSignal.timeout',
      }),
    'openapi-fetch-light-ajv-timeout': (baseUrl) =>
      openapiFetchVariant(baseUrl, {
        light: true,
        validate: compileClientListValidator(),
        timeout: 'AbortController + setTimeout',
      }),
    'fatora-validated': fatoraVariant,
  };

async function main(): Promise<void> {
  const [variant = '', baseUrl = '', countText = '', outputPath = ''] = process.argv.slice(2);
  const create = profileVariants[variant];
  if (!create) {
    throw new Error(
      `Unknown variant "${variant}". Use one of: ${Object.keys(profileVariants).join(', ')}.`,
    );
  }
  const contender = await create(baseUrl);
  const count = Number(countText);
  for (let index = 0; index < warmupRequests; index++) await contender.request();

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalMicros });
  await session.post('Profiler.start');
  for (let index = 0; index < count; index++) await contender.request();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(outputPath, JSON.stringify(profile));
  session.disconnect();
}

if (process.argv[1]?.endsWith('profile-child.ts')) await main();
