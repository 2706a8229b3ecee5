/**
 * Runs the project's tests against the production client with
 * src/request.ts replaced by bench/experiments/direct-request.ts:
 * `npx vitest run --config bench/experiments/vitest.direct-request.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import baseConfig from '../../vitest.config.js';

const prototype = fileURLToPath(new URL('./direct-request.ts', import.meta.url));

export default mergeConfig(
  baseConfig,
  defineConfig({
    plugins: [
      {
        name: 'swap-request-module',
        enforce: 'pre',
        resolveId(source, importer) {
          if (source === './request.js' && importer?.endsWith('/src/client.ts')) return prototype;
          return null;
        },
      },
    ],
  }),
);
