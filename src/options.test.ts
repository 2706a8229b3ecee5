import { describe, expect, it } from 'vitest';
import { FatoraValidationError } from './errors.js';
import {
  checkBaseUrl,
  checkToken,
  DEFAULTS,
  resolveClientOptions,
  resolvePaginationOptions,
  resolveRequestOptions,
} from './options.js';

function validationError(run: () => unknown): FatoraValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FatoraValidationError);
    return error as FatoraValidationError;
  }
  throw new Error('expected a FatoraValidationError');
}

describe('resolveClientOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveClientOptions({ token: 't' });
    expect(resolved.baseUrl).toBe(DEFAULTS.baseUrl);
    expect(resolved.basePath).toBe('/v1');
    expect(resolved.timeoutMs).toBe(30_000);
    expect(resolved.timeoutChosen).toBe(false);
    expect(resolved.maxRetries).toBe(2);
    expect(resolved.validateResponses).toBe(true);
    expect(resolved.fetch).toBe(globalThis.fetch);
    expect(resolved.logger).toBeUndefined();
  });

  it('rejects an unknown option and lists the known ones', () => {
    const error = validationError(() => resolveClientOptions({ token: 't', retries: 3 }));
    expect(error.parameter).toBe('retries');
    expect(error.message).toContain(
      'use one of token, baseUrl, timeoutMs, maxRetries, validateResponses, fetch, logger',
    );
  });

  it('rejects a missing options object', () => {
    expect(validationError(() => resolveClientOptions(undefined)).parameter).toBe('options');
  });

  it('rejects invalid numbers', () => {
    expect(validationError(() => resolveClientOptions({ token: 't', timeoutMs: 0 })).rule).toBe(
      'must be an integer >= 1',
    );
    expect(validationError(() => resolveClientOptions({ token: 't', maxRetries: -1 })).rule).toBe(
      'must be an integer >= 0',
    );
    expect(
      validationError(() => resolveClientOptions({ token: 't', maxRetries: 1.5 })).parameter,
    ).toBe('maxRetries');
  });

  it('rejects a timeout beyond the timer range', () => {
    const error = validationError(() => resolveClientOptions({ token: 't', timeoutMs: 2 ** 31 }));
    expect(error.parameter).toBe('timeoutMs');
    expect(error.rule).toContain('at most 2147483647');
    expect(resolveClientOptions({ token: 't', timeoutMs: 2 ** 31 - 1 }).timeoutMs).toBe(
      2 ** 31 - 1,
    );
    const client = resolveClientOptions({ token: 't' });
    expect(
      validationError(() => resolveRequestOptions({ timeoutMs: 1e10 }, client)).parameter,
    ).toBe('timeoutMs');
  });

  it('shows NaN as NaN', () => {
    const error = validationError(() => resolveClientOptions({ token: 't', timeoutMs: NaN }));
    expect(error.message).toBe('Invalid timeoutMs: NaN must be an integer >= 1.');
    expect(error.value).toBeNaN();
  });

  it('rejects a logger without debug and warn', () => {
    const error = validationError(() =>
      resolveClientOptions({ token: 't', logger: { info: console.info } }),
    );
    expect(error.parameter).toBe('logger');
  });

  it('accepts a token function unchecked', () => {
    expect(resolveClientOptions({ token: () => 't' }).token).toBeTypeOf('function');
  });
});

describe('checkToken', () => {
  it('rejects missing, empty and non-string tokens without echoing them', () => {
    for (const token of [undefined, '', 42, null]) {
      const error = validationError(() => checkToken(token));
      expect(error.parameter).toBe('token');
      expect(error.value).toBeUndefined();
    }
  });

  it('rejects whitespace and control characters', () => {
    const error = validationError(() => checkToken('abc.def\n'));
    expect(error.message).not.toContain('abc.def');
    expect(error.rule).toContain('whitespace');
  });

  it('accepts a JWT', () => {
    expect(checkToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln')).toBe(
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
    );
  });
});

describe('checkBaseUrl', () => {
  it('strips trailing slashes', () => {
    expect(checkBaseUrl('https://api.example.com/v1///')).toEqual({
      baseUrl: 'https://api.example.com/v1',
      basePath: '/v1',
    });
  });

  it('allows http only on loopback hosts', () => {
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:8080/v1', 'http://[::1]:9/v1']) {
      expect(() => checkBaseUrl(url), url).not.toThrow();
    }
    for (const url of ['http://api.fatora.io/v1', 'http://10.0.0.1/v1', 'ftp://example.com']) {
      expect(validationError(() => checkBaseUrl(url)).parameter, url).toBe('baseUrl');
    }
  });

  it('hides the password of a rejected URL', () => {
    const error = validationError(() => checkBaseUrl('https://user:hunter2@example.com/v1'));
    expect(error.message).not.toContain('hunter2');
    expect(error.value).toBe('https://user:REDACTED@example.com/v1');
  });

  it('rejects credentials, queries and relative URLs', () => {
    expect(validationError(() => checkBaseUrl('https://user:pw@example.com/v1')).rule).toContain(
      'credentials',
    );
    expect(validationError(() => checkBaseUrl('https://example.com/v1?x=1')).rule).toContain(
      'query string',
    );
    expect(validationError(() => checkBaseUrl('/v1')).rule).toContain('absolute URL');
  });
});

describe('per-call options', () => {
  const client = resolveClientOptions({ token: 't', timeoutMs: 500 });

  it('inherit the client settings', () => {
    expect(resolveRequestOptions(undefined, client)).toEqual({
      signal: undefined,
      timeoutMs: 500,
      timeoutChosen: true,
      maxRetries: 2,
    });
  });

  it('override the client settings', () => {
    const settings = resolveRequestOptions({ timeoutMs: 50, maxRetries: 0 }, client);
    expect(settings.timeoutMs).toBe(50);
    expect(settings.maxRetries).toBe(0);
  });

  it('reject unknown keys and a non-signal', () => {
    expect(validationError(() => resolveRequestOptions({ timeout: 5 }, client)).parameter).toBe(
      'timeout',
    );
    expect(validationError(() => resolveRequestOptions({ signal: {} }, client)).parameter).toBe(
      'signal',
    );
  });

  it('check pagination limits', () => {
    expect(resolvePaginationOptions({ maxItems: 3 }, client).maxItems).toBe(3);
    expect(resolvePaginationOptions(undefined, client).maxPages).toBe(Number.POSITIVE_INFINITY);
    expect(validationError(() => resolvePaginationOptions({ maxPages: 0 }, client)).parameter).toBe(
      'maxPages',
    );
  });
});
