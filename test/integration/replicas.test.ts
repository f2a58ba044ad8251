import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import type { RunningApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { toGlobalId } from '../../src/global-ids.js';
import { collect, eventually, gql, startTestApp, wsClient, type Collected } from '../helpers/app.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../helpers/redis.js';
import { isCallOf, operationsFor, simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * Two replicas: two complete servers in this process, on their own ports, each with its own
 * Redis connections, sharing one Redis under a unique key prefix and one simulator of the first provider that
 * posts webhooks ({@link webhookProvider}).
 * A webhook posted to A reaches a graphql-ws subscriber on B; the same webhook redelivered
 * to B publishes nothing; one idempotency key used concurrently on A and B sends once.
 */

const mod = webhookProvider();
const INSTANCE = 'replicated';
const SECRET = 'replica-webhook-secret-0123456789';
const prefix = uniquePrefix('replicas');
const channel = `${prefix}:bus:instance:${INSTANCE}`;

let sim: SimulatorHandle;
/** How many documented SEND_TEXT calls the simulator received so far. */
const sends = () => sim.requests.filter((r) => operationsFor(mod, 'SEND_TEXT').some((op) => isCallOf(mod, sim.instanceConfig, op, r))).length;
let a: RunningApp;
let b: RunningApp;
let clientB: Client;
const admin = new Redis(TEST_REDIS_URL);

async function postWebhook(app: RunningApp, body: unknown): Promise<{ status: number; body: { received?: number; published?: number; duplicates?: number } }> {
  const res = await fetch(`${app.url}/webhooks/${INSTANCE}/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { received?: number; published?: number } };
}

/** Waits until `n` bus subscriptions exist on the instance's channel (the subscription on B is live). */
async function subscribers(n: number): Promise<void> {
  await eventually(async () => ((await admin.pubsub('NUMSUB', channel)) as [string, number])[1] === n, 10_000, `${n} subscriber(s) on the instance channel`);
}

beforeAll(async () => {
  sim = await mod.startSimulator({ autoReply: false });
  const instance = simulatedInstance(mod, sim, INSTANCE, SECRET);
  const config: AppConfig = {
    port: 0,
    sandbox: false,
    instances: [instance],
    redis: { url: TEST_REDIS_URL, keyPrefix: prefix },
    events: { retentionMs: 3_600_000, maxLength: 10_000 },
    source: 'replicas.test',
  };
  [a, b] = await Promise.all([startTestApp(config), startTestApp(config)]);
  clientB = wsClient(b.url);
});

afterAll(async () => {
  await clientB?.dispose();
  await Promise.all([a?.close(), b?.close()]);
  await sim?.close();
  await deletePrefix(prefix);
  admin.disconnect();
});

describe('two replicas sharing Redis', () => {
  it('both use the Redis stores', () => {
    expect(a.services.stores.kind).toBe('redis');
    expect(b.services.stores.kind).toBe('redis');
    expect(a.port).not.toBe(b.port);
  });

  it('a webhook posted to A reaches a graphql-ws subscriber on B; the same webhook posted to B publishes nothing', async () => {
    const sub: Collected = collect(
      clientB,
      `subscription($i: ID!) { messageReceived(instanceId: $i) { id providerMessageId content { __typename ... on TextContent { body } } } }`,
      { i: INSTANCE },
    );
    try {
      await subscribers(1);
      const id = `REPLICA-${Date.now()}`;
      const first = await postWebhook(a, mod.samples.inboundText(id, { text: 'hello from A' }));
      expect(first).toEqual({ status: 200, body: { received: 1, published: 1, duplicates: 0 } });
      const got = await sub.waitFor((d) => d.messageReceived.providerMessageId === id);
      expect(got.messageReceived.content).toEqual({ __typename: 'TextContent', body: 'hello from A' });
      expect(got.messageReceived.id).toBe(toGlobalId('Message', INSTANCE, id));

      const again = await postWebhook(b, mod.samples.inboundText(id, { text: 'hello from A' }));
      expect(again).toEqual({ status: 200, body: { received: 1, published: 0, duplicates: 1 } });
      // a marker after the redelivery: once it arrived, the redelivery would have too
      const marker = `MARKER-${Date.now()}`;
      expect((await postWebhook(a, mod.samples.inboundText(marker, { text: 'marker' }))).body.published).toBe(1);
      await sub.waitFor((d) => d.messageReceived.providerMessageId === marker);
      expect(sub.results.filter((r) => r.data?.messageReceived.providerMessageId === id)).toHaveLength(1);

      // one shared log: either replica pages the same events with the same cursors
      const query = `query($i: ID!) { events(instanceId: $i, first: 100) { events { id cursor } } }`;
      const [fromA, fromB] = await Promise.all([gql(a.url, query, { i: INSTANCE }), gql(b.url, query, { i: INSTANCE })]);
      expect(fromA.errors).toBeUndefined();
      expect(fromA.data).toEqual(fromB.data);
      expect(fromA.data!.events.events).toHaveLength(2);
    } finally {
      sub.dispose();
    }
    await subscribers(0);
  });

  it('concurrent sendText with one idempotencyKey on A and B: one provider call, the same message id in every answer', async () => {
    const before = sends();
    // the provider answers slowly, so every request arrives while the first one still holds the key
    sim.injectFault({ delayMs: 400 });
    const mutation = `mutation($k: String!) { sendText(input: {instanceId: "${INSTANCE}", to: "+55 11 98765-4321", text: "once", idempotencyKey: $k}) { message { id status } } }`;
    const key = `idem-${Date.now()}`;
    const answers = await Promise.all([a, b, a, b, a, b].map((app) => gql(app.url, mutation, { k: key })));
    for (const r of answers) expect(r.errors).toBeUndefined();
    const ids = new Set(answers.map((r) => r.data!.sendText.message.id as string));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/\w{8,}/);
    expect(sends() - before).toBe(1);

    // a new key sends again
    const other = await gql(b.url, mutation, { k: `${key}-2` });
    expect(other.errors).toBeUndefined();
    expect(other.data!.sendText.message.id).not.toBe([...ids][0]);
    expect(sends() - before).toBe(2);
  });

  it('both replicas report ready with their Redis', async () => {
    for (const app of [a, b]) {
      const res = await fetch(`${app.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ stores: { kind: 'redis', up: true } });
    }
  });
});
