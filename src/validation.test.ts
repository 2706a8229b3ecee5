import { describe, expect, expectTypeOf, it } from 'vitest';
import { FatoraValidationError } from './errors.js';
import type { ListClientsQuery } from './types.js';
import { checkQuery, findClientListViolations, QUERY_PARAMETER_NAMES } from './validation.js';

const client = {
  id: 1,
  name: 'Example Client',
  address: '1 Example Street',
  phone: '+10000000001',
  email: 'client@example.com',
  notes: null,
};
const page = { status: 'SUCCESS', clients: [client], total: 1, page: 1, page_size: 20 };

function rejection(query: unknown): FatoraValidationError {
  try {
    checkQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(FatoraValidationError);
    return error as FatoraValidationError;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be rejected`);
}

describe('checkQuery', () => {
  it('accepts the documented parameters', () => {
    const query = { keyword: 'ex', email: 'a+b@example.com', page: 2, page_size: 50 };
    expect(checkQuery(query)).toBe(query);
    expect(checkQuery({})).toEqual({});
    expect(checkQuery({ page: undefined })).toEqual({ page: undefined });
  });

  it.each([
    [{ page: 0 }, 'page', 0, 'must be >= 1'],
    [{ page_size: -5 }, 'page_size', -5, 'must be >= 1'],
    [{ page: 1.5 }, 'page', 1.5, 'must be of type integer'],
    [{ page: 'x' }, 'page', 'x', 'must be of type integer'],
    [{ keyword: 7 }, 'keyword', 7, 'must be of type string'],
    [{ email: null }, 'email', null, 'must be of type string'],
  ])('rejects %j', (query, parameter, value, rule) => {
    const error = rejection(query);
    expect(error.parameter).toBe(parameter);
    expect(error.value).toBe(value);
    expect(error.rule).toBe(rule);
  });

  it('rejects an unknown parameter with the known names', () => {
    const error = rejection({ pageSize: 20 });
    expect(error.parameter).toBe('pageSize');
    expect(error.message).toBe(
      'Invalid pageSize: 20 is not a query parameter of GET /clients; ' +
        'use one of keyword, email, page, page_size.',
    );
  });

  it('rejects a query that is not an object', () => {
    expect(rejection('page=1').parameter).toBe('query');
  });

  it('lists every spec parameter', () => {
    expectTypeOf<(typeof QUERY_PARAMETER_NAMES)[number]>().toEqualTypeOf<keyof ListClientsQuery>();
    expect(QUERY_PARAMETER_NAMES).toEqual(['keyword', 'email', 'page', 'page_size']);
  });
});

describe('findClientListViolations', () => {
  it('accepts a valid page with unknown extra fields', () => {
    expect(findClientListViolations(page)).toBeUndefined();
    expect(
      findClientListViolations({ ...page, next: 'x', clients: [{ ...client, vat: 'X1' }] }),
    ).toBeUndefined();
  });

  it('names the path of each violation', () => {
    const invalid = { ...page, clients: [{ ...client, id: '1' }] };
    expect(findClientListViolations(invalid)).toBe('/clients/0/id must be integer');
  });

  it('reports a missing field', () => {
    const withoutTotal: Record<string, unknown> = { ...page };
    delete withoutTotal.total;
    expect(findClientListViolations(withoutTotal)).toBe("body must have required property 'total'");
  });

  it('caps the list at three violations', () => {
    const invalid = { status: 1, clients: 'none', total: -1, page: 0, page_size: 0 };
    expect(findClientListViolations(invalid)).toMatch(/ \(and 2 more\)$/);
  });
});
