/**
 * Fails when openapi.yaml's info.version and package.json's version differ.
 *
 *   npm run check:version
 *   npm run check:version -- --spec <file> --package <file>
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { rootDir, specPath } from './lib/openapi-document.js';
import { findVersionMismatch } from './lib/version-match.js';

function optionValue(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : process.argv[index + 1];
  return value === undefined ? fallback : resolve(value);
}

function main(): number {
  const spec = parse(readFileSync(optionValue('--spec', specPath), 'utf8')) as {
    info?: { version?: unknown };
  };
  const packageJson = JSON.parse(
    readFileSync(optionValue('--package', resolve(rootDir, 'package.json')), 'utf8'),
  ) as { version?: unknown };

  const mismatch = findVersionMismatch(spec.info?.version, packageJson.version);
  if (mismatch !== undefined) {
    console.error(mismatch);
    return 1;
  }
  console.log(
    `Versions match: openapi.yaml and package.json are both ${String(packageJson.version)}.`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`check:version failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
