/**
 * Generates the files under generated/ from openapi.yaml.
 *
 *   npm run generate          writes every generated file
 *   npm run generate:check    fails when a committed file differs from a fresh generation
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = resolve(rootDir, 'openapi.yaml');

/** One file that the generator writes, with its full contents. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

function header(commentStart: string, commentLine: string, commentEnd: string): string {
  return [
    commentStart,
    `${commentLine}This file is generated from openapi.yaml by \`npm run generate\` (scripts/generate.ts).`,
    `${commentLine}Do not edit it by hand: change openapi.yaml and run \`npm run generate\` again.`,
    commentEnd,
    '',
  ].join('\n');
}

/** Renders the TypeScript types of every path and schema in openapi.yaml. */
async function generateTypes(): Promise<GeneratedFile> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    exportType: true,
  });
  return {
    path: resolve(rootDir, 'generated/openapi.d.ts'),
    contents: header('/**', ' * ', ' */') + astToString(ast),
  };
}

const generators: Array<() => Promise<GeneratedFile>> = [generateTypes];

/** Runs every generator and returns the files it would write. */
export async function generateAll(): Promise<GeneratedFile[]> {
  return Promise.all(generators.map((generate) => generate()));
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateAll();

  if (check) {
    const stale: string[] = [];
    for (const file of files) {
      if ((await readIfExists(file.path)) !== file.contents)
        stale.push(relative(rootDir, file.path));
    }
    if (stale.length > 0) {
      console.error(
        `Generated files are out of date with openapi.yaml: ${stale.join(', ')}.\n` +
          'Run `npm run generate` and commit the result.',
      );
      process.exitCode = 1;
      return;
    }
    console.log(`Generated files are up to date (${files.length} checked).`);
    return;
  }

  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
    console.log(`Wrote ${relative(rootDir, file.path)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
