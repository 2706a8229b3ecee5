import { median, quantile } from './stats.js';

/** One way of sending the benchmark request and reading its parsed body. */
export interface Contender {
  name: string;
  /** Sends one request and resolves to the parsed 200 body. */
  request(): Promise<unknown>;
}

/** Settings of {@link measureOverhead}. */
export interface OverheadSettings {
  /** Rounds of alternating measurements. */
  rounds: number;
  /** Requests of each contender per round, sent back to back. */
  requestsPerRound: number;
  /** Requests of each contender before the first round, not measured. */
  warmupRequests: number;
  /** Clients that every 200 body must contain, to catch a contender that reads the wrong page. */
  expectedClients: number;
}

/** Result of one contender, relative to the baseline (the first contender). */
export interface ContenderResult {
  name: string;
  /** Median over rounds of the mean wall-clock time per request, in microseconds. */
  medianMicros: number;
  /** Median over rounds of (this contender's wall-clock time / baseline's) in the same round. */
  ratio: number;
  /** 25th and 75th percentiles of the per-round wall-clock ratios. */
  ratioP25: number;
  ratioP75: number;
  /**
   * Sum of this contender's times over all rounds / the baseline's sum. Unlike
   * the median, it includes garbage-collection pauses that hit only some
   * rounds, and also any burst of load from other processes.
   */
  totalRatio: number;
  /** Median over rounds of the process CPU time (user + system) per request, in microseconds. */
  medianCpuMicros: number;
  /** Median over rounds of (this contender's CPU time / baseline's) in the same round. */
  cpuRatio: number;
}

interface RoundTiming {
  wallMicros: number;
  cpuMicros: number;
}

function checkBody(name: string, body: unknown, expectedClients: number): void {
  const clients = (body as { clients?: unknown } | undefined)?.clients;
  if (Array.isArray(clients) && clients.length === expectedClients) return;
  throw new Error(
    `Contender ${name} returned a body without ${expectedClients} clients: ` +
      `${JSON.stringify(body).slice(0, 200)}. Check its base URL and query.`,
  );
}

async function timeRequests(contender: Contender, count: number): Promise<RoundTiming> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let index = 0; index < count; index++) await contender.request();
  const wallMicros = Number(process.hrtime.bigint() - start) / 1000 / count;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMicros, cpuMicros: (cpu.user + cpu.system) / count };
}

/** One contender's measurements over all rounds. */
interface ContenderRuns {
  contender: Contender;
  wallMicros: number[];
  cpuMicros: number[];
  /** Per round: this contender's wall-clock time / the baseline's. */
  ratios: number[];
  cpuRatios: number[];
}

/** Returns `items` rotated left by `shift` places. */
function rotate<T>(items: readonly T[], shift: number): T[] {
  const offset = shift % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}

/** Returns a pseudo-random generator of numbers in [0, 1) (mulberry32), so runs repeat. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns a shuffled copy of `items` (Fisher-Yates). */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/**
 * Returns the contender order of each round. Rounds come in blocks of one
 * round per contender: a block shuffles the contenders once, then rotates
 * that order by one each round, so every contender takes every position
 * once per block. The shuffle varies which contender runs just before
 * which, so that no contender always inherits the garbage-collection work
 * left by the same predecessor.
 */
export function roundOrders<T>(items: readonly T[], rounds: number, seed = 1): T[][] {
  const random = seededRandom(seed);
  const orders: T[][] = [];
  let block: T[] = [...items];
  for (let round = 0; round < rounds; round++) {
    if (round % items.length === 0) block = shuffle(items, random);
    orders.push(rotate(block, round));
  }
  return orders;
}

/** Runs one round: every contender's requests back to back, in the given order. */
async function runRound(
  baselineRuns: ContenderRuns,
  order: readonly ContenderRuns[],
  count: number,
): Promise<void> {
  const timings = new Map<ContenderRuns, RoundTiming>();
  for (const run of order) timings.set(run, await timeRequests(run.contender, count));

  const baseline = timings.get(baselineRuns);
  if (!baseline) throw new Error('The baseline contender is missing from the round.');
  for (const [run, timing] of timings) {
    run.wallMicros.push(timing.wallMicros);
    run.cpuMicros.push(timing.cpuMicros);
    run.ratios.push(timing.wallMicros / baseline.wallMicros);
    run.cpuRatios.push(timing.cpuMicros / baseline.cpuMicros);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Measures each contender's time per request against the first contender.
 * Every round sends `requestsPerRound` requests of each contender back to
 * back, in the order {@link roundOrders} gives, so that drift in machine
 * load hits all contenders alike. Ratios are taken within a round.
 */
export async function measureOverhead(
  contenders: readonly Contender[],
  settings: OverheadSettings,
): Promise<ContenderResult[]> {
  for (const contender of contenders) {
    checkBody(contender.name, await contender.request(), settings.expectedClients);
    await timeRequests(contender, settings.warmupRequests);
  }

  const runs: ContenderRuns[] = contenders.map((contender) => ({
    contender,
    wallMicros: [],
    cpuMicros: [],
    ratios: [],
    cpuRatios: [],
  }));
  const [baselineRuns] = runs;
  if (!baselineRuns) throw new Error('measureOverhead needs at least one contender.');
  for (const order of roundOrders(runs, settings.rounds)) {
    await runRound(baselineRuns, order, settings.requestsPerRound);
  }

  const baselineTotal = sum(baselineRuns.wallMicros);
  return runs.map((run) => ({
    name: run.contender.name,
    medianMicros: median(run.wallMicros),
    ratio: median(run.ratios),
    ratioP25: quantile(run.ratios, 0.25),
    ratioP75: quantile(run.ratios, 0.75),
    totalRatio: sum(run.wallMicros) / baselineTotal,
    medianCpuMicros: median(run.cpuMicros),
    cpuRatio: median(run.cpuRatios),
  }));
}

/**
 * Runs {@link measureOverhead} over named contenders, the first entry being
 * the baseline, and resolves to the results under the same names.
 */
export async function measureNamedOverhead<Name extends string>(
  contenders: Record<Name, Contender>,
  settings: OverheadSettings,
): Promise<Record<Name, ContenderResult>> {
  const entries = Object.entries(contenders) as Array<[Name, Contender]>;
  const results = await measureOverhead(
    entries.map(([, contender]) => contender),
    settings,
  );
  const named: Partial<Record<Name, ContenderResult>> = {};
  results.forEach((result, index) => {
    const entry = entries[index];
    if (entry) named[entry[0]] = result;
  });
  return named as Record<Name, ContenderResult>;
}
