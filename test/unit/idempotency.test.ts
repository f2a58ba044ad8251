import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { GraphError } from '../../src/errors.js';
import { IDEMPOTENCY_LEASE_MS, MAX_IDEMPOTENCY_KEY_LENGTH, withIdempotency } from '../../src/resolvers/idempotency.js';
import { MemoryIdempotencyStore } from '../../src/subscriptions/memory-stores.js';
import { createRedisStores } from '../../src/subscriptions/redis-stores.js';
import type { IdempotencyStore, Stores } from '../../src/subscriptions/stores.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../helpers/redis.js';

/**
 * Specifies `withIdempotency`: a send runs at most once per (instance, operation, key); repeats
 * (also concurrent ones) get the first result; a key reused with another input is refused as
 * `BAD_USER_INPUT` on `input.idempotencyKey`; a failed send frees the key. Runs on the memory
 * store and on the Redis store (real Redis, unique key prefix; skipped when none answers).
 */

interface Scope {
  instanceId: string;
  operation: string;
  key: string | null | undefined;
  input: unknown;
}

/** A send that counts its calls and answers `{ id: '<tag>-<n>' }`, optionally after a gate opens. */
function countingSend(tag = 'm') {
  let calls = 0;
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  return {
    get calls() {
      return calls;
    },
    /** Holds every send until {@link release}. */
    hold() {
      gate = new Promise<void>((r) => {
        open = r;
      });
    },
    release() {
      open();
    },
    send: async () => {
      calls += 1;
      const n = calls;
      await gate;
      return { id: `${tag}-${n}`, status: 'PENDING' };
    },
  };
}

const base: Scope = { instanceId: 'inst-a', operation: 'SEND_TEXT', key: 'k-1', input: { instanceId: 'inst-a', to: '5511987654321', text: 'hi' } };

/** Keys that turn idempotency off: every call sends. */
const noKey: { name: string; key: string | null | undefined }[] = [
  { name: 'null', key: null },
  { name: 'undefined', key: undefined },
  { name: 'empty string', key: '' },
];

/** A second call after a first one with `base`: does it send again? */
const scoping: { name: string; second: Scope; sendsAgain: boolean }[] = [
  { name: 'same instance, operation, key and input', second: base, sendsAgain: false },
  { name: 'another instance', second: { ...base, instanceId: 'inst-b' }, sendsAgain: true },
  { name: 'another operation', second: { ...base, operation: 'SEND_IMAGE' }, sendsAgain: true },
  { name: 'another key', second: { ...base, key: 'k-2' }, sendsAgain: true },
  { name: 'a key differing only in case', second: { ...base, key: 'K-1' }, sendsAgain: true },
];

/** A repeat with the same key and this input: first result, or BAD_USER_INPUT on input.idempotencyKey. */
const inputMatching: { name: string; first: unknown; repeat: unknown; same: boolean }[] = [
  { name: 'identical input', first: { to: '1', text: 'a' }, repeat: { to: '1', text: 'a' }, same: true },
  { name: 'same fields in another order', first: { to: '1', text: 'a' }, repeat: { text: 'a', to: '1' }, same: true },
  { name: 'nested fields in another order', first: { to: '1', media: { url: 'u', caption: 'c' } }, repeat: { media: { caption: 'c', url: 'u' }, to: '1' }, same: true },
  { name: 'an undefined field is as if omitted', first: { to: '1', text: 'a' }, repeat: { to: '1', text: 'a', caption: undefined }, same: true },
  { name: 'another text', first: { to: '1', text: 'a' }, repeat: { to: '1', text: 'b' }, same: false },
  { name: 'another recipient', first: { to: '1', text: 'a' }, repeat: { to: '2', text: 'a' }, same: false },
  { name: 'an extra field', first: { to: '1', text: 'a' }, repeat: { to: '1', text: 'a', previewUrl: true }, same: false },
  { name: 'a number where a string was', first: { to: '1', delay: 1 }, repeat: { to: '1', delay: '1' }, same: false },
  { name: 'list items reordered', first: { to: '1', options: ['x', 'y'] }, repeat: { to: '1', options: ['y', 'x'] }, same: false },
  { name: 'a nested value changed', first: { to: '1', media: { url: 'u' } }, repeat: { to: '1', media: { url: 'v' } }, same: false },
];

/** Key lengths at the limit. */
const keyLengths: { name: string; length: number; accepted: boolean }[] = [
  { name: 'one character', length: 1, accepted: true },
  { name: 'at the limit', length: MAX_IDEMPOTENCY_KEY_LENGTH, accepted: true },
  { name: 'one over the limit', length: MAX_IDEMPOTENCY_KEY_LENGTH + 1, accepted: false },
  { name: 'far over the limit', length: 10_000, accepted: false },
];

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

