import { defineConfig } from 'vitest/config';

/** Browser test of the built reference page, run by `npm run test:docs`. */
export default defineConfig({
  test: {
    include: ['test/reference-docs/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
