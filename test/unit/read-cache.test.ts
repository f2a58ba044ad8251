import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config.js';
import { createMetrics } from '../../src/metrics.js';
import { eventInvalidations, invalidatingCall, mutationInvalidations } from '../../src/providers/cache-invalidation.js';
import type { DomainEvent } from '../../src/providers/model.js';
import { MemoryCacheBackend, ReadCache, STATUS_KEY, type CacheBackend } from '../../src/providers/read-cache.js';
import { connectRedisCacheBackend, type RedisCacheBackend } from '../../src/providers/redis-read-cache.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../helpers/redis.js';

/**
 * The read cache's parts (src/providers/read-cache.ts, redis-read-cache.ts,
 * cache-invalidation.ts): what it stores and when, the invalidation rules, the Redis backend's
 * keys and TTLs against a real Redis, and the `cache` config section. The end-to-end behaviour
 * (a dashboard over the simulator, webhooks, replicas) is in test/providers/zapi/read-cache.test.ts.
 */

const base = { id: 'e1', instanceId: 'i1', occurredAt: 0 };

/** A fetch that records the keys it is asked for and answers `value:<key>`. */
function recorder() {
  const asked: string[][] = [];
  const fetch = async (keys: string[]) => {
    asked.push(keys);
    return keys.map((k) => `value:${k}`);
  };
  return { asked, fetch };
}

