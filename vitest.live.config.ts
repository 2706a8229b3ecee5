import { defineConfig } from 'vitest/config';

/**
 * Live contract suite, run by `npm run contract:live` against a Prism proxy
 * in front of the provider. It needs FATORA_LIVE_PROXY_URL and FATORA_TOKEN.
 */
export default defineConfig({
  test: {
    include: ['contract-tests/live/**/*.test.ts'],
    testTimeout: 30_000,
    // Files run one after another and the tests in a file run in order, so
    // the provider receives one request at a time.
    fileParallelism: false,
  },
});
