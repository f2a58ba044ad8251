import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GraphError } from '../errors.js';
import type { Logger } from '../logger.js';

/** One limit: at most `points` operations per `durationSeconds`. */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** Inbound rate limits (config `rateLimits`). */
export interface RateLimitsConfig {
  /** Per API key (or `anonymous` when no keys are configured): one point per GraphQL operation. */
  perKey: RateLimit;
  /** Per instance: one point per field that reaches the instance's provider. */
  perInstance: RateLimit;
}

/** Defaults of `rateLimits`: 1,200 operations a minute per key, 1,200 provider calls a minute per instance. Ours: generous, to stop floods, not normal use. */
export const DEFAULT_RATE_LIMITS: RateLimitsConfig = {
  perKey: { points: 1200, durationSeconds: 60 },
  perInstance: { points: 1200, durationSeconds: 60 },
};

/** The ioredis client the limiters share through Redis (structural: what rate-limiter-flexible needs). */
export type RateLimitRedisClient = object;

/**
 * The inbound rate limiters (rate-limiter-flexible): `RateLimiterRedis` shared across replicas
 * when a Redis client is given (with an in-memory insurance limiter when Redis fails),
 * `RateLimiterMemory` otherwise.
 */
export class InboundRateLimits {
  private readonly perKey: RateLimiterAbstract;
  private readonly perInstance: RateLimiterAbstract;

  /**
   * @param config the limits
   * @param redis an ioredis client, or undefined for memory limiters
   * @param keyPrefix Redis key prefix (the config's `redis.keyPrefix`)
   */
  constructor(
    config: RateLimitsConfig,
    redis?: RateLimitRedisClient,
    keyPrefix = 'whatsgraph',
    private readonly logger?: Logger,
  ) {
    const make = (name: string, limit: RateLimit): RateLimiterAbstract => {
      const opts = { points: limit.points, duration: limit.durationSeconds, keyPrefix: `${keyPrefix}:rl:${name}` };
      if (!redis) return new RateLimiterMemory(opts);
      return new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) });
    };
    this.perKey = make('key', config.perKey);
    this.perInstance = make('instance', config.perInstance);
  }

  /**
   * Takes one point of a key's limit.
   * @throws GraphError RATE_LIMITED (HTTP 429, `retryAfterMs`, `limit: "key"`) over the limit
   */
  consumeKey(keyId: string): Promise<void> {
    return this.consume(this.perKey, keyId, 'key');
  }

  /**
   * Takes one point of an instance's limit.
   * @throws GraphError RATE_LIMITED (HTTP 429, `retryAfterMs`, `limit: "instance"`, `instanceId`) over the limit
   */
  consumeInstance(instanceId: string): Promise<void> {
    return this.consume(this.perInstance, instanceId, 'instance', { instanceId });
  }

  private async consume(limiter: RateLimiterAbstract, key: string, limit: string, extra: Record<string, unknown> = {}): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        const retryAfterMs = Math.max(1, Math.ceil(res.msBeforeNext));
        throw new GraphError('RATE_LIMITED', `Too many requests for this ${limit}; retry after ${retryAfterMs} ms`, {
          limit,
          retryAfterMs,
          ...extra,
          http: { status: 429, headers: new Map([['retry-after', String(Math.ceil(retryAfterMs / 1000))]]) },
        });
      }
      // a limiter store failure must not refuse clients: fail open and say so
      this.logger?.warn({ err: res instanceof Error ? res.message : String(res), limit }, 'rate limiter unavailable; request allowed');
    }
  }
}
