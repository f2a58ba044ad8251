import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import type { AppConfig } from '../../../src/config.js';
import { zivoModule } from '../../../src/providers/zivo/index.js';
import { startZivoSimulator, type ZivoSimulatorHandle } from '../../../src/providers/zivo/simulator/index.js';
import { eventually, gql, startTestApp } from '../../helpers/app.js';
import { simulatedInstance } from '../../helpers/providers.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../../helpers/redis.js';

/**
 * Two replicas sharing one Redis and one Zivo instance (one simulator, delivery reports polled
 * every 100 ms): the messages sent on either are tracked in Redis, only the replica holding
 * the instance's lease asks `getdlr`, and when it closes the other one takes over the
 * messages it sent.
 */

const INSTANCE = 'zivo-replicated';
const SECRET = 'zivo-replica-webhook-secret-0123456789';
const prefix = uniquePrefix('zivo-replicas');

let sim: ZivoSimulatorHandle;
let a: RunningApp;
let b: RunningApp;

/** The `getdlr` requests this replica made (its own metrics registry). */
async function dlrCalls(app: RunningApp): Promise<number> {
  const { values } = await app.services.metrics.providerRequests.get();
  return values.filter((v) => v.labels.provider === 'zivo' && v.labels.operation === 'getdlr').reduce((n, v) => n + v.value, 0);
}

async function send(app: RunningApp, text: string): Promise<string> {
  const r = await gql(app.url, `mutation($input: SendTextInput!) { sendText(input: $input) { message { providerMessageId status } } }`, {
    input: { instanceId: INSTANCE, to: '254712345678', text },
  });
  expect(r.errors).toBeUndefined();
  expect(r.data!.sendText.message.status).toBe('SENT');
  return r.data!.sendText.message.providerMessageId as string;
}

/** The statuses the event log holds for `messageId`, in order (either replica answers from the one shared log). */
async function statuses(app: RunningApp, messageId: string): Promise<string[]> {
  const r = await gql(app.url, `query($i: ID!) { events(instanceId: $i, first: 500) { events { ... on MessageStatusChangedEvent { messageId status } } } }`, { i: INSTANCE });
  expect(r.errors).toBeUndefined();
  return (r.data!.events.events as Array<{ messageId?: string; status?: string }>).filter((e) => e.messageId === messageId).map((e) => e.status as string);
}

beforeAll(async () => {
  sim = await startZivoSimulator({ stepDelayMs: 500 });
  const config: AppConfig = {
    port: 0,
    sandbox: false,
    instances: [simulatedInstance(zivoModule, sim, INSTANCE, SECRET, { statusPollIntervalMs: 100 })],
    redis: { url: TEST_REDIS_URL, keyPrefix: prefix },
    events: { retentionMs: 3_600_000, maxLength: 10_000 },
    source: 'zivo-replicas.test',
  };
  [a, b] = await Promise.all([startTestApp(config), startTestApp(config)]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await sim?.close();
  await deletePrefix(prefix);
});

describe('Zivo delivery reports across two replicas', () => {
  it('messages sent on A and on B get their statuses, and every getdlr comes from one replica', async () => {
    const [onA, onB] = [await send(a, 'from A'), await send(b, 'from B')];
    for (const id of [onA, onB]) await eventually(async () => (await statuses(a, id)).includes('READ'), 10_000, `READ for ${id}`);
    for (const id of [onA, onB]) expect(await statuses(b, id)).toEqual(['DELIVERED', 'READ']);
    const calls = [await dlrCalls(a), await dlrCalls(b)];
    expect(Math.max(...calls)).toBeGreaterThan(0);
    expect(Math.min(...calls)).toBe(0);
    // READ is final: nothing of this instance is tracked any more
    expect(await a.services.stores.tracking.list(INSTANCE, 10)).toEqual([]);
  });

  it('a message sent on the polling replica still gets its statuses after that replica closed', async () => {
    const [leader, other] = (await dlrCalls(a)) > 0 ? [a, b] : [b, a];
    const otherBefore = await dlrCalls(other);
    const id = await send(leader, 'sent on the leader');
    // it resigns its lease on close, so the other takes over at its next sweep (not after the lease's 30 s)
    await leader.close();
    await eventually(async () => (await statuses(other, id)).includes('READ'), 10_000, `READ for ${id} via the other replica`);
    expect(await statuses(other, id)).toEqual(['DELIVERED', 'READ']);
    expect(await dlrCalls(other)).toBeGreaterThan(otherBefore);
    expect(await other.services.stores.tracking.list(INSTANCE, 10)).toEqual([]);
  });
});
