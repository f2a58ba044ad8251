import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/providers/model.js';
import { createRedisStores } from '../../src/subscriptions/redis-stores.js';
import type { Stores } from '../../src/subscriptions/stores.js';
import { startPrivateRedis, waitFor, type PrivateRedis } from '../helpers/redis.js';

/**
 * Redis goes away and comes back: a private redis-server this test spawns, kills (SIGKILL) and
 * restarts on the same port. Operations must reject quickly (no hang), nothing may reject
 * unhandled, readiness must say so, and after the restart subscriptions and appends work again
 * without recreating the stores.
 */

function event(n: number): DomainEvent {
  return { type: 'INSTANCE_EVENT', id: `outage-${n}`, instanceId: 'inst', occurredAt: Date.now(), kind: 'test', raw: { n } };
}

/** Settles `p` and reports how, and how long it took. */
async function settle<T>(p: Promise<T>): Promise<{ ok: boolean; ms: number; error?: unknown }> {
  const started = Date.now();
  try {
    await p;
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, error };
  }
}

describe('redis outage', () => {
  let redis: PrivateRedis;
  let stores: Stores;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    redis = await startPrivateRedis();
    stores = await createRedisStores({ url: redis.url, keyPrefix: 'outage', commandTimeoutMs: 1_000, maxReconnectDelayMs: 200 });
  });

  afterAll(async () => {
    await stores?.close();
    await redis?.kill();
    process.off('unhandledRejection', onUnhandled);
  });

  it('rejects fast while Redis is down, recovers subscriptions and appends after it restarts', async () => {
    const live: DomainEvent[] = [];
    let interruptions = 0;
    await stores.bus.subscribe(
      'instance:inst',
      (m) => live.push(JSON.parse(m) as DomainEvent),
      () => interruptions++,
    );
    const before = await stores.log.append(event(1), 'instance:inst');
    await waitFor(() => live.length === 1, 5_000, 'the first live event');
    expect(live[0]?.cursor).toBe(before);
    expect(await stores.ping()).toBe(true);

    // commands in flight when Redis dies, then Redis gone
    const inFlight = Array.from({ length: 50 }, (_, i) => settle(stores.log.append(event(100 + i), 'instance:inst')));
    await redis.kill();
    const flight = await Promise.all(inFlight);
    for (const r of flight) expect(r.ms).toBeLessThan(3_000);
    // the listener learns it may have missed messages, once for this outage
    await waitFor(() => interruptions === 1, 3_000, 'the interruption');

    const down = await Promise.all([
      settle(stores.log.append(event(2), 'instance:inst')),
      settle(stores.log.readAfter('inst', null, 10)),
      settle(stores.bus.publish('instance:inst', 'x')),
      settle(stores.bus.subscribe('instance:other', () => undefined)),
      // an already-subscribed topic cannot promise delivery either while the connection is down
      settle(stores.bus.subscribe('instance:inst', () => undefined)),
      settle(stores.dedupe.claim('k', 5_000)),
      settle(stores.dedupe.complete('k', 5_000)),
      settle(stores.dedupe.release('k')),
      settle(stores.idempotency.begin('k', 5_000)),
      settle(stores.idempotency.finish('k', 'r', 5_000)),
      settle(stores.statuses.advance('m', 1, 'e', 5_000)),
    ]);
    for (const r of down) {
      expect(r.ok).toBe(false);
      expect(r.ms).toBeLessThan(3_000);
    }
    const pingStarted = Date.now();
    expect(await stores.ping()).toBe(false);
    expect(Date.now() - pingStarted).toBeLessThan(3_000);

    // still down a while later (reconnect attempts keep failing): still fast rejections
    await new Promise((r) => setTimeout(r, 700));
    const later = await settle(stores.log.append(event(3), 'instance:inst'));
    expect(later.ok).toBe(false);
    expect(later.ms).toBeLessThan(3_000);

    // back on the same port (empty: it persists nothing)
    await redis.start();
    await waitFor(() => stores.ping(), 10_000, 'ping after restart');
    const after = await stores.log.append(event(4), 'instance:inst');
    await waitFor(() => live.some((e) => e.id === 'outage-4'), 5_000, 'a live event after the restart');
    expect(live.find((e) => e.id === 'outage-4')?.cursor).toBe(after);
    expect((await stores.log.readAfter('inst', null, 10)).map((e) => e.id)).toEqual(['outage-4']);
    expect(interruptions).toBe(1);

    // a new subscription and the claim stores work too
    const other: string[] = [];
    await stores.bus.subscribe('instance:other', (m) => other.push(m));
    await stores.bus.publish('instance:other', 'hello');
    await waitFor(() => other.length === 1, 5_000, 'a new subscription after the restart');
    expect(await stores.dedupe.claim('k2', 5_000)).toBe('claimed');
    expect(await stores.idempotency.begin('k2', 5_000)).toEqual({ state: 'new' });
    expect(await stores.statuses.advance('m2', 1, 'e', 5_000)).toBe(true);

    expect(unhandled).toEqual([]);
  });

  it('close() returns promptly while Redis is down', async () => {
    const s = await createRedisStores({ url: redis.url, keyPrefix: 'outage-close', commandTimeoutMs: 1_000, maxReconnectDelayMs: 200 });
    await s.bus.subscribe('t', () => undefined);
    await redis.kill();
    const r = await settle(s.close());
    expect(r.ok).toBe(true);
    expect(r.ms).toBeLessThan(3_000);
    await redis.start();
    expect(unhandled).toEqual([]);
  });
});
