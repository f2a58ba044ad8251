import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { createMemoryStores } from '../src/subscriptions/memory-stores.js';
import { createRedisStores } from '../src/subscriptions/redis-stores.js';
import type { Stores } from '../src/subscriptions/stores.js';
import { BENCH_INSTANCE, BENCH_SECRET, benchProvider } from './constants.js';
import { runDashboardBench } from './dashboard.js';
import { runPathsBench } from './paths.js';

/**
 * `npm run bench`: webhook → subscriber latency and fan-out throughput with 1,000 graphql-ws
 * subscribers, heap per idle subscriber, in memory and through Redis; plus the raw bus fan-out
 * (no GraphQL). The server runs in its own process (`bench/server.ts`) so its heap and CPU are
 * measured apart from the clients. Writes `docs/benchmarks.md`.
 *
 * Environment: `BENCH_REDIS_URL` (default `REDIS_URL`, else `redis://127.0.0.1:6379`; keys under a unique
 * prefix, deleted afterwards), `BENCH_SUBSCRIBERS` (1,000), `BENCH_LATENCY_SECONDS` (15),
 * `BENCH_BURST_SECONDS` (10), `BENCH_CPU_PROF` (a directory: the server writes V8 CPU profiles there).
 * Everything in `docs/benchmarks.md` after the `<!-- notes -->` line is kept across runs.
 */

const here = dirname(fileURLToPath(import.meta.url));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 15);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 10);
/** Webhooks in flight during the burst. */
const BURST_CONCURRENCY = 4;

/** Hand-written notes below this line in docs/benchmarks.md survive a rerun. */
const NOTES_MARKER = '<!-- notes -->';

/** Targets (issue 4). */
const TARGETS = { p99Ms: 100, deliveriesPerCoreS: 20_000, heapPerSubscriberKb: 20 };

const SUBSCRIPTION = `subscription($i: ID!) { messageReceived(instanceId: $i) { id timestamp chat { id } content { __typename ... on TextContent { body } } } }`;

interface Server {
  url: string;
  child: ChildProcess;
  ask<T>(cmd: string): Promise<T>;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const child = fork(join(here, 'server.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    child.on('message', (m: { ready?: boolean; url?: string }) => {
      if (m.ready && m.url) resolve(m.url);
    });
  });
  const ask = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: T) => {
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send({ cmd });
    });
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.send({ cmd: 'stop' });
    await exited;
  };
  return { url, child, ask, stop };
}

/** The provider the benchmark's instance runs on (bench/constants.ts). */
const provider = benchProvider();
let webhookSeq = 0;
/** The provider's documented inbound-text webhook body with this message id. */
function webhookBody(messageId: string): string {
  ++webhookSeq;
  return JSON.stringify(provider.samples.inboundText(messageId, { occurredAt: Date.now() + webhookSeq, text: `benchmark message ${webhookSeq}` }));
}

