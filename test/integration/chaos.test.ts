import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { eventLocalId, toGlobalId } from '../../src/global-ids.js';
import type { DomainEvent } from '../../src/providers/model.js';
import { startTestApp } from '../helpers/app.js';
import { startPrivateRedis, waitFor, type PrivateRedis } from '../helpers/redis.js';
import { inboundTextBody, simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * Chaos: 10,000 webhooks at a steady rate over HTTP (each with its own provider message id),
 * while graphql-ws subscribers of `events(instanceId, after)` are dropped (socket terminated)
 * every 30–150 ms and resume with the last cursor they received. The sender behaves like a
 * provider: anything but 2xx is retried (with a short backoff, so the test stays short).
 *
 * Verdict, after dropping duplicate event ids (a retry whose first attempt was stored but
 * unacknowledged is appended again, with the same id): every subscriber received exactly the
 * event log, in log order — 0 missing, 0 out of order — and every event the server acknowledged
 * with 2xx is in it. With Redis, a private redis-server (fsync-always AOF: what it acknowledged
 * survives) is SIGKILLed mid-run and restarted on the same port.
 */

const EVENTS = 10_000;
const RATE_PER_S = 500;
const MAX_IN_FLIGHT = 200;
const SUBSCRIBERS = 2;
/** Each subscriber is cut off at least this often. */
const MIN_DROPS = 100;
/** A connection that receives nothing (it is at the end of the log) is cut after this long, ms: drops keep coming once the sender is done. */
const IDLE_CUT_MS = 300;
/** The provider whose webhooks are posted: the first that posts any. */
const mod = webhookProvider();
const INSTANCE = 'chaos';
const SECRET = 'chaos-webhook-secret-0123456789';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** The provider's documented inbound-text payload (`samples.inboundText`), as the body the sender posts. */
function textWebhook(messageId: string, n: number): string {
  return inboundTextBody(mod, messageId, { occurredAt: 1_700_000_000_000 + n, text: `chaos ${n}` });
}

/** Orders cursors of either backend (`<epoch>.123` or `<epoch>.1700000000000-5`; one epoch per run). */
function compareCursors(a: string, b: string): number {
  const pa = a
    .slice(a.indexOf('.') + 1)
    .split('-')
    .map(BigInt);
  const pb = b
    .slice(b.indexOf('.') + 1)
    .split('-')
    .map(BigInt);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0n;
    const y = pb[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

interface Received {
  id: string;
  cursor: string;
  messageId: string;
}
interface Subscriber {
  received: Received[];
  last: string | null;
  drops: number;
  errors: number;
  stop: boolean;
  done: Promise<void>;
}

const EVENTS_SUBSCRIPTION = `subscription($i: ID!, $after: String) { events(instanceId: $i, after: $after) { id cursor ... on MessageReceivedEvent { message { providerMessageId } } } }`;

/** A subscriber that connects, resumes from its last cursor, and is cut off after 30–150 ms, until told to stop. */
function startSubscriber(url: string): Subscriber {
  const s: Subscriber = { received: [], last: null, drops: 0, errors: 0, stop: false, done: Promise.resolve() };
  s.done = (async () => {
    while (!s.stop) {
      let socket: WebSocket | null = null;
      let cut = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let armCut: (afterMs: number) => void = () => undefined;
      let progressed = false;
      const client = createClient({
        url: `${url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        shouldRetry: () => false,
        on: {
          connected: (ws) => {
            socket = ws as WebSocket;
            if (cut) socket.terminate();
            // the cut clock starts with the connection's first event, so a loaded machine (slow
            // handshakes, slow replays) still lets every connection make progress before it is
            // dropped; a connection with nothing to receive (at the end of the log) is cut after IDLE_CUT_MS
            else armCut(IDLE_CUT_MS);
          },
        },
      });
      await new Promise<void>((resolve) => {
        let finished = false;
        const end = () => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          resolve();
        };
        client.subscribe<{ events: { id: string; cursor: string; message?: { providerMessageId: string } } }>(
          { query: EVENTS_SUBSCRIPTION, variables: { i: INSTANCE, after: s.last } },
          {
            next: (r) => {
              const e = r.data?.events;
              if (!e) return;
              s.received.push({ id: e.id, cursor: e.cursor, messageId: e.message?.providerMessageId ?? '' });
              s.last = e.cursor;
              if (!progressed) {
                progressed = true;
                armCut(30 + Math.random() * 120);
              }
            },
            // our own cut, a server-side end (bus interrupted, store down) or a refused resume: come back with the same cursor
            error: () => {
              if (!cut) s.errors++;
              end();
            },
            complete: end,
          },
        );
        // the drop: the TCP connection is cut (no close handshake), as a network failure would
        armCut = (afterMs: number) => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            cut = true;
            s.drops++;
            socket?.terminate();
            end();
          }, afterMs);
        };
        // a connection that never comes up is abandoned too (and counts as no drop)
        timer = setTimeout(() => {
          if (socket) return;
          cut = true;
          end();
        }, 5_000);
      });
      await client.dispose();
      if (s.errors > 0) await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return s;
}

interface SendStats {
  acked: Set<string>;
  attempts: number;
  non2xx: number;
  networkErrors: number;
}

/** Sends `count` webhooks at `ratePerS`, each retried until 2xx (100 ms doubling to 800 ms). */
async function sendAll(url: string, run: string, count: number, ratePerS: number, midway?: () => Promise<void>): Promise<SendStats> {
  const stats: SendStats = { acked: new Set(), attempts: 0, non2xx: 0, networkErrors: 0 };
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  const deliver = async (n: number) => {
    const messageId = `CHAOS-${run}-${n}`;
    const body = textWebhook(messageId, n);
    let backoff = 100;
    for (;;) {
      stats.attempts++;
      try {
        const res = await fetch(`${url}/webhooks/${INSTANCE}/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) {
          stats.acked.add(messageId);
          return;
        }
        stats.non2xx++;
      } catch {
        stats.networkErrors++;
      }
      await new Promise((r) => setTimeout(r, backoff));
      backoff = Math.min(backoff * 2, 800);
    }
  };
  const started = Date.now();
  let midwayDone: Promise<void> = Promise.resolve();
  for (let n = 0; n < count; n++) {
    const due = started + (n * 1000) / ratePerS;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= MAX_IN_FLIGHT) await new Promise((r) => setTimeout(r, 5));
    if (n === Math.floor(count / 2) && midway) midwayDone = midway();
    inFlight++;
    pending.push(deliver(n).finally(() => inFlight--));
  }
  await Promise.all(pending);
  await midwayDone;
  return stats;
}

/** The whole log of the instance, oldest first. */
async function readLog(app: RunningApp): Promise<DomainEvent[]> {
  const all: DomainEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await app.services.stores.log.readAfter(INSTANCE, after, 1_000);
    all.push(...page);
    if (page.length < 1_000) return all;
    after = page.at(-1)?.cursor ?? after;
  }
}

/** First occurrence of each event id, in order. */
function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}

async function runChaos(options: { redis?: PrivateRedis }): Promise<void> {
  const sim: SimulatorHandle = await mod.startSimulator({ autoReply: false });
  cleanups.push(() => sim.close());
  const instance = simulatedInstance(mod, sim, INSTANCE, SECRET);
  const config: AppConfig = {
    port: 0,
    sandbox: false,
    instances: [instance],
    events: { retentionMs: 3_600_000, maxLength: 100_000 },
    source: 'chaos.test',
    ...(options.redis ? { redis: { url: options.redis.url, keyPrefix: 'chaos' } } : {}),
  };
  const app = await startTestApp(config);
  cleanups.push(() => app.close());
  expect(app.services.stores.kind).toBe(options.redis ? 'redis' : 'memory');

  const subscribers = Array.from({ length: SUBSCRIBERS }, () => startSubscriber(app.url));
  const redis = options.redis;
  const restart = redis
    ? async () => {
        await redis.kill();
        await new Promise((r) => setTimeout(r, 1_000));
        await redis.start();
      }
    : undefined;
  const started = Date.now();
  const stats = await sendAll(app.url, `${Date.now()}`, EVENTS, RATE_PER_S, restart);
  const sendMs = Date.now() - started;

  const log = dedupe(await readLog(app));
  const tail = log.at(-1)?.cursor as string;
  await waitFor(() => subscribers.every((s) => s.drops >= MIN_DROPS && s.last !== null && compareCursors(s.last, tail) >= 0), 60_000, 'subscribers to reach the end of the log');
  for (const s of subscribers) s.stop = true;
  await Promise.all(subscribers.map((s) => s.done));

  console.info(
    JSON.stringify({
      stores: app.services.stores.kind,
      events: EVENTS,
      sendMs,
      attempts: stats.attempts,
      non2xx: stats.non2xx,
      networkErrors: stats.networkErrors,
      subscribers: subscribers.map((s) => ({ received: s.received.length, unique: dedupe(s.received).length, drops: s.drops, serverEnds: s.errors })),
    }),
  );
  // the graph's ids of the log's events (global ids of type Event)
  const logIds = log.map((e) => toGlobalId('Event', INSTANCE, eventLocalId(e.cursor as string, e.id)));
  const logMessageIds = new Set(log.map((e) => (e.type === 'MESSAGE_RECEIVED' ? e.message.id : '')));
  // every acknowledged event is stored, and nothing else is
  const lost = [...stats.acked].filter((m) => !logMessageIds.has(m));
  expect(lost).toEqual([]);
  expect(stats.acked.size).toBe(EVENTS);
  expect(log).toHaveLength(EVENTS);
  for (const [i, s] of subscribers.entries()) {
    const got = dedupe(s.received);
    // 0 out of order: strictly increasing cursors once duplicates are dropped
    let outOfOrder = 0;
    for (let k = 1; k < got.length; k++) if (compareCursors((got[k - 1] as Received).cursor, (got[k] as Received).cursor) >= 0) outOfOrder++;
    expect(outOfOrder, `subscriber ${i} out of order`).toBe(0);
    // 0 missing: exactly the log, in log order
    const gotIds = got.map((e) => e.id);
    const gotIdSet = new Set(gotIds);
    const missing = logIds.filter((id) => !gotIdSet.has(id));
    expect(missing.length, `subscriber ${i} missing`).toBe(0);
    expect(gotIds).toEqual(logIds);
    const gotMessageIds = new Set(got.map((e) => e.messageId));
    expect(
      [...stats.acked].filter((m) => !gotMessageIds.has(m)),
      `subscriber ${i} missing acknowledged`,
    ).toEqual([]);
    expect(s.drops, `subscriber ${i} drops`).toBeGreaterThanOrEqual(MIN_DROPS);
  }
  if (redis) expect(stats.non2xx + stats.networkErrors, 'the restart was felt by the sender').toBeGreaterThan(0);
}

describe('chaos: 10,000 webhooks, subscribers dropped and resumed', () => {
  it('memory stores: 0 missing, 0 out of order', async () => {
    await runChaos({});
  }, 150_000);

  it('Redis stores, Redis SIGKILLed and restarted mid-run: every acknowledged event delivered, 0 missing, 0 out of order', async () => {
    // tmpfs when there is one: fsync there is free, and a SIGKILLed process loses nothing it wrote
    const dir = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'whatsgraph-chaos-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const redis = await startPrivateRedis({ persistDir: dir });
    cleanups.push(() => redis.kill());
    await runChaos({ redis });
  }, 90_000);
});
