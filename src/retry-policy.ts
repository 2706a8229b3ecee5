/**
 * When to retry and how long to wait, as pure functions that tests can
 * call without a network or a clock.
 */
import { FatoraApiError, FatoraConnectionError, FatoraTimeoutError } from './errors.js';
import { DEFAULTS } from './options.js';

/**
 * Statuses that a later attempt may not get: request timeout, rate limit,
 * and server failures that are usually transient.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Delays of the backoff and the cap on `Retry-After`, all in milliseconds. */
export interface BackoffSettings {
  initialRetryDelayMs: number;
  maxRetryDelayMs: number;
  maxRetryAfterMs: number;
}

const defaultBackoff: BackoffSettings = DEFAULTS;

/** Decision after a failed attempt: retry after a delay, or stop for a reason. */
export type RetryDecision = { retry: false; reason: string } | { retry: true; delayMs: number };

/**
 * Parses a `Retry-After` value in either form (delay in seconds, or an
 * HTTP date) into milliseconds from `now`. Returns undefined for a value
 * that is neither.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;

  // Every HTTP date form names the month, and Date.parse would read '-5' or '1.5' as dates.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with jitter: the delay doubles with each retry up to
 * the maximum, and a random share of up to a quarter is taken off so that
 * clients that failed together do not retry together.
 */
export function backoffDelay(retry: number, random: number, settings = defaultBackoff): number {
  const exponential = settings.initialRetryDelayMs * 2 ** retry;
  const capped = Math.min(settings.maxRetryDelayMs, exponential);
  return Math.round(capped * (1 - 0.25 * random));
}

/** Checks whether an error is worth another attempt, whatever the number of attempts so far. */
export function isRetryable(error: unknown, timeoutChosen: boolean): boolean {
  // A connection that failed before a response may succeed on a new one.
  if (error instanceof FatoraConnectionError) return true;
  // A timeout the caller chose is their deadline; the default one is a network symptom.
  if (error instanceof FatoraTimeoutError) return !timeoutChosen;
  if (error instanceof FatoraApiError) return RETRYABLE_STATUSES.has(error.status);
  // Validation errors, response errors and aborts would fail again the same way.
  return false;
}

/**
 * Decides whether to retry after failed attempt number `retry` (0 for the
 * first attempt), and how long to wait first.
 */
export function decideRetry(
  error: unknown,
  retry: number,
  context: { maxRetries: number; timeoutChosen: boolean; random: number },
  settings = defaultBackoff,
): RetryDecision {
  if (!isRetryable(error, context.timeoutChosen)) return { retry: false, reason: 'not retryable' };
  if (retry >= context.maxRetries) return { retry: false, reason: 'retries exhausted' };

  const retryAfterMs = error instanceof FatoraApiError ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > settings.maxRetryAfterMs) {
      return {
        retry: false,
        reason: `Retry-After of ${retryAfterMs} ms exceeds the ${settings.maxRetryAfterMs} ms limit`,
      };
    }
    return { retry: true, delayMs: retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelay(retry, context.random, settings) };
}
