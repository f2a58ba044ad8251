import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { connect, type Socket } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createMemoryStores } from '../src/subscriptions/memory-stores.js';
import { createRedisStores } from '../src/subscriptions/redis-stores.js';
import type { Stores } from '../src/subscriptions/stores.js';
import { inboundTextBody } from '../test/helpers/provider-modules.js';
import { deletePrefix } from '../test/helpers/redis.js';
import { BENCH_INSTANCE, BENCH_REDIS_URL, BENCH_SECRET, FLOOR_CHUNK_BYTES, benchProvider } from './constants.js';
import { toGlobalId } from '../src/global-ids.js';
import { runDashboardBench } from './dashboard.js';
import { runPathsBench } from './paths.js';
import { fmt, percentile } from './stats.js';
import { CLIENT_CORE, SERVER_CORE, haveTaskset, pin, runtimeLabel, startBenchServer, type BenchServer } from './processes.js';

/**
 * `npm run bench`: webhook → subscriber latency and fan-out throughput with 1,000 graphql-ws
 * subscribers, heap per idle subscriber, in memory and through Redis; plus the raw bus fan-out
 * (no GraphQL). The server runs in its own process (`bench/server.ts`) so its heap and CPU are
 * measured apart from the clients. Writes `docs/benchmarks.md`.
 *
 * Environment: `BENCH_REDIS_URL` (default `REDIS_URL`, else `redis://127.0.0.1:6379`; keys under a unique
 * prefix, deleted afterwards), `BENCH_SUBSCRIBERS` (1,000), `BENCH_LATENCY_SECONDS` (60),
 * `BENCH_BURST_SECONDS` (5), `BENCH_BURST_ROUNDS` (3), `BENCH_CPU_PROF` (a directory: the server writes V8 CPU
 * profiles there), `BENCH_FANOUT_ONLY=1` (skip the request-path and dashboard benches), `BENCH_TSX=1` (servers
 * through tsx instead of compiled; bench/processes.ts), `BENCH_DETAIL=1` (print each latency-run event's
 * first, median and last delivery).
 * Everything in `docs/benchmarks.md` after the `<!-- notes -->` line is kept across runs.
 */

const here = dirname(fileURLToPath(import.meta.url));
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
/**
 * Seconds (events) of the latency run. 60: a p99 over the 30,000 deliveries of 30 events was the
 * tail of the slowest event or two (one event is 3.3 % of the deliveries), and moved by 20–30 ms
 * between runs with it; over 60 the same slow event weighs half as much.
 */
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 60);
/**
 * Events sent at the latency run's pace, untimed, before it starts. The run follows the heap
 * measurement, whose forced full GC leaves V8 a shrunken heap to grow back: the first event after
 * it took 100–115 ms where the next ones took 20–50 (BENCH_DETAIL=1), a state a running server is
 * not in. Three are enough for the first timed event to look like the rest.
 */
const LATENCY_WARMUP_EVENTS = 3;

/**
 * This process's garbage collector (V8's `gc`, exposed at run time). The latency runs collect
 * between events, off the timed windows: this one process holds the 1,000 clients and every figure
 * it records, and a major GC of its own in the middle of an event made that event 100–145 ms
 * (the GC entries of `perf_hooks` lined up with the slow events), a cost of the load generator, not
 * of the server.
 */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
/** How far into each second of a latency run the bench process collects its garbage, ms (every delivery has long arrived). */
const LATENCY_GC_AT_MS = 600;
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 5);
/** Bursts of whatsgraph and of the bare graphql-ws baseline, interleaved, per stores; medians reported. */
const BURST_ROUNDS = Number(process.env.BENCH_BURST_ROUNDS ?? 3);
/** Webhooks in flight during the burst. */
const BURST_CONCURRENCY = 4;

/** Hand-written notes below this line in docs/benchmarks.md survive a rerun. */
const NOTES_MARKER = '<!-- notes -->';

/** Targets (issue 13, item 4; issue 4 had 100 ms, 20,000 and 20 KB). */
const TARGETS = { p99Ms: 50, deliveriesPerCoreS: 45_000, heapPerSubscriberKb: 10, perCoreVsBare: 3 };

const SUBSCRIPTION = `subscription($i: ID!) { messageReceived(instanceId: $i) { id timestamp chat { id } content { __typename ... on TextContent { body } } } }`;

