import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "apps/web/e2e/**/*.e2e.test.ts"],
    // Generous: creating a PGlite data directory takes seconds on a quiet machine
    // and much longer on a loaded CI host; a timeout here is not a speed test.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // One migrated PGlite data directory for the whole run (see the file).
    globalSetup: ["packages/storage/src/testing/vitest-global-setup.ts"],
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
