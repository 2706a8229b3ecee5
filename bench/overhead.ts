import { Agent } from 'node:http';
import axios from 'axios';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { BENCH_TOKEN } from './lib/bench-server.js';
import type { ClientModule } from './lib/client-bundle.js';
import {
  measureNamedOverhead,
  type Contender,
  type ContenderResult,
  type OverheadSettings,
} from './lib/overhead-harness.js';

/** Clients on the page that every contender requests. */
export const PAGE_SIZE = 20;
/** Size of the directory that the page comes from. */
export const DIRECTORY_SIZE = 1_000;

const headers = {
  Authorization: `Bearer ${BENCH_TOKEN}`,
  'Content-Type': 'application/json',
};
const query = { page: 1, page_size: PAGE_SIZE };

/** Raw fetch: the baseline that every ratio divides by. */
export function rawFetchContender(baseUrl: string): Contender {
  const url = `${baseUrl}/clients?page=1&page_size=${PAGE_SIZE}`;
  return {
    name: 'raw fetch',
    request: async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`raw fetch: GET ${url} returned status ${response.status}`);
      return (await response.json()) as unknown;
    },
  };
}

/** Builds a contender that calls `fatora.clients.list` of the bundled client, with or without validation. */
export function fatoraContender(
  client: ClientModule,
  baseUrl: string,
  validate: boolean,
  label = 'fatora',
): Contender {
  const fatora = client.createFatoraClient({
    token: BENCH_TOKEN,
    baseUrl,
    validateResponses: validate,
  });
  return {
    name: `${label}, ${validate ? 'validated' : 'unvalidated'}`,
    request: () => fatora.clients.list(query),
  };
}

function openapiFetchContender(baseUrl: string): Contender {
  const client = createClient<paths>({ baseUrl, headers });
  return {
    name: 'openapi-fetch',
    request: async () => {
      const { data, response } = await client.GET('/clients', { params: { query } });
      if (data === undefined) {
        throw new Error(`openapi-fetch: GET /clients returned status ${response.status}, not 200`);
      }
      return data;
    },
  };
}

function axiosContender(baseUrl: string): Contender {
  const instance = axios.create({
    baseURL: baseUrl,
    headers,
    httpAgent: new Agent({ keepAlive: true }),
  });
  return {
    name: 'axios',
    request: async () => (await instance.get('/clients', { params: query })).data as unknown,
  };
}

/** Results of the request-overhead comparison, by contender. */
export type OverheadResults = Record<
  'rawFetch' | 'validated' | 'unvalidated' | 'openapiFetch' | 'axios',
  ContenderResult
>;

/** Measures `fatora.clients.list` with and without validation, openapi-fetch and axios against raw fetch. */
export async function runOverhead(
  client: ClientModule,
  baseUrl: string,
  settings: Omit<OverheadSettings, 'expectedClients'>,
): Promise<OverheadResults> {
  return measureNamedOverhead(
    {
      rawFetch: rawFetchContender(baseUrl),
      validated: fatoraContender(client, baseUrl, true),
      unvalidated: fatoraContender(client, baseUrl, false),
      openapiFetch: openapiFetchContender(baseUrl),
      axios: axiosContender(baseUrl),
    },
    { ...settings, expectedClients: PAGE_SIZE },
  );
}
