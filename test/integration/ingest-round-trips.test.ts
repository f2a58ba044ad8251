import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { RunningApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { createRedisStores } from '../../src/subscriptions/redis-stores.js';
import { startTestApp } from '../helpers/app.js';
import { webhookFixtures } from '../helpers/fixtures.js';
import { documentedStatusPayload, simulatedInstance, webhookProvider } from '../helpers/providers.js';
import { startPrivateRedis, uniquePrefix, waitFor, type PrivateRedis } from '../helpers/redis.js';

/**
 * Issue 13, item 3: with Redis stores (the event log and the message store both on Redis), an
 * accepted webhook costs ONE Redis round trip: one command of the server's command connection,
 * the ingest script (dedupe, conversation write, append, publish, done mark). Counted on a private
 * redis-server (no other test's commands) through a MONITOR connection, which reports every
 * command with the address of the client that sent it; the commands scripts run report as `lua`.
 */

const mod = webhookProvider();
const INSTANCE = 'round-trips';
const SECRET = 'round-trips-webhook-secret-0123456789';
const prefix = uniquePrefix('round-trips');

let redis: PrivateRedis;
let sim: SimulatorHandle;
let app: RunningApp;
let admin: Redis;
let monitor: Redis;
let monitorBase: Redis;
/** The commands the server's command connection sent, in order (name and first key). */
const seen: string[] = [];
let commandAddr = '';

async function post(messageId: string, text: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.url}/webhooks/${INSTANCE}/${SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(mod.samples.inboundText(messageId, { text })),
  });
  return { status: res.status, body: await res.json() };
}

async function postJson(payload: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.url}/webhooks/${INSTANCE}/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: res.status, body: await res.json() };
}

/** The provider's documented payload of a single `value` status change of message `messageId`. */
function status(value: string, messageId: string): unknown {
  return documentedStatusPayload(app.services.instances.get(INSTANCE).adapter, webhookFixtures(mod), value, messageId);
}

/** Waits until MONITOR has reported everything executed so far (an ECHO sent after it), then empties and returns what it saw. */
async function drain(): Promise<string[]> {
  const fence = `fence-${Math.random()}`;
  let fenced = false;
  const onFence = (_time: string, args: string[]) => {
    if (args[0]?.toLowerCase() === 'echo' && args[1] === fence) fenced = true;
  };
  monitor.on('monitor', onFence);
  try {
    await admin.echo(fence);
    await waitFor(() => fenced, 5_000, 'the MONITOR fence');
  } finally {
    monitor.off('monitor', onFence);
  }
  return seen.splice(0);
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  sim = await mod.startSimulator({ autoReply: false });
  const config: AppConfig = {
    port: 0,
    sandbox: false,
    instances: [simulatedInstance(mod, sim, INSTANCE, SECRET)],
    redis: { url: redis.url, keyPrefix: prefix },
    events: { retentionMs: 3_600_000, maxLength: 10_000 },
    source: 'ingest-round-trips.test',
  };
  app = await startTestApp(config);
  admin = new Redis(redis.url);
  const clients = (await admin.client('LIST')) as string;
  const line = clients.split('\n').find((l) => l.includes(` name=${prefix}:cmd `));
  commandAddr = /\baddr=(\S+)/.exec(line ?? '')?.[1] ?? '';
  expect(commandAddr).not.toBe('');
  monitorBase = new Redis(redis.url);
  monitor = await monitorBase.monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === commandAddr) seen.push(`${args[0]?.toLowerCase()} ${args[3] ?? ''}`.trim());
  });
  // the first call of a script loads it (EVALSHA answers NOSCRIPT, then EVAL): not counted
  expect((await post('WARM-UP', 'warm up')).status).toBe(200);
  await drain();
});

afterAll(async () => {
  monitor?.disconnect();
  monitorBase?.disconnect();
  admin?.disconnect();
  await app?.close();
  await sim?.close();
  await redis?.kill();
});

describe('one Redis round trip per accepted webhook', () => {
  it('a new message: one command (the ingest script), which stores it in the log and the conversation', async () => {
    const n = 20;
    for (let i = 0; i < n; i++) {
      const answer = await post(`RT-${i}`, `message ${i}`);
      expect(answer).toEqual({ status: 200, body: { received: 1, published: 1, duplicates: 0 } });
    }
    const commands = await drain();
    expect(commands, commands.join('\n')).toHaveLength(n);
    for (const c of commands) expect(c).toMatch(/^evalsha /);

    // both stores have it: the event log and the message store
    const stores = app.services.stores;
    const events = await stores.log.readAfter(INSTANCE, null, 100);
    const ids = events.flatMap((e) => (e.type === 'MESSAGE_RECEIVED' ? [e.message.id] : []));
    for (let i = 0; i < n; i++) expect(ids).toContain(`RT-${i}`);
    const record = await stores.messages.get(INSTANCE, 'RT-7');
    expect(record?.message.content).toMatchObject({ kind: 'text', body: 'message 7' });
    expect(record?.stub).toBe(false);
    await drain();
  });

  it('a redelivery: one command too, answered as a duplicate, nothing stored again', async () => {
    const before = (await app.services.stores.log.readAfter(INSTANCE, null, 1000)).length;
    await drain();
    expect(await post('RT-3', 'message 3')).toEqual({ status: 200, body: { received: 1, published: 0, duplicates: 1 } });
    const commands = await drain();
    expect(commands, commands.join('\n')).toHaveLength(1);
    expect((await app.services.stores.log.readAfter(INSTANCE, null, 1000)).length).toBe(before);
  });

  it('a status of a message this replica stored: one round trip (its first guess of the record is right), READ marks the chat read in it', async () => {
    const chatId = (await app.services.stores.messages.get(INSTANCE, 'RT-5'))!.message.chatId;
    const unread = await app.services.stores.messages.unreadCount(INSTANCE, chatId);
    await drain();
    expect(await postJson(status('READ', 'RT-5'))).toEqual({ status: 200, body: { received: 1, published: 1, duplicates: 0 } });
    const commands = await drain();
    expect(commands, commands.join('\n')).toHaveLength(1);
    const record = await app.services.stores.messages.get(INSTANCE, 'RT-5');
    expect([record?.message.status, record?.read]).toEqual(['READ', true]);
    // read up to RT-5: it and the messages before it
    expect(await app.services.stores.messages.unreadCount(INSTANCE, chatId)).toBeLessThan(unread);
  });

  it('a status of a message another replica changed last: two round trips, the second with the record the first answered', async () => {
    const other = await createRedisStores({ url: redis.url, keyPrefix: prefix });
    try {
      await other.messages.update(INSTANCE, 'RT-16', (current) =>
        current ? { ...current, reactions: [{ reactorId: 'someone', fromMe: false, emoji: '👍', at: Date.now() }] } : null,
      );
    } finally {
      await other.close();
    }
    await drain();
    expect((await postJson(status('DELIVERED', 'RT-16'))).status).toBe(200);
    const commands = await drain();
    expect(commands, commands.join('\n')).toHaveLength(2);
    const record = await app.services.stores.messages.get(INSTANCE, 'RT-16');
    // both writes kept: the other replica's and the status
    expect([record?.message.status, record?.reactions.length]).toEqual(['DELIVERED', 1]);
  });
});
