/**
 * Helpers that capture what a call did, so that tests can assert on the
 * error object itself and on timing.
 */
import { expect } from 'vitest';

/** Awaits a promise that must reject, and returns the rejection reason. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/**
 * Asserts that `error` is an instance of exactly `expected` (not of a
 * subclass) and returns it with that type.
 */
export function expectErrorClass<T extends Error>(
  error: unknown,
  expected: abstract new (...args: never[]) => T,
): T {
  expect(error).toBeInstanceOf(expected);
  expect((error as object).constructor).toBe(expected);
  return error as T;
}

/** Collects every value of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/** Runs `action` and returns how long it took to settle, and its rejection reason if any. */
export async function timed(
  action: () => Promise<unknown>,
): Promise<{ elapsedMs: number; error: unknown }> {
  const started = performance.now();
  let error: unknown;
  try {
    await action();
  } catch (reason) {
    error = reason;
  }
  return { elapsedMs: performance.now() - started, error };
}