/** A forked bench server (`server.ts`: whatsgraph; `bare-ws-server.ts`: the baseline), listening at `ready.url`. */
type Server = BenchServer<{ ready: true; url: string }>;

/** Starts a bench server script on {@link SERVER_CORE} (compiled; `--expose-gc` for its `heap` answer) and waits until it listens. */
function startServer(script: string, env: Record<string, string>): Promise<Server> {
  return startBenchServer(script, [], { env, execArgv: ['--expose-gc'], core: SERVER_CORE });
}

/** The provider the benchmark's instance runs on (bench/constants.ts). */
const provider = benchProvider();
let webhookSeq = 0;
/** The provider's documented inbound-text webhook body with this message id. */
function webhookBody(messageId: string): string {
  ++webhookSeq;
  return inboundTextBody(provider, messageId, { occurredAt: Date.now() + webhookSeq, text: `benchmark message ${webhookSeq}` });
}

async function postWebhook(url: string, messageId: string): Promise<void> {
  const res = await fetch(`${url}/webhooks/${BENCH_INSTANCE}/${BENCH_SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: webhookBody(messageId) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

/** When the frame now being handed to graphql-ws was read off its socket (`performance.now()`, ms); see {@link ReadTimedWebSocket}. */
let frameReadAt = 0;

/**
 * Frames read and not yet handed to graphql-ws, in read order (all sockets): the socket and its
 * `onmessage` handler, the frame's payload as `ws` read it, when it was read.
 */
const unhandled: Array<{ socket: ReadTimedWebSocket; handler: (event: WebSocket.MessageEvent) => void; data: Buffer; isBinary: boolean; readAt: number }> = [];
/** Frames read so far (all sockets). */
let framesRead = 0;
let handlingTimer: NodeJS.Timeout | undefined;
/** How often the queue of read frames is looked at, ms; it is handed over once no frame arrived in the last look. */
const QUIET_MS = 1;
/** The longest a read frame waits to be handed over while frames keep arriving (bursts), ms. */
const MAX_HOLD_MS = 50;

/** Hands the read frames to graphql-ws once the sockets went quiet for {@link QUIET_MS} (or the oldest waited {@link MAX_HOLD_MS}). */
function scheduleHandling(): void {
  if (handlingTimer) return;
  let seen = framesRead;
  const look = () => {
    const oldest = unhandled[0];
    if (oldest && framesRead !== seen && performance.now() - oldest.readAt < MAX_HOLD_MS) {
      seen = framesRead;
      handlingTimer = setTimeout(look, QUIET_MS);
      return;
    }
    handlingTimer = undefined;
    const batch = unhandled.splice(0);
    for (const f of batch) {
      frameReadAt = f.readAt;
      // the event ws's own `onmessage` would have made (graphql-ws reads its `data`), made only now
      f.handler({ type: 'message', target: f.socket, data: f.isBinary ? f.data : f.data.toString() });
    }
  };
  handlingTimer = setTimeout(look, QUIET_MS);
}

/**
 * A `ws` WebSocket that notes when each message is read off the socket and hands it to graphql-ws's
 * `onmessage` only once the sockets have gone quiet (see {@link scheduleHandling}). One process, on
 * one core, runs all 1,000 subscribers: handled as they come, the JSON decoding and dispatch of the
 * frames read first would delay the reading of the rest, and the tail latency would measure this
 * load generator, not the server (each real subscriber is a client of its own). Latency is therefore
 * measured to the read, off this process's decoding; the time to the client's `next`, which
 * includes that wait, is kept beside it. While reading, a frame costs `ws`'s parsing and one entry
 * in {@link unhandled}: the text decoding and the `MessageEvent` that `ws`'s `onmessage` makes per
 * frame wait for the hand-over too (they were 1–2 µs of the ~20 µs a read costs this process).
 */
class ReadTimedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    let handler: ((event: WebSocket.MessageEvent) => void) | null = null;
    this.on('message', (data: Buffer, isBinary: boolean) => {
      framesRead++;
      if (!handler) return;
      unhandled.push({ socket: this, handler, data, isBinary, readAt: performance.now() });
      scheduleHandling();
    });
    Object.defineProperty(this, 'onmessage', {
      get: () => handler,
      set: (h: ((event: WebSocket.MessageEvent) => void) | null) => {
        handler = h;
      },
    });
  }
}

/** One burst: events emitted back to back for a while, and every delivery counted. */
interface Burst {
  events: number;
  deliveries: number;
  /** Wall seconds from the first emit to the last delivery. */
  seconds: number;
  deliveriesPerS: number;
  /** The server process's user + system CPU over the burst, s. */
  serverCpuS: number;
  deliveriesPerCoreS: number;
  p50Ms: number;
  p99Ms: number;
}

interface GraphResult {
  stores: string;
  heapPerSubscriberKb: number;
  latency: Latency;
  /** Every round's burst, and the median one (by deliveries per core-second). */
  bursts: Burst[];
  burst: Burst;
  /** The bare graphql-ws bursts interleaved with these (same rounds), and their median. */
  bareBursts: Burst[];
  bare: Burst;
}

/** A server under fan-out, its 1,000 subscribers and what they received. */
interface FanoutTarget {
  name: string;
  server: Server;
  /** Makes the server publish one event with this message id (a webhook POST, or the baseline's emitter). */
  emit(id: string): Promise<void>;
  /** The id a delivered message carries for a published message id (the graph's is a global id, `toGlobalId('Message', instance, id)`). */
  key(id: string): string;
  clients: Client[];
  sentAt: Map<string, number>;
  counts: Map<string, number>;
  /** Post → the frame read off the subscriber's socket, ms. */
  latencies: number[];
  /** Post → the subscriber's graphql-ws `next` (after this process decoded every frame read before it), ms. */
  handledLatencies: number[];
  /** During the latency run: each timed event's latencies to the frame read, by delivered id. */
  perEvent: Map<string, number[]>;
  deliveries: number;
  lastDeliveryAt: number;
}

/** Heap after a full GC, bytes. */
async function heapOf(server: Server): Promise<number> {
  return (await server.ask<{ heapUsed: number }>('heap')).heapUsed;
}

/**
 * Opens {@link SUBSCRIBERS} graphql-ws clients on the target, each subscribed to {@link SUBSCRIPTION},
 * and waits until a probe event reaches every one.
 * @returns the heap grown per subscriber, KB (server heap after minus before, after a full GC each)
 */
async function subscribeAll(t: FanoutTarget): Promise<number> {
  const heapBefore = await heapOf(t.server);
  const wsUrl = `${t.server.ready.url.replace(/^http/, 'ws')}/graphql`;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const client = createClient({ url: wsUrl, webSocketImpl: ReadTimedWebSocket, retryAttempts: 0, lazy: true });
    t.clients.push(client);
    client.subscribe<{ messageReceived: { id: string } }>(
      { query: SUBSCRIPTION, variables: { i: BENCH_INSTANCE } },
      {
        next: (r) => {
          const id = r.data?.messageReceived?.id;
          if (!id) return;
          const now = performance.now();
          t.deliveries++;
          t.lastDeliveryAt = now;
          t.counts.set(id, (t.counts.get(id) ?? 0) + 1);
          const t0 = t.sentAt.get(id);
          if (t0 !== undefined) {
            t.perEvent.get(id)?.push(frameReadAt - t0);
            t.latencies.push(frameReadAt - t0);
            t.handledLatencies.push(now - t0);
          }
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    if (i % 100 === 99) await sleep(50);
  }
  // live when a probe reaches every subscriber
  for (let probe = 0; ; probe++) {
    if (probe > 60) throw new Error(`${t.name}: the subscriptions never all became live`);
    const id = `probe-${probe}-${randomUUID()}`;
    await t.emit(id);
    await sleep(500);
    if (t.counts.get(t.key(id)) === SUBSCRIBERS) break;
  }
  await sleep(1_000);
  return ((await heapOf(t.server)) - heapBefore) / SUBSCRIBERS / 1024;
}

/** Events emitted back to back ({@link BURST_CONCURRENCY} in flight) for `seconds`, counted until every subscriber has every event. */
async function burst(t: FanoutTarget, seconds: number): Promise<Burst> {
  t.latencies = [];
  t.handledLatencies = [];
  t.deliveries = 0;
  const { cpuMs: cpuBefore } = await t.server.ask<{ cpuMs: number }>('cpu');
  const start = performance.now();
  let events = 0;
  await Promise.all(
    Array.from({ length: BURST_CONCURRENCY }, async () => {
      while (performance.now() - start < seconds * 1_000) {
        const id = `burst-${events++}-${randomUUID()}`;
        t.sentAt.set(t.key(id), performance.now());
        await t.emit(id);
      }
    }),
  );
  const expected = events * SUBSCRIBERS;
  const drainDeadline = performance.now() + 60_000;
  while (t.deliveries < expected && performance.now() < drainDeadline) await sleep(50);
  const { cpuMs: cpuAfter } = await t.server.ask<{ cpuMs: number }>('cpu');
  t.sentAt.clear();
  t.counts.clear();
  const wall = (t.lastDeliveryAt - start) / 1000;
  const serverCpuS = (cpuAfter - cpuBefore) / 1000;
  const b = [...t.latencies].sort((x, y) => x - y);
  t.latencies = [];
  t.handledLatencies = [];
  return {
    events,
    deliveries: t.deliveries,
    seconds: wall,
    deliveriesPerS: t.deliveries / wall,
    serverCpuS,
    deliveriesPerCoreS: t.deliveries / serverCpuS,
    p50Ms: percentile(b, 50),
    p99Ms: percentile(b, 99),
  };
}

/** The median burst of a list, by deliveries per core-second. */
function medianBurst(bursts: Burst[]): Burst {
  const sorted = [...bursts].sort((a, b) => a.deliveriesPerCoreS - b.deliveriesPerCoreS);
  return sorted[Math.floor((sorted.length - 1) / 2)] as Burst;
}

function fanoutTarget(name: string, server: Server, emit: (id: string) => Promise<void>, key: (id: string) => string = (id) => id): FanoutTarget {
  return { name, server, emit, key, clients: [], sentAt: new Map(), counts: new Map(), latencies: [], handledLatencies: [], perEvent: new Map(), deliveries: 0, lastDeliveryAt: 0 };
}

/** The latency run's figures: to the frame's read (p50/p99/min/max) and to the client's `next` (handled*), ms. */
interface Latency {
  deliveries: number;
  minMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  handledP50Ms: number;
  handledP99Ms: number;
  deliveriesPerS: number;
  /** Timed events, and how many of them had their last delivery later than the p99 target. */
  events: number;
  eventsOverTarget: number;
}

/**
 * One event per second for {@link LATENCY_SECONDS} s to the 1,000 subscribers (≈ 1,000 deliveries/s),
 * each timed from just before the emit, after {@link LATENCY_WARMUP_EVENTS} untimed ones at the same pace.
 */
async function latencyRun(t: FanoutTarget): Promise<Latency> {
  for (let w = 0; w < LATENCY_WARMUP_EVENTS; w++) {
    await t.emit(`lat-warm-${w}-${randomUUID()}`);
    await sleep(1_000);
  }
  t.latencies = [];
  t.handledLatencies = [];
  t.perEvent = new Map();
  const latStart = performance.now();
  for (let s = 0; s < LATENCY_SECONDS; s++) {
    const id = `lat-${s}-${randomUUID()}`;
    t.perEvent.set(t.key(id), []);
    t.sentAt.set(t.key(id), performance.now());
    await t.emit(id);
    await sleep(Math.max(0, latStart + s * 1_000 + LATENCY_GC_AT_MS - performance.now()));
    collectGarbage();
    await sleep(Math.max(0, latStart + (s + 1) * 1_000 - performance.now()));
  }
  await sleep(500);
  const lastDeliveries: number[] = [];
  for (const l of t.perEvent.values()) {
    l.sort((x, y) => x - y);
    lastDeliveries.push(l.at(-1) ?? NaN);
    if (process.env.BENCH_DETAIL === '1') {
      process.stdout.write(`${t.name} event: ${l.length} deliveries, first ${fmt(l[0] ?? NaN, 1)} / p50 ${fmt(percentile(l, 50), 1)} / last ${fmt(l.at(-1) ?? NaN, 1)} ms\n`);
    }
  }
  t.perEvent = new Map();
  const lat = [...t.latencies].sort((x, y) => x - y);
  const handled = [...t.handledLatencies].sort((x, y) => x - y);
  t.sentAt.clear();
  t.counts.clear();
  return {
    deliveries: lat.length,
    minMs: lat[0] ?? NaN,
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
    maxMs: lat.at(-1) ?? NaN,
    handledP50Ms: percentile(handled, 50),
    handledP99Ms: percentile(handled, 99),
    deliveriesPerS: lat.length / ((performance.now() - latStart - 500) / 1000),
    events: lastDeliveries.length,
    eventsOverTarget: lastDeliveries.filter((ms) => !(ms <= TARGETS.p99Ms)).length,
  };
}

/** The socket floor's figures: from the first write to each chunk's read, ms (see `bench/socket-floor.ts`). */
interface SocketFloor {
  rounds: number;
  /** Reads timed (TCP may split or merge a round's chunks, so not always rounds × subscribers). */
  reads: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The latency floor of this machine for a fan-out to {@link SUBSCRIBERS} sockets: `bench/socket-floor.ts`
 * on the servers' core writes one {@link FLOOR_CHUNK_BYTES}-byte chunk to each of this process's plain TCP connections,
 * once a second for {@link LATENCY_SECONDS} s; each read is timed against the start of the writes.
 */
async function socketFloor(): Promise<SocketFloor> {
  const floor = await startBenchServer<{ ready: true; port: number }>('socket-floor.ts', [], { env: {}, core: SERVER_CORE });
  const { port } = floor.ready;
  const reads: bigint[] = [];
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  try {
    for (let i = 0; i < SUBSCRIBERS; i++) {
      sockets.push(
        await new Promise<Socket>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => resolve(socket));
          socket.once('error', reject);
          socket.on('data', () => reads.push(process.hrtime.bigint()));
        }),
      );
    }
    await sleep(500);
    for (let round = 0; round < LATENCY_SECONDS; round++) {
      reads.length = 0;
      const startedAt = BigInt((await floor.ask<{ startedAt: string }>('write')).startedAt);
      await sleep(LATENCY_GC_AT_MS);
      collectGarbage();
      await sleep(1_000 - LATENCY_GC_AT_MS);
      for (const at of reads) latencies.push(Number(at - startedAt) / 1e6);
    }
  } finally {
    // the floor's server is stopped whatever failed (a forked server left running keeps the bench from exiting)
    for (const socket of sockets) socket.destroy();
    await floor.stop();
  }
  const sorted = latencies.sort((x, y) => x - y);
  return { rounds: LATENCY_SECONDS, reads: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? NaN };
}

/** The bare graphql-ws baseline, started once and shared by the rounds of both stores. */
async function startBare(): Promise<{ target: FanoutTarget; heapPerSubscriberKb: number; latency: Latency }> {
  const server = await startServer('bare-ws-server.ts', {});
  const target = fanoutTarget('bare graphql-ws', server, async (id) => {
    await server.ask('emit', { id, instanceId: BENCH_INSTANCE });
  });
  try {
    const heapPerSubscriberKb = await subscribeAll(target);
    const latency = await latencyRun(target);
    return { target, heapPerSubscriberKb, latency };
  } catch (err) {
    // the caller stops the baseline only once it has it
    await Promise.all(target.clients.map((c) => Promise.resolve(c.dispose())));
    await server.stop();
    throw err;
  }
}

/**
 * The whole graph: webhook over HTTP → pipeline → stores → graphql-ws → 1,000 clients; its bursts
 * interleaved with bursts of the bare graphql-ws baseline ({@link BURST_ROUNDS} rounds of each).
 */
async function benchGraph(env: Record<string, string>, bare: FanoutTarget): Promise<GraphResult> {
  const server = await startServer('server.ts', env);
  const t = fanoutTarget(
    'whatsgraph',
    server,
    (id) => postWebhook(server.ready.url, id),
    (id) => toGlobalId('Message', BENCH_INSTANCE, id),
  );
  try {
    // warm up (JIT, schema, connections), then the idle heap
    for (let i = 0; i < 200; i++) await postWebhook(server.ready.url, `warm-${i}`);
    const heapPerSubscriberKb = await subscribeAll(t);

    const latency = await latencyRun(t);

    // bursts, interleaved with the baseline's
    const bursts: Burst[] = [];
    const bareBursts: Burst[] = [];
    for (let r = 0; r < BURST_ROUNDS; r++) {
      bursts.push(await burst(t, BURST_SECONDS));
      bareBursts.push(await burst(bare, BURST_SECONDS));
    }
    const stores = env.BENCH_REDIS_URL ? 'redis' : 'memory';
    return { stores, heapPerSubscriberKb, latency, bursts, burst: medianBurst(bursts), bareBursts, bare: medianBurst(bareBursts) };
  } finally {
    await Promise.all(t.clients.map((c) => Promise.resolve(c.dispose())));
    await server.stop();
  }
}

interface BusResult {
  stores: string;
  listeners: number;
  messages: number;
  deliveries: number;
  seconds: number;
  deliveriesPerS: number;
}

/** The bus alone: one topic, 1,000 listeners, messages of a typical event's size, no GraphQL. */
async function benchBus(stores: Stores, name: string): Promise<BusResult> {
  const messages = 2_000;
  let deliveries = 0;
  const offs = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, () =>
      stores.bus.subscribe('bench', (m) => {
        deliveries += m.length > 0 ? 1 : 0;
      }),
    ),
  );
  const payload = webhookBody('bus-bench');
  const t0 = performance.now();
  for (let i = 0; i < messages; i += 100) await Promise.all(Array.from({ length: 100 }, () => stores.bus.publish('bench', payload)));
  while (deliveries < messages * SUBSCRIBERS) await sleep(1);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(offs.map((off) => off()));
  return { stores: name, listeners: SUBSCRIBERS, messages, deliveries, seconds, deliveriesPerS: deliveries / seconds };
}

function verdict(ok: boolean): string {
  return ok ? 'meets' : '**misses**';
}

async function main(): Promise<void> {
  // the clients and the webhook posts on core 1, every server on core 0
  pin(process.pid, CLIENT_CORE);
  const prefix = `bench:${randomUUID()}`;
  const results: GraphResult[] = [];
  const bus: BusResult[] = [];
  let bare: FanoutTarget | undefined;
  let bareHeapPerSubscriberKb = NaN;
  let bareLatency: Latency | undefined;
  let floor: SocketFloor | undefined;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
  const loadBefore = load();
  try {
    const memoryStores = createMemoryStores();
    bus.push(await benchBus(memoryStores, 'memory'));
    await memoryStores.close();
    const redisStores = await createRedisStores({ url: BENCH_REDIS_URL, keyPrefix: `${prefix}:bus` });
    bus.push(await benchBus(redisStores, 'redis'));
    await redisStores.close();
    for (const b of bus) process.stdout.write(`bus ${JSON.stringify(b)}\n`);

    floor = await socketFloor();
    process.stdout.write(`socket floor ${JSON.stringify(floor)}\n`);
    const started = await startBare();
    bare = started.target;
    bareHeapPerSubscriberKb = started.heapPerSubscriberKb;
    bareLatency = started.latency;
    process.stdout.write(`bare graphql-ws latency ${JSON.stringify(bareLatency)}\n`);
    process.stdout.write(`bare graphql-ws: ${fmt(bareHeapPerSubscriberKb, 1)} KB heap per idle subscriber\n`);
    results.push(await benchGraph({}, bare));
    process.stdout.write(`graph ${JSON.stringify(results.at(-1))}\n`);
    results.push(await benchGraph({ BENCH_REDIS_URL, BENCH_REDIS_PREFIX: prefix }, bare));
    process.stdout.write(`graph ${JSON.stringify(results.at(-1))}\n`);
  } finally {
    if (bare) {
      await Promise.all(bare.clients.map((c) => Promise.resolve(c.dispose())));
      await bare.server.stop();
    }
    await deletePrefix(prefix, BENCH_REDIS_URL);
  }

  const loadAfter = load();
  const cpu = cpus();
  const lines = [
    '# Benchmarks',
    '',
    'Webhook → subscriber latency and fan-out with 1,000 graphql-ws subscribers, heap per idle',
    'subscriber, in memory and through Redis, each against a bare graphql-ws server measured in the',
    'same run; and the bus alone. Benchmarks, not tests: the figures depend on the machine and on',
    'what else runs on it.',
    '',
    `- Command: \`npm run bench\` (\`tsx bench/run.ts\`; \`BENCH_REDIS_URL\`, \`BENCH_SUBSCRIBERS\`, \`BENCH_LATENCY_SECONDS\`, \`BENCH_BURST_SECONDS\`, \`BENCH_BURST_ROUNDS\` to vary it)`,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, Redis 7.0 on localhost; load average (1, 5, 15 min) ${loadBefore} before the fan-out runs, ${loadAfter} after (other jobs share the machine)`,
    `- Setup: the server in its own process (\`bench/server.ts\`, non-sandbox, one ${provider.title} instance), run ${runtimeLabel()}${haveTaskset ? ' and pinned with `taskset` to core 0' : ''}; the`,
    `  ${fmt(SUBSCRIBERS)} subscribers are real graphql-ws clients, one WebSocket each, in the bench process${haveTaskset ? ' (pinned to core 1)' : ''}, each`,
    '  subscribed to `messageReceived(instanceId)` selecting id, timestamp, chat and text content. Webhooks',
    `  are real HTTP posts of ${provider.title}'s documented inbound-text payload (\`samples.inboundText\`).`,
    '- Baseline: `bench/bare-ws-server.ts`, a bare graphql-ws `useServer` on `ws` in its own process with the same',
    '  subscription shape, fed by an in-process emitter (no HTTP, no stores: its events cost it nothing but the',
    `  fan-out), with its own ${fmt(SUBSCRIBERS)} clients; its bursts alternate with the graph's (${BURST_ROUNDS} rounds of ${BURST_SECONDS} s each, medians).`,
    '',
    '## Against the targets',
    '',
    '| measure | target | memory | Redis |',
    '| --- | --- | --- | --- |',
  ];
  const [mem, red] = results as [GraphResult, GraphResult];
  const ratio = (r: GraphResult) => r.burst.deliveriesPerCoreS / r.bare.deliveriesPerCoreS;
  const heapRow = (r: GraphResult) => `${fmt(r.heapPerSubscriberKb, 1)} KB (${verdict(r.heapPerSubscriberKb <= TARGETS.heapPerSubscriberKb)})`;
  lines.push(
    `| p99 webhook → subscriber at ~1,000 deliveries/s | ≤ ${TARGETS.p99Ms} ms | ${fmt(mem.latency.p99Ms, 1)} ms (${verdict(mem.latency.p99Ms <= TARGETS.p99Ms)}) | ${fmt(red.latency.p99Ms, 1)} ms (${verdict(red.latency.p99Ms <= TARGETS.p99Ms)}) |`,
    `| p50 at the same rate | — | ${fmt(mem.latency.p50Ms, 1)} ms | ${fmt(red.latency.p50Ms, 1)} ms |`,
    `| the same p99 / p50, bare graphql-ws (an in-process emit: no HTTP, no stores) | — | ${fmt(bareLatency?.p99Ms ?? NaN, 1)} / ${fmt(bareLatency?.p50Ms ?? NaN, 1)} ms | (same server) |`,
    `| fan-out deliveries per second of server CPU (end to end, webhook and GraphQL included; median burst) | ≥ ${fmt(TARGETS.deliveriesPerCoreS)} | ${fmt(mem.burst.deliveriesPerCoreS)} (${verdict(mem.burst.deliveriesPerCoreS >= TARGETS.deliveriesPerCoreS)}) | ${fmt(red.burst.deliveriesPerCoreS)} (${verdict(red.burst.deliveriesPerCoreS >= TARGETS.deliveriesPerCoreS)}) |`,
    `| the same, bare graphql-ws (interleaved bursts) | — | ${fmt(mem.bare.deliveriesPerCoreS)} | ${fmt(red.bare.deliveriesPerCoreS)} |`,
    `| per core, whatsgraph ÷ bare graphql-ws | ≥ ${TARGETS.perCoreVsBare}× | ${fmt(ratio(mem), 2)}× (${verdict(ratio(mem) >= TARGETS.perCoreVsBare)}) | ${fmt(ratio(red), 2)}× (${verdict(ratio(red) >= TARGETS.perCoreVsBare)}) |`,
    `| heap per idle subscriber (server, incl. its WebSocket) | ≤ ${TARGETS.heapPerSubscriberKb} KB | ${heapRow(mem)} | ${heapRow(red)} |`,
    `| the same, bare graphql-ws | — | ${fmt(bareHeapPerSubscriberKb, 1)} KB | (same server) |`,
    '',
    '## Details',
    '',
    `| server | latency run: deliveries | to the frame read: min / p50 / p99 / max | events whose last delivery took over ${TARGETS.p99Ms} ms | to the client's \`next\`: p50 / p99 |`,
    '| --- | --- | --- | --- | --- |',
  );
  const latencyRow = (name: string, l: Latency) =>
    `| ${name} | ${fmt(l.deliveries)} | ${fmt(l.minMs, 1)} / ${fmt(l.p50Ms, 1)} / ${fmt(l.p99Ms, 1)} / ${fmt(l.maxMs, 1)} ms | ${fmt(l.eventsOverTarget)} of ${fmt(l.events)} | ${fmt(l.handledP50Ms, 1)} / ${fmt(l.handledP99Ms, 1)} ms |`;
  for (const r of results) lines.push(latencyRow(`whatsgraph, ${r.stores}`, r.latency));
  if (bareLatency) lines.push(latencyRow('bare graphql-ws', bareLatency));
  if (floor)
    lines.push(
      `| the machine's floor: ${fmt(SUBSCRIBERS)} plain TCP writes of ${FLOOR_CHUNK_BYTES} bytes (\`bench/socket-floor.ts\`, same cores) | ${fmt(floor.reads)} | — / ${fmt(floor.p50Ms, 1)} / ${fmt(floor.p99Ms, 1)} / ${fmt(floor.maxMs, 1)} ms | — | — |`,
    );
  lines.push(
    '',
    '| stores | server | round | events | deliveries | wall s | deliveries/s wall | server CPU s | deliveries per core-s | p50 / p99 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    for (const [name, list] of [
      ['whatsgraph', r.bursts],
      ['bare graphql-ws', r.bareBursts],
    ] as const) {
      list.forEach((b, i) =>
        lines.push(
          `| ${r.stores} | ${name} | ${i + 1} | ${fmt(b.events)} | ${fmt(b.deliveries)} | ${fmt(b.seconds, 1)} | ${fmt(b.deliveriesPerS)} | ${fmt(b.serverCpuS, 2)} | ${fmt(b.deliveriesPerCoreS)} | ${fmt(b.p50Ms, 0)} / ${fmt(b.p99Ms, 0)} ms |`,
        ),
      );
    }
  }
  lines.push(
    '',
    `The latency run posts one webhook per second for ${LATENCY_SECONDS} s (1 × ${fmt(SUBSCRIBERS)} subscribers ≈ 1,000 deliveries/s), after ${LATENCY_WARMUP_EVENTS} untimed`,
    'ones at the same pace (the run follows the heap measurement, whose forced full GC made the first event after it 2–5× slower);',
    "latency is from just before the POST to the moment the subscriber's WebSocket reads the frame off its socket",
    '(the clients hand read frames to graphql-ws once their sockets have gone quiet, at most 50 ms later, so one',
    "subscriber's latency does not include this process decoding the frames of the 999 others; the time to the",
    `client's \`next\`, which includes that hold, is in the table above). A burst emits events back to back (${BURST_CONCURRENCY} in`,
    `flight: webhook POSTs for the graph, IPC emits for the baseline) for ${BURST_SECONDS} s and counts deliveries until every subscriber has every event; its latencies include queueing`,
    'behind the burst. "Per second of server CPU" divides deliveries by the server process\'s user + system CPU time',
    'over the burst: the per-core figure, independent of how busy the other core was. The bench process (the',
    'clients) has one core to itself, so wall-clock rates are bounded by it and lower than per-core ones.',
    '',
    '## The bus alone (no GraphQL, no WebSocket)',
    '',
    '| bus | listeners on one topic | messages | deliveries/s (wall, one process) |',
    '| --- | --- | --- | --- |',
  );
  for (const b of bus) lines.push(`| ${b.stores} | ${fmt(b.listeners)} | ${fmt(b.messages)} | ${fmt(b.deliveriesPerS)} |`);
  lines.push('', 'With Redis, 1,000 listeners of a topic are one Redis subscription per process; the fan-out to them is local.', '');
  const target = join(here, '..', 'docs', 'benchmarks.md');
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const notes = previous.indexOf(NOTES_MARKER);
  writeFileSync(target, lines.join('\n') + (notes >= 0 ? `\n${previous.slice(notes)}` : ''));
  process.stdout.write('wrote docs/benchmarks.md\n');

  if (process.env.BENCH_FANOUT_ONLY === '1') return;
  // --- request paths against bare baselines (issue 13): bench/paths.ts runs apart and writes its own section ---
  await runPathsBench();
  // --- the 50-chat dashboard's upstream calls, read cache off and on (issue 13): bench/dashboard.ts ---
  await runDashboardBench();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
