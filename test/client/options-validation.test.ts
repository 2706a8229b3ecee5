import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFatoraClient,
  FatoraValidationError,
  type FatoraClientOptions,
  type ListClientsQuery,
  type PaginationOptions,
} from '../../src/index.js';
import {
  clientListBody,
  jsonFault,
  startFaultServer,
  type FaultServer,
} from '../support/fault-server.js';
import { expectErrorClass, rejectionOf } from '../support/outcomes.js';

const token = 'validation-test-token';
const queryNames = 'keyword, email, page, page_size';
const clientOptionNames = 'token, baseUrl, timeoutMs, maxRetries, validateResponses, fetch, logger';

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer(jsonFault(200, clientListBody()));
});

afterEach(async () => {
  await server.close();
});

/** Expected fields of a FatoraValidationError, and its full message. */
interface Expected {
  parameter: string;
  value: unknown;
  rule: string;
  message: string;
}

function expectValidationError(error: unknown, expected: Expected): void {
  const validation = expectErrorClass(error, FatoraValidationError);
  expect(validation.parameter).toBe(expected.parameter);
  expect(validation.value).toEqual(expected.value);
  expect(validation.rule).toBe(expected.rule);
  expect(validation.message).toBe(expected.message);
}

function construct(options: unknown): unknown {
  try {
    return createFatoraClient(options as FatoraClientOptions);
  } catch (error) {
    return error;
  }
}

const queryCases: Array<[string, Record<string, unknown>, Expected]> = [
  [
    'page 0',
    { page: 0 },
    { parameter: 'page', value: 0, rule: 'must be >= 1', message: 'Invalid page: 0 must be >= 1.' },
  ],
  [
    'page_size -5',
    { page_size: -5 },
    {
      parameter: 'page_size',
      value: -5,
      rule: 'must be >= 1',
      message: 'Invalid page_size: -5 must be >= 1.',
    },
  ],
  [
    'page 1.5',
    { page: 1.5 },
    {
      parameter: 'page',
      value: 1.5,
      rule: 'must be of type integer',
      message: 'Invalid page: 1.5 must be of type integer.',
    },
  ],
  [
    "page 'x'",
    { page: 'x' },
    {
      parameter: 'page',
      value: 'x',
      rule: 'must be of type integer',
      message: 'Invalid page: "x" must be of type integer.',
    },
  ],
  [
    'keyword 5',
    { keyword: 5 },
    {
      parameter: 'keyword',
      value: 5,
      rule: 'must be of type string',
      message: 'Invalid keyword: 5 must be of type string.',
    },
  ],
  [
    'unknown key',
    { pageSize: 10 },
    {
      parameter: 'pageSize',
      value: 10,
      rule: `is not a query parameter of GET /clients; use one of ${queryNames}`,
      message: `Invalid pageSize: 10 is not a query parameter of GET /clients; use one of ${queryNames}.`,
    },
  ],
];

