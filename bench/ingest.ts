import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { Redis } from 'ioredis';
import { inboundTextBody } from '../test/helpers/provider-modules.js';
import { startPrivateRedis } from '../test/helpers/redis.js';
import { median } from './stats.js';
import { serveBenchIpc } from './ipc.js';
import { BENCH_INSTANCE, BENCH_SECRET, benchProvider } from './constants.js';
import { CLIENT_CORE, SERVER_CORE, haveTaskset, pin, runtimeLabel, startBenchServer, type BenchServer } from './processes.js';

/**
 * `tsx bench/ingest.ts`: webhook ingest over real HTTP (issue 13, item 3). Posts the documented
 * inbound-text webhook of the benchmark's provider ({@link benchProvider}, Z-API's
 * `ReceivedCallback`) to a whatsgraph server in its own process (`bench/server.ts`), with memory
 * stores and with Redis stores (a private `redis-server` this script spawns, so no other client's
 * commands are counted), and to a bare Express JSON endpoint (the baseline: `express.json()` and a
 * constant answer, in its own process too). The servers run as in the other benches
 * (bench/processes.ts): compiled (`tsc -p tsconfig.bench.json`, plain `node`; `BENCH_TSX=1`:
 * through tsx) and pinned with `taskset` to core 0; this process (the posts) and the private Redis
 * it starts run on core 1. For each it reports events per second (wall, with
 * `BENCH_INGEST_CONCURRENCY` posts in flight) and the server's CPU per event (user + system,
 * µs); for Redis, the Redis commands the server's command connection sends per event, counted
 * with MONITOR over a separate run of `BENCH_INGEST_PROBE` webhooks (MONITOR slows Redis, so it is
 * off while throughput is measured). Rounds are interleaved; medians are printed.
 *
 * Environment: `BENCH_INGEST_EVENTS` (webhooks per measured run, 10,000), `BENCH_INGEST_ROUNDS`
 * (3), `BENCH_INGEST_CONCURRENCY` (8), `BENCH_INGEST_PROBE` (200), `BENCH_INGEST_JSON` (a path:
 * also write the results there as JSON), `BENCH_CPU_PROF` (a directory: each server writes a V8 CPU
 * profile there), `BENCH_INGEST_TARGETS` (comma-separated, default `bare,memory,redis`), `BENCH_TSX=1`
 * (servers through tsx instead of compiled).
 * Before/after: copy bench/ (and what it imports from test/helpers/, and tsconfig.bench.json) into a
 * checkout of the earlier commit and run it there and here, alternately.
 * Internal: `bench/ingest.ts bare` (forked compiled, as `.bench-build/bench/ingest.js bare`) is the
 * baseline server (IPC like `bench/server.ts`).
 */

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 8);
const PROBE = Number(process.env.BENCH_INGEST_PROBE ?? 200);
/**
 * Webhooks posted to each server before its measured run. 5,000: after 500, the measured 3,000 still
 * carried the optimising compiler's work and the heap's first growth (its CPU is the process's,
 * compiler threads included): the memory server measured 198 µs per webhook over 3,000 and 86 µs
 * over 20,000, bare Express 211 and 130.
 */
const WARM_UP = 5_000;
const TARGETS = (process.env.BENCH_INGEST_TARGETS ?? 'bare,memory,redis').split(',') as Array<'bare' | 'memory' | 'redis'>;

/** The baseline server: a bare Express JSON endpoint on the same path, with the same IPC as `bench/server.ts`. */
async function bareServer(): Promise<void> {
  const app = express();
  app.post('/webhooks/:instanceId/:secret', express.json({ limit: '1mb' }), (req, res) => {
    res.json({ received: req.body ? 1 : 0, published: 1, duplicates: 0 });
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.send?.({ ready: true, url: `http://127.0.0.1:${port}`, stores: 'none' });
  });
  serveBenchIpc(() => new Promise((resolve) => server.close(resolve)));
}

/** A forked server under measurement (`bench/server.ts`, or this file's `bare` baseline), listening at `ready.url`. */
type Server = BenchServer<{ ready: true; url: string }>;

/** Starts `script` (a file of `bench/`) with `args` on {@link SERVER_CORE} and waits until it listens. */
function startServer(script: string, args: string[], env: Record<string, string>): Promise<Server> {
  return startBenchServer(script, args, { env, core: SERVER_CORE });
}

/** The server's user + system CPU time since it started, ms. */
async function cpuMs(server: Server): Promise<number> {
  return (await server.ask<{ cpuMs: number }>('cpu')).cpuMs;
}

const provider = benchProvider();
let seq = 0;
/** The provider's documented inbound-text webhook, a new message id each time. */
function body(): string {
  ++seq;
  return inboundTextBody(provider, `INGEST-${process.pid}-${seq}`, { occurredAt: Date.now(), text: `ingest benchmark message ${seq}` });
}

/** Posts `n` webhooks with `concurrency` in flight; resolves with the wall time in ms. @throws on any answer but 200 */
async function post(url: string, n: number, concurrency: number): Promise<number> {
  const target = `${url}/webhooks/${BENCH_INSTANCE}/${BENCH_SECRET}`;
  let left = n;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      }
    }),
  );
  return performance.now() - started;
}

interface Run {
  target: string;
  eventsPerS: number;
  cpuUsPerEvent: number;
}

