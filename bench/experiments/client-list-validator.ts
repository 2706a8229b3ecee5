import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import {
  buildSchemaDocument,
  loadOpenApiDocument,
  schemaDocumentId,
} from '../../scripts/lib/openapi-document.js';

/**
 * Compiles an Ajv validator for the `ClientList` schema of openapi.yaml.
 * Ajv's standalone output is the source of this same compiled function,
 * so its cost per call matches a validator that the client ships.
 */
export function compileClientListValidator(
  options: { allErrors?: boolean } = {},
): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: options.allErrors ?? false });
  ajv.addSchema(buildSchemaDocument(loadOpenApiDocument()));
  return ajv.compile({ $ref: `${schemaDocumentId}#/$defs/ClientList` });
}
