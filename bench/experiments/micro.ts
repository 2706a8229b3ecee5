/**
 * Micro-benchmarks of the steps that openapi-fetch and a production client
 * add to a raw `fetch(url, init)` + `response.json()`, without network.
 * Run with `npm run bench:micro`. Each operation runs three times, each
 * time in a fresh child process, so that one operation's garbage and
 * listeners cannot slow the next. A run reports the median of 7 timed
 * batches after a warm-up, and the table shows the median of the runs.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import createClient, {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  mergeHeaders,
} from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import { syntheticClient } from '../../test/support/fault-server.js';
import { bundleClient } from '../lib/client-bundle.js';
import { median } from '../lib/stats.js';
import { formatTable } from '../lib/table.js';
import { compileClientListValidator } from './client-list-validator.js';
import { lightRequestOptions } from './variants.js';

const baseUrl = 'http://127.0.0.1:8080/v1';
const url = `${baseUrl}/clients?page=1&page_size=20`;
const headers = { Authorization: 'Bearer bench-token', 'Content-Type': 'application/json' };
const query = { page: 1, page_size: 20 };
const page = {
  status: 'SUCCESS',
  clients: Array.from({ length: 20 }, (_, index) => syntheticClient(index + 1)),
  total: 1000,
  page: 1,
  page_size: 20,
};
const body = JSON.stringify(page);
const batches = 7;
const batchMs = 60;

type Operation = () => unknown;

async function nanosPerOperation(operation: Operation, isAsync: boolean): Promise<number> {
  const run = async (count: number) => {
    const start = process.hrtime.bigint();
    if (isAsync) for (let index = 0; index < count; index++) await operation();
    else for (let index = 0; index < count; index++) operation();
    return Number(process.hrtime.bigint() - start) / count;
  };
  const estimate = await run(2_000);
  const count = Math.max(100, Math.round((batchMs * 1e6) / estimate));
  const samples: number[] = [];
  for (let batch = 0; batch < batches; batch++) samples.push(await run(count));
  return median(samples);
}

function jsonResponse(): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}

/** Resolves at once with the page, so that a GET measures only the client's own work. */
function instantFetch(): Promise<Response> {
  return Promise.resolve(jsonResponse());
}

const validate = compileClientListValidator();
const validateAllErrors = compileClientListValidator({ allErrors: true });
const querySerializer = createQuerySerializer();
const defaultClient = createClient<paths>({ baseUrl, headers, fetch: instantFetch });
const lightClient = createClient<paths>({
  baseUrl,
  headers,
  ...lightRequestOptions,
  fetch: instantFetch,
});

/** `fatora.clients.list` on an instant fetch: the client's own work per call, without network. */
async function fatoraOnInstantFetch(validateResponses: boolean): Promise<Operation> {
  const bundle = await bundleClient();
  const { createFatoraClient } = await bundle.load();
  bundle.remove();
  const fatora = createFatoraClient({
    token: 'bench-token',
    baseUrl,
    validateResponses: validateResponses,
    fetch: instantFetch,
  });
  return () => fatora.clients.list(query);
}

/** An operation, or a set-up step that builds it in the child process that measures it. */
type OperationSource = Operation | { prepare: () => Promise<Operation> };

const operations: Array<[string, OperationSource, boolean]> = [
  ['new Request(url, { headers })', () => new Request(url, { headers }), false],
  [
    'new Request(url, { headers, signal })',
    () => new Request(url, { headers, signal: new AbortController().signal }),
    false,
  ],
  [
    'new Request(new Request(url, { headers })), as fetch(request) does',
    () => new Request(new Request(url, { headers })),
    false,
  ],
  [
    'new Request(url, { headers: new Headers(object) })',
    () => new Request(url, { headers: new Headers(headers) }),
    false,
  ],
  ['new Headers(object)', () => new Headers(headers), false],
  ['mergeHeaders(object), openapi-fetch', () => mergeHeaders(headers), false],
  [
    'createFinalURL + querySerializer, openapi-fetch',
    () =>
      createFinalURL('/clients', {
        baseUrl,
        params: { query },
        querySerializer,
        pathSerializer: defaultPathSerializer,
      }),
    false,
  ],
  ['new URL(url)', () => new URL(url), false],
  ['new Response(body)', jsonResponse, false],
  ['new Response(body).json()', () => jsonResponse().json(), true],
  [
    'new Response(body).text() + JSON.parse',
    async () => JSON.parse(await jsonResponse().text()) as unknown,
    true,
  ],
  ['JSON.parse(body), 20 clients', () => JSON.parse(body) as unknown, false],
  ['Ajv validate, 20 clients', () => validate(page), false],
  ['Ajv validate (allErrors), 20 clients', () => validateAllErrors(page), false],
  ['AbortSignal.timeout(30000)', () => AbortSignal.timeout(30_000), false],
  [
    'AbortController + setTimeout + clearTimeout',
    () => {
      const timeoutController = new AbortController();
      const timer = setTimeout(() => {
        timeoutController.abort();
      }, 30_000);
      clearTimeout(timer);
      return timeoutController.signal;
    },
    false,
  ],
  [
    'AbortSignal.any([signal, signal])',
    () => AbortSignal.any([new AbortController().signal, new AbortController().signal]),
    false,
  ],
  [
    'openapi-fetch GET, default, instant fetch',
    () => defaultClient.GET('/clients', { params: { query } }),
    true,
  ],
  [
    'openapi-fetch GET, light Request, instant fetch',
    () => lightClient.GET('/clients', { params: { query } }),
    true,
  ],
  [
    'instant fetch + response.json(), the floor',
    async () => (await (await instantFetch()).json()) as unknown,
    true,
  ],
  ['fatora list, instant fetch, validated', { prepare: () => fatoraOnInstantFetch(true) }, true],
  ['fatora list, instant fetch, unvalidated', { prepare: () => fatoraOnInstantFetch(false) }, true],
];

const runs = 3;
const operationFlag = process.argv.indexOf('--operation');

function measureInChild(index: number): number {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--operation', String(index)],
    { encoding: 'utf8' },
  );
  return Number(output.trim());
}

if (operationFlag === -1) {
  const rows = operations.map(([name], index) => {
    const samples = Array.from({ length: runs }, () => measureInChild(index));
    return [
      name,
      median(samples).toFixed(0),
      `${Math.min(...samples).toFixed(0)}-${Math.max(...samples).toFixed(0)}`,
    ];
  });
  console.log(formatTable(['operation', 'ns/op', 'range of runs'], rows));
} else {
  const selected = operations[Number(process.argv[operationFlag + 1])];
  if (!selected) {
    throw new Error(
      `Operation ${process.argv[operationFlag + 1]} not found: use 0 to ${operations.length - 1}.`,
    );
  }
  const [, source, isAsync] = selected;
  const operation = typeof source === 'function' ? source : await source.prepare();
  console.log(await nanosPerOperation(operation, isAsync));
}
