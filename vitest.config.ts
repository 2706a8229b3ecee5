import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'contract-tests/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser test has its own config and command: npm run test:docs.
    exclude: ['test/reference-docs/**', '**/node_modules/**'],
    globalSetup: ['contract-tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
