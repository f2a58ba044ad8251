import { LRUCache } from 'lru-cache';
import type { Counter } from 'prom-client';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

/**
 * The cache of slow-changing reads (issue 13, item 5): profile pictures, contacts, groups and
 * the instance's connection status, kept across requests so a dashboard loaded again within the
 * TTL makes no provider call for them. It sits beneath the per-request DataLoaders
 * (`providers/loaders.ts`): a request still batches its keys, and only the keys the cache does
 * not hold reach the provider.
 *
 * - Backends: in memory (one bounded LRU per process, `lru-cache`), or Redis when the server runs
 *   on Redis stores, so replicas share it (`redis-read-cache.ts`: keys under a hash tag per
 *   instance, each value with its TTL).
 * - Every key includes the instance id: instances never see each other's entries.
 * - A TTL per kind (config `cache.ttlSeconds`, {@link DEFAULT_CACHE_TTL_SECONDS}); 0 disables
 *   that kind (every read goes to the provider).
 * - Invalidated by the events and mutations that change what it holds (`cache-invalidation.ts`).
 * - Errors are never cached; a backend failure is a miss (the read goes to the provider), never
 *   a failed read.
 * - Hits and misses per kind in `/metrics` (`whatsgraph_read_cache_total{kind,outcome}`).
 */

/** What the cache holds, one TTL each: a phone's picture URL, a contact (row or single read), a group with its participants, the instance's connection status. */
export const CACHE_KINDS = ['profilePictures', 'contacts', 'groups', 'status'] as const;
/** One of {@link CACHE_KINDS}. */
export type CacheKind = (typeof CACHE_KINDS)[number];

/** Default TTL per kind, seconds: pictures change rarely (1 h), contacts and groups now and then (5 min), the connection status can flip any time (10 s). */
export const DEFAULT_CACHE_TTL_SECONDS: Readonly<Record<CacheKind, number>> = { profilePictures: 3600, contacts: 300, groups: 300, status: 10 };
/** Default bound of the memory backend, entries (all instances and kinds together; least recently used go first). */
export const DEFAULT_CACHE_MAX_ENTRIES = 50_000;

/** Config `cache`: TTL per kind in seconds (0 disables the kind; default {@link DEFAULT_CACHE_TTL_SECONDS}) and the memory backend's bound (default {@link DEFAULT_CACHE_MAX_ENTRIES}). */
export interface ReadCacheConfig {
  ttlSeconds?: Partial<Record<CacheKind, number>>;
  maxEntries?: number;
}

/** One stored value, wrapped so that a cached null (no picture, unknown contact) differs from a miss. */
export interface CacheEntry {
  v: unknown;
}

/** What one invalidation drops: one key of a kind (`key`), or every entry of the kind for the instance (`all`). */
export type Invalidation = { kind: CacheKind; key: string } | { kind: CacheKind; all: true };

/** The key of the instance's status (one per instance). */
export const STATUS_KEY = 'instance';

/**
 * Where entries live. Keys are (instance, kind, key); values are plain JSON-able domain objects.
 * Every method may reject (the backend is unreachable): {@link ReadCache} treats that as a miss.
 */
export interface CacheBackend {
  readonly kind: 'memory' | 'redis';
  /** The entries of `keys` in order; undefined for a miss. */
  get(instanceId: string, kind: CacheKind, keys: readonly string[]): Promise<Array<CacheEntry | undefined>>;
  /** Stores each (key, value) for `ttlMs`. */
  set(instanceId: string, kind: CacheKind, entries: ReadonlyArray<readonly [string, unknown]>, ttlMs: number): Promise<void>;
  /** Drops these keys (of one instance). */
  delete(instanceId: string, targets: ReadonlyArray<{ kind: CacheKind; key: string }>): Promise<void>;
  /** Drops every entry of `kind` of the instance. */
  clear(instanceId: string, kind: CacheKind): Promise<void>;
  close(): Promise<void>;
}

/** The memory backend: one LRU bounded by entry count, a TTL per entry. Values are shared, not copied: callers treat domain objects as immutable. */
export class MemoryCacheBackend implements CacheBackend {
  readonly kind = 'memory';
  private readonly lru: LRUCache<string, CacheEntry>;

  constructor(maxEntries: number = DEFAULT_CACHE_MAX_ENTRIES) {
    this.lru = new LRUCache<string, CacheEntry>({ max: maxEntries });
  }

  private static key(instanceId: string, kind: CacheKind, key: string): string {
    return `${instanceId}\u0000${kind}\u0000${key}`;
  }

