import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The module that src/index.ts exports. */
export type ClientModule = typeof import('../../src/index.js');

/** The client compiled from src/ into one ES module file. */
export interface ClientBundle {
  /** Absolute path of the bundled module. */
  path: string;
  load(): Promise<ClientModule>;
  remove(): void;
}

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/**
 * Bundles src/index.ts with its dependencies for Node 20 into a temporary
 * directory. The in-process contenders and the child processes then run the
 * same compiled JavaScript, and the children need no TypeScript loader,
 * whose worker thread would add to their peak RSS.
 */
export async function bundleClient(): Promise<ClientBundle> {
  const directory = mkdtempSync(join(tmpdir(), 'fatora-bench-'));
  const path = join(directory, 'fatora-client.mjs');
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  return {
    path,
    load: () => import(pathToFileURL(path).href) as Promise<ClientModule>,
    remove: () => {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
