import { defineConfig } from 'vitest/config';

/** Consumer test of the packed tarball, run by `npm run test:package` after a compile. */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
