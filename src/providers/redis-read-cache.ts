import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { CacheBackend, CacheEntry, CacheKind } from './read-cache.js';

/** Longest a Redis cache command waits, ms: past it the read goes to the provider as on a miss. */
export const REDIS_CACHE_TIMEOUT_MS = 500;
/** Keys one SCAN step asks for when a kind is cleared. */
const SCAN_COUNT = 500;

/** `*`, `?`, `[`, `]` and `\` escaped for a SCAN MATCH pattern. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * The read cache in Redis, shared by every replica on the same Redis and key prefix.
 *
 * Keys: `<prefix>:cache:{<instanceId>}:<kind>:<key>`; the hash tag `{<instanceId>}` puts all of
 * one instance's entries in one Redis Cluster slot, so a batch (MGET, a pipeline of SET … PX, a
 * multi-key DEL) stays in one slot. Values: the JSON of the domain object (`null` for a cached
 * null), each with its TTL (`PX`). Clearing a kind (rare: a profile picture change through the
 * graph) SCANs that instance's keys of the kind and UNLINKs them.
 */
export class RedisCacheBackend implements CacheBackend {
  readonly kind = 'redis';

  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
  ) {}

  private key(instanceId: string, kind: CacheKind, key: string): string {
    return `${this.prefix}:cache:{${instanceId}}:${kind}:${key}`;
  }

  async get(instanceId: string, kind: CacheKind, keys: readonly string[]): Promise<Array<CacheEntry | undefined>> {
    const values = await this.client.mget(keys.map((k) => this.key(instanceId, kind, k)));
    return values.map((v) => (v === null ? undefined : { v: JSON.parse(v) as unknown }));
  }

  async set(instanceId: string, kind: CacheKind, entries: ReadonlyArray<readonly [string, unknown]>, ttlMs: number): Promise<void> {
    const px = Math.max(1, Math.round(ttlMs));
    const pipeline = this.client.pipeline();
    for (const [k, v] of entries) pipeline.set(this.key(instanceId, kind, k), JSON.stringify(v), 'PX', px);
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
  }

  async delete(instanceId: string, targets: ReadonlyArray<{ kind: CacheKind; key: string }>): Promise<void> {
    if (targets.length === 0) return;
    await this.client.unlink(...targets.map((t) => this.key(instanceId, t.kind, t.key)));
  }

  async clear(instanceId: string, kind: CacheKind): Promise<void> {
    const match = `${globEscape(this.key(instanceId, kind, ''))}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', match, 'COUNT', SCAN_COUNT);
      cursor = next;
      if (keys.length > 0) await this.client.unlink(...keys);
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

/**
 * Opens the cache's own Redis connection (no offline queue, {@link REDIS_CACHE_TIMEOUT_MS} per
 * command: while Redis is away or slow, reads go to the provider instead of waiting) and
 * returns the backend. Never throws: a Redis not reachable at start is logged, and the cache
 * works once the connection comes up.
 * @param url `redis://…` (never logged)
 * @param prefix the deployment's key prefix (config `redis.keyPrefix`)
 */
export async function connectRedisCacheBackend(url: string, prefix: string, logger?: Logger): Promise<RedisCacheBackend> {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    commandTimeout: REDIS_CACHE_TIMEOUT_MS,
    connectionName: `${prefix}:cache`,
  });
  // without a listener ioredis prints every error; the message can name the host, so only the code is logged (by the cache, throttled)
  client.on('error', () => undefined);
  await client.connect().catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    logger?.warn({ backend: 'redis', code: e.code ?? e.name }, 'read cache: Redis not reachable; reading from the providers until it is');
  });
  return new RedisCacheBackend(client, prefix);
}