function expectKeyRefused(err: unknown): void {
  expect(err).toBeInstanceOf(GraphError);
  expect((err as GraphError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
}

// --- the stores the spec runs on -----------------------------------------------------------

interface StoreFactory {
  name: string;
  open(): Promise<IdempotencyStore>;
}

const redisPrefix = uniquePrefix('idempotency-unit');
const redisStores: Stores[] = [];
/** Null when a Redis answers on TEST_REDIS_URL, else why the Redis cases are skipped. */
const redisSkipReason: string | null = await (async () => {
  try {
    const probe = await createRedisStores({ url: TEST_REDIS_URL, keyPrefix: redisPrefix, connectTimeoutMs: 1_500 });
    redisStores.push(probe);
    return null;
  } catch (err) {
    return `no Redis answers on ${new URL(TEST_REDIS_URL).host} (${err instanceof Error ? err.message : String(err)})`;
  }
})();
if (redisSkipReason) console.warn(`idempotency.test.ts: Redis store cases skipped: ${redisSkipReason}`);

afterAll(async () => {
  await Promise.all(redisStores.map((s) => s.close()));
  if (!redisSkipReason) await deletePrefix(redisPrefix);
});

let redisCase = 0;
const factories: StoreFactory[] = [
  { name: 'memory store', open: async () => new MemoryIdempotencyStore() },
  {
    name: redisSkipReason ? `Redis store (skipped: ${redisSkipReason})` : 'Redis store',
    // each test gets its own instance ids under the shared prefix, so tests never share keys
    open: async () => {
      const s = redisStores[0];
      if (!s) throw new Error('no Redis stores');
      const n = ++redisCase;
      const inner = s.idempotency;
      return {
        begin: (k, lease) => inner.begin(`t${n}:${k}`, lease),
        finish: (k, r, ttl) => inner.finish(`t${n}:${k}`, r, ttl),
        abort: (k) => inner.abort(`t${n}:${k}`),
      };
    },
  },
];

describe.each(factories)('withIdempotency on the $name', (factory) => {
  const skip = factory.name.startsWith('Redis') && redisSkipReason !== null;

  describe.skipIf(skip)('behaviour', () => {
    it.each(noKey)('no key ($name): every call sends', async ({ key }) => {
      const store = await factory.open();
      const s = countingSend();
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await withIdempotency(store, { ...base, key }, s.send));
      expect(s.calls).toBe(3);
      expect(results.map((r) => r.id)).toEqual(['m-1', 'm-2', 'm-3']);
    });

    it.each(scoping)('then $name: sends again = $sendsAgain', async ({ second, sendsAgain }) => {
      const store = await factory.open();
      const s = countingSend();
      const first = await withIdempotency(store, base, s.send);
      const repeat = await withIdempotency(store, second, s.send);
      expect(s.calls).toBe(sendsAgain ? 2 : 1);
      expect(repeat).toEqual(sendsAgain ? { id: 'm-2', status: 'PENDING' } : first);
    });

    it.each(inputMatching)('repeat with $name: first result = $same', async ({ first, repeat, same }) => {
      const store = await factory.open();
      const s = countingSend();
      const original = await withIdempotency(store, { ...base, input: first }, s.send);
      const again = withIdempotency(store, { ...base, input: repeat }, s.send);
      if (same) expect(await again).toEqual(original);
      else expectKeyRefused(await rejectionOf(again));
      expect(s.calls).toBe(1);
    });

    it.each(keyLengths)('a key of $length characters ($name): accepted = $accepted', async ({ length, accepted }) => {
      const store = await factory.open();
      const s = countingSend();
      const call = withIdempotency(store, { ...base, key: 'k'.repeat(length) }, s.send);
      if (accepted) expect(await call).toEqual({ id: 'm-1', status: 'PENDING' });
      else expectKeyRefused(await rejectionOf(call));
      expect(s.calls).toBe(accepted ? 1 : 0);
    });

    it('a failing send passes its error through and frees the key: the retry sends, and its result is kept', async () => {
      const store = await factory.open();
      const boom = new GraphError('PROVIDER_UNAVAILABLE', 'provider down');
      let calls = 0;
      const flaky = async () => {
        calls += 1;
        if (calls === 1) throw boom;
        return { id: `m-${calls}` };
      };
      expect(await rejectionOf(withIdempotency(store, base, flaky))).toBe(boom);
      expect(await withIdempotency(store, base, flaky)).toEqual({ id: 'm-2' });
      expect(await withIdempotency(store, base, flaky)).toEqual({ id: 'm-2' });
      expect(calls).toBe(2);
    });

    it('concurrent repeats while the first is in flight wait and get the first result; the send ran once', async () => {
      const store = await factory.open();
      const s = countingSend();
      s.hold();
      const calls = Array.from({ length: 5 }, () => withIdempotency(store, base, s.send));
      await vi.waitFor(() => expect(s.calls).toBe(1));
      // the repeats are polling now; let a few polls pass before the first finishes
      await new Promise((r) => setTimeout(r, 80));
      expect(s.calls).toBe(1);
      s.release();
      const results = await Promise.all(calls);
      expect(results).toEqual(Array.from({ length: 5 }, () => ({ id: 'm-1', status: 'PENDING' })));
      expect(s.calls).toBe(1);
    });

    it('a concurrent repeat with another input, waiting on the first, is refused once the first finishes', async () => {
      const store = await factory.open();
      const s = countingSend();
      s.hold();
      const first = withIdempotency(store, base, s.send);
      await vi.waitFor(() => expect(s.calls).toBe(1));
      const other = withIdempotency(store, { ...base, input: { to: 'someone else' } }, s.send);
      s.release();
      expect(await first).toEqual({ id: 'm-1', status: 'PENDING' });
      expectKeyRefused(await rejectionOf(other));
      expect(s.calls).toBe(1);
    });

    it('when the in-flight first send fails, a waiting repeat takes the key and sends itself', async () => {
      const store = await factory.open();
      let calls = 0;
      let fail: (e: Error) => void = () => undefined;
      const send = async () => {
        calls += 1;
        if (calls === 1)
          return new Promise<{ id: string }>((_, reject) => {
            fail = reject;
          });
        return { id: `m-${calls}` };
      };
      const first = withIdempotency(store, base, send);
      await vi.waitFor(() => expect(calls).toBe(1));
      const repeat = withIdempotency(store, base, send);
      await new Promise((r) => setTimeout(r, 60));
      fail(new Error('timeout'));
      expect(await rejectionOf(first)).toMatchObject({ message: 'timeout' });
      expect(await repeat).toEqual({ id: 'm-2' });
      expect(calls).toBe(2);
    });
  });
});

describe.skipIf(redisSkipReason !== null)('withIdempotency on Redis: what is stored', () => {
  it.each([
    { name: 'a plain key', key: 'order-42' },
    { name: 'a key with colons', key: 'a:b:c' },
    { name: 'a key with spaces and unicode', key: 'pedido nº 42 ✓' },
  ])('$name is stored hashed, under instance and operation', async ({ key }) => {
    const store = redisStores[0];
    if (!store) throw new Error('no Redis stores');
    const instanceId = `inst-${randomTag()}`;
    await withIdempotency(store.idempotency, { ...base, instanceId, key }, countingSend().send);
    const admin = new Redis(TEST_REDIS_URL);
    try {
      const keys = await admin.keys(`${redisPrefix}:{${instanceId}}:idem:*`);
      const hash = createHash('sha256').update(key).digest('base64url');
      expect(keys).toEqual([`${redisPrefix}:{${instanceId}}:idem:SEND_TEXT:${hash}`]);
    } finally {
      admin.disconnect();
    }
  });
});

function randomTag(): string {
  return Math.random().toString(36).slice(2, 10);
}

describe('withIdempotency: the lease', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a repeat that waits past the lease on a key still held gives up with SERVICE_UNAVAILABLE, without sending', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    const alwaysBusy: IdempotencyStore = {
      begin: async () => ({ state: 'busy' }),
      finish: async () => undefined,
      abort: async () => undefined,
    };
    const s = countingSend();
    const call = rejectionOf(withIdempotency(alwaysBusy, base, s.send));
    await vi.advanceTimersByTimeAsync(IDEMPOTENCY_LEASE_MS + 100);
    const err = await call;
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(s.calls).toBe(0);
  });

  it('a first send that hangs past the lease lets a repeat take the key over (memory store)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    const store = new MemoryIdempotencyStore();
    let calls = 0;
    const send = async () => {
      calls += 1;
      if (calls === 1) return new Promise<{ id: string }>(() => undefined);
      return { id: `m-${calls}` };
    };
    void withIdempotency(store, base, send);
    await vi.advanceTimersByTimeAsync(1);
    const repeat = withIdempotency(store, base, send);
    await vi.advanceTimersByTimeAsync(IDEMPOTENCY_LEASE_MS / 2);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(IDEMPOTENCY_LEASE_MS / 2 + 100);
    expect(await repeat).toEqual({ id: 'm-2' });
    expect(calls).toBe(2);
  });
});
