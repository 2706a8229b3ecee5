import { describe, expect, it } from 'vitest';
import {
  errorForStatus,
  FatoraConnectionError,
  FatoraResponseError,
  FatoraTimeoutError,
  FatoraValidationError,
} from './errors.js';
import { DEFAULTS } from './options.js';
import {
  backoffDelay,
  decideRetry,
  isRetryable,
  parseRetryAfter,
  RETRYABLE_STATUSES,
} from './retry-policy.js';

const context = { method: 'GET', path: '/v1/clients' };

function apiError(status: number, retryAfterMs?: number) {
  return errorForStatus({
    ...context,
    status,
    errorCode: String(status),
    description: 'test',
    body: undefined,
    headers: {},
    retryAfterMs,
  });
}

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delay seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });

  it('treats a past date as zero', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores missing and malformed values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles per retry up to the maximum', () => {
    expect(backoffDelay(0, 0)).toBe(DEFAULTS.initialRetryDelayMs);
    expect(backoffDelay(1, 0)).toBe(DEFAULTS.initialRetryDelayMs * 2);
    expect(backoffDelay(2, 0)).toBe(DEFAULTS.initialRetryDelayMs * 4);
    expect(backoffDelay(20, 0)).toBe(DEFAULTS.maxRetryDelayMs);
  });

  it('takes off at most a quarter as jitter', () => {
    expect(backoffDelay(0, 1)).toBe(DEFAULTS.initialRetryDelayMs * 0.75);
    expect(backoffDelay(0, 0.5)).toBe(Math.round(DEFAULTS.initialRetryDelayMs * 0.875));
  });
});

describe('isRetryable', () => {
  it('retries exactly the transient statuses', () => {
    expect([...RETRYABLE_STATUSES].sort((a, b) => a - b)).toEqual([408, 429, 500, 502, 503, 504]);
    for (const status of [408, 429, 500, 502, 503, 504]) {
      expect(isRetryable(apiError(status), false), `status ${status}`).toBe(true);
    }
    for (const status of [400, 401, 403, 404, 409, 422, 501]) {
      expect(isRetryable(apiError(status), false), `status ${status}`).toBe(false);
    }
  });

  it('retries connection errors', () => {
    expect(isRetryable(new FatoraConnectionError(context, new Error('reset')), false)).toBe(true);
  });

  it('retries only default timeouts', () => {
    const timeout = new FatoraTimeoutError(context, 100);
    expect(isRetryable(timeout, false)).toBe(true);
    expect(isRetryable(timeout, true)).toBe(false);
  });

  it('never retries validation, response or abort errors', () => {
    expect(isRetryable(new FatoraValidationError('page', 0, 'must be >= 1'), false)).toBe(false);
    const responseError = new FatoraResponseError({ ...context, status: 200, body: '' }, 'empty');
    expect(isRetryable(responseError, false)).toBe(false);
    expect(isRetryable(new DOMException('aborted', 'AbortError'), false)).toBe(false);
  });
});

describe('decideRetry', () => {
  const settings = { maxRetries: 2, timeoutChosen: false, random: 0 };

  it('stops when retries are exhausted', () => {
    expect(decideRetry(apiError(503), 1, settings)).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry(apiError(503), 2, settings)).toEqual({
      retry: false,
      reason: 'retries exhausted',
    });
  });

  it('waits for Retry-After instead of backoff', () => {
    expect(decideRetry(apiError(429, 2500), 0, settings)).toEqual({ retry: true, delayMs: 2500 });
    expect(decideRetry(apiError(503, 0), 0, settings)).toEqual({ retry: true, delayMs: 0 });
  });

  it('gives up on a Retry-After above the cap', () => {
    const decision = decideRetry(apiError(429, 7_200_000), 0, settings);
    expect(decision.retry).toBe(false);
    expect(decision).toHaveProperty('reason', expect.stringContaining('7200000 ms') as string);
  });

  it('never retries a 4xx other than 408 and 429', () => {
    expect(decideRetry(apiError(401), 0, settings)).toEqual({
      retry: false,
      reason: 'not retryable',
    });
  });
});
