/**
 * This file is generated from openapi.yaml by `npm run generate` (scripts/generate.ts).
 * Do not edit it by hand: change openapi.yaml and run `npm run generate` again.
 */
import type { ClientListValidator, QueryValidator } from '../src/validator-types.js';

/** Validates a 200 body of `GET /clients` against `#/components/schemas/ClientList`. */
export declare const validateClientList: ClientListValidator;

/** Validates `GET /clients` query parameters against their schemas in openapi.yaml. */
export declare const validateListClientsQuery: QueryValidator;
