/**
 * Client, request and pagination options: their defaults in one object,
 * and the checks that run before any request is sent.
 */
import { FatoraValidationError } from './errors.js';

/** Default values of every option, documented once here and in the README. */
export const DEFAULTS = {
  /** Production base URL of the Fatora API, version 1. */
  baseUrl: 'https://api.fatora.io/v1',
  /** Time allowed for one attempt, from sending the request to reading the whole body. */
  timeoutMs: 30_000,
  /** Retries after the first attempt, for connection errors and retryable statuses. */
  maxRetries: 2,
  /** Validate 2xx bodies against the spec's schema. */
  validateResponses: true,
  /** Backoff before the first retry; it doubles with each further retry. */
  initialRetryDelayMs: 500,
  /** Upper bound of the exponential backoff. */
  maxRetryDelayMs: 8_000,
  /** Longest `Retry-After` the client waits for; a longer one ends the retries at once. */
  maxRetryAfterMs: 60_000,
} as const;

/** Production base URL of the Fatora API, version 1. */
export const DEFAULT_BASE_URL = DEFAULTS.baseUrl;

/** A console-compatible logger. The client writes one line per attempt and per retry. */
export interface FatoraLogger {
  debug(message: string): void;
  warn(message: string): void;
}

/** A token, or a function that returns the current one, for tokens that expire. */
export type TokenSource = string | (() => string | Promise<string>);

/** Options of `createFatoraClient`. */
export interface FatoraClientOptions {
  /** JWT from the provider's Authorize endpoint, or a function returning it before each attempt. */
  token: TokenSource;
  /**
   * Base URL of the API, including the version path. It must use https:,
   * except for loopback hosts such as 127.0.0.1 and localhost.
   * @default 'https://api.fatora.io/v1'
   */
  baseUrl?: string;
  /**
   * Time allowed for one attempt, in milliseconds.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt, for connection errors and statuses 408, 429, 500, 502, 503, 504.
   * @default 2
   */
  maxRetries?: number;
  /**
   * Validate 2xx bodies against the schema in openapi.yaml.
   * @default true
   */
  validateResponses?: boolean;
  /**
   * The `fetch` implementation. The client calls it as `fetch(url, init)`;
   * `fatora.raw`, which is plain openapi-fetch, calls it as `fetch(request)`.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /** Receives one line per attempt and per retry, with the Authorization header redacted. Silent by default. */
  logger?: FatoraLogger;
}

/** Options of one call. */
export interface RequestOptions {
  /** Cancels the call at once, including any wait between retries. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
}

/** Options of `clients.listPages` and `clients.listAll`. */
export interface PaginationOptions extends RequestOptions {
  /** Stop after this many clients (`listAll`) or after the page that reaches it. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
}

/** Client options after defaults and checks. */
export interface ResolvedClientOptions {
  token: TokenSource;
  baseUrl: string;
  /** The path of `baseUrl`, without trailing slashes, for error messages. */
  basePath: string;
  timeoutMs: number;
  /** Whether the caller chose `timeoutMs`, which makes a timeout final instead of retryable. */
  timeoutChosen: boolean;
  maxRetries: number;
  validateResponses: boolean;
  fetch: typeof globalThis.fetch;
  logger: FatoraLogger | undefined;
}

/** Per-call settings after merging the call's options with the client's. */
export interface ResolvedRequestOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  timeoutChosen: boolean;
  maxRetries: number;
}

const clientOptionNames = [
  'token',
  'baseUrl',
  'timeoutMs',
  'maxRetries',
  'validateResponses',
  'fetch',
  'logger',
] as const satisfies ReadonlyArray<keyof FatoraClientOptions>;

const requestOptionNames = ['signal', 'timeoutMs', 'maxRetries'] as const satisfies ReadonlyArray<
  keyof RequestOptions
>;

const paginationOptionNames = [
  ...requestOptionNames,
  'maxItems',
  'maxPages',
] as const satisfies ReadonlyArray<keyof PaginationOptions>;

function rejectUnknownKeys(options: object, known: readonly string[], kind: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      // A misspelled option can hold the token, so its value is never shown.
      throw new FatoraValidationError(
        key,
        undefined,
        `is not a known ${kind} option; use one of ${known.join(', ')}`,
        { secret: true },
      );
    }
  }
}

function checkObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FatoraValidationError(name, value, 'must be an object');
  }
}

function checkInteger(name: string, value: unknown, minimum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new FatoraValidationError(name, value, `must be an integer >= ${minimum}`);
  }
  return value;
}

/** Largest delay that setTimeout accepts; Node fires a longer one after 1 ms instead. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

function checkTimeout(value: unknown): number {
  const timeoutMs = checkInteger('timeoutMs', value, 1);
  if (timeoutMs > MAX_TIMER_DELAY_MS) {
    throw new FatoraValidationError(
      'timeoutMs',
      value,
      `must be at most ${MAX_TIMER_DELAY_MS} (about 24.8 days), the longest timer Node.js supports`,
    );
  }
  return timeoutMs;
}

/** Resolves a token source before an attempt, so a token function can hand out a refreshed token. */
export async function resolveToken(source: TokenSource): Promise<string> {
  return checkToken(typeof source === 'function' ? await source() : source);
}

