/**
 * Formats the result of a spec comparison for a terminal, one line per
 * change, breaking changes first.
 */
import type { SpecDiffResult } from './diff-specs.js';
import type { SpecChange } from './rules.js';

/** Formats one change as `removed response field: GET /clients 200 ClientList.total [response-field-removed]`. */
export function formatChange(change: SpecChange): string {
  const detail = change.detail === undefined ? '' : ` (${change.detail})`;
  return `${change.rule.title}: ${change.location}${detail} [${change.rule.name}]`;
}

function formatVersions(result: SpecDiffResult): string {
  return `info.version ${result.baseVersion ?? '(none)'} -> ${result.headVersion ?? '(none)'}`;
}

/** Formats the whole report, ending with the verdict. */
export function formatReport(result: SpecDiffResult): string {
  const lines: string[] = [];
  const other = result.changes.filter((change) => !change.rule.breaking);
  for (const change of result.breaking) lines.push(`  BREAKING      ${formatChange(change)}`);
  for (const change of other) lines.push(`  not breaking  ${formatChange(change)}`);

  const count = `${result.changes.length} change(s), ${result.breaking.length} breaking`;
  if (result.changes.length === 0) lines.push('No changes to the API description.');
  else lines.push(`${count}; ${formatVersions(result)}.`);

  if (result.breaking.length === 0) return lines.join('\n');
  if (result.majorVersionRaised) {
    lines.push('The major version went up, so these breaking changes are allowed.');
    return lines.join('\n');
  }
  lines.push(
    'Breaking changes need a new major version: raise the major number of info.version in ' +
      'openapi.yaml (and the version in package.json), or undo the changes listed as BREAKING.',
  );
  return lines.join('\n');
}
