/**
 * Reads the spec violations that `prism proxy --errors` reports for a
 * response: the `sl-violations` header, and the problem+json body that
 * replaces a response that breaks the spec.
 */

/** One violation as Prism reports it. */
export interface Violation {
  /** Path to the offending part, for example `['response', 'body', 'total']`. */
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** `type` of the problem+json body that Prism sends in place of an invalid response. */
const prismViolationsType = 'https://stoplight.io/prism/errors#VIOLATIONS';

function parseViolations(value: unknown): Violation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is Violation =>
      typeof entry === 'object' &&
      entry !== null &&
      Array.isArray((entry as Violation).location) &&
      typeof (entry as Violation).message === 'string',
  );
}

/**
 * Returns the violations of `response`, read from its `sl-violations`
 * header or, when Prism replaced the response, from its problem+json body.
 * Reads the body of a clone, so the caller can still read the original.
 */
export async function readViolations(response: Response): Promise<Violation[]> {
  const header = response.headers.get('sl-violations');
  if (header !== null) return parseViolations(JSON.parse(header));

  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('application/problem+json')) return [];
  const body = (await response.clone().json()) as { type?: unknown; validation?: unknown };
  return body.type === prismViolationsType ? parseViolations(body.validation) : [];
}

/** Formats violations one per line, as `response.body.total: Response body property total must be integer`. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((violation) => `${violation.location.join('.')}: ${violation.message}`)
    .join('\n');
}
