import {
  FatoraApiError,
  FatoraAuthenticationError,
  FatoraBadRequestError,
  FatoraConnectionError,
  FatoraNotFoundError,
  FatoraRateLimitError,
  FatoraResponseError,
  FatoraServerError,
  FatoraTimeoutError,
  FatoraValidationError,
} from '../index.js';
import { ExitCode } from './exit-codes.js';
import { OutputError } from './output-error.js';
import type { TokenSource } from './token.js';
import { UsageError } from './usage-error.js';

/** Context of a failure that the advice in its message depends on. */
export interface FailureContext {
  baseUrl: string;
  /** Source of the base URL: `--base-url` or `FATORA_BASE_URL`. */
  baseUrlSource: string;
  /** Origin of the token, once it was read. */
  token: TokenSource | undefined;
}

/** The line to print for a failure and the exit code it leads to. */
export interface FailureReport {
  /** The line for stderr, or `undefined` when the failure is not worth a line. */
  message: string | undefined;
  exitCode: number;
  /** Whether to print the usage hint after the message. */
  usage: boolean;
}

/** Client option names and the flags that set them, for validation messages. */
const flagsByParameter: Record<string, string> = {
  baseUrl: '--base-url',
  timeoutMs: '--timeout',
  maxRetries: '--max-retries',
  page: '--page',
  page_size: '--page-size',
  maxItems: '--max-items',
  keyword: '--keyword',
  email: '--email',
};

/**
 * Describes a failure in one line: what failed, the status and the
 * provider's description where there is one, and what to do.
 */
export function describeFailure(error: unknown, context: FailureContext): FailureReport {
  if (error instanceof UsageError) return usage(error.message);
  if (error instanceof FatoraValidationError) return usage(describeValidation(error, context));
  if (error instanceof OutputError) return describeOutputFailure(error);
  if (error instanceof FatoraApiError) return failure(describeApiFailure(error, context));
  if (error instanceof FatoraConnectionError) {
    const code = describeCause(error.cause);
    return failure(
      `could not connect to ${context.baseUrl}${code}: check --base-url or FATORA_BASE_URL and the network`,
    );
  }
  if (error instanceof FatoraTimeoutError) {
    return failure(
      `no response from ${context.baseUrl} within ${error.timeoutMs} ms: try again later, or raise --timeout`,
    );
  }
  if (error instanceof FatoraResponseError) {
    return failure(
      `invalid response from ${context.baseUrl} (${error.status}): ${error.reason}: check that --base-url points at the Fatora API, or report the response to the provider`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return failure(`unexpected error: ${message}: run again with --debug for the stack trace`);
}

function describeApiFailure(error: FatoraApiError, context: FailureContext): string {
  const status = describeStatus(error);
  if (error instanceof FatoraAuthenticationError) {
    return `token rejected ${status}: ${tokenAdvice(context.token)}`;
  }
  if (error instanceof FatoraNotFoundError) {
    return `clients endpoint not found at ${context.baseUrl} ${status}: check --base-url or FATORA_BASE_URL, which includes the API version, as in https://api.fatora.io/v1`;
  }
  if (error instanceof FatoraRateLimitError) {
    return `rate limit exceeded ${status}: ${describeWait(error.retryAfterMs)}, then run the command again`;
  }
  if (error instanceof FatoraServerError) {
    return `server error ${status}: try again later`;
  }
  if (error.status === 403) {
    return `access denied ${status}: use a token of an account that may read clients`;
  }
  if (error instanceof FatoraBadRequestError) {
    return `request rejected ${status}: check the values of --keyword, --email, --page and --page-size`;
  }
  return `request failed ${status}: check the options and try again`;
}

function describeWait(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined) return 'wait a minute';
  return `wait ${Math.ceil(retryAfterMs / 1000)} s, as the server requests`;
}

function describeStatus(error: FatoraApiError): string {
  const description = error.description?.trim();
  return description ? `(${error.status}, "${description}")` : `(${error.status})`;
}

function tokenAdvice(token: TokenSource | undefined): string {
  if (token?.origin === 'file') return `write a valid token into --token-file ${token.path ?? ''}`;
  return 'set FATORA_TOKEN to a valid token';
}

function describeValidation(error: FatoraValidationError, context: FailureContext): string {
  const name =
    error.parameter === 'baseUrl'
      ? context.baseUrlSource
      : (flagsByParameter[error.parameter] ?? error.parameter);
  // The client never stores a token's value, so a token error shows only the rule.
  if (error.parameter === 'token') return `invalid token: ${error.rule}`;
  const value = typeof error.value === 'string' ? JSON.stringify(error.value) : String(error.value);
  return `invalid ${name} ${value}: ${error.rule}`;
}

function describeOutputFailure(error: OutputError): FailureReport {
  // The reader of stdout went away, as `fatora ... | head` does: stop quietly.
  if (error.target === 'stdout' && error.code === 'EPIPE') {
    return { message: undefined, exitCode: ExitCode.success, usage: false };
  }
  const where =
    error.target === 'stdout'
      ? 'check the program that reads stdout'
      : 'check that the directory exists, is writable and has free space';
  return failure(`${error.message}: ${where}`);
}

/** Returns the system error code of a fetch failure, such as ` (ECONNREFUSED)`, or its message. */
function describeCause(cause: unknown): string {
  const fetchError = cause as (Error & { code?: unknown; cause?: unknown }) | undefined;
  const systemError = fetchError?.cause as (Error & { code?: unknown }) | undefined;
  const code = fetchError?.code ?? systemError?.code;
  if (typeof code === 'string') return ` (${code})`;
  if (systemError instanceof Error) return ` (${systemError.message})`;
  return '';
}

function usage(message: string): FailureReport {
  return { message, exitCode: ExitCode.usage, usage: true };
}

function failure(message: string): FailureReport {
  return { message, exitCode: ExitCode.failure, usage: false };
}
