import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Each build removes only its own files, because tsup runs both at once.
    clean: ['!cli.*'],
    target: 'node20',
    outDir: 'dist',
  },
  {
    // The `fatora` command (package.json `bin`): ESM only, no types.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: ['!index.*'],
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
