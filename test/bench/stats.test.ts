import { describe, expect, it } from 'vitest';
import { median, quantile, round } from '../../bench/lib/stats.js';

describe('median', () => {
  it('picks the middle of an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the middle pair of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('returns NaN for no values', () => {
    expect(median([])).toBeNaN();
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantile', () => {
  it('interpolates between neighbours', () => {
    expect(quantile([0, 10, 20, 30, 40], 0.25)).toBe(10);
    expect(quantile([0, 10], 0.75)).toBe(7.5);
  });

  it('returns the extremes at 0 and 1', () => {
    expect(quantile([7, 2, 9], 0)).toBe(2);
    expect(quantile([7, 2, 9], 1)).toBe(9);
  });
});

describe('round', () => {
  it('keeps the given decimal places', () => {
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(41318.4, 0)).toBe(41318);
  });
});
