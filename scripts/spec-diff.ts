/**
 * Compares openapi.yaml with its version at a git ref and fails on a
 * breaking change unless info.version's major number went up.
 *
 *   npm run spec:diff                       base: merge base with main, or HEAD~1 on main
 *   npm run spec:diff -- <ref>              base: any branch, tag or commit
 *   npm run spec:diff -- --spec <file> ...  compare another spec file
 *
 * Exit codes: 0 no breaking change (or a new major version), 1 breaking
 * change, 2 invalid arguments or unreadable spec.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { readFileAtCommit, resolveBaseCommit } from './lib/git-base.js';
import { specPath as defaultSpecPath } from './lib/openapi-document.js';
import { diffSpecs } from './lib/spec-diff/diff-specs.js';
import { formatReport } from './lib/spec-diff/format-report.js';

const usage = 'Usage: npm run spec:diff -- [--spec <file>] [<base-ref>]';

class UsageError extends Error {}

function parseArguments(argv: string[]): { specPath: string; baseRef: string | undefined } {
  let specPath = defaultSpecPath;
  const positional: string[] = [];
  const queue = [...argv];
  for (let argument = queue.shift(); argument !== undefined; argument = queue.shift()) {
    if (argument === '--spec') {
      const value = queue.shift();
      if (value === undefined) throw new UsageError('--spec needs a file path.');
      specPath = resolve(value);
    } else if (argument.startsWith('-')) {
      throw new UsageError(`Unknown option ${argument}.`);
    } else {
      positional.push(argument);
    }
  }
  if (positional.length > 1)
    throw new UsageError(
      `Expected at most one base ref, got ${positional.length}: ${positional.join(' ')}.`,
    );
  return { specPath, baseRef: positional[0] };
}

function parseSpec(text: string, source: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(
      `Cannot parse ${source} as YAML: ${(error as Error).message}. Fix the file and run spec:diff again.`,
    );
  }
}

function run(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const { specPath, baseRef } = parseArguments(argv);
  const cwd = dirname(specPath);
  const name = basename(specPath);
  const headText = readFileSync(specPath, 'utf8');

  const base = resolveBaseCommit(baseRef, cwd);
  if ('missing' in base) {
    console.log(
      `spec:diff: nothing to compare ${name} with: ${base.missing}. Pass a base ref to compare with one.`,
    );
    return 0;
  }
  const shortCommit = base.commit.slice(0, 12);
  const baseText = readFileAtCommit(base.commit, name, cwd);
  if (baseText === undefined) {
    console.log(
      `spec:diff: ${name} does not exist at ${base.label} (${shortCommit}), so every operation in it is new.`,
    );
    return 0;
  }

  console.log(`spec:diff: comparing ${name} with ${base.label} (${shortCommit}).`);
  const result = diffSpecs(
    parseSpec(baseText, `${name} at ${shortCommit}`),
    parseSpec(headText, specPath),
  );
  const report = formatReport(result);
  if (result.exitCode === 0) console.log(report);
  else console.error(report);
  return result.exitCode;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`spec:diff failed: ${message}`);
  if (error instanceof UsageError) console.error(usage);
  process.exitCode = 2;
}
