/**
 * Compares two versions of one schema (a parameter, request body or
 * response body) and lists each change with the rule that classifies it.
 */
import { isDeepStrictEqual } from 'node:util';
import { rules, type SpecChange } from './rules.js';
import {
  acceptsType,
  allowedTypes,
  allowedValues,
  asObject,
  followReference,
  formatTypes,
  type JsonObject,
} from './schema-walk.js';

/** Whether the schema describes data that the client sends or receives. */
export type Direction = 'request' | 'response';

/** Shared state of one schema comparison. */
export interface SchemaComparison {
  base: JsonObject;
  head: JsonObject;
  direction: Direction;
  /** Location of the schema's root, for example `GET /clients 200`. */
  prefix: string;
  changes: SpecChange[];
  /** `$ref` pairs on the path being compared, so recursive schemas end. */
  visited: Set<string>;
}

const lowerBoundKeywords = [
  'minimum',
  'exclusiveMinimum',
  'minLength',
  'minItems',
  'minProperties',
];
const upperBoundKeywords = [
  'maximum',
  'exclusiveMaximum',
  'maxLength',
  'maxItems',
  'maxProperties',
];
const compositionKeywords = ['allOf', 'anyOf', 'oneOf', 'not'];

function locate(comparison: SchemaComparison, path: string): string {
  return path === '' ? comparison.prefix : `${comparison.prefix} ${path}`;
}

function report(
  comparison: SchemaComparison,
  rule: SpecChange['rule'],
  path: string,
  detail?: string,
): void {
  comparison.changes.push({
    rule,
    location: locate(comparison, path),
    ...(detail === undefined ? {} : { detail }),
  });
}

function compareTypes(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
) {
  const baseTypes = allowedTypes(base);
  const headTypes = allowedTypes(head);
  const detail = `${formatTypes(baseTypes)} -> ${formatTypes(headTypes)}`;
  const dropped = [...baseTypes].filter((type) => !acceptsType(headTypes, type));
  const gained = [...headTypes].filter((type) => !acceptsType(baseTypes, type));

  if (dropped.includes('null')) report(comparison, rules.nullableRemoved, path, detail);
  const droppedOther = dropped.filter((type) => type !== 'null');
  if (droppedOther.length > 0) {
    report(comparison, rules.typeNarrowed, path, detail);
    return;
  }
  if (gained.length === 0) return;
  const widened =
    comparison.direction === 'response' ? rules.responseTypeWidened : rules.requestTypeWidened;
  report(comparison, widened, path, detail);
}

