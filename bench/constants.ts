import type { AppConfig, InstanceConfig } from '../src/config.js';
import { webhookProvider, type WebhookProviderModule } from '../test/helpers/provider-modules.js';
import { DEFAULT_REDIS_URL } from '../test/helpers/redis.js';

/** The Redis the benches use: `BENCH_REDIS_URL`, else `REDIS_URL`, else `redis://127.0.0.1:6379` (keys under a unique prefix, deleted afterwards). */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;

/**
 * The configuration of a benchmarked whatsgraph: non-sandbox, the one `instance`, events kept an
 * hour (at most 100,000), memory stores, or Redis stores under `redis.keyPrefix` when given.
 * @param source where the configuration came from, as `AppConfig.source` (the bench's name)
 */
export function benchAppConfig(instance: InstanceConfig, source: string, redis?: { url: string; keyPrefix: string }): AppConfig {
  return { port: 0, sandbox: false, instances: [instance], events: { retentionMs: 3_600_000, maxLength: 100_000 }, source, ...(redis ? { redis } : {}) };
}

/** The benchmark's one instance (shared by `bench/run.ts` and `bench/server.ts`). */
export const BENCH_INSTANCE = 'bench';
/** Its webhook secret (a benchmark value, not a credential). */
export const BENCH_SECRET = 'bench-webhook-secret-0123456789';

/**
 * The provider the benchmark's instance runs on: the tests' {@link webhookProvider} (the first
 * module of PROVIDER_MODULES that posts webhooks, i.e. has `samples`); the benchmark posts its
 * documented inbound-text payload. Ours.
 * @throws Error when no module posts webhooks
 */
export function benchProvider(): WebhookProviderModule {
  return webhookProvider();
}

/** Bytes the socket floor (`bench/socket-floor.ts`) writes to each socket per round: about one `next` frame of the fan-out bench's subscription. Ours. */
export const FLOOR_CHUNK_BYTES = 600;
