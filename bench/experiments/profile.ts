/**
 * Records a V8 CPU profile of each variant sending the same requests to the
 * benchmark server, then prints the functions whose self time per request
 * grows most over raw fetch. Run with `npm run bench:profile`; `-- --keep`
 * keeps the .cpuprofile files, which Chrome DevTools opens, and
 * `-- --variants a,b` records only those variants (raw-fetch always first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer } from '../lib/bench-server.js';
import { formatTable } from '../lib/table.js';
import { DIRECTORY_SIZE } from '../overhead.js';
import { profileVariants } from './profile-child.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const requests = 5_000;
const topFunctions = 25;
const childScript = fileURLToPath(new URL('./profile-child.ts', import.meta.url));

function frameKey(frame: ProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${basename(frame.url)}:${frame.lineNumber + 1}`;
}

/** Sums sample time by the function at the top of each stack, in µs per request. */
function selfMicrosPerRequest(profile: CpuProfile): Map<string, number> {
  const keyById = new Map(profile.nodes.map((node) => [node.id, frameKey(node.callFrame)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((sample, index) => {
    const key = keyById.get(sample) ?? '(unknown)';
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / requests);
  });
  return totals;
}

function profileVariant(variant: string, baseUrl: string, directory: string): Map<string, number> {
  const output = join(directory, `${variant}.cpuprofile`);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', childScript, variant, baseUrl, String(requests), output],
    { stdio: 'inherit' },
  );
  return selfMicrosPerRequest(JSON.parse(readFileSync(output, 'utf8')) as CpuProfile);
}

function busyMicros(selfTimes: Map<string, number>): number {
  let busy = 0;
  for (const [key, micros] of selfTimes) if (key !== '(idle)') busy += micros;
  return busy;
}

function selectedVariants(): string[] {
  const flag = process.argv.indexOf('--variants');
  if (flag === -1) return Object.keys(profileVariants);
  const names = (process.argv[flag + 1] ?? '').split(',').filter((name) => name !== 'raw-fetch');
  const unknown = names.filter((name) => !(name in profileVariants));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown variant ${unknown.join(', ')}. Use any of: ${Object.keys(profileVariants).join(', ')}.`,
    );
  }
  return ['raw-fetch', ...names];
}

const keep = process.argv.includes('--keep');
const directory = mkdtempSync(join(tmpdir(), 'fatora-profile-'));
const server = await startBenchServer();
try {
  const variants = selectedVariants();
  const profiles = variants.map((variant) =>
    profileVariant(variant, server.baseUrl(DIRECTORY_SIZE), directory),
  );
  const [baseline = new Map<string, number>()] = profiles;
  const keys = new Set(profiles.flatMap((profile) => [...profile.keys()]));
  keys.delete('(idle)');
  const growth = (key: string) =>
    Math.max(...profiles.map((profile) => (profile.get(key) ?? 0) - (baseline.get(key) ?? 0)));
  const ranked = [...keys].sort((a, b) => growth(b) - growth(a)).slice(0, topFunctions);
  const cell = (micros: number | undefined) => (micros ?? 0).toFixed(1);

  console.log(
    `\nSelf CPU µs per request over ${requests} requests, sampled every 50 µs; ` +
      `rows: the ${topFunctions} functions that grow most over raw-fetch\n`,
  );
  console.log(
    formatTable(
      ['function', ...variants],
      [
        ['(busy: all but idle)', ...profiles.map((profile) => cell(busyMicros(profile)))],
        [
          '(idle: waiting for the server)',
          ...profiles.map((profile) => cell(profile.get('(idle)'))),
        ],
        ...ranked.map((key) => [key, ...profiles.map((profile) => cell(profile.get(key)))]),
      ],
    ),
  );
  if (keep) console.log(`\nProfiles kept in ${directory}`);
} finally {
  await server.close();
  if (!keep) rmSync(directory, { recursive: true, force: true });
}