async function measure(target: string, server: Server): Promise<Run> {
  await post(server.ready.url, WARM_UP, CONCURRENCY);
  const cpu0 = await cpuMs(server);
  const wallMs = await post(server.ready.url, EVENTS, CONCURRENCY);
  const cpu1 = await cpuMs(server);
  return { target, eventsPerS: (EVENTS / wallMs) * 1000, cpuUsPerEvent: ((cpu1 - cpu0) * 1000) / EVENTS };
}

/** Redis commands the server's command connection sends per webhook, counted with MONITOR over {@link PROBE} webhooks. */
async function roundTrips(redisUrl: string, prefix: string, server: Server): Promise<{ perEvent: number; commands: Record<string, number> }> {
  const admin = new Redis(redisUrl);
  const clients = (await admin.client('LIST')) as string;
  const addr = /\baddr=(\S+)/.exec(clients.split('\n').find((l) => l.includes(` name=${prefix}:cmd `)) ?? '')?.[1];
  if (!addr) throw new Error('the server has no command connection named after its prefix');
  const base = new Redis(redisUrl);
  const monitor = await base.monitor();
  const commands: Record<string, number> = {};
  let fenced = false;
  const fence = `fence-${randomUUID()}`;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === addr) {
      const name = (args[0] ?? '').toLowerCase();
      commands[name] = (commands[name] ?? 0) + 1;
    } else if (args[0]?.toLowerCase() === 'echo' && args[1] === fence) fenced = true;
  });
  await post(server.ready.url, PROBE, 1);
  await admin.echo(fence);
  while (!fenced) await new Promise((r) => setTimeout(r, 10));
  monitor.disconnect();
  base.disconnect();
  admin.disconnect();
  const total = Object.values(commands).reduce((a, b) => a + b, 0);
  return { perEvent: total / PROBE, commands };
}

/** One thing to measure: the bare baseline, or the whatsgraph server (`bench/server.ts`) with memory or Redis stores. */
interface Target {
  name: string;
  kind: 'bare' | 'memory' | 'redis';
}

function targets(): Target[] {
  return TARGETS.map((kind) => ({ name: kind, kind }));
}

async function main(): Promise<void> {
  // the posts on core 1, every server on core 0; the private Redis started below inherits core 1
  pin(process.pid, CLIENT_CORE);
  // a private redis-server without persistence (the tests' helper), so MONITOR sees only this bench
  const redis = await startPrivateRedis();
  const runs: Run[] = [];
  const probes = new Map<string, { perEvent: number; commands: Record<string, number> }>();
  const all = targets();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of all) {
        const prefix = `bench-ingest-${randomUUID()}`;
        const server =
          target.kind === 'bare'
            ? await startServer('ingest.ts', ['bare'], {})
            : await startServer('server.ts', [], target.kind === 'redis' ? { BENCH_REDIS_URL: redis.url, BENCH_REDIS_PREFIX: prefix } : {});
        try {
          const run = await measure(target.name, server);
          runs.push(run);
          process.stdout.write(`round ${round + 1} ${target.name}: ${run.eventsPerS.toFixed(0)} events/s, ${run.cpuUsPerEvent.toFixed(0)} µs server CPU per event\n`);
          if (target.kind === 'redis' && !probes.has(target.name)) {
            const probe = await roundTrips(redis.url, prefix, server);
            probes.set(target.name, probe);
            process.stdout.write(`${target.name}: Redis commands per event ${probe.perEvent.toFixed(2)} (${JSON.stringify(probe.commands)} over ${PROBE} webhooks)\n`);
          }
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await redis.kill();
  }
  const summary = all.map((target) => {
    const mine = runs.filter((r) => r.target === target.name);
    return { target: target.name, eventsPerS: median(mine.map((r) => r.eventsPerS)), cpuUsPerEvent: median(mine.map((r) => r.cpuUsPerEvent)) };
  });
  const bare = summary.find((s) => s.target === 'bare');
  process.stdout.write(
    `\nmedians of ${ROUNDS} interleaved rounds, ${EVENTS} webhooks each, ${CONCURRENCY} in flight; servers run ${runtimeLabel()}${haveTaskset ? ', pinned to core 0' : ''}:\n`,
  );
  process.stdout.write(
    `| target | events/s (wall) | server CPU µs per event | bare Express CPU per event ÷ this one's | Redis commands per event |\n| --- | ---: | ---: | ---: | ---: |\n`,
  );
  for (const s of summary) {
    const ratio = bare ? `${(bare.cpuUsPerEvent / s.cpuUsPerEvent).toFixed(2)}×` : '—';
    const probe = probes.get(s.target);
    process.stdout.write(`| ${s.target} | ${s.eventsPerS.toFixed(0)} | ${s.cpuUsPerEvent.toFixed(0)} | ${ratio} | ${probe ? probe.perEvent.toFixed(2) : '—'} |\n`);
  }
  if (process.env.BENCH_INGEST_JSON) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      process.env.BENCH_INGEST_JSON,
      JSON.stringify({ runs, summary, probes: Object.fromEntries(probes), events: EVENTS, rounds: ROUNDS, concurrency: CONCURRENCY }, null, 2),
    );
  }
}

if (process.argv[2] === 'bare') {
  bareServer().catch((err: unknown) => {
    process.stderr.write(`bare server failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