/** Validates a token before it goes into a header: it must never reach an error message. */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.length === 0) {
    throw new FatoraValidationError(
      'token',
      undefined,
      `must be a non-empty string (got ${typeof token === 'string' ? 'an empty string' : typeof token}); ` +
        "pass the JWT from the provider's Authorize endpoint",
      { secret: true },
    );
  }
  // Header values cannot contain control characters or line breaks, and fetch
  // would echo the whole value, token included, in its own error message.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new FatoraValidationError(
      'token',
      undefined,
      'contains whitespace or characters that are not printable ASCII; trim it before passing it',
      { secret: true },
    );
  }
  return token;
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** Parses and checks `baseUrl`, and returns it without trailing slashes. */
export function checkBaseUrl(value: unknown): { baseUrl: string; basePath: string } {
  if (typeof value !== 'string')
    throw new FatoraValidationError('baseUrl', value, 'must be a string');

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FatoraValidationError(
      'baseUrl',
      value,
      'is not an absolute URL, for example https://api.fatora.io/v1',
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new FatoraValidationError(
      'baseUrl',
      value,
      'must use https: (http: is allowed only for loopback hosts such as 127.0.0.1 and localhost)',
    );
  }
  if (url.username || url.password) {
    // The value is shown without its password, which must not reach a log.
    url.password = url.password ? 'REDACTED' : '';
    throw new FatoraValidationError(
      'baseUrl',
      url.href,
      'must not contain credentials; pass the token separately',
    );
  }
  if (url.search || url.hash) {
    throw new FatoraValidationError(
      'baseUrl',
      value,
      'must not contain a query string or fragment',
    );
  }

  const basePath = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${basePath}`, basePath };
}

/** Checks client options, applies defaults, and rejects unknown keys. */
export function resolveClientOptions(options: unknown): ResolvedClientOptions {
  checkObject(options, 'options');
  rejectUnknownKeys(options, clientOptionNames, 'client');

  const {
    token,
    baseUrl = DEFAULTS.baseUrl,
    timeoutMs,
    maxRetries,
    validateResponses,
    fetch,
    logger,
  } = options;
  if (typeof token !== 'function') checkToken(token);
  if (validateResponses !== undefined && typeof validateResponses !== 'boolean') {
    throw new FatoraValidationError(
      'validateResponses',
      validateResponses,
      'must be true or false',
    );
  }
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new FatoraValidationError(
      'fetch',
      fetch,
      'must be a function with the signature of fetch',
    );
  }
  if (logger !== undefined) checkLogger(logger);

  return {
    token: token as TokenSource,
    ...checkBaseUrl(baseUrl),
    timeoutMs: timeoutMs === undefined ? DEFAULTS.timeoutMs : checkTimeout(timeoutMs),
    timeoutChosen: timeoutMs !== undefined,
    maxRetries:
      maxRetries === undefined ? DEFAULTS.maxRetries : checkInteger('maxRetries', maxRetries, 0),
    validateResponses: validateResponses ?? DEFAULTS.validateResponses,
    fetch: (fetch as typeof globalThis.fetch | undefined) ?? globalThis.fetch,
    logger: logger as FatoraLogger | undefined,
  };
}

function checkLogger(logger: unknown): void {
  const candidate = logger as Partial<FatoraLogger> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.debug !== 'function' ||
    typeof candidate.warn !== 'function'
  ) {
    throw new FatoraValidationError(
      'logger',
      logger,
      'must be an object with debug and warn methods, such as console',
    );
  }
}

function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw new FatoraValidationError('signal', signal, 'must be an AbortSignal');
}

function mergeRequestOptions(
  options: Record<string, unknown>,
  client: ResolvedClientOptions,
): ResolvedRequestOptions {
  const { signal, timeoutMs, maxRetries } = options;
  return {
    signal: checkSignal(signal),
    timeoutMs: timeoutMs === undefined ? client.timeoutMs : checkTimeout(timeoutMs),
    timeoutChosen: timeoutMs !== undefined || client.timeoutChosen,
    maxRetries:
      maxRetries === undefined ? client.maxRetries : checkInteger('maxRetries', maxRetries, 0),
  };
}

/** Checks the options of one call and merges them with the client's. */
export function resolveRequestOptions(
  options: unknown,
  client: ResolvedClientOptions,
): ResolvedRequestOptions {
  if (options === undefined) return mergeRequestOptions({}, client);
  checkObject(options, 'request options');
  rejectUnknownKeys(options, requestOptionNames, 'request');
  return mergeRequestOptions(options, client);
}

/** Checks the options of `listPages` and `listAll`. */
export function resolvePaginationOptions(
  options: unknown,
  client: ResolvedClientOptions,
): ResolvedRequestOptions & { maxItems: number; maxPages: number } {
  const paginationOptions = options ?? {};
  checkObject(paginationOptions, 'pagination options');
  rejectUnknownKeys(paginationOptions, paginationOptionNames, 'pagination');
  const { maxItems, maxPages } = paginationOptions;
  return {
    ...mergeRequestOptions(paginationOptions, client),
    maxItems:
      maxItems === undefined ? Number.POSITIVE_INFINITY : checkInteger('maxItems', maxItems, 1),
    maxPages:
      maxPages === undefined ? Number.POSITIVE_INFINITY : checkInteger('maxPages', maxPages, 1),
  };
}
