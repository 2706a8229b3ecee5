/**
 * Property tests in the spirit of Schemathesis: query inputs are generated
 * from the parameter schemas in openapi.yaml. Valid inputs must succeed
 * through the client, invalid ones must get a documented 4xx, and every
 * response must have a documented status, content type and body.
 */
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { createFatoraClient, FatoraValidationError, type ListClientsQuery } from '../src/index.js';
import type { OpenApiParameter } from '../scripts/lib/openapi-document.js';
import {
  describeErrors,
  documentedResponses,
  queryParameters,
  responseFor,
  successResponse,
} from './support/spec.js';

const baseUrl = inject('prismUrl');
const token = 'contract-test-token';
const runs = 60;

type QueryValue = string | number;

/** Values that satisfy a parameter's schema. */
function validValues(parameter: OpenApiParameter): fc.Arbitrary<QueryValue> {
  const { type, minimum } = parameter.schema;
  if (type === 'integer')
    return fc.integer({ min: typeof minimum === 'number' ? minimum : -1e9, max: 1e9 });
  if (type === 'string') return fc.string({ unit: 'grapheme', maxLength: 40 });
  throw new Error(`No generator for parameter ${parameter.name} of type ${JSON.stringify(type)}`);
}

/** Values that violate a parameter's schema, or undefined when every string is valid. */
function invalidValues(parameter: OpenApiParameter): fc.Arbitrary<QueryValue> | undefined {
  const { type, minimum } = parameter.schema;
  if (type !== 'integer') return undefined;

  const belowMinimum =
    typeof minimum === 'number' ? [fc.integer({ min: -1e9, max: minimum - 1 })] : [];
  return fc.oneof(
    ...belowMinimum,
    fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
      .filter((value) => !Number.isInteger(value)),
    fc.string({ minLength: 1, maxLength: 10 }).filter((value) => !/^-?\d+$/.test(value.trim())),
  );
}

const validQuery = fc.record(
  Object.fromEntries(queryParameters.map((parameter) => [parameter.name, validValues(parameter)])),
  { requiredKeys: [] },
) as fc.Arbitrary<ListClientsQuery>;

const invalidQuery = fc
  .constantFrom(...queryParameters.filter((parameter) => invalidValues(parameter) !== undefined))
  .chain((parameter) =>
    fc
      .tuple(fc.constant(parameter.name), invalidValues(parameter)!, validQuery)
      .map(([name, value, rest]) => ({
        ...rest,
        [name]: value,
      })),
  );

const invalidNames = queryParameters
  .filter((parameter) => invalidValues(parameter) !== undefined)
  .map((parameter) => parameter.name);

const documentedStatuses = new Set(documentedResponses.map((documented) => documented.status));

describe('generated queries', () => {
  const fatora = createFatoraClient({ token, baseUrl });

  it('valid queries return a schema-valid 200', async () => {
    await fc.assert(
      fc.asyncProperty(validQuery, async (query) => {
        const { data, response } = await fatora.raw.GET('/clients', { params: { query } });

        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(successResponse.validate(data), describeErrors(successResponse.validate)).toBe(true);
        await expect(fatora.clients.list(query)).resolves.toEqual(data);
      }),
      { numRuns: runs },
    );
  });

  it('invalid queries return a documented 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(invalidQuery, async (query) => {
        const { error, response } = await fatora.raw.GET('/clients', {
          params: { query: query },
        });

        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(documentedStatuses.has(String(response.status))).toBe(true);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        const documented = responseFor(response.status)!;
        expect(documented.validate(error), describeErrors(documented.validate)).toBe(true);

        // The client checks the same schemas before sending, so it rejects the query itself.
        const thrown = await fatora.clients.list(query).catch((reason: unknown) => reason);
        expect(thrown).toBeInstanceOf(FatoraValidationError);
        expect(invalidNames).toContain((thrown as FatoraValidationError).parameter);
      }),
      { numRuns: runs },
    );
  });
});
