/**
 * Ways of keeping openapi-fetch in the request path, measured against raw
 * fetch by bench/experiments/run.ts. Each variant sends the same
 * `GET /clients?page=1&page_size=20` with the same two headers.
 */
import type { ValidateFunction } from 'ajv';
import createClient, {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
} from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import { BENCH_TOKEN } from '../lib/bench-server.js';
import type { Contender } from '../lib/overhead-harness.js';
import { PAGE_SIZE } from '../overhead.js';

const headers = {
  Authorization: `Bearer ${BENCH_TOKEN}`,
  'Content-Type': 'application/json',
};
const query = { page: 1, page_size: PAGE_SIZE };
/** Per-attempt timeout that the production client applies by default. */
const timeoutMs = 30_000;

/**
 * A stand-in for the fetch API's `Request` that only stores what
 * openapi-fetch passes to it. undici's `Request` constructor parses the URL,
 * copies the headers and creates an AbortController. `fetch(request)` then
 * builds a second `Request` from the first, so this class saves one of two.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.init = init;
    this.method = init.method ?? 'GET';
  }
}

/** Sends a {@link LightRequest} with one `fetch(url, init)` call. */
export function lightFetch(request: LightRequest): Promise<Response> {
  return fetch(request.url, request.init);
}

/** Options that make openapi-fetch send through {@link LightRequest} and {@link lightFetch}. */
export const lightRequestOptions = {
  Request: LightRequest as unknown as typeof Request,
  fetch: lightFetch as unknown as (input: Request) => Promise<Response>,
};

function checkStatus(name: string, response: Response): void {
  if (!response.ok) throw new Error(`${name}: GET /clients returned ${response.status}`);
}

function validated(name: string, validate: ValidateFunction, body: unknown): unknown {
  if (!validate(body)) throw new Error(`${name}: 200 body violates ClientList`);
  return body;
}

/**
 * The way a variant bounds each attempt in time. `signal without timer` passes
 * a fresh AbortController's signal and never aborts it: it measures what
 * fetch does with any signal, apart from the cost of a timer.
 * `timer race, no signal` rejects when a timer fires first but cannot
 * cancel the request, which keeps its socket until the server responds.
 */
export type TimeoutStyle =
  | 'AbortSignal.timeout'
  | 'AbortController + setTimeout'
  | 'signal without timer'
  | 'timer race, no signal';

/** The timeout styles that pass a signal to fetch. */
export type SignalTimeoutStyle = Exclude<TimeoutStyle, 'timer race, no signal'>;

function timeoutSignal(style: SignalTimeoutStyle): { signal: AbortSignal; clear(): void } {
  if (style === 'AbortSignal.timeout') {
    return { signal: AbortSignal.timeout(timeoutMs), clear: () => undefined };
  }
  if (style === 'signal without timer') {
    return { signal: new AbortController().signal, clear: () => undefined };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('timed out', 'TimeoutError'));
  }, timeoutMs);
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
    },
  };
}

/** Settings of {@link openapiFetchVariant}. */
export interface OpenapiFetchVariant {
  /** Send through {@link LightRequest} and {@link lightFetch} instead of undici's `Request`. */
  light: boolean;
  /** Validate each 200 body with this Ajv function. */
  validate?: ValidateFunction;
  /** Bound each request with a timeout signal made this way. */
  timeout?: SignalTimeoutStyle;
}

function describeVariant(variant: OpenapiFetchVariant): string {
  const parts = [variant.light ? 'openapi-fetch, light Request' : 'openapi-fetch, default'];
  if (variant.validate) parts.push('Ajv');
  if (variant.timeout) parts.push(variant.timeout);
  return parts.join(' + ');
}

/** Builds a contender that sends with openapi-fetch's `GET`, configured by `variant`. */
export function openapiFetchVariant(baseUrl: string, variant: OpenapiFetchVariant): Contender {
  const client = createClient<paths>({
    baseUrl,
    headers,
    ...(variant.light ? lightRequestOptions : {}),
  });
  const name = describeVariant(variant);
  return {
    name,
    request: async () => {
      const timeout = variant.timeout ? timeoutSignal(variant.timeout) : undefined;
      try {
        const { data, response } = await client.GET('/clients', {
          params: { query },
          ...(timeout ? { signal: timeout.signal } : {}),
        });
        checkStatus(name, response);
        return variant.validate ? validated(name, variant.validate, data) : data;
      } finally {
        timeout?.clear();
      }
    },
  };
}

/** Settings of {@link openapiFetchUrlOnly} and {@link rawFetchVariant}. */
export interface DirectFetchVariant {
  validate?: ValidateFunction;
  timeout?: TimeoutStyle;
}

function suffix(variant: DirectFetchVariant): string {
  return (variant.validate ? ' + Ajv' : '') + (variant.timeout ? ` + ${variant.timeout}` : '');
}

/** Rejects when `work` takes longer than the timeout, without cancelling it. */
async function raceTimer<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new DOMException('timed out', 'TimeoutError'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchJson(name: string, url: string, variant: DirectFetchVariant): Promise<unknown> {
  if (variant.timeout === 'timer race, no signal') {
    return raceTimer(fetchJson(name, url, { ...variant, timeout: undefined }));
  }
  const timeout = variant.timeout ? timeoutSignal(variant.timeout) : undefined;
  try {
    const response = await fetch(url, timeout ? { headers, signal: timeout.signal } : { headers });
    checkStatus(name, response);
    const body: unknown = await response.json();
    return variant.validate ? validated(name, variant.validate, body) : body;
  } finally {
    timeout?.clear();
  }
}

/**
 * openapi-fetch only serializes the URL (its exported `createFinalURL` and
 * `createQuerySerializer`), then one `fetch(url, init)` and `response.json()`.
 */
export function openapiFetchUrlOnly(baseUrl: string, variant: DirectFetchVariant = {}): Contender {
  const querySerializer = createQuerySerializer();
  const name = `openapi-fetch URL + fetch${suffix(variant)}`;
  return {
    name,
    request: () => {
      const url = createFinalURL('/clients', {
        baseUrl,
        params: { query },
        querySerializer,
        pathSerializer: defaultPathSerializer,
      });
      return fetchJson(name, url, variant);
    },
  };
}

/** Raw fetch with validation or a timeout signal: the cost of each alone. */
export function rawFetchVariant(baseUrl: string, variant: DirectFetchVariant): Contender {
  const url = `${baseUrl}/clients?page=1&page_size=${PAGE_SIZE}`;
  const name = `raw fetch${suffix(variant)}`;
  return { name, request: () => fetchJson(name, url, variant) };
}
