/**
 * fatora-client: a typed client for `GET /v1/clients` of the Fatora API,
 * generated from and checked against openapi.yaml.
 */
export { createFatoraClient } from './client.js';
export type { FatoraClient, ListAllClientsQuery } from './client.js';
export { DEFAULT_BASE_URL, DEFAULTS } from './options.js';
export type {
  FatoraClientOptions,
  FatoraLogger,
  PaginationOptions,
  RequestOptions,
  TokenSource,
} from './options.js';
export {
  FatoraError,
  FatoraApiError,
  FatoraBadRequestError,
  FatoraAuthenticationError,
  FatoraNotFoundError,
  FatoraRateLimitError,
  FatoraServerError,
  FatoraConnectionError,
  FatoraTimeoutError,
  FatoraValidationError,
  FatoraResponseError,
  errorForStatus,
} from './errors.js';
export type { ApiErrorDetails, RequestContext } from './errors.js';
export { RETRYABLE_STATUSES } from './retry-policy.js';
export { QUERY_PARAMETER_NAMES } from './validation.js';
export type { Client, ClientList, ErrorBody, ListClientsQuery } from './types.js';
export type { paths, components, operations } from '../generated/openapi.js';