describe('query parameters', () => {
  it.each(queryCases)('list rejects %s', async (_name, query, expected) => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = await rejectionOf(fatora.clients.list(query));

    expectValidationError(error, expected);
    expect(server.requests).toHaveLength(0);
  });

  it.each(queryCases)('listAll rejects %s', async (_name, query, expected) => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = await rejectionOf(
      (async () => {
        for await (const client of fatora.clients.listAll(query)) {
          expect.unreachable(`listAll yielded client ${client.id}`);
        }
      })(),
    );

    expectValidationError(error, expected);
    expect(server.requests).toHaveLength(0);
  });

  it('query that is not an object', async () => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = await rejectionOf(fatora.clients.list('page=2' as ListClientsQuery));

    expectValidationError(error, {
      parameter: 'query',
      value: 'page=2',
      rule: 'must be an object of query parameters',
      message: 'Invalid query: "page=2" must be an object of query parameters.',
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('token', () => {
  const tokenRule =
    "must be a non-empty string (got %s); pass the JWT from the provider's Authorize endpoint";
  const whitespaceRule =
    'contains whitespace or characters that are not printable ASCII; trim it before passing it';

  it.each([
    ['missing', { baseUrl: 'https://api.example.com/v1' }, tokenRule.replace('%s', 'undefined')],
    ['empty', { token: '' }, tokenRule.replace('%s', 'an empty string')],
    ['a number', { token: 42 }, tokenRule.replace('%s', 'number')],
    ['with a newline', { token: 'abc\ndef' }, whitespaceRule],
    ['with a space', { token: 'abc def' }, whitespaceRule],
    ['non-ASCII', { token: 'tökén' }, whitespaceRule],
  ])('token %s is rejected', (_name, options, rule) => {
    const error = construct({ baseUrl: server.url, ...options });

    expectValidationError(error, {
      parameter: 'token',
      value: undefined,
      rule,
      message: `Invalid token: ${rule}.`,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('token function returning empty fails per call', async () => {
    const fatora = createFatoraClient({ token: () => '', baseUrl: server.url });

    const error = await rejectionOf(fatora.clients.list());

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe('token');
    expect(validation.value).toBeUndefined();
    expect(validation.rule).toContain('(got an empty string)');
    expect(server.requests).toHaveLength(0);
  });

  it('token function returning a newline fails per call', async () => {
    const fatora = createFatoraClient({
      token: () => Promise.resolve('abc\r\nX-Injected: 1'),
      baseUrl: server.url,
    });

    const error = await rejectionOf(fatora.clients.list());

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe('token');
    expect(validation.rule).toBe(
      'contains whitespace or characters that are not printable ASCII; trim it before passing it',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('client options', () => {
  const cases: Array<[string, Record<string, unknown>, Omit<Expected, 'message'>]> = [
    [
      'unknown option',
      { retries: 3 },
      {
        parameter: 'retries',
        value: undefined,
        rule: `is not a known client option; use one of ${clientOptionNames}`,
      },
    ],
    [
      'negative timeoutMs',
      { timeoutMs: -1 },
      { parameter: 'timeoutMs', value: -1, rule: 'must be an integer >= 1' },
    ],
    [
      'timeoutMs 0',
      { timeoutMs: 0 },
      { parameter: 'timeoutMs', value: 0, rule: 'must be an integer >= 1' },
    ],
    [
      'fractional maxRetries',
      { maxRetries: 1.5 },
      { parameter: 'maxRetries', value: 1.5, rule: 'must be an integer >= 0' },
    ],
    [
      'negative maxRetries',
      { maxRetries: -1 },
      { parameter: 'maxRetries', value: -1, rule: 'must be an integer >= 0' },
    ],
    [
      'validateResponses as a string',
      { validateResponses: 'yes' },
      { parameter: 'validateResponses', value: 'yes', rule: 'must be true or false' },
    ],
    [
      'fetch that is not a function',
      { fetch: 'fetch' },
      {
        parameter: 'fetch',
        value: 'fetch',
        rule: 'must be a function with the signature of fetch',
      },
    ],
    [
      'logger without warn',
      { logger: { debug: 'x' } },
      {
        parameter: 'logger',
        value: { debug: 'x' },
        rule: 'must be an object with debug and warn methods, such as console',
      },
    ],
    [
      'relative baseUrl',
      { baseUrl: 'api.fatora.io/v1' },
      {
        parameter: 'baseUrl',
        value: 'api.fatora.io/v1',
        rule: 'is not an absolute URL, for example https://api.fatora.io/v1',
      },
    ],
    [
      'baseUrl with credentials',
      { baseUrl: 'https://user:pass@api.example.com/v1' },
      {
        parameter: 'baseUrl',
        value: 'https://user:REDACTED@api.example.com/v1',
        rule: 'must not contain credentials; pass the token separately',
      },
    ],
    [
      'baseUrl with a query',
      { baseUrl: 'https://api.example.com/v1?page=1' },
      {
        parameter: 'baseUrl',
        value: 'https://api.example.com/v1?page=1',
        rule: 'must not contain a query string or fragment',
      },
    ],
  ];

  it.each(cases)('%s is rejected', (_name, options, expected) => {
    const error = construct({ token, baseUrl: server.url, ...options });

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe(expected.parameter);
    expect(validation.value).toEqual(expected.value);
    expect(validation.rule).toBe(expected.rule);
    expect(validation.message).toMatch(new RegExp(`^Invalid ${expected.parameter}: `));
    expect(validation.message.endsWith(`${expected.rule}.`)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('unknown option message omits its value', () => {
    const error = construct({ token, baseUrl: server.url, retries: 3 });

    expect((error as Error).message).toBe(
      `Invalid retries: is not a known client option; use one of ${clientOptionNames}.`,
    );
  });

  it('options that are not an object', () => {
    const error = construct('validation-test-token');

    expectValidationError(error, {
      parameter: 'options',
      value: 'validation-test-token',
      rule: 'must be an object',
      message: 'Invalid options: "validation-test-token" must be an object.',
    });
  });
});

describe('request and pagination options', () => {
  const requestCases: Array<[string, Record<string, unknown>, Omit<Expected, 'message'>]> = [
    [
      'unknown request option',
      { retries: 1 },
      {
        parameter: 'retries',
        value: undefined,
        rule: 'is not a known request option; use one of signal, timeoutMs, maxRetries',
      },
    ],
    [
      'negative timeoutMs',
      { timeoutMs: -5 },
      { parameter: 'timeoutMs', value: -5, rule: 'must be an integer >= 1' },
    ],
    [
      'negative maxRetries',
      { maxRetries: -1 },
      { parameter: 'maxRetries', value: -1, rule: 'must be an integer >= 0' },
    ],
    [
      'signal that is not an AbortSignal',
      { signal: { aborted: false } },
      { parameter: 'signal', value: { aborted: false }, rule: 'must be an AbortSignal' },
    ],
  ];

  it.each(requestCases)('list rejects %s', async (_name, options, expected) => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = await rejectionOf(fatora.clients.list({}, options));

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe(expected.parameter);
    expect(validation.value).toEqual(expected.value);
    expect(validation.rule).toBe(expected.rule);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['maxItems 0', { maxItems: 0 }, 'maxItems', 'must be an integer >= 1'],
    ['maxPages 0', { maxPages: 0 }, 'maxPages', 'must be an integer >= 1'],
    [
      'unknown option',
      { limit: 5 },
      'limit',
      'is not a known pagination option; use one of signal, timeoutMs, maxRetries, maxItems, maxPages',
    ],
  ])('listAll rejects %s', async (_name, options, parameter, rule) => {
    const fatora = createFatoraClient({ token, baseUrl: server.url });

    const error = await rejectionOf(
      (async () => {
        for await (const client of fatora.clients.listAll({}, options as PaginationOptions)) {
          expect.unreachable(`listAll yielded client ${client.id}`);
        }
      })(),
    );

    const validation = expectErrorClass(error, FatoraValidationError);
    expect(validation.parameter).toBe(parameter);
    expect(validation.rule).toBe(rule);
    expect(server.requests).toHaveLength(0);
  });
});
