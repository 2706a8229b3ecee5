import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as publicApi from './index.js';
import {
  errorForStatus,
  FatoraApiError,
  FatoraAuthenticationError,
  FatoraBadRequestError,
  FatoraConnectionError,
  FatoraError,
  FatoraNotFoundError,
  FatoraRateLimitError,
  FatoraServerError,
  FatoraTimeoutError,
  FatoraValidationError,
  type ApiErrorDetails,
} from './errors.js';

const context = { method: 'GET', path: '/v1/clients' };

function details(status: number): ApiErrorDetails {
  return {
    ...context,
    status,
    errorCode: String(status),
    description: 'described',
    body: { status: 'ERROR', error: { error_code: String(status), description: 'described' } },
    headers: { 'content-type': 'application/json' },
  };
}

describe('errorForStatus', () => {
  it('picks the class for each status', () => {
    expect(errorForStatus(details(400))).toBeInstanceOf(FatoraBadRequestError);
    expect(errorForStatus(details(401))).toBeInstanceOf(FatoraAuthenticationError);
    expect(errorForStatus(details(404))).toBeInstanceOf(FatoraNotFoundError);
    expect(errorForStatus(details(429))).toBeInstanceOf(FatoraRateLimitError);
    expect(errorForStatus(details(500))).toBeInstanceOf(FatoraServerError);
    expect(errorForStatus(details(503))).toBeInstanceOf(FatoraServerError);
  });

  it('falls back to FatoraApiError', () => {
    const error = errorForStatus(details(418));
    expect(error.constructor).toBe(FatoraApiError);
    expect(error).toBeInstanceOf(FatoraError);
  });

  it('names the class in error.name', () => {
    expect(errorForStatus(details(401)).name).toBe('FatoraAuthenticationError');
    expect(errorForStatus(details(418)).name).toBe('FatoraApiError');
  });
});

describe('error messages', () => {
  it('put failure, request, description and hint in order', () => {
    expect(errorForStatus(details(401)).message).toBe(
      'GET /v1/clients failed with status 401: described. ' +
        "Pass a valid token from the provider's Authorize endpoint.",
    );
  });

  it('omit a missing description', () => {
    const error = errorForStatus({ ...details(502), description: undefined });
    expect(error.message).toBe(
      'GET /v1/clients failed with status 502. Retry later; the failure is on the server side.',
    );
  });

  it('name the cause of a connection error', () => {
    const cause = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    const error = new FatoraConnectionError(context, cause);
    expect(error.message).toBe(
      'GET /v1/clients failed: no response (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9). ' +
        'Check the network connection and baseUrl.',
    );
    expect(error.cause).toBe(cause);
  });

  it('state the timeout', () => {
    expect(new FatoraTimeoutError(context, 250).message).toBe(
      'GET /v1/clients timed out after 250 ms. Retry later, or raise timeoutMs.',
    );
  });

  it('show the invalid value and the rule', () => {
    const error = new FatoraValidationError('page', 0, 'must be >= 1');
    expect(error.message).toBe('Invalid page: 0 must be >= 1.');
    expect(error.parameter).toBe('page');
    expect(error.value).toBe(0);
    expect(error.rule).toBe('must be >= 1');
  });

  it('never show a secret value', () => {
    const error = new FatoraValidationError('token', 'secret-value', 'is bad', { secret: true });
    expect(error.message).toBe('Invalid token: is bad.');
    expect(error.value).toBeUndefined();
  });
});

describe('README error table', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Retries'));
  const documented = [...section.matchAll(/^\| `(Fatora\w+Error)` \|/gm)].map((match) => match[1]);

  const exported = Object.entries(publicApi)
    .filter(([, value]) => typeof value === 'function' && value.prototype instanceof FatoraError)
    .map(([name]) => name);

  it('lists every exported error class', () => {
    expect([...documented].sort()).toEqual([...exported].sort());
  });
});
