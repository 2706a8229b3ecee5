/**
 * Helpers for reading JSON Schemas inside an OpenAPI 3.x document: local
 * `$ref` resolution and the set of JSON types that a schema allows.
 */

/** A JSON Schema or OpenAPI object as parsed from YAML. */
export type JsonObject = Record<string, unknown>;

const allJsonTypes = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** Returns `value` as an object, or `undefined` for anything else. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** Follows a local `$ref` such as `#/components/schemas/Client`, once. */
export function followReference(
  document: JsonObject,
  value: unknown,
): { target: JsonObject | undefined; name?: string; ref?: string } {
  const object = asObject(value);
  const ref = object?.$ref;
  if (typeof ref !== 'string') return { target: object };
  if (!ref.startsWith('#/'))
    throw new Error(
      `Cannot resolve $ref ${ref}: spec:diff follows only local references (#/...). ` +
        'Bundle the spec into one file first.',
    );

  let target: unknown = document;
  for (const segment of ref.slice(2).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    target = asObject(target)?.[key];
  }
  if (target === undefined)
    throw new Error(`Cannot resolve $ref ${ref}: no such path in the spec. Fix the reference.`);
  return { target: asObject(target), name: ref.split('/').pop(), ref };
}

/** Follows `$ref` chains until it reaches an object without one. */
export function resolveFully(document: JsonObject, value: unknown): JsonObject | undefined {
  let current = asObject(value);
  for (let depth = 0; depth < 32 && typeof current?.$ref === 'string'; depth++)
    current = followReference(document, current).target;
  return current;
}

/**
 * Returns the JSON types that a schema allows: its `type` (a string or a
 * list), or all types when it has none, plus `null` for OpenAPI 3.0's
 * `nullable: true`.
 */
export function allowedTypes(schema: JsonObject): Set<string> {
  const { type } = schema;
  let types: string[];
  if (typeof type === 'string') types = [type];
  else if (Array.isArray(type)) types = type.filter((entry) => typeof entry === 'string');
  else types = allJsonTypes;

  const result = new Set(types);
  if (schema.nullable === true) result.add('null');
  return result;
}

/** Returns whether a type set accepts values of `type`; `number` accepts every integer. */
export function acceptsType(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** Formats a type set as `string | null`, or `any` when it allows every type. */
export function formatTypes(types: Set<string>): string {
  if (allJsonTypes.every((type) => types.has(type))) return 'any';
  return [...types].sort().join(' | ');
}

/** Returns the allowed values of a schema's `enum` or `const`, or `undefined` when it has neither. */
export function allowedValues(schema: JsonObject): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}
