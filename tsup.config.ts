import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The builds below run at the same time, so none of them may clean the
// output folder. It is cleared once here, when tsup loads this file.
rmSync('dist', { recursive: true, force: true });

const library: Options = {
  entry: { index: 'src/index.ts' },
  dts: true,
  sourcemap: true,
  clean: false,
  target: 'node20',
  outDir: 'dist',
};

export default defineConfig([
  { ...library, format: ['esm'] },
  {
    ...library,
    format: ['cjs'],
    // In this ES module package, esbuild compiles the default import of
    // openapi-fetch with Node's interop rules. The CommonJS build would then
    // read openapi-fetch's exports object instead of its default function,
    // so it bundles openapi-fetch instead of calling require() on it.
    noExternal: ['openapi-fetch'],
  },
  {
    // The `fatora` command (package.json `bin`): ESM only, no types.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
