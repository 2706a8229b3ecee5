/**
 * Finds changes to the parts of an OpenAPI document that only document the
 * API: descriptions, summaries, titles and examples. None of them breaks a
 * caller, but the report lists them so that no change goes unreviewed.
 */
import { isDeepStrictEqual } from 'node:util';
import { rules, type SpecChange } from './rules.js';
import { asObject } from './schema-walk.js';

const documentationKeywords = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
]);

/** Keywords whose keys are names chosen by the author, such as property names. */
const nameMapKeywords = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'securitySchemes',
  'paths',
  'content',
]);

/** Formats a path as `paths["/clients"].get.parameters[0].description`. */
function formatPath(path: string[]): string {
  let text = '';
  for (const segment of path) {
    if (/^\d+$/.test(segment)) text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function walk(
  base: unknown,
  head: unknown,
  path: string[],
  keysAreNames: boolean,
  changes: SpecChange[],
): void {
  if (Array.isArray(base) && Array.isArray(head)) {
    const length = Math.min(base.length, head.length);
    for (let index = 0; index < length; index++)
      walk(base[index], head[index], [...path, String(index)], false, changes);
    return;
  }

  const before = asObject(base);
  const after = asObject(head);
  if (!before || !after) return;

  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!keysAreNames && documentationKeywords.has(key)) {
      if (!isDeepStrictEqual(before[key], after[key]))
        changes.push({ rule: rules.documentationChanged, location: formatPath([...path, key]) });
      continue;
    }
    const childKeysAreNames = !keysAreNames && nameMapKeywords.has(key);
    walk(before[key], after[key], [...path, key], childKeysAreNames, changes);
  }
}

/** Appends one change for each documentation field that differs between `base` and `head`. */
export function compareDocumentation(base: unknown, head: unknown, changes: SpecChange[]): void {
  walk(base, head, [], false, changes);
}
