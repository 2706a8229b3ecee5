/**
 * Compares the operations of two OpenAPI documents: which operations,
 * parameters, request bodies and response statuses exist, and the schemas
 * behind each of them.
 */
import { compareSchemas, type Direction } from './compare-schemas.js';
import { rules, type SpecChange } from './rules.js';
import { asObject, resolveFully, type JsonObject } from './schema-walk.js';

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface DocumentPair {
  base: JsonObject;
  head: JsonObject;
  changes: SpecChange[];
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: unknown;
}

function parameterKey(parameter: Parameter): string {
  return `${parameter.in} ${parameter.name}`;
}

function listOperations(
  document: JsonObject,
): Map<string, { pathItem: JsonObject; operation: JsonObject }> {
  const operations = new Map<string, { pathItem: JsonObject; operation: JsonObject }>();
  for (const [path, value] of Object.entries(asObject(document.paths) ?? {})) {
    const pathItem = resolveFully(document, value) ?? {};
    for (const method of httpMethods) {
      const operation = asObject(pathItem[method]);
      if (operation) operations.set(`${method.toUpperCase()} ${path}`, { pathItem, operation });
    }
  }
  return operations;
}

/** Path-level parameters, overridden by operation-level ones with the same name and location. */
function listParameters(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  const entries: unknown[] = [
    ...(Array.isArray(pathItem.parameters) ? (pathItem.parameters as unknown[]) : []),
    ...(Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : []),
  ];
  for (const entry of entries) {
    const parameter = resolveFully(document, entry);
    if (typeof parameter?.name !== 'string' || typeof parameter.in !== 'string') continue;
    const normalized: Parameter = {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true || parameter.in === 'path',
      schema: parameter.schema,
    };
    parameters.set(parameterKey(normalized), normalized);
  }
  return parameters;
}

function push(
  pair: DocumentPair,
  rule: SpecChange['rule'],
  location: string,
  detail?: string,
): void {
  pair.changes.push({ rule, location, ...(detail === undefined ? {} : { detail }) });
}

function compareSchemaPair(
  pair: DocumentPair,
  direction: Direction,
  prefix: string,
  base: unknown,
  head: unknown,
) {
  compareSchemas(
    {
      base: pair.base,
      head: pair.head,
      direction,
      prefix,
      changes: pair.changes,
      visited: new Set(),
    },
    base,
    head,
    '',
  );
}

function compareParameters(
  pair: DocumentPair,
  location: string,
  base: Map<string, Parameter>,
  head: Map<string, Parameter>,
) {
  const removed = [...base.values()].filter((parameter) => !head.has(parameterKey(parameter)));
  const added = [...head.values()].filter((parameter) => !base.has(parameterKey(parameter)));
  const describe = (parameter: Parameter) =>
    `${location} ${parameter.in} parameter ${parameter.name}`;

  // One parameter removed and one added in the same location reads as a rename.
  const [from] = removed;
  const [to] = added;
  if (removed.length === 1 && added.length === 1 && from?.in === to?.in && from && to) {
    push(pair, rules.parameterRenamed, describe(from), `${from.name} -> ${to.name}`);
  } else {
    for (const parameter of removed) push(pair, rules.parameterRemoved, describe(parameter));
    for (const parameter of added) {
      const rule = parameter.required ? rules.requiredParameterAdded : rules.optionalParameterAdded;
      push(pair, rule, describe(parameter));
    }
  }

  for (const [key, before] of base) {
    const after = head.get(key);
    if (!after) continue;
    if (!before.required && after.required)
      push(pair, rules.parameterBecameRequired, describe(after));
    if (before.required && !after.required)
      push(pair, rules.parameterBecameOptional, describe(after));
    compareSchemaPair(pair, 'request', describe(after), before.schema, after.schema);
  }
}

function compareContent(
  pair: DocumentPair,
  direction: Direction,
  prefix: string,
  base: JsonObject | undefined,
  head: JsonObject | undefined,
): void {
  const baseContent = asObject(base?.content) ?? {};
  const headContent = asObject(head?.content) ?? {};
  const removedRule =
    direction === 'response' ? rules.responseMediaTypeRemoved : rules.requestMediaTypeRemoved;
  for (const [mediaType, media] of Object.entries(baseContent)) {
    const headMedia = headContent[mediaType];
    if (headMedia === undefined) {
      push(pair, removedRule, prefix, mediaType);
      continue;
    }
    compareSchemaPair(
      pair,
      direction,
      prefix,
      asObject(media)?.schema,
      asObject(headMedia)?.schema,
    );
  }
}

function compareRequestBodies(
  pair: DocumentPair,
  location: string,
  base: JsonObject,
  head: JsonObject,
) {
  const before = resolveFully(pair.base, base.requestBody);
  const after = resolveFully(pair.head, head.requestBody);
  if (after?.required === true && before?.required !== true)
    push(pair, rules.requestBodyBecameRequired, `${location} request body`);
  if (before && after) compareContent(pair, 'request', `${location} request body`, before, after);
}

function compareResponses(
  pair: DocumentPair,
  location: string,
  base: JsonObject,
  head: JsonObject,
) {
  const baseResponses = asObject(base.responses) ?? {};
  const headResponses = asObject(head.responses) ?? {};
  for (const status of Object.keys(baseResponses)) {
    if (!(status in headResponses))
      push(pair, rules.responseStatusRemoved, `${location} ${status}`);
  }
  for (const status of Object.keys(headResponses)) {
    if (!(status in baseResponses)) push(pair, rules.responseStatusAdded, `${location} ${status}`);
  }
  for (const status of Object.keys(baseResponses).filter((key) => key in headResponses)) {
    const before = resolveFully(pair.base, baseResponses[status]);
    const after = resolveFully(pair.head, headResponses[status]);
    compareContent(pair, 'response', `${location} ${status}`, before, after);
  }
}

/** Appends the changes between the operations of `base` and `head` to `changes`. */
export function compareOperations(base: JsonObject, head: JsonObject, changes: SpecChange[]): void {
  const pair: DocumentPair = { base, head, changes };
  const baseOperations = listOperations(base);
  const headOperations = listOperations(head);

  for (const location of baseOperations.keys()) {
    if (!headOperations.has(location)) push(pair, rules.operationRemoved, location);
  }
  for (const location of headOperations.keys()) {
    if (!baseOperations.has(location)) push(pair, rules.operationAdded, location);
  }

  for (const [location, before] of baseOperations) {
    const after = headOperations.get(location);
    if (!after) continue;
    compareParameters(
      pair,
      location,
      listParameters(base, before.pathItem, before.operation),
      listParameters(head, after.pathItem, after.operation),
    );
    compareRequestBodies(pair, location, before.operation, after.operation);
    compareResponses(pair, location, before.operation, after.operation);
  }
}