function compareEnums(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
) {
  const baseValues = allowedValues(base);
  const headValues = allowedValues(head);
  const isResponse = comparison.direction === 'response';
  if (baseValues === undefined && headValues === undefined) return;

  if (baseValues === undefined) {
    report(comparison, rules.enumAdded, path, `values ${JSON.stringify(headValues)}`);
    return;
  }
  if (headValues === undefined) {
    const rule = isResponse ? rules.responseEnumRemoved : rules.requestEnumRemoved;
    report(comparison, rule, path, `was ${JSON.stringify(baseValues)}`);
    return;
  }

  const includes = (values: unknown[], value: unknown) =>
    values.some((candidate) => isDeepStrictEqual(candidate, value));
  for (const value of baseValues.filter((value) => !includes(headValues, value)))
    report(comparison, rules.enumValueRemoved, path, JSON.stringify(value));
  const added = isResponse ? rules.responseEnumValueAdded : rules.requestEnumValueAdded;
  for (const value of headValues.filter((value) => !includes(baseValues, value)))
    report(comparison, added, path, JSON.stringify(value));
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * Tightened bounds are breaking in both directions. Relaxed bounds are not:
 * no generated TypeScript type encodes them, and validation accepts more.
 */
function compareBounds(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
) {
  for (const keyword of lowerBoundKeywords) {
    const before = numberOrUndefined(base[keyword]);
    const after = numberOrUndefined(head[keyword]);
    const detail = `${keyword} ${before ?? 'none'} -> ${after ?? 'none'}`;
    if (after !== undefined && (before === undefined || after > before))
      report(comparison, rules.minimumRaised, path, detail);
    else if (before !== undefined && (after === undefined || after < before))
      report(comparison, rules.minimumLowered, path, detail);
  }
  for (const keyword of upperBoundKeywords) {
    const before = numberOrUndefined(base[keyword]);
    const after = numberOrUndefined(head[keyword]);
    const detail = `${keyword} ${before ?? 'none'} -> ${after ?? 'none'}`;
    if (before === undefined && after !== undefined)
      report(comparison, rules.maximumAdded, path, detail);
    else if (before !== undefined && after !== undefined && after < before)
      report(comparison, rules.maximumLowered, path, detail);
    else if (before !== undefined && (after === undefined || after > before))
      report(comparison, rules.maximumRaised, path, detail);
  }
}

function comparePatterns(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
) {
  const before = typeof base.pattern === 'string' ? base.pattern : undefined;
  const after = typeof head.pattern === 'string' ? head.pattern : undefined;
  if (before === after) return;
  const rule = after === undefined ? rules.patternRemoved : rules.patternChanged;
  report(comparison, rule, path, `${before ?? 'none'} -> ${after ?? 'none'}`);
}

function allowsAdditionalProperties(schema: JsonObject): boolean {
  return schema.additionalProperties !== false;
}

function requiredNames(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

function joinPath(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

/** Pairs one removed and one added property of the same type as a rename. */
function findRename(
  comparison: SchemaComparison,
  baseProperties: JsonObject,
  headProperties: JsonObject,
  removed: string[],
  added: string[],
): { from: string; to: string } | undefined {
  const [from] = removed;
  const [to] = added;
  if (removed.length !== 1 || added.length !== 1 || from === undefined || to === undefined)
    return undefined;
  const before = followReference(comparison.base, baseProperties[from]).target ?? {};
  const after = followReference(comparison.head, headProperties[to]).target ?? {};
  return isDeepStrictEqual(allowedTypes(before), allowedTypes(after)) ? { from, to } : undefined;
}

function reportRemovedAndAdded(
  comparison: SchemaComparison,
  head: JsonObject,
  path: string,
  removed: string[],
  added: string[],
): void {
  const isResponse = comparison.direction === 'response';
  const headRequired = requiredNames(head);
  for (const name of removed) {
    const rule = isResponse ? rules.responseFieldRemoved : rules.requestFieldRemoved;
    report(comparison, rule, joinPath(path, name));
  }
  for (const name of added) {
    let rule: SpecChange['rule'] = rules.responseFieldAdded;
    if (!isResponse)
      rule = headRequired.has(name)
        ? rules.requiredRequestFieldAdded
        : rules.optionalRequestFieldAdded;
    report(comparison, rule, joinPath(path, name));
  }
}

function compareRequired(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
  name: string,
) {
  const wasRequired = requiredNames(base).has(name);
  const isRequired = requiredNames(head).has(name);
  if (wasRequired === isRequired) return;
  const isResponse = comparison.direction === 'response';
  let rule: SpecChange['rule'];
  if (isRequired)
    rule = isResponse ? rules.responseFieldBecameRequired : rules.requestFieldBecameRequired;
  else rule = isResponse ? rules.responseFieldBecameOptional : rules.requestFieldBecameOptional;
  report(comparison, rule, joinPath(path, name));
}

function compareProperties(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
) {
  const baseProperties = asObject(base.properties) ?? {};
  const headProperties = asObject(head.properties) ?? {};
  let removed = Object.keys(baseProperties).filter((name) => !(name in headProperties));
  let added = Object.keys(headProperties).filter((name) => !(name in baseProperties));

  const rename = findRename(comparison, baseProperties, headProperties, removed, added);
  if (rename) {
    const rule =
      comparison.direction === 'response' ? rules.responseFieldRenamed : rules.requestFieldRenamed;
    report(comparison, rule, joinPath(path, rename.from), `${rename.from} -> ${rename.to}`);
    removed = [];
    added = [];
  }
  reportRemovedAndAdded(comparison, head, path, removed, added);

  for (const name of Object.keys(baseProperties).filter((key) => key in headProperties)) {
    compareRequired(comparison, base, head, path, name);
    compareSchemas(comparison, baseProperties[name], headProperties[name], joinPath(path, name));
  }

  if (allowsAdditionalProperties(base) && !allowsAdditionalProperties(head))
    report(comparison, rules.additionalPropertiesForbidden, path);
}

function compareComposition(
  comparison: SchemaComparison,
  base: JsonObject,
  head: JsonObject,
  path: string,
): boolean {
  const used = compositionKeywords.some((keyword) => keyword in base || keyword in head);
  if (!used) return false;
  const same = compositionKeywords.every((keyword) =>
    isDeepStrictEqual(base[keyword], head[keyword]),
  );
  if (!same) report(comparison, rules.compositionChanged, path);
  return true;
}

/**
 * Compares the base and head version of a schema at `path` and appends every
 * change to `comparison.changes`. A `$ref` at the root names the path, as in
 * `ClientList.total`.
 */
export function compareSchemas(
  comparison: SchemaComparison,
  baseValue: unknown,
  headValue: unknown,
  path: string,
): void {
  const before = followReference(comparison.base, baseValue);
  const after = followReference(comparison.head, headValue);
  if (!before.target || !after.target) return;

  if (before.ref !== undefined || after.ref !== undefined) {
    // The pairs on the current path end the walk through a recursive schema.
    const pair = `${before.ref ?? ''}|${after.ref ?? ''}`;
    if (comparison.visited.has(pair)) return;
    comparison.visited.add(pair);
    try {
      compareSchemas(
        comparison,
        before.target,
        after.target,
        path || (after.name ?? before.name ?? ''),
      );
    } finally {
      comparison.visited.delete(pair);
    }
    return;
  }

  const base = before.target;
  const head = after.target;
  if (compareComposition(comparison, base, head, path)) return;
  compareTypes(comparison, base, head, path);
  compareEnums(comparison, base, head, path);
  compareBounds(comparison, base, head, path);
  comparePatterns(comparison, base, head, path);
  compareProperties(comparison, base, head, path);
  if ('items' in base || 'items' in head)
    compareSchemas(comparison, base.items, head.items, `${path}[]`);
}
