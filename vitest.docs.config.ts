import { defineConfig } from 'vitest/config';

/** Browser test of the built reference page, run by `npm run test:docs`. */
export default defineConfig({
  test: {
    include: ['test/reference-docs/**/*.test.ts'],
    // The verbose reporter prints the reason of a skipped test, which here
    // is the command that installs Chromium.
    reporters: ['verbose'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
