/**
 * Reads openapi.yaml and turns its component schemas into one JSON Schema
 * (draft 2020-12) document, the dialect that OpenAPI 3.1 uses, so that Ajv
 * can validate parameters and bodies against exactly what the spec states.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const specPath = resolve(rootDir, 'openapi.yaml');

/** The JSON Schema `$id` under which the component schemas are registered. */
export const schemaDocumentId = 'https://api.fatora.io/schemas/openapi.json';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = Record<string, JsonValue>;

/** The parts of an OpenAPI 3.1 document that the tests and generators read. */
export interface OpenApiDocument {
  info: { version: string; title: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, OpenApiResponse>;
  };
}

export interface OpenApiOperation {
  operationId: string;
  parameters: Array<OpenApiParameter | { $ref: string }>;
  responses: Record<string, OpenApiResponse | { $ref: string }>;
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema: JsonObject;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: JsonObject; examples?: Record<string, { value: JsonValue }> }>;
}

/** Parses openapi.yaml from disk. */
export function loadOpenApiDocument(path = specPath): OpenApiDocument {
  return parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}

/** Follows a local `$ref` such as `#/components/responses/BadRequest`. */
export function resolveReference<T>(document: OpenApiDocument, value: T | { $ref: string }): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value;

  const segments = value.$ref.replace(/^#\//, '').split('/');
  let target: unknown = document;
  for (const segment of segments) {
    target = (target as Record<string, unknown>)[segment];
    if (target === undefined) throw new Error(`Unresolvable $ref ${value.$ref} in openapi.yaml`);
  }
  return target as T;
}

/** Rewrites `#/components/schemas/X` references to point into the schema document. */
function rewriteReferences(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(rewriteReferences);
  if (typeof value !== 'object' || value === null) return value;

  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] =
      key === '$ref' && typeof child === 'string'
        ? child.replace('#/components/schemas/', `${schemaDocumentId}#/$defs/`)
        : rewriteReferences(child);
  }
  return result;
}

/**
 * Builds a JSON Schema document whose `$defs` are the spec's component
 * schemas, so `${schemaDocumentId}#/$defs/ClientList` names the 200 body.
 */
export function buildSchemaDocument(document: OpenApiDocument): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaDocumentId,
    $defs: rewriteReferences(document.components.schemas),
  };
}

/** Returns a schema that refers to one inline or referenced schema of the spec. */
export function toStandaloneSchema(schema: JsonObject): JsonObject {
  return rewriteReferences(schema) as JsonObject;
}