describe('ReadCache (memory)', () => {
  it('reads the missing keys only, in one fetch, and answers in key order', async () => {
    const cache = new ReadCache(new MemoryCacheBackend(), {});
    const { asked, fetch } = recorder();
    expect(await cache.readMany('profilePictures', 'i1', ['a', 'b'], fetch)).toEqual(['value:a', 'value:b']);
    expect(await cache.readMany('profilePictures', 'i1', ['c', 'a', 'b', 'd'], fetch)).toEqual(['value:c', 'value:a', 'value:b', 'value:d']);
    expect(asked).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await cache.readMany('profilePictures', 'i1', ['a', 'd'], fetch);
    expect(asked).toHaveLength(2);
  });

  it('keeps instances apart: the same key of another instance is a miss', async () => {
    const cache = new ReadCache(new MemoryCacheBackend(), {});
    const { asked, fetch } = recorder();
    await cache.readMany('contacts', 'i1', ['5511'], fetch);
    await cache.readMany('contacts', 'i2', ['5511'], fetch);
    expect(asked).toEqual([['5511'], ['5511']]);
  });

  it('caches null (no picture) but never an error, nor what `storable` refuses', async () => {
    const cache = new ReadCache(new MemoryCacheBackend(), {});
    let calls = 0;
    const fetch = async (keys: string[]) => {
      calls++;
      return keys.map((k) => (k === 'none' ? null : k === 'bad' ? new Error('upstream') : k === 'gone' ? 'gone' : k));
    };
    const first = await cache.readMany<string | null>('groups', 'i1', ['none', 'bad', 'gone'], fetch, (v) => v !== 'gone');
    expect(first[0]).toBeNull();
    expect(first[1]).toBeInstanceOf(Error);
    const second = await cache.readMany<string | null>('groups', 'i1', ['none', 'bad', 'gone'], fetch, (v) => v !== 'gone');
    expect(second[0]).toBeNull();
    expect(calls).toBe(2);
    await expect(cache.read('groups', 'i1', 'thrown', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.read('groups', 'i1', 'thrown', async () => 'back')).toBe('back');
  });

  it('a TTL of 0 reads through every time; an entry past its TTL is read again', async () => {
    const cache = new ReadCache(new MemoryCacheBackend(), { profilePictures: 0, status: 0.05 });
    const { asked, fetch } = recorder();
    await cache.readMany('profilePictures', 'i1', ['a'], fetch);
    await cache.readMany('profilePictures', 'i1', ['a'], fetch);
    expect(asked).toHaveLength(2);
    expect(cache.enabled('profilePictures')).toBe(false);
    await cache.readMany('status', 'i1', [STATUS_KEY], fetch);
    await cache.readMany('status', 'i1', [STATUS_KEY], fetch);
    expect(asked).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 80));
    await cache.readMany('status', 'i1', [STATUS_KEY], fetch);
    expect(asked).toHaveLength(4);
  });

  it('invalidation drops a key, or a whole kind of one instance; a read in flight across it stores nothing', async () => {
    const cache = new ReadCache(new MemoryCacheBackend(), {});
    const { asked, fetch } = recorder();
    await cache.readMany('contacts', 'i1', ['a', 'b'], fetch);
    await cache.readMany('contacts', 'i2', ['a'], fetch);
    await cache.invalidate('i1', [{ kind: 'contacts', key: 'a' }]);
    await cache.readMany('contacts', 'i1', ['a', 'b'], fetch);
    expect(asked.at(-1)).toEqual(['a']);
    await cache.invalidate('i1', [{ kind: 'contacts', all: true }]);
    await cache.readMany('contacts', 'i1', ['a', 'b'], fetch);
    expect(asked.at(-1)).toEqual(['a', 'b']);
    const before = asked.length;
    await cache.readMany('contacts', 'i2', ['a'], fetch);
    expect(asked).toHaveLength(before);

    // the fetch outlives an invalidation: what it read may be what the invalidation replaced
    let release!: () => void;
    const slow = cache.readMany('groups', 'i1', ['g'], async (keys) => {
      await new Promise<void>((r) => (release = r));
      return keys.map(() => 'old');
    });
    await new Promise((r) => setTimeout(r, 5));
    await cache.invalidate('i1', [{ kind: 'groups', key: 'g' }]);
    release();
    expect(await slow).toEqual(['old']);
    expect(await cache.readMany('groups', 'i1', ['g'], async (keys) => keys.map(() => 'new'))).toEqual(['new']);
  });

  it('a failing backend is a miss, never a failed read', async () => {
    const broken: CacheBackend = {
      kind: 'memory',
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
      clear: () => Promise.reject(new Error('down')),
      close: async () => undefined,
    };
    const cache = new ReadCache(broken, {});
    const { asked, fetch } = recorder();
    expect(await cache.readMany('contacts', 'i1', ['a'], fetch)).toEqual(['value:a']);
    await expect(
      cache.invalidate('i1', [
        { kind: 'contacts', key: 'a' },
        { kind: 'groups', all: true },
      ]),
    ).resolves.toBeUndefined();
    expect(asked).toEqual([['a']]);
  });

  it('counts hits and misses per key, and invalidations, per kind', async () => {
    const metrics = createMetrics();
    const cache = new ReadCache(new MemoryCacheBackend(), {}, metrics);
    const { fetch } = recorder();
    const before = await metrics.registry.getSingleMetricAsString('whatsgraph_read_cache_total');
    expect(before).toContain('whatsgraph_read_cache_total{kind="groups",outcome="hit"} 0');
    await cache.readMany('profilePictures', 'i1', ['a', 'b'], fetch);
    await cache.readMany('profilePictures', 'i1', ['a', 'b', 'c'], fetch);
    await cache.invalidate('i1', [{ kind: 'profilePictures', key: 'a' }]);
    const text = await metrics.registry.getSingleMetricAsString('whatsgraph_read_cache_total');
    expect(text).toContain('whatsgraph_read_cache_total{kind="profilePictures",outcome="hit"} 2');
    expect(text).toContain('whatsgraph_read_cache_total{kind="profilePictures",outcome="miss"} 3');
    expect(await metrics.registry.getSingleMetricAsString('whatsgraph_read_cache_invalidations_total')).toContain(
      'whatsgraph_read_cache_invalidations_total{kind="profilePictures"} 1',
    );
  });
});

