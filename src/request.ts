/**
 * Sends `GET /clients` with retries, a per-attempt timeout and cancellation,
 * and turns every outcome into a typed body or a {@link FatoraError}.
 *
 * openapi-fetch builds the URL, with the same query serializer that
 * `fatora.raw` uses, but each attempt is a single `fetch(url, init)` with a
 * plain header object. openapi-fetch's `GET` constructs a `Request` that
 * undici then copies into a second one, each with a fresh `Headers` object.
 * Skipping them cut the client from 1.17x to 1.09x the time of a bare `fetch`,
 * measured side by side in one `npm run bench:experiments` run (see BENCHMARKS.md).
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import {
  errorForStatus,
  FatoraConnectionError,
  FatoraError,
  FatoraResponseError,
  FatoraTimeoutError,
  type RequestContext,
} from './errors.js';
import {
  resolveToken,
  type ResolvedClientOptions,
  type ResolvedRequestOptions,
} from './options.js';
import { decideRetry, parseRetryAfter } from './retry-policy.js';
import type { ClientList, ListClientsQuery } from './types.js';
import { findClientListViolations } from './validation.js';

/** Maximum length of the body excerpt kept on an error when the body is not JSON. */
const BODY_SNIPPET_LENGTH = 500;

/** Everything a request needs from the client that sends it. */
export interface RequestEnvironment {
  options: ResolvedClientOptions;
  context: RequestContext;
  /** Source of jitter, replaceable in tests. */
  random: () => number;
}

/** Carries an error thrown by the caller's token function past the transport's error mapping. */
class TokenSourceError extends Error {
  constructor(readonly original: unknown) {
    super('the token function failed');
  }
}

/** openapi-fetch's query serializer, so that the URL is the one `fatora.raw.GET` would send. */
const querySerializer = createQuerySerializer<ListClientsQuery>();

/** Builds `<baseUrl>/clients?...` with openapi-fetch's URL and query serialization. */
function listUrl(baseUrl: string, query: ListClientsQuery): string {
  return createFinalURL('/clients', {
    baseUrl,
    params: { query },
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
}

/** Parses an error body as openapi-fetch does: JSON when it parses, the text otherwise. */
function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Settles as `promise` does, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolvePromise, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/** Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolveSleep, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolveSleep();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function snippet(text: string): string {
  return text.length > BODY_SNIPPET_LENGTH ? `${text.slice(0, BODY_SNIPPET_LENGTH)}…` : text;
}

function readErrorDetail(body: unknown): { errorCode?: string; description?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};

  const { error_code: errorCode, description } = error as Record<string, unknown>;
  return {
    errorCode:
      typeof errorCode === 'string' || typeof errorCode === 'number'
        ? String(errorCode)
        : undefined,
    description: typeof description === 'string' ? description : undefined,
  };
}

/** Builds the error for a non-2xx response from its parsed body. */
function toApiError(context: RequestContext, response: Response, body: unknown): FatoraError {
  const detail = readErrorDetail(body);
  return errorForStatus({
    ...context,
    status: response.status,
    errorCode: detail.errorCode,
    description: detail.description,
    body: typeof body === 'string' ? snippet(body) : body,
    headers: Object.fromEntries(response.headers),
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  });
}

/** Parses and checks a 2xx body read as text. */
function parseSuccessBody(
  environment: RequestEnvironment,
  status: number,
  text: string | undefined,
): ClientList {
  const context = { ...environment.context, status };
  if (text === undefined || text.length === 0) {
    throw new FatoraResponseError({ ...context, body: '' }, 'the body is empty');
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FatoraResponseError(
      { ...context, body: snippet(text) },
      'the body is not valid JSON',
    );
  }

  if (environment.options.validateResponses) {
    const violations = findClientListViolations(body);
    if (violations !== undefined) throw new FatoraResponseError({ ...context, body }, violations);
  }
  return body as ClientList;
}

/** Describes the request for the logger, with the token redacted. */
function describeAttempt(environment: RequestEnvironment, query: ListClientsQuery): string {
  const url = new URL(`${environment.options.baseUrl}/clients`);
  for (const [name, value] of Object.entries(
    query as Record<string, string | number | undefined>,
  )) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return `${environment.context.method} ${url.href}`;
}

/** Sends one attempt with its own timeout, linked to the caller's signal. */
async function attempt(
  environment: RequestEnvironment,
  query: ListClientsQuery,
  settings: ResolvedRequestOptions,
): Promise<ClientList> {
  // An abort that came before the listener below was added would be missed.
  settings.signal?.throwIfAborted();
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, settings.timeoutMs);
  const onCallerAbort = () => {
    controller.abort(settings.signal?.reason);
  };
  settings.signal?.addEventListener('abort', onCallerAbort, { once: true });

  try {
    const token = await acquireToken(environment, controller.signal, settings);
    const response = await environment.options.fetch(listUrl(environment.options.baseUrl, query), {
      method: 'GET',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      signal: controller.signal,
    });
    const text = await response.text();
    if (response.ok) return parseSuccessBody(environment, response.status, text);
    throw toApiError(environment.context, response, parseErrorBody(text));
  } catch (error) {
    if (error instanceof TokenSourceError) throw error.original;
    if (error instanceof FatoraError) throw error;
    if (settings.signal?.aborted) throw settings.signal.reason;
    if (controller.signal.aborted) {
      throw new FatoraTimeoutError(environment.context, settings.timeoutMs);
    }
    throw new FatoraConnectionError(environment.context, error);
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * Resolves the token within the attempt's timeout and signal, so a token
 * function that never settles cannot hang the call. An error that the token
 * function throws reaches the caller unchanged.
 */
async function acquireToken(
  environment: RequestEnvironment,
  attemptSignal: AbortSignal,
  settings: ResolvedRequestOptions,
): Promise<string> {
  const { token } = environment.options;
  if (typeof token === 'string') return token;

  try {
    return await untilAborted(resolveToken(token), attemptSignal);
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    if (attemptSignal.aborted)
      throw new FatoraTimeoutError(environment.context, settings.timeoutMs);
    if (error instanceof FatoraError) throw error;
    throw new TokenSourceError(error);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof FatoraError && 'status' in error) return `status ${String(error.status)}`;
  if (error instanceof FatoraError) return error.name;
  return 'error';
}

/**
 * Sends `GET /clients` until it succeeds, fails for good, or runs out of
 * retries. A caller's abort rejects at once with the signal's reason.
 */
export async function sendListRequest(
  environment: RequestEnvironment,
  query: ListClientsQuery,
  settings: ResolvedRequestOptions,
): Promise<ClientList> {
  const { logger } = environment.options;
  const attempts = settings.maxRetries + 1;

  for (let retry = 0; ; retry++) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    const started = Date.now();
    logger?.debug(
      `fatora: ${describeAttempt(environment, query)} attempt ${retry + 1} of ${attempts} ` +
        '(Authorization: Bearer [REDACTED])',
    );

    try {
      const body = await attempt(environment, query, settings);
      logger?.debug(
        `fatora: ${environment.context.method} ${environment.context.path} succeeded in ${Date.now() - started} ms`,
      );
      return body;
    } catch (error) {
      if (settings.signal?.aborted) throw settings.signal.reason;

      const decision = decideRetry(error, retry, { ...settings, random: environment.random() });
      if (!decision.retry) throw error;

      logger?.warn(
        `fatora: ${environment.context.method} ${environment.context.path} failed with ${describeFailure(error)}; ` +
          `retry ${retry + 1} of ${settings.maxRetries} in ${decision.delayMs} ms`,
      );
      await sleep(decision.delayMs, settings.signal);
    }
  }
}
