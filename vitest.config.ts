import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Test runner configuration: real servers, real sockets, so generous timeouts and no file-level parallelism beyond 2 cores. */
export const config = defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node resolves it to its CommonJS index.js (as type-graphql
    // and Apollo get it) while Vite would pick index.mjs through "module". Two copies break
    // `instanceof` checks ("Cannot use GraphQLObjectType from another module or realm"), so
    // tests load the same file Node does.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // a Redis for the whole run: the one on REDIS_URL, or a private redis-server it starts and stops
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    reporters: ['default'],
  },
});

// vitest needs a default export to find its configuration; the house "no default exports" rule yields here.
export default config;