describe('invalidation rules', () => {
  it('events: a picture, a name, a number change, group participants, a group notice, the connection', () => {
    const profile = (change: 'NAME' | 'PICTURE' | 'PHONE_NUMBER', extra = {}): DomainEvent => ({ ...base, type: 'PROFILE_UPDATED', contactId: '5511', change, ...extra });
    expect(eventInvalidations(profile('PICTURE'))).toEqual([{ kind: 'profilePictures', key: '5511' }]);
    expect(eventInvalidations(profile('NAME'))).toEqual([
      { kind: 'contacts', key: '5511' },
      { kind: 'groups', key: '5511' },
    ]);
    expect(eventInvalidations(profile('PHONE_NUMBER', { newPhone: '5522' }))).toEqual([
      { kind: 'contacts', key: '5511' },
      { kind: 'profilePictures', key: '5511' },
      { kind: 'contacts', key: '5522' },
      { kind: 'profilePictures', key: '5522' },
    ]);
    expect(eventInvalidations({ ...base, type: 'GROUP_PARTICIPANTS_CHANGED', groupId: 'g1', action: 'ADDED', participants: [] })).toEqual([{ kind: 'groups', key: 'g1' }]);
    expect(eventInvalidations({ ...base, type: 'CONNECTION_CHANGED', state: 'DISCONNECTED' })).toEqual([{ kind: 'status', key: STATUS_KEY }]);
    expect(eventInvalidations({ ...base, type: 'INSTANCE_EVENT', kind: 'GROUP_CREATE', chatId: 'g2', raw: {} })).toEqual([{ kind: 'groups', key: 'g2' }]);
    expect(eventInvalidations({ ...base, type: 'INSTANCE_EVENT', kind: 'E2E_ENCRYPTED', chatId: '5511', raw: {} })).toEqual([]);
    expect(eventInvalidations({ ...base, type: 'CHAT_READ', chatId: '5511', messageIds: [] })).toEqual([]);
  });

  it('mutations: groups, communities, the session, the profile picture, contacts; sends change nothing cached', () => {
    expect(mutationInvalidations('UPDATE_GROUP', ['g1', {}])).toEqual([
      { kind: 'groups', key: 'g1' },
      { kind: 'profilePictures', key: 'g1' },
    ]);
    expect(mutationInvalidations('MANAGE_GROUP_PARTICIPANTS', ['g1', { action: 'ADD', phones: ['5511'] }])).toEqual([{ kind: 'groups', key: 'g1' }]);
    expect(mutationInvalidations('LINK_COMMUNITY_GROUPS', ['c1', 'LINK', ['g1', 'g2']])).toEqual([
      { kind: 'groups', key: 'g1' },
      { kind: 'groups', key: 'g2' },
    ]);
    expect(mutationInvalidations('MANAGE_COMMUNITY_PARTICIPANTS', ['c1', {}])).toEqual([{ kind: 'groups', all: true }]);
    expect(mutationInvalidations('DISCONNECT_INSTANCE', [])).toEqual([{ kind: 'status', key: STATUS_KEY }]);
    expect(mutationInvalidations('RESTART_INSTANCE', [])).toEqual([{ kind: 'status', key: STATUS_KEY }]);
    expect(mutationInvalidations('UPDATE_PROFILE_PICTURE', [{ photo: 'https://x/y.jpg' }])).toEqual([{ kind: 'profilePictures', all: true }]);
    expect(mutationInvalidations('BLOCK_CONTACT', ['5511', true])).toEqual([{ kind: 'contacts', key: '5511' }]);
    expect(mutationInvalidations('ADD_CONTACTS', [[{ phone: '5511', firstName: 'A' }]])).toEqual([{ kind: 'contacts', key: '5511' }]);
    expect(mutationInvalidations('REMOVE_CONTACTS', [['5511', '5522']])).toEqual([
      { kind: 'contacts', key: '5511' },
      { kind: 'contacts', key: '5522' },
    ]);
    expect(mutationInvalidations('SEND_TEXT', [{}])).toEqual([]);
  });

  it('invalidatingCall drops the entries when the call ends, also when it fails; other capabilities are not wrapped', async () => {
    const cache = new ReadCache(new MemoryCacheBackend(), {});
    const { asked, fetch } = recorder();
    await cache.readMany('groups', 'i1', ['g1'], fetch);
    const failing = invalidatingCall(async (_id: string) => Promise.reject(new Error('timeout')), cache, 'i1', 'LEAVE_GROUP');
    await expect(failing('g1')).rejects.toThrow('timeout');
    await cache.readMany('groups', 'i1', ['g1'], fetch);
    expect(asked).toEqual([['g1'], ['g1']]);
    const send = async () => 'sent';
    expect(invalidatingCall(send, cache, 'i1', 'SEND_TEXT')).toBe(send);
  });
});

