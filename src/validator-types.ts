import type { ClientList, ListClientsQuery } from './types.js';

/** One schema violation, as Ajv reports it. */
export interface SchemaViolation {
  /** JSON Pointer to the invalid value, for example `/clients/0/id`. */
  instancePath: string;
  /** The schema keyword that failed, for example `minimum` or `type`. */
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A generated Ajv validator: a type guard that stores its violations in `errors`. */
export interface GeneratedValidator<T> {
  (data: unknown): data is T;
  errors?: SchemaViolation[] | null;
}

export type ClientListValidator = GeneratedValidator<ClientList>;
export type QueryValidator = GeneratedValidator<ListClientsQuery>;
