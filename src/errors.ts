/**
 * The error hierarchy. Every error this package throws extends
 * {@link FatoraError}, except a caller's own abort, which rejects with the
 * signal's reason as `fetch` does. Messages read in a fixed order: what
 * failed, the request (method and path), the details, then what to do.
 */

/** The request an error belongs to. */
export interface RequestContext {
  /** HTTP method, for example `GET`. */
  method: string;
  /** URL path without the query, for example `/v1/clients`. */
  path: string;
}

/** Base class of every error that this client throws. */
export class FatoraError extends Error {
  override name = 'FatoraError';
}

/** Fields of a non-2xx response, as {@link FatoraApiError} stores them. */
export interface ApiErrorDetails extends RequestContext {
  status: number;
  /** `error.error_code` from the documented error body, as a string. */
  errorCode: string | undefined;
  /** `error.description` from the documented error body. */
  description: string | undefined;
  /** The parsed JSON body, or the first 500 characters of a body that is not JSON. */
  body: unknown;
  /** Response headers, with lower-case names. */
  headers: Record<string, string>;
  /** The `Retry-After` header in milliseconds, when the response has a valid one. */
  retryAfterMs?: number | undefined;
}

/**
 * The API responded with a non-2xx status. Subclasses name the common
 * statuses; {@link errorForStatus} picks the class for a status.
 */
export class FatoraApiError extends FatoraError {
  override name = 'FatoraApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly description: string | undefined;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails, hint = 'Check the request against openapi.yaml.') {
    super(formatApiErrorMessage(details, hint));
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.description = details.description;
    this.body = details.body;
    this.headers = details.headers;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 400: the server rejected the query parameters. */
export class FatoraBadRequestError extends FatoraApiError {
  override name = 'FatoraBadRequestError';

  constructor(details: ApiErrorDetails) {
    super(details, 'Fix the query parameters; they must match openapi.yaml.');
  }
}

/** 401: the token is missing, malformed or expired. */
export class FatoraAuthenticationError extends FatoraApiError {
  override name = 'FatoraAuthenticationError';

  constructor(details: ApiErrorDetails) {
    super(details, "Pass a valid token from the provider's Authorize endpoint.");
  }
}

/** 404: the path does not exist, usually because `baseUrl` is wrong. */
export class FatoraNotFoundError extends FatoraApiError {
  override name = 'FatoraNotFoundError';

  constructor(details: ApiErrorDetails) {
    super(details, 'Check baseUrl: it must end in /v1, for example https://api.fatora.io/v1.');
  }
}

/** 429: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class FatoraRateLimitError extends FatoraApiError {
  override name = 'FatoraRateLimitError';

  constructor(details: ApiErrorDetails) {
    super(details, 'Send fewer requests, or wait before retrying.');
  }
}

/** 5xx: the server failed. These are retried; this error means the retries ran out. */
export class FatoraServerError extends FatoraApiError {
  override name = 'FatoraServerError';

  constructor(details: ApiErrorDetails) {
    super(details, 'Retry later; the failure is on the server side.');
  }
}

/** No response arrived: DNS failure, connection refused or reset, TLS failure. */
export class FatoraConnectionError extends FatoraError {
  override name = 'FatoraConnectionError';
  readonly method: string;
  readonly path: string;

  constructor(context: RequestContext, cause: unknown) {
    super(
      `${context.method} ${context.path} failed: no response (${describeCause(cause)}). ` +
        'Check the network connection and baseUrl.',
      { cause },
    );
    this.method = context.method;
    this.path = context.path;
  }
}

/** No response arrived within `timeoutMs`. */
export class FatoraTimeoutError extends FatoraError {
  override name = 'FatoraTimeoutError';
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(context: RequestContext, timeoutMs: number) {
    super(
      `${context.method} ${context.path} timed out after ${timeoutMs} ms. ` +
        'Retry later, or raise timeoutMs.',
    );
    this.method = context.method;
    this.path = context.path;
    this.timeoutMs = timeoutMs;
  }
}

/** An argument or option is invalid. Thrown before any request is sent. */
export class FatoraValidationError extends FatoraError {
  override name = 'FatoraValidationError';
  /** The option or query parameter, for example `page` or `timeoutMs`. */
  readonly parameter: string;
  /** The rejected value; `undefined` for a token, which is never stored. */
  readonly value: unknown;
  /** The rule it breaks, for example `must be >= 1`. */
  readonly rule: string;

  constructor(parameter: string, value: unknown, rule: string, options: { secret?: boolean } = {}) {
    const valueText = options.secret ? '' : ` ${formatValue(value)}`;
    super(`Invalid ${parameter}:${valueText} ${rule}.`);
    this.parameter = parameter;
    this.value = options.secret ? undefined : value;
    this.rule = rule;
  }
}

/**
 * A 2xx response that cannot be used: its body is empty, not JSON, or
 * violates the spec, or pagination found a page that repeats an earlier one.
 */
export class FatoraResponseError extends FatoraError {
  override name = 'FatoraResponseError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Description of the problem with the body. */
  readonly reason: string;
  /** The parsed body, or the first 500 characters of a body that is not JSON. */
  readonly body: unknown;

  constructor(
    context: RequestContext & { status: number; body: unknown },
    reason: string,
    hint = 'The server does not match openapi.yaml. Report it to the provider, or pass ' +
      'validateResponses: false to accept such bodies.',
  ) {
    super(
      `${context.method} ${context.path} returned an invalid ${context.status} response: ${reason}. ${hint}`,
    );
    this.method = context.method;
    this.path = context.path;
    this.status = context.status;
    this.reason = reason;
    this.body = context.body;
  }
}

/** Creates the {@link FatoraApiError} subclass that matches a status. */
export function errorForStatus(details: ApiErrorDetails): FatoraApiError {
  if (details.status === 400) return new FatoraBadRequestError(details);
  if (details.status === 401) return new FatoraAuthenticationError(details);
  if (details.status === 404) return new FatoraNotFoundError(details);
  if (details.status === 429) return new FatoraRateLimitError(details);
  if (details.status >= 500) return new FatoraServerError(details);
  return new FatoraApiError(details);
}

function formatApiErrorMessage(details: ApiErrorDetails, hint: string): string {
  const described = details.description === undefined ? '' : `: ${details.description}`;
  return `${details.method} ${details.path} failed with status ${details.status}${described}. ${hint}`;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause;
  if (inner instanceof Error) {
    const code = (inner as NodeJS.ErrnoException).code;
    return code ? `${code}: ${inner.message}` : inner.message;
  }
  return cause.message;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  // JSON.stringify would print NaN and Infinity as null.
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  try {
    // JSON.stringify returns undefined for symbols, although its declared return type is string.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
