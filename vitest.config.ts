import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'contract-tests/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser test (npm run test:docs), the live contract suite
    // (npm run contract:live) and the package consumer test
    // (npm run test:package) have their own configs.
    exclude: [
      'test/reference-docs/**',
      'contract-tests/live/**',
      'test/package/**',
      '**/node_modules/**',
    ],
    globalSetup: ['contract-tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
