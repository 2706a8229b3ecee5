/**
 * What the contract tests read from openapi.yaml: the documented responses
 * of `GET /clients`, their examples, and Ajv validators for their schemas.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import {
  buildSchemaDocument,
  loadOpenApiDocument,
  resolveReference,
  toStandaloneSchema,
  type OpenApiParameter,
  type OpenApiResponse,
} from '../../scripts/lib/openapi-document.js';

export const spec = loadOpenApiDocument();
export const listClients = spec.paths['/clients']!.get!;

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(buildSchemaDocument(spec));

/** A response of `GET /clients` as documented, keyed by status code or `default`. */
export interface DocumentedResponse {
  status: string;
  response: OpenApiResponse;
  validate: ValidateFunction;
  examples: Array<{ name: string; value: unknown }>;
}

export const documentedResponses: DocumentedResponse[] = Object.entries(listClients.responses).map(
  ([status, reference]) => {
    const response = resolveReference(spec, reference);
    const media = response.content?.['application/json'];
    if (!media)
      throw new Error(`Response ${status} of GET /clients has no application/json content`);
    return {
      status,
      response,
      validate: ajv.compile(toStandaloneSchema(media.schema)),
      examples: Object.entries(media.examples ?? {}).map(([name, example]) => ({
        name,
        value: example.value,
      })),
    };
  },
);

/** Returns the documented response for an HTTP status, falling back to `default`. */
export function responseFor(status: number): DocumentedResponse | undefined {
  return (
    documentedResponses.find((documented) => documented.status === String(status)) ??
    documentedResponses.find((documented) => documented.status === 'default')
  );
}

export const successResponse = responseFor(200)!;

export const queryParameters: OpenApiParameter[] = listClients.parameters
  .map((parameter) => resolveReference<OpenApiParameter>(spec, parameter))
  .filter((parameter) => parameter.in === 'query');

/** Formats Ajv's errors so a failed assertion shows where the body deviates. */
export function describeErrors(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

/** Wraps `fetch` so that every request carries Prism's `Prefer` header. */
export function fetchWithPrefer(prefer: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('Prefer', prefer);
    return fetch(request);
  };
}
