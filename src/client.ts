import createClient, { type Client as OpenApiFetchClient } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import {
  resolveClientOptions,
  resolvePaginationOptions,
  resolveRequestOptions,
  resolveToken,
  type FatoraClientOptions,
  type PaginationOptions,
  type RequestOptions,
} from './options.js';
import { paginate, paginateItems } from './pagination.js';
import { sendListRequest, type RequestEnvironment } from './request.js';
import type { Client, ClientList, ListClientsQuery } from './types.js';
import { checkQuery } from './validation.js';

/** Query of `listPages` and `listAll`: `page` sets the first page, 1 by default. */
export type ListAllClientsQuery = ListClientsQuery;

/** A typed client for the Fatora clients endpoint. */
export interface FatoraClient {
  clients: {
    /**
     * Fetches one page of clients.
     * @throws {FatoraValidationError} before sending, when a parameter breaks its schema.
     * @throws {FatoraApiError} on a non-2xx status, after retries for 408, 429 and 5xx.
     * @throws {FatoraConnectionError | FatoraTimeoutError | FatoraResponseError}
     */
    list(query?: ListClientsQuery, options?: RequestOptions): Promise<ClientList>;
    /**
     * Walks the pages lazily, from `query.page` (default 1) to the last one.
     * @example
     * for await (const page of fatora.clients.listPages({ page_size: 100 })) console.log(page.page, page.total);
     */
    listPages(
      query?: ListAllClientsQuery,
      options?: PaginationOptions,
    ): AsyncGenerator<ClientList, void, undefined>;
    /**
     * Yields every matching client, one at a time, fetching pages as needed.
     * @example
     * for await (const client of fatora.clients.listAll({ keyword: 'acme' }, { maxItems: 500 })) console.log(client.email);
     */
    listAll(
      query?: ListAllClientsQuery,
      options?: PaginationOptions,
    ): AsyncGenerator<Client, void, undefined>;
  };
  /**
   * The underlying openapi-fetch client, typed with the generated `paths`,
   * for requests this wrapper does not cover. It sends the same headers but
   * has no retries, timeout or validation.
   */
  raw: OpenApiFetchClient<paths>;
}

/**
 * Creates a client that sends `Authorization: Bearer <token>` and
 * `Content-Type: application/json` on every request.
 * @throws {FatoraValidationError} when an option is missing, unknown or invalid.
 */
export function createFatoraClient(options: FatoraClientOptions): FatoraClient {
  const resolved = resolveClientOptions(options);
  const environment: RequestEnvironment = {
    options: resolved,
    context: { method: 'GET', path: `${resolved.basePath}/clients` },
    random: Math.random,
  };

  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: resolved.fetch,
    // The provider requires this header on GET too, and openapi-fetch
    // sets it only when a request has a body.
    headers: { 'Content-Type': 'application/json' },
  });
  raw.use({
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${await resolveToken(resolved.token)}`);
      return request;
    },
  });

  return {
    clients: {
      async list(query = {}, requestOptions) {
        const settings = resolveRequestOptions(requestOptions, resolved);
        return sendListRequest(environment, checkQuery(query), settings);
      },
      listPages(query = {}, paginationOptions) {
        const settings = resolvePaginationOptions(paginationOptions, resolved);
        return paginate(
          (page) => sendListRequest(environment, page, settings),
          checkQuery(query),
          settings,
          environment.context,
        );
      },
      listAll(query = {}, paginationOptions) {
        const settings = resolvePaginationOptions(paginationOptions, resolved);
        return paginateItems(
          (page) => sendListRequest(environment, page, settings),
          checkQuery(query),
          settings,
          environment.context,
        );
      },
    },
    raw,
  };
}
