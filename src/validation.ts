/**
 * Checks query parameters and response bodies with the Ajv validators that
 * `npm run generate` compiles from openapi.yaml, so the runtime checks are
 * exactly the published contract.
 */
import { validateClientList, validateListClientsQuery } from '../generated/validators.js';
import { FatoraValidationError } from './errors.js';
import type { ListClientsQuery } from './types.js';
import type { SchemaViolation } from './validator-types.js';

/** The query parameters of `GET /clients`. Type-checking fails here when the spec renames one. */
export const QUERY_PARAMETER_NAMES = [
  'keyword',
  'email',
  'page',
  'page_size',
] as const satisfies ReadonlyArray<keyof ListClientsQuery>;

/** Rejects query parameters that break their schema in openapi.yaml, before anything is sent. */
export function checkQuery(query: unknown): ListClientsQuery {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new FatoraValidationError('query', query, 'must be an object of query parameters');
  }
  if (validateListClientsQuery(query)) return query;

  const violation = validateListClientsQuery.errors?.[0];
  if (!violation) throw new FatoraValidationError('query', query, 'does not match openapi.yaml');

  if (violation.keyword === 'additionalProperties') {
    const name = String(violation.params.additionalProperty);
    throw new FatoraValidationError(
      name,
      (query as Record<string, unknown>)[name],
      `is not a query parameter of GET /clients; use one of ${QUERY_PARAMETER_NAMES.join(', ')}`,
    );
  }
  const name = violation.instancePath.replace(/^\//, '');
  throw new FatoraValidationError(
    name,
    (query as Record<string, unknown>)[name],
    describeRule(violation),
  );
}

function describeRule(violation: SchemaViolation): string {
  if (violation.keyword === 'type') return `must be of type ${String(violation.params.type)}`;
  return violation.message ?? `breaks the ${violation.keyword} rule`;
}

/** Formats up to three schema violations as one line, for example `/clients/0/id must be integer`. */
export function describeViolations(violations: readonly SchemaViolation[]): string {
  const described = violations.slice(0, 3).map((violation) => {
    const where = violation.instancePath === '' ? 'body' : violation.instancePath;
    return `${where} ${violation.message ?? `breaks ${violation.keyword}`}`;
  });
  const more = violations.length > 3 ? ` (and ${violations.length - 3} more)` : '';
  return described.join('; ') + more;
}

/** Returns undefined when the body is a valid 200 body, or a description of what is wrong. */
export function findClientListViolations(body: unknown): string | undefined {
  if (validateClientList(body)) return undefined;
  return describeViolations(validateClientList.errors ?? []);
}
