/** Loads the spec pairs under test/fixtures/spec-diff/. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { rootDir } from '../../scripts/lib/openapi-document.js';

/** Folder of the spec:diff fixtures; `base.yaml` is the base of most pairs. */
export const fixtureDir = resolve(rootDir, 'test/fixtures/spec-diff');

/** Parses the fixture `<name>.yaml`. */
export function loadFixture(name: string): unknown {
  return parse(readFileSync(resolve(fixtureDir, `${name}.yaml`), 'utf8'));
}
