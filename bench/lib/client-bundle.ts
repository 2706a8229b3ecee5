import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

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

/** Options of {@link bundleClient}. */
export interface BundleOptions {
  /** Module bundled in place of src/request.ts, to measure a prototype of it. */
  requestModule?: string;
}

function swapRequestModule(requestModule: string): Plugin {
  return {
    name: 'swap-request-module',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\/request\.js$/ }, (args) =>
        args.importer.endsWith('/src/client.ts') ? { path: requestModule } : undefined,
      );
    },
  };
}

/**
 * Bundles src/index.ts with its dependencies for Node 20 into a temporary
 * directory. The in-process contenders and the child processes then run the
 * same compiled JavaScript, and the children need no TypeScript loader,
 * whose worker thread would add to their peak RSS.
 */
export async function bundleClient(options: BundleOptions = {}): Promise<ClientBundle> {
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
    plugins: options.requestModule ? [swapRequestModule(options.requestModule)] : [],
  });
  return {
    path,
    load: () => import(pathToFileURL(path).href) as Promise<ClientModule>,
    remove: () => {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