  async get(instanceId: string, kind: CacheKind, keys: readonly string[]): Promise<Array<CacheEntry | undefined>> {
    return keys.map((k) => this.lru.get(MemoryCacheBackend.key(instanceId, kind, k)));
  }

  async set(instanceId: string, kind: CacheKind, entries: ReadonlyArray<readonly [string, unknown]>, ttlMs: number): Promise<void> {
    for (const [k, v] of entries) this.lru.set(MemoryCacheBackend.key(instanceId, kind, k), { v }, { ttl: ttlMs });
  }

  async delete(instanceId: string, targets: ReadonlyArray<{ kind: CacheKind; key: string }>): Promise<void> {
    for (const t of targets) this.lru.delete(MemoryCacheBackend.key(instanceId, t.kind, t.key));
  }

  async clear(instanceId: string, kind: CacheKind): Promise<void> {
    const start = `${instanceId}\u0000${kind}\u0000`;
    for (const k of [...this.lru.keys()]) if (k.startsWith(start)) this.lru.delete(k);
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}

/** Counter children of one kind, bound once (their labels are not rebuilt per lookup; a batch counts once). */
interface KindCounters {
  hit: Counter.Internal;
  miss: Counter.Internal;
  invalidated: Counter.Internal;
}

/** Least time between two warnings about the backend, ms (a Redis outage must not log once per read). */
const WARN_INTERVAL_MS = 10_000;

/** The read cache of one server: a backend, a TTL per kind, metrics. See the module comment. */
export class ReadCache {
  private readonly ttlMs: Record<CacheKind, number>;
  private readonly counters: Record<CacheKind, KindCounters> | undefined = undefined;
  /**
   * Invalidations seen by this process per (instance, kind): a read that started before one
   * does not store what it fetched (it may be what the invalidation replaced). Other replicas'
   * invalidations are not seen here; for those the TTL bounds the staleness.
   */
  private readonly epochs = new Map<string, number>();
  private lastWarnAt = 0;

  /**
   * @param ttlSeconds TTL per kind, seconds (0 disables the kind); missing kinds take {@link DEFAULT_CACHE_TTL_SECONDS}
   * @param metrics where hits, misses and invalidations are counted (none when absent)
   * @param logger where backend failures are logged (error code or class only; never a key or value)
   */
  constructor(
    readonly backend: CacheBackend,
    ttlSeconds: Partial<Record<CacheKind, number>> = {},
    metrics?: Metrics,
    private readonly logger?: Logger,
  ) {
    this.ttlMs = Object.fromEntries(CACHE_KINDS.map((k) => [k, Math.round((ttlSeconds[k] ?? DEFAULT_CACHE_TTL_SECONDS[k]) * 1000)])) as Record<CacheKind, number>;
    const counter = metrics?.readCache;
    const invalidations = metrics?.readCacheInvalidations;
    if (counter && invalidations) {
      const bound: Partial<Record<CacheKind, KindCounters>> = {};
      for (const kind of CACHE_KINDS) {
        const c: KindCounters = { hit: counter.labels({ kind, outcome: 'hit' }), miss: counter.labels({ kind, outcome: 'miss' }), invalidated: invalidations.labels({ kind }) };
        // exported from the start (at 0), so a dashboard sees every kind before its first lookup
        c.hit.inc(0);
        c.miss.inc(0);
        c.invalidated.inc(0);
        bound[kind] = c;
      }
      this.counters = bound as Record<CacheKind, KindCounters>;
    }
  }

  /** Whether `kind` is cached (its TTL is above 0). */
  enabled(kind: CacheKind): boolean {
    return this.ttlMs[kind] > 0;
  }

