import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Minified and gzipped sizes of the bundles compared, in bytes. */
export interface BundleSizes {
  client: BundleSize;
  openapiFetch: BundleSize;
  axios: BundleSize;
}

/** Sizes of one bundle, in bytes. */
export interface BundleSize {
  minifiedBytes: number;
  gzipBytes: number;
}

const rootDir = fileURLToPath(new URL('..', import.meta.url));

/** Entry points, as module source, each exporting what an application imports. */
const entries = {
  client: "export * from './src/index.ts';",
  openapiFetch: "export { default as createClient } from 'openapi-fetch';",
  axios: "export { default as axios } from 'axios';",
} as const;

/**
 * Bundles one entry for browsers with esbuild (ES module, ES2022, minified,
 * tree-shaken) and gzips it with zlib at level 9. The same settings apply to
 * every entry. `platform: 'browser'` makes axios use its browser adapters,
 * as a front-end bundle would.
 */
async function measure(source: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: rootDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for the entry: ${source}`);
  const code = output.contents;
  return { minifiedBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** Measures the client, openapi-fetch alone and axios with identical esbuild settings. */
export async function measureBundleSizes(): Promise<BundleSizes> {
  return {
    client: await measure(entries.client),
    openapiFetch: await measure(entries.openapiFetch),
    axios: await measure(entries.axios),
  };
}
