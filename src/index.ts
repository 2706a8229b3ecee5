export { createFatoraClient, DEFAULT_BASE_URL } from './client.js';
export type { FatoraClient, FatoraClientOptions } from './client.js';
export { FatoraError, FatoraApiError } from './errors.js';
export type { FatoraApiErrorDetails } from './errors.js';
export type { Client, ClientList, ErrorBody, ListClientsQuery } from './types.js';
export type { paths, components, operations } from '../generated/openapi.js';