describe('Redis backend (real Redis)', () => {
  const prefix = uniquePrefix('read-cache-unit');
  let backend: RedisCacheBackend;
  let redis: Redis;
  beforeAll(async () => {
    backend = await connectRedisCacheBackend(TEST_REDIS_URL, prefix);
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await backend?.close();
    redis?.disconnect();
    await deletePrefix(prefix);
  });

  it('keys carry the instance as a hash tag, values their TTL; null round-trips as a hit', async () => {
    await backend.set(
      'inst-1',
      'profilePictures',
      [
        ['5511', 'https://pps/x.jpg'],
        ['5522', null],
      ],
      60_000,
    );
    const key = `${prefix}:cache:{inst-1}:profilePictures:5511`;
    expect(await redis.get(key)).toBe('"https://pps/x.jpg"');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await backend.get('inst-1', 'profilePictures', ['5511', '5522', '5533'])).toEqual([{ v: 'https://pps/x.jpg' }, { v: null }, undefined]);
    expect(await backend.get('inst-2', 'profilePictures', ['5511'])).toEqual([undefined]);
  });

  it('delete drops keys of several kinds at once; clear drops one kind of one instance only', async () => {
    await backend.set(
      'inst-1',
      'contacts',
      [
        ['a', { phone: 'a' }],
        ['b', { phone: 'b' }],
      ],
      60_000,
    );
    await backend.set('inst-1', 'groups', [['g', { id: 'g' }]], 60_000);
    await backend.set('inst-2', 'contacts', [['a', { phone: 'a' }]], 60_000);
    await backend.delete('inst-1', [
      { kind: 'contacts', key: 'a' },
      { kind: 'groups', key: 'g' },
    ]);
    expect(await backend.get('inst-1', 'contacts', ['a', 'b'])).toEqual([undefined, { v: { phone: 'b' } }]);
    expect(await backend.get('inst-1', 'groups', ['g'])).toEqual([undefined]);
    await backend.clear('inst-1', 'contacts');
    expect(await backend.get('inst-1', 'contacts', ['b'])).toEqual([undefined]);
    expect(await backend.get('inst-2', 'contacts', ['a'])).toEqual([{ v: { phone: 'a' } }]);
    expect(await backend.get('inst-1', 'profilePictures', ['5511'])).toEqual([{ v: 'https://pps/x.jpg' }]);
  });

  it('an unreachable Redis: the backend still connects (lazily) and the cache reads through', async () => {
    const down = await connectRedisCacheBackend('redis://127.0.0.1:1', prefix);
    const cache = new ReadCache(down, {});
    const { asked, fetch } = recorder();
    expect(await cache.readMany('contacts', 'i1', ['a'], fetch)).toEqual(['value:a']);
    expect(asked).toEqual([['a']]);
    await cache.close();
  });
});

describe('config `cache`', () => {
  const instance = { id: 'sales', provider: 'zapi', webhookSecret: 'a-long-webhook-secret', instanceId: 'I', token: 'T' };

  it('takes a TTL per kind (0 disables, fractions allowed) and the memory bound; absent means defaults', () => {
    const config = validateConfig({ instances: [instance], cache: { ttlSeconds: { profilePictures: 0, status: 2.5 }, maxEntries: 1000 } }, {}, 't');
    expect(config.cache).toEqual({ ttlSeconds: { profilePictures: 0, status: 2.5 }, maxEntries: 1000 });
    expect(validateConfig({ instances: [instance] }, {}, 't').cache).toBeUndefined();
  });

  it('refuses a negative TTL, an unknown kind and a tiny bound, each with its path', () => {
    try {
      validateConfig({ instances: [instance], cache: { ttlSeconds: { contacts: -1, chats: 5 }, maxEntries: 1 } }, {}, 't');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems.some((p) => p.startsWith('cache.ttlSeconds.contacts: '))).toBe(true);
      expect(problems.some((p) => p.startsWith('cache.ttlSeconds') && p.includes('chats'))).toBe(true);
      expect(problems.some((p) => p.startsWith('cache.maxEntries: '))).toBe(true);
    }
  });
});
