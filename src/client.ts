import createClient, { type Client as OpenApiFetchClient } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { FatoraApiError } from './errors.js';
import type { ClientList, ListClientsQuery } from './types.js';

/** Production base URL of the Fatora API, version 1. */
export const DEFAULT_BASE_URL = 'https://api.fatora.io/v1';

/** Options of {@link createFatoraClient}. */
export interface FatoraClientOptions {
  /** Bearer token (a JWT) from the provider's Authorize endpoint. */
  token: string;
  /**
   * Base URL of the API, including the version path.
   * @default 'https://api.fatora.io/v1'
   */
  baseUrl?: string;
  /**
   * The `fetch` implementation to send requests with.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
}

/** A typed client for the Fatora clients endpoint. */
export interface FatoraClient {
  clients: {
    /** Fetches one page of clients. Throws {@link FatoraApiError} on a non-2xx status. */
    list(query?: ListClientsQuery): Promise<ClientList>;
  };
  /** The underlying openapi-fetch client, for requests this wrapper does not cover. */
  raw: OpenApiFetchClient<paths>;
}

/**
 * Creates a client that sends `Authorization: Bearer <token>` and
 * `Content-Type: application/json` on every request.
 */
export function createFatoraClient(options: FatoraClientOptions): FatoraClient {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const listPath = `${new URL(baseUrl).pathname.replace(/\/+$/, '')}/clients`;
  const raw = createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: {
      Authorization: `Bearer ${options.token}`,
      // The provider requires this header on GET too, and openapi-fetch
      // sets it only when a request has a body.
      'Content-Type': 'application/json',
    },
  });

  return {
    clients: {
      async list(query = {}) {
        const { data, error, response } = await raw.GET('/clients', { params: { query } });
        if (data !== undefined) return data;
        throw toApiError(listPath, response, error);
      },
    },
    raw,
  };
}

function toApiError(path: string, response: Response, body: unknown): FatoraApiError {
  const detail = readErrorDetail(body);
  return new FatoraApiError({
    method: 'GET',
    path,
    status: response.status,
    errorCode: detail.errorCode,
    description: detail.description,
    body,
  });
}

function readErrorDetail(body: unknown): { errorCode?: string; description?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { error_code: errorCode, description } = error as Record<string, unknown>;
  return {
    errorCode: typeof errorCode === 'string' ? errorCode : undefined,
    description: typeof description === 'string' ? description : undefined,
  };
}
