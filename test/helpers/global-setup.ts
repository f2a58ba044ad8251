import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { redisUrlAnswers, requestedRedisUrl, startPrivateRedis, type PrivateRedis } from './redis.js';

/**
 * vitest global setup (vitest.config.ts `globalSetup`), run once in the main process before
 * any test worker starts: makes sure a Redis answers for the whole run.
 *
 * - When a Redis answers PING on the requested URL (`REDIS_URL`, else the former
 *   `WHATSGRAPH_TEST_REDIS_URL`, else `redis://127.0.0.1:6379`), the tests use it.
 * - Otherwise it starts a private `redis-server` (127.0.0.1, a free port, no persistence:
 *   `--save '' --appendonly no`) and stops it in {@link teardown}; only that process is ever
 *   stopped, never a Redis it did not start.
 * - When `redis-server` is not installed, the run stops at once with one line naming the
 *   package to install.
 *
 * Either way `process.env.REDIS_URL` is set to the Redis in use before the workers start (they
 * inherit it; test/helpers/redis.ts `TEST_REDIS_URL` reads it) and provided as `redisUrl`
 * (`inject('redisUrl')`).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis URL of this run (see test/helpers/global-setup.ts). */
    redisUrl: string;
  }
}

/** The one line printed when `redis-server` is missing. */
export const REDIS_SERVER_MISSING = 'redis-server not found: install it (Debian: apt-get install -y redis-server)';

let started: PrivateRedis | undefined;

/** Whether a `redis-server` executable is on the PATH. */
export function redisServerInstalled(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return !probe.error;
}

/**
 * Finds or starts the run's Redis, sets `process.env.REDIS_URL` and provides `redisUrl`.
 * Exits the process with status 1 after printing {@link REDIS_SERVER_MISSING} when none answers
 * and `redis-server` is not installed.
 * @throws Error when the private redis-server does not answer within 5 s
 */
export async function setup(project: TestProject): Promise<void> {
  const requested = requestedRedisUrl();
  let url = requested;
  if (!(await redisUrlAnswers(requested))) {
    if (!redisServerInstalled()) {
      process.stderr.write(`${REDIS_SERVER_MISSING}\n`);
      process.exit(1);
    }
    started = await startPrivateRedis();
    url = started.url;
    process.stderr.write(`[global-setup] no Redis answered on ${requested}: started a private redis-server on ${url}\n`);
  }
  process.env.REDIS_URL = url;
  project.provide('redisUrl', url);
}

/** Stops the private redis-server {@link setup} started, if it started one. */
export async function teardown(): Promise<void> {
  await started?.kill();
  started = undefined;
}
