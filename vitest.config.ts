import { defineConfig } from 'vitest/config';

/** Test runner configuration: real servers, real sockets, so generous timeouts and no file-level parallelism beyond 2 cores. */
export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    setupFiles: ['test/helpers/setup.ts'],
    reporters: ['default'],
  },
});

// vitest needs a default export to find its configuration; the house "no default exports" rule yields here.
export default config;
