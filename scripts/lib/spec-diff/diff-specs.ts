/**
 * Compares two parsed OpenAPI 3.x documents and decides whether the head
 * version may be released without a new major version.
 */
import { compareDocumentation } from './compare-documentation.js';
import { compareOperations } from './compare-operations.js';
import type { SpecChange } from './rules.js';
import { asObject, type JsonObject } from './schema-walk.js';

/** The outcome of comparing a base and a head version of a spec. */
export interface SpecDiffResult {
  changes: SpecChange[];
  breaking: SpecChange[];
  baseVersion: string | undefined;
  headVersion: string | undefined;
  /** Whether `info.version`'s major number went up, which allows breaking changes. */
  majorVersionRaised: boolean;
  /** 1 when a breaking change comes without a new major version, else 0. */
  exitCode: 0 | 1;
}

function readVersion(document: JsonObject): string | undefined {
  const version = asObject(document.info)?.version;
  return typeof version === 'string' ? version : undefined;
}

/** Returns the major number of a version such as `1.2.3` or `v2.0.0`, or `undefined`. */
export function majorOf(version: string | undefined): number | undefined {
  const match = version === undefined ? null : /^v?(\d+)(\.|$)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** Lists every change from `base` to `head` and decides the exit code. */
export function diffSpecs(base: unknown, head: unknown): SpecDiffResult {
  const baseDocument = asObject(base);
  const headDocument = asObject(head);
  if (!baseDocument || !headDocument)
    throw new Error(
      'Cannot compare the specs: both versions must be OpenAPI documents (YAML or JSON objects).',
    );

  // NOTE: servers, security requirements, response headers and callbacks are
  // not compared, so a change to them passes unreported.
  const changes: SpecChange[] = [];
  compareOperations(baseDocument, headDocument, changes);
  compareDocumentation(baseDocument, headDocument, changes);

  const breaking = changes.filter((change) => change.rule.breaking);
  const baseVersion = readVersion(baseDocument);
  const headVersion = readVersion(headDocument);
  const baseMajor = majorOf(baseVersion);
  const headMajor = majorOf(headVersion);
  const majorVersionRaised =
    baseMajor !== undefined && headMajor !== undefined && headMajor > baseMajor;

  return {
    changes,
    breaking,
    baseVersion,
    headVersion,
    majorVersionRaised,
    exitCode: breaking.length > 0 && !majorVersionRaised ? 1 : 0,
  };
}