async function postWebhook(url: string, messageId: string): Promise<void> {
  const res = await fetch(`${url}/webhooks/${BENCH_INSTANCE}/${BENCH_SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: webhookBody(messageId) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface GraphResult {
  stores: string;
  heapPerSubscriberKb: number;
  latency: { deliveries: number; p50Ms: number; p99Ms: number; maxMs: number; deliveriesPerS: number };
  burst: { events: number; deliveries: number; seconds: number; deliveriesPerS: number; serverCpuS: number; deliveriesPerCoreS: number; p50Ms: number; p99Ms: number };
}

/** The whole graph: webhook over HTTP → pipeline → stores → graphql-ws → 1,000 clients. */
async function benchGraph(env: Record<string, string>): Promise<GraphResult> {
  const server = await startServer(env);
  const sentAt = new Map<string, number>();
  const counts = new Map<string, number>();
  let latencies: number[] = [];
  let deliveries = 0;
  let lastDeliveryAt = 0;
  const clients: Client[] = [];
  try {
    // warm up (JIT, schema, connections), then the idle heap
    for (let i = 0; i < 200; i++) await postWebhook(server.url, `warm-${i}`);
    const { heapUsed: heapBefore } = await server.ask<{ heapUsed: number }>('heap');

    const wsUrl = `${server.url.replace(/^http/, 'ws')}/graphql`;
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
      clients.push(client);
      client.subscribe<{ messageReceived: { id: string } }>(
        { query: SUBSCRIPTION, variables: { i: BENCH_INSTANCE } },
        {
          next: (r) => {
            const id = r.data?.messageReceived.id;
            if (!id) return;
            const now = performance.now();
            deliveries++;
            lastDeliveryAt = now;
            counts.set(id, (counts.get(id) ?? 0) + 1);
            const t0 = sentAt.get(id);
            if (t0 !== undefined) latencies.push(now - t0);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      if (i % 100 === 99) await sleep(50);
    }
    // live when a probe reaches every subscriber
    for (let probe = 0; ; probe++) {
      if (probe > 60) throw new Error('the subscriptions never all became live');
      const id = `probe-${probe}-${randomUUID()}`;
      await postWebhook(server.url, id);
      await sleep(500);
      if (counts.get(id) === SUBSCRIBERS) break;
    }
    await sleep(1_000);
    const { heapUsed: heapAfter } = await server.ask<{ heapUsed: number }>('heap');
    const heapPerSubscriberKb = (heapAfter - heapBefore) / SUBSCRIBERS / 1024;

    // latency at 1 event/s × 1,000 subscribers = 1,000 deliveries/s
    latencies = [];
    deliveries = 0;
    const latStart = performance.now();
    for (let s = 0; s < LATENCY_SECONDS; s++) {
      const id = `lat-${s}-${randomUUID()}`;
      sentAt.set(id, performance.now());
      await postWebhook(server.url, id);
      await sleep(Math.max(0, latStart + (s + 1) * 1_000 - performance.now()));
    }
    await sleep(500);
    const lat = [...latencies].sort((x, y) => x - y);
    const latency = {
      deliveries: lat.length,
      p50Ms: percentile(lat, 50),
      p99Ms: percentile(lat, 99),
      maxMs: lat.at(-1) ?? NaN,
      deliveriesPerS: lat.length / ((performance.now() - latStart - 500) / 1000),
    };

    // burst: webhooks as fast as the server takes them, for BURST_SECONDS
    latencies = [];
    deliveries = 0;
    const { cpuMs: cpuBefore } = await server.ask<{ cpuMs: number }>('cpu');
    const burstStart = performance.now();
    let events = 0;
    await Promise.all(
      Array.from({ length: BURST_CONCURRENCY }, async () => {
        while (performance.now() - burstStart < BURST_SECONDS * 1_000) {
          const id = `burst-${events++}-${randomUUID()}`;
          sentAt.set(id, performance.now());
          await postWebhook(server.url, id);
        }
      }),
    );
    const expected = events * SUBSCRIBERS;
    const drainDeadline = performance.now() + 60_000;
    while (deliveries < expected && performance.now() < drainDeadline) await sleep(50);
    const { cpuMs: cpuAfter } = await server.ask<{ cpuMs: number }>('cpu');
    const seconds = (lastDeliveryAt - burstStart) / 1000;
    const serverCpuS = (cpuAfter - cpuBefore) / 1000;
    const b = [...latencies].sort((x, y) => x - y);
    const burst = {
      events,
      deliveries,
      seconds,
      deliveriesPerS: deliveries / seconds,
      serverCpuS,
      deliveriesPerCoreS: deliveries / serverCpuS,
      p50Ms: percentile(b, 50),
      p99Ms: percentile(b, 99),
    };
    const stores = env.BENCH_REDIS_URL ? 'redis' : 'memory';
    return { stores, heapPerSubscriberKb, latency, burst };
  } finally {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
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

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}

function verdict(ok: boolean): string {
  return ok ? 'meets' : '**misses**';
}

async function main(): Promise<void> {
  const prefix = `bench:${randomUUID()}`;
  const results: GraphResult[] = [];
  const bus: BusResult[] = [];
  try {
    const memoryStores = createMemoryStores();
    bus.push(await benchBus(memoryStores, 'memory'));
    await memoryStores.close();
    const redisStores = await createRedisStores({ url: REDIS_URL, keyPrefix: `${prefix}:bus` });
    bus.push(await benchBus(redisStores, 'redis'));
    await redisStores.close();
    for (const b of bus) process.stdout.write(`bus ${JSON.stringify(b)}\n`);

    results.push(await benchGraph({}));
    process.stdout.write(`graph ${JSON.stringify(results.at(-1))}\n`);
    results.push(await benchGraph({ BENCH_REDIS_URL: REDIS_URL, BENCH_REDIS_PREFIX: prefix }));
    process.stdout.write(`graph ${JSON.stringify(results.at(-1))}\n`);
  } finally {
    const admin = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await admin.unlink(...keys);
    } while (cursor !== '0');
    admin.disconnect();
  }

  const cpu = cpus();
  const lines = [
    '# Benchmarks',
    '',
    'Webhook → subscriber latency and fan-out with 1,000 graphql-ws subscribers, heap per idle',
    'subscriber, in memory and through Redis; and the bus alone. Benchmarks, not tests: the figures',
    'depend on the machine and on what else runs on it.',
    '',
    `- Command: \`npm run bench\` (\`tsx bench/run.ts\`; \`BENCH_REDIS_URL\`, \`BENCH_SUBSCRIBERS\`, \`BENCH_LATENCY_SECONDS\`, \`BENCH_BURST_SECONDS\` to vary it)`,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, Redis 7.0 on localhost; other jobs were running on it`,
    `- Setup: the server in its own process (\`bench/server.ts\`, non-sandbox, one ${provider.title} instance); the`,
    `  ${fmt(SUBSCRIBERS)} subscribers are real graphql-ws clients, one WebSocket each, in the bench process, each`,
    '  subscribed to `messageReceived(instanceId)` selecting id, timestamp, chat and text content. Webhooks',
    `  are real HTTP posts of ${provider.title}'s documented inbound-text payload (\`samples.inboundText\`).`,
    '',
    '## Against the targets',
    '',
    '| measure | target | memory | Redis |',
    '| --- | --- | --- | --- |',
  ];
  const [mem, red] = results as [GraphResult, GraphResult];
  lines.push(
    `| p99 webhook → subscriber at ~1,000 deliveries/s | ≤ ${TARGETS.p99Ms} ms | ${fmt(mem.latency.p99Ms, 1)} ms (${verdict(mem.latency.p99Ms <= TARGETS.p99Ms)}) | ${fmt(red.latency.p99Ms, 1)} ms (${verdict(red.latency.p99Ms <= TARGETS.p99Ms)}) |`,
    `| p50 at the same rate | — | ${fmt(mem.latency.p50Ms, 1)} ms | ${fmt(red.latency.p50Ms, 1)} ms |`,
    `| fan-out deliveries per second of server CPU (end to end, GraphQL included) | ≥ ${fmt(TARGETS.deliveriesPerCoreS)} | ${fmt(mem.burst.deliveriesPerCoreS)} (${verdict(mem.burst.deliveriesPerCoreS >= TARGETS.deliveriesPerCoreS)}) | ${fmt(red.burst.deliveriesPerCoreS)} (${verdict(red.burst.deliveriesPerCoreS >= TARGETS.deliveriesPerCoreS)}) |`,
    `| heap per idle subscriber (server, incl. its WebSocket) | ≤ ${TARGETS.heapPerSubscriberKb} KB | ${fmt(mem.heapPerSubscriberKb, 1)} KB (${verdict(mem.heapPerSubscriberKb <= TARGETS.heapPerSubscriberKb)}) | ${fmt(red.heapPerSubscriberKb, 1)} KB (${verdict(red.heapPerSubscriberKb <= TARGETS.heapPerSubscriberKb)}) |`,
    '',
    '## Details',
    '',
    '| stores | latency run: deliveries, p50 / p99 / max | burst: events, deliveries, wall s, deliveries/s wall, server CPU s, p50 / p99 |',
    '| --- | --- | --- |',
  );
  for (const r of results) {
    lines.push(
      `| ${r.stores} | ${fmt(r.latency.deliveries)}, ${fmt(r.latency.p50Ms, 1)} / ${fmt(r.latency.p99Ms, 1)} / ${fmt(r.latency.maxMs, 1)} ms | ${fmt(r.burst.events)}, ${fmt(r.burst.deliveries)}, ${fmt(r.burst.seconds, 1)}, ${fmt(r.burst.deliveriesPerS)}, ${fmt(r.burst.serverCpuS, 1)}, ${fmt(r.burst.p50Ms, 0)} / ${fmt(r.burst.p99Ms, 0)} ms |`,
    );
  }
  lines.push(
    '',
    `The latency run posts one webhook per second for ${LATENCY_SECONDS} s (1 × ${fmt(SUBSCRIBERS)} subscribers ≈ 1,000 deliveries/s);`,
    `latency is from just before the POST to the client's \`next\`. The burst posts webhooks back to back (${BURST_CONCURRENCY} in`,
    `flight) for ${BURST_SECONDS} s and counts deliveries until every subscriber has every event; its latencies include queueing`,
    'behind the burst. "Per second of server CPU" divides deliveries by the server process\'s user + system CPU time',
    'over the burst: the per-core figure, independent of how busy the other core was. The bench process (the 1,000',
    'clients) shares the 2 cores, so wall-clock rates are lower than per-core ones.',
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
