/** Base class of every error that this client throws. */
export class FatoraError extends Error {
  override name = 'FatoraError';
}

/** Fields that describe a non-2xx response. */
export interface FatoraApiErrorDetails {
  method: string;
  path: string;
  status: number;
  errorCode: string | undefined;
  description: string | undefined;
  body: unknown;
}

/**
 * The API answered with a non-2xx status.
 *
 * `errorCode` and `description` come from the documented error body
 * (`error.error_code`, `error.description`) and are `undefined` when the
 * body has another shape.
 */
export class FatoraApiError extends FatoraError {
  override name = 'FatoraApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly description: string | undefined;
  readonly body: unknown;

  constructor(details: FatoraApiErrorDetails) {
    super(formatApiErrorMessage(details));
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.description = details.description;
    this.body = details.body;
  }
}

function formatApiErrorMessage(details: FatoraApiErrorDetails): string {
  const described = details.description === undefined ? '' : `: ${details.description}`;
  return `${details.method} ${details.path} failed with status ${details.status}${described}`;
}
