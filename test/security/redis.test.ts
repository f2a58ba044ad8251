import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { RunningApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import type { DomainEvent } from '../../src/providers/model.js';
import { PRESENCE_BUCKET_MS, parseZapiWebhook } from '../../src/providers/zapi/webhooks.js';
import { createMemoryStores } from '../../src/subscriptions/memory-stores.js';
import { EventPipeline } from '../../src/subscriptions/pipeline.js';
import { instanceTopic } from '../../src/subscriptions/topics.js';
import { createRedisStores } from '../../src/subscriptions/redis-stores.js';
import type { Stores } from '../../src/subscriptions/stores.js';
import { collect, gql, sandboxConfig, startTestApp, wsClient } from '../helpers/app.js';
import { inboundTextBody, simulatedInstance, webhookProvider } from '../helpers/providers.js';
import { TEST_REDIS_URL, deletePrefix, startPrivateRedis, uniquePrefix, waitFor, type PrivateRedis } from '../helpers/redis.js';

/**
 * Redis truths (issue 12, deliverable 6), attacked through the running server where they show:
 * - Redis loses its data (FLUSHDB: a restart without persistence, a failover to an empty
 *   replica): a client resuming from a cursor it got before is answered RESYNC_REQUIRED, over
 *   the `events` query and the `events` subscription, never an empty or partial replay;
 * - a redelivered presence (Z-API sends it without id or time) publishes once.
 */
const SECRET = 'redis-truths-webhook-secret-0123456789';
const mod = webhookProvider();
let redis: PrivateRedis;
let admin: Redis;
let sim: SimulatorHandle;
let app: RunningApp;

const post = (id: string) =>
  fetch(`${app.url}/webhooks/br/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: inboundTextBody(mod, id, { text: 'truths' }) });

const EVENTS_QUERY = 'query($a: String) { events(instanceId: "br", after: $a) { events { cursor } endCursor } }';
const EVENTS_SUBSCRIPTION = 'subscription($a: String) { events(instanceId: "br", after: $a) { cursor ... on MessageReceivedEvent { message { id providerMessageId } } } }';

describe('Redis lost its data: resumed cursors answer RESYNC_REQUIRED through the server', () => {
  beforeAll(async () => {
    redis = await startPrivateRedis();
    admin = new Redis(redis.url);
    sim = await mod.startSimulator({ autoReply: false });
    app = await startTestApp(sandboxConfig({ sandbox: false, redis: { url: redis.url, keyPrefix: 'truths' }, instances: [simulatedInstance(mod, sim, 'br', SECRET)] }));
  });
  afterAll(async () => {
    admin?.disconnect();
    await app?.close();
    await sim?.close();
    await redis?.kill();
  });

  /** What a resumed subscription ends with: the first message id it delivers, or its error code. */
  async function resume(after: string, expectId?: string): Promise<string> {
    const client = wsClient(app.url);
    const sub = collect(client, EVENTS_SUBSCRIPTION, { a: after });
    try {
      return await Promise.race([
        sub
          .waitFor((d) => expectId === undefined || d.events.message?.providerMessageId === expectId, 10_000)
          .then((d) => `delivered ${String(d.events.message?.providerMessageId)}`),
        sub.done.then(
          // an execution error arrives as a result with `errors`, then the subscription completes
          () => String(sub.results.find((r) => r.errors)?.errors?.[0]?.extensions?.code ?? 'completed'),
          (e: unknown) => (Array.isArray(e) ? String(e[0]?.extensions?.code) : 'closed'),
        ),
      ]);
    } finally {
      sub.dispose();
      await client.dispose();
    }
  }

  it('before the loss a cursor resumes; after FLUSHDB it is RESYNC_REQUIRED, before and after new events arrive', async () => {
    const first = `TRUTH${Date.now()}`;
    expect((await post(first)).status).toBe(200);
    expect((await post(`${first}-2`)).status).toBe(200);
    const page = await gql(app.url, EVENTS_QUERY, { a: null });
    expect(page.errors).toBeUndefined();
    const [c1, c2] = page.data!.events.events.map((e: { cursor: string }) => e.cursor) as [string, string];
    expect(await resume(c1, `${first}-2`)).toBe(`delivered ${first}-2`);

    await admin.flushdb();
    // the log is gone and nothing came since: not "no events after your cursor"
    const emptied = await gql(app.url, EVENTS_QUERY, { a: c2 });
    expect(emptied.errors?.[0]?.extensions?.code).toBe('RESYNC_REQUIRED');
    expect(await resume(c2)).toBe('RESYNC_REQUIRED');

    // new events start a new epoch: the old cursors still answer RESYNC_REQUIRED, the new ones resume
    const later = `${first}-after`;
    expect((await post(later)).status).toBe(200);
    for (const c of [c1, c2]) {
      const res = await gql(app.url, EVENTS_QUERY, { a: c });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('RESYNC_REQUIRED');
    }
    expect(await resume(c1)).toBe('RESYNC_REQUIRED');
    const fresh = await gql(app.url, EVENTS_QUERY, { a: null });
    const [c3] = fresh.data!.events.events.map((e: { cursor: string }) => e.cursor) as [string];
    expect(c3.split('.')[0]).not.toBe(c1.split('.')[0]);
    expect((await post(`${later}-2`)).status).toBe(200);
    expect(await resume(c3, `${later}-2`)).toBe(`delivered ${later}-2`);
  });
});

describe('a redelivered Z-API presence publishes once', () => {
  const prefix = uniquePrefix('presence');
  const opened: Stores[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await deletePrefix(prefix);
  });

  const presence = { type: 'PresenceChatCallback', phone: '5544999999999', status: 'COMPOSING', lastSeen: null, instanceId: 'zapi-instance' };
  /** A bucket's start, so that `+ offset` stays inside it. */
  const bucket = Math.floor(Date.now() / PRESENCE_BUCKET_MS) * PRESENCE_BUCKET_MS;
  const parse = (receivedAt: number, body: object = presence): DomainEvent[] => parseZapiWebhook('zp', { body, headers: {}, receivedAt });

  it.each([
    { name: 'memory', open: async () => createMemoryStores() },
    { name: 'Redis', open: async () => createRedisStores({ url: TEST_REDIS_URL, keyPrefix: prefix }) },
  ])('on $name stores: a redelivery within the bucket is a duplicate; the next bucket and another state publish', async ({ open }) => {
    const stores = await open();
    opened.push(stores);
    const pipeline = new EventPipeline(stores, createLogger('silent'));
    const live: string[] = [];
    await stores.bus.subscribe(instanceTopic('zp'), (m) => live.push(m));
    const delivered = parse(bucket + 100);
    const redelivered = parse(bucket + PRESENCE_BUCKET_MS - 1);
    expect(redelivered.map((e) => e.id)).toEqual(delivered.map((e) => e.id));
    expect(await pipeline.offer(delivered)).toEqual(['published']);
    expect(await Promise.all([pipeline.offer(redelivered), pipeline.offer(parse(bucket + 2_000))])).toEqual([['duplicate'], ['duplicate']]);
    // a real, later COMPOSING (another bucket) and another state in the same bucket are new events
    expect(await pipeline.offer(parse(bucket + PRESENCE_BUCKET_MS))).toEqual(['published']);
    expect(await pipeline.offer(parse(bucket + 100, { ...presence, status: 'PAUSED' }))).toEqual(['published']);
    const events = await stores.log.readAfter('zp', null, 10);
    expect(events).toHaveLength(3);
    await waitFor(() => live.length === 3, 5_000, 'three live presences');
  });
});
