import { describe, expect, it } from 'vitest';
import {
  measureNamedOverhead,
  measureOverhead,
  roundOrders,
  type Contender,
} from '../../bench/lib/overhead-harness.js';
import { formatTable } from '../../bench/lib/table.js';

const page = { clients: [{ id: 1 }, { id: 2 }] };
const settings = { rounds: 3, requestsPerRound: 2, warmupRequests: 1, expectedClients: 2 };

/** A contender that records each call in `calls` and returns `body`. */
function recordingContender(name: string, calls: string[], body: unknown = page): Contender {
  return {
    name,
    request: () => {
      calls.push(name);
      return Promise.resolve(body);
    },
  };
}

describe('roundOrders', () => {
  const items = ['a', 'b', 'c', 'd'];
  const orders = roundOrders(items, 40);

  it('puts every item in every position once per block', () => {
    for (let block = 0; block < 10; block++) {
      const blockOrders = orders.slice(block * 4, block * 4 + 4);
      for (let position = 0; position < 4; position++) {
        const atPosition = blockOrders.map((order) => order[position]).sort();
        expect(atPosition).toEqual(items);
      }
    }
  });

  it('varies the item before each item', () => {
    const predecessorsOfA = new Set(
      orders.map((order) => order[order.indexOf('a') - 1]).filter((item) => item !== undefined),
    );

    expect(predecessorsOfA.size).toBe(3);
  });

  it('repeats for the same seed', () => {
    expect(roundOrders(items, 8, 7)).toEqual(roundOrders(items, 8, 7));
  });
});

describe('measureOverhead', () => {
  it('sends each round in the order roundOrders gives', async () => {
    const calls: string[] = [];
    const contenders = ['a', 'b', 'c'].map((name) => recordingContender(name, calls));

    await measureOverhead(contenders, settings);

    // Each contender: one checked request and one warm-up request, then the rounds.
    const expected = roundOrders(['a', 'b', 'c'], settings.rounds)
      .map((order) => order.map((name) => name + name).join(''))
      .join('');
    expect(calls.slice(6).join('')).toBe(expected);
  });

  it('gives the baseline a ratio of 1', async () => {
    const calls: string[] = [];
    const results = await measureOverhead(
      [recordingContender('a', calls), recordingContender('b', calls)],
      settings,
    );

    expect(results[0]?.ratio).toBe(1);
    expect(results[0]?.totalRatio).toBe(1);
    expect(results[0]?.ratioP25).toBe(1);
  });

  it('rejects a body with the wrong client count', async () => {
    const calls: string[] = [];
    const wrong = recordingContender('wrong', calls, { clients: [] });

    await expect(measureOverhead([wrong], settings)).rejects.toThrow(
      /Contender wrong returned a body without 2 clients/,
    );
  });

  it('returns results under their names', async () => {
    const calls: string[] = [];
    const results = await measureNamedOverhead(
      { first: recordingContender('a', calls), second: recordingContender('b', calls) },
      settings,
    );

    expect(results.first.name).toBe('a');
    expect(results.second.name).toBe('b');
  });
});

describe('formatTable', () => {
  it('pads every column to its widest cell', () => {
    const table = formatTable(['name', 'n'], [['a', '100']]);

    expect(table).toBe(['| name | n   |', '| ---- | --- |', '| a    | 100 |'].join('\n'));
  });
});
