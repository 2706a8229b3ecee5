import type { components, operations } from '../generated/openapi.js';

/** A client of the merchant, as the API returns it. */
export type Client = components['schemas']['Client'];

/** One page of clients: the 200 body of `GET /clients`. */
export type ClientList = components['schemas']['ClientList'];

/** The error body that the provider documents for non-2xx responses. */
export type ErrorBody = components['schemas']['Error'];

/** Query parameters of `GET /clients`, with the spec's snake_case names. */
export type ListClientsQuery = NonNullable<operations['listClients']['parameters']['query']>;
