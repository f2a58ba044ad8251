import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../src/app.js';
import type { AppConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { SimulatorHandle } from '../src/providers/contract.js';
import { CACHE_KINDS } from '../src/providers/read-cache.js';
import { PROVIDER_MODULES } from '../src/providers/registry.js';
import { zapiChatRows } from '../test/providers/zapi/chat-rows.js';
import { Redis } from 'ioredis';
import { simulatedInstance } from '../test/helpers/provider-modules.js';
import { deletePrefix } from '../test/helpers/redis.js';
import { BENCH_REDIS_URL, benchAppConfig } from './constants.js';
import { writeBenchSection } from './paths.js';

/**
 * `npx tsx bench/dashboard.ts`: issue 13's dashboard figure. A 50-chat dashboard (the status,
 * 50 chats each with its contact's name and picture, labels and last message) against the Z-API
 * simulator, whose chat rows carry a picture for 4 chats only, so 46 pictures cost one call each
 * (Z-API has no batch picture call, z-api.txt 5640-6071). Counts the upstream requests of the
 * first load, a repeat within the TTL, a load on a second replica (Redis), and a load after a
 * `PROFILE_PICTURE_UPDATED` webhook; with the read cache off (every TTL 0: the "before") and on
 * (the defaults), in memory and in Redis (`BENCH_REDIS_URL`, else `REDIS_URL`, else
 * `redis://127.0.0.1:6379`; skipped when it does not answer; keys under a unique prefix, deleted
 * afterwards). Run alone it prints a Markdown table; `npm run bench` writes it into docs/benchmarks.md
 * ({@link runDashboardBench}). Loopback only, a few seconds.
 */

const zapi = PROVIDER_MODULES.zapi;
const INSTANCE = 'dash';
const SECRET = 'dash-webhook-secret-0123456789';
/** Chats on the dashboard, and how many of their rows carry a picture. */
const CHATS = 50;
const WITH_PICTURE = 4;

const DASHBOARD = `query Dashboard($id: ID!) {
  instance(id: $id) {
    status
    chats(first: ${CHATS}) { edges { node { id chatId name unreadCount contact { name profilePictureUrl } labels { name } lastMessage { id timestamp } } } }
  }
}`;

interface Load {
  calls: number;
  pictures: number;
  ms: number;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data ?? {};
}

async function load(sim: SimulatorHandle, app: RunningApp): Promise<Load> {
  const since = sim.requests.length;
  const t0 = performance.now();
  await gql(app.url, DASHBOARD, { id: INSTANCE });
  const ms = performance.now() - t0;
  const made = sim.requests.slice(since).filter((r) => r.path.startsWith('/instances/'));
  return { calls: made.length, pictures: made.filter((r) => r.path.endsWith('/profile-picture')).length, ms };
}

/** Whether the Redis at `url` answers PING within 500 ms (the Redis rows are skipped when not). */
async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** One scenario: the loads of one stores backend with the cache on or off. */
async function scenario(stores: 'memory' | 'redis', cacheOn: boolean): Promise<Record<string, Load | null>> {
  const sim = await zapi.startSimulator({ autoReply: false });
  const prefix = `bench:dashboard:${randomUUID()}`;
  const instance = simulatedInstance(zapi, sim, INSTANCE, SECRET);
  const config: AppConfig = {
    ...benchAppConfig(instance, 'bench/dashboard', stores === 'redis' ? { url: BENCH_REDIS_URL, keyPrefix: prefix } : undefined),
    ...(cacheOn ? {} : { cache: { ttlSeconds: Object.fromEntries(CACHE_KINDS.map((k) => [k, 0])) } }),
  };
  const logger = createLogger('silent');
  const a = await startApp(config, { host: '127.0.0.1', logger });
  const b = stores === 'redis' ? await startApp(config, { host: '127.0.0.1', logger }) : null;
  try {
    const seeded = zapiChatRows(CHATS, WITH_PICTURE);
    const seed = await fetch(`${sim.url}/sim/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chats: seeded, replace: true }) });
    if (!seed.ok) throw new Error(`seeding chats: ${seed.status}`);
    // one chat carries a label, so the dashboard reads the label list
    await gql(a.url, 'mutation($input: AssignLabelInput!) { assignLabel(input: $input) { ok } }', { input: { instanceId: INSTANCE, chatId: seeded[0]!.phone, labelId: '1' } });

    const first = await load(sim, a);
    const repeat = await load(sim, a);
    const replica = b ? await load(sim, b) : null;
    const hook = await fetch(`${a.url}/webhooks/${INSTANCE}/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        isGroup: false,
        isNewsletter: false,
        instanceId: String(sim.instanceConfig.instanceId),
        messageId: randomUUID(),
        phone: seeded[10]!.phone,
        connectedPhone: '5544999999999',
        fromMe: true,
        momment: Date.now(),
        status: 'RECEIVED',
        type: 'ReceivedCallback',
        notification: 'PROFILE_PICTURE_UPDATED',
        updatedPhoto: 'https://pps.whatsapp.net/new.jpg',
      }),
    });
    if (hook.status >= 300) throw new Error(`webhook: ${hook.status}`);
    const afterHook = await load(sim, b ?? a);
    return { first, repeat, replica, afterHook };
  } finally {
    await Promise.all([a.close(), b?.close()]);
    await sim.close();
    if (stores === 'redis') await deletePrefix(prefix, BENCH_REDIS_URL);
  }
}

const cell = (l: Load | null | undefined) => (l ? `${l.calls} (${l.pictures} pictures), ${l.ms.toFixed(0)} ms` : '—');

/** The dashboard figures as a Markdown section (what {@link runDashboardBench} writes). */
async function dashboardSection(): Promise<string> {
  const backends: Array<'memory' | 'redis'> = ['memory'];
  if (await redisAnswers(BENCH_REDIS_URL)) backends.push('redis');
  else console.error(`Redis at BENCH_REDIS_URL/REDIS_URL does not answer: Redis rows skipped`);
  const lines = [
    `Dashboard upstream calls (issue 13), ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}. Command: \`npx tsx bench/dashboard.ts\`.`,
    '',
    `${CHATS} chats, ${WITH_PICTURE} rows with a picture; target: first load ≤ 3 + distinct uncached pictures, repeat within the TTL ≤ 2. Each cell: upstream requests (of which profile pictures), wall time of the GraphQL request.`,
    '',
    '| stores | read cache | first load | repeat | other replica | after a PROFILE_PICTURE_UPDATED webhook |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const stores of backends) {
    for (const cacheOn of [false, true]) {
      const r = await scenario(stores, cacheOn);
      lines.push(`| ${stores} | ${cacheOn ? 'on (defaults)' : 'off (every TTL 0)'} | ${cell(r.first)} | ${cell(r.repeat)} | ${cell(r.replica)} | ${cell(r.afterHook)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const DASHBOARD_START = '<!-- dashboard:start (generated by bench/dashboard.ts) -->';
const DASHBOARD_END = '<!-- dashboard:end -->';

/** Measures the dashboard and writes its section of docs/benchmarks.md (what `npm run bench` calls). */
export async function runDashboardBench(): Promise<void> {
  writeBenchSection(DASHBOARD_START, DASHBOARD_END, `## Dashboard upstream calls (read cache)\n\n${await dashboardSection()}`);
  process.stdout.write('wrote the dashboard section of docs/benchmarks.md\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await dashboardSection());
