/**
 * Runs `redocly build-docs` with this project's redocly.yaml, so a test can
 * build the reference page from any spec file, not only openapi.yaml.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { rootDir } from '../../scripts/lib/openapi-document.js';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
const redoclyBinPath = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** Builds one self-contained HTML page from `specPath` into `outputPath`. */
export async function buildDocs(specPath: string, outputPath: string): Promise<void> {
  const args = [
    redoclyBinPath,
    'build-docs',
    specPath,
    '--output',
    outputPath,
    '--inlineBundle',
    '--config',
    resolve(rootDir, 'redocly.yaml'),
  ];
  try {
    await execFileAsync(process.execPath, args, { cwd: rootDir, timeout: 120_000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `redocly build-docs failed for ${specPath}:\n${stdout}${stderr}\n` +
        'Run the same command by hand to see the full error.',
    );
  }
}