  /**
   * Values of `keys` of one instance: those cached, and the rest from `fetch` (called once with
   * every missing key, in order; not called when all are cached), which are then stored when
   * `storable` says so. Errors `fetch` returns are passed on and never stored.
   * @param fetch reads the missing keys from the provider: one value or Error per key, in order
   * @param storable whether a fetched value may be cached (default: every value, null included)
   * @returns one value or Error per key, in order
   */
  async readMany<T>(
    kind: CacheKind,
    instanceId: string,
    keys: readonly string[],
    fetch: (missing: string[]) => Promise<ReadonlyArray<T | Error>>,
    storable: (value: T) => boolean = () => true,
  ): Promise<Array<T | Error>> {
    const ttl = this.ttlMs[kind];
    if (ttl <= 0 || keys.length === 0) return [...(await fetch([...keys]))];
    let cached: Array<CacheEntry | undefined> = [];
    try {
      cached = await this.backend.get(instanceId, kind, keys);
    } catch (err) {
      this.warn(err, 'read cache: read failed; reading from the provider');
    }
    const out: Array<T | Error> = new Array<T | Error>(keys.length);
    const missing: string[] = [];
    const missingAt: number[] = [];
    keys.forEach((key, i) => {
      const entry = cached[i];
      if (entry) out[i] = entry.v as T;
      else {
        missing.push(key);
        missingAt.push(i);
      }
    });
    const counters = this.counters?.[kind];
    if (counters && keys.length > missing.length) counters.hit.inc(keys.length - missing.length);
    if (missing.length === 0) return out;
    counters?.miss.inc(missing.length);
    const epoch = this.epoch(instanceId, kind);
    const fetched = await fetch(missing);
    const store: Array<readonly [string, unknown]> = [];
    missing.forEach((key, j) => {
      const value = j < fetched.length ? (fetched[j] as T | Error) : new Error('the read gave no value for this key');
      out[missingAt[j]!] = value;
      if (!(value instanceof Error) && storable(value)) store.push([key, value]);
    });
    if (store.length > 0 && this.epoch(instanceId, kind) === epoch) {
      await this.backend.set(instanceId, kind, store, ttl).catch((err: unknown) => this.warn(err, 'read cache: write failed'));
    }
    return out;
  }

  /**
   * One value through the cache: {@link ReadCache.readMany} with one key.
   * @throws what `fetch` throws (nothing is stored then)
   */
  async read<T>(kind: CacheKind, instanceId: string, key: string, fetch: () => Promise<T>, storable?: (value: T) => boolean): Promise<T> {
    const [value] = await this.readMany<T>(
      kind,
      instanceId,
      [key],
      async () => [await fetch().catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))],
      storable,
    );
    if (value instanceof Error) throw value;
    return value as T;
  }

  /**
   * Drops what the invalidations name, for one instance: one backend call for the keys, one per
   * kind cleared. Resolves when done; a backend failure is logged, not thrown (the TTL then
   * bounds how long the stale entry lives).
   */
  async invalidate(instanceId: string, invalidations: readonly Invalidation[]): Promise<void> {
    const keys: Array<{ kind: CacheKind; key: string }> = [];
    const kinds = new Set<CacheKind>();
    for (const inv of invalidations) {
      if (!this.enabled(inv.kind)) continue;
      this.bump(instanceId, inv.kind);
      this.counters?.[inv.kind].invalidated.inc();
      if ('all' in inv) kinds.add(inv.kind);
      else keys.push(inv);
    }
    const work: Array<Promise<void>> = [];
    const direct = keys.filter((k) => !kinds.has(k.kind));
    if (direct.length > 0) work.push(this.backend.delete(instanceId, direct));
    for (const kind of kinds) work.push(this.backend.clear(instanceId, kind));
    const results = await Promise.allSettled(work);
    for (const r of results) if (r.status === 'rejected') this.warn(r.reason, 'read cache: invalidation failed; the entry lives until its TTL');
  }

  /** Closes the backend (its Redis connection). */
  close(): Promise<void> {
    return this.backend.close();
  }

  private epoch(instanceId: string, kind: CacheKind): number {
    return this.epochs.get(`${instanceId}\u0000${kind}`) ?? 0;
  }

  private bump(instanceId: string, kind: CacheKind): void {
    const k = `${instanceId}\u0000${kind}`;
    this.epochs.set(k, (this.epochs.get(k) ?? 0) + 1);
  }

  private warn(err: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_INTERVAL_MS) return;
    this.lastWarnAt = now;
    const e = err as NodeJS.ErrnoException | undefined;
    this.logger?.warn({ backend: this.backend.kind, code: e?.code ?? e?.name ?? 'unknown' }, message);
  }
}

/**
 * The read cache the configuration asks for: in Redis under `redis.keyPrefix` when `redis` is
 * set (one more connection; unreachable Redis means misses, never failed reads), else in memory.
 * @param config the `cache` section (TTLs, memory bound) and `redis`
 */
export async function createReadCache(config: { cache?: ReadCacheConfig; redis?: { url: string; keyPrefix: string } }, metrics?: Metrics, logger?: Logger): Promise<ReadCache> {
  const ttl = config.cache?.ttlSeconds ?? {};
  if (!config.redis) return new ReadCache(new MemoryCacheBackend(config.cache?.maxEntries), ttl, metrics, logger);
  const { connectRedisCacheBackend } = await import('./redis-read-cache.js');
  return new ReadCache(await connectRedisCacheBackend(config.redis.url, config.redis.keyPrefix, logger), ttl, metrics, logger);
}
