import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { request as undiciRequest } from 'undici';
import { startApp } from '../src/app.js';
import type { AppConfig } from '../src/config.js';
import type { RecordedRequest } from '../src/providers/contract.js';
import { PROVIDER_KINDS } from '../src/providers/model.js';
import { simulatedInstance } from '../test/helpers/provider-modules.js';
import { BENCH_INSTANCE, BENCH_SECRET, benchAppConfig, benchProvider } from './constants.js';
import { serveBenchIpc } from './ipc.js';

/**
 * The processes of `bench/paths.ts` (one role per process, chosen by `argv[2]`), each forked and
 * pinned to a core by the bench:
 *
 * - `sim`: the benchmark provider's simulator (no auto reply, no webhooks). IPC `{cmd: 'last'}` →
 *   `{request}`: the last request it received (the upstream call a `sendText` makes), and the
 *   recorded requests are dropped every second so a long run does not grow its heap.
 * - `whatsgraph`: the real server (`startApp`, non-sandbox, no API keys) with one instance on the
 *   simulator at `BENCH_SIM_URL` (`BENCH_INSTANCE_CONFIG`: the simulator's instance config as
 *   JSON); Redis stores when `BENCH_REDIS_URL` is set (`BENCH_REDIS_PREFIX`).
 * - `baseline`: bare Apollo Server 5 + Express 5 (`express.json()` + `expressMiddleware`, no
 *   plugins) with the same query shape (`instances { id provider }`, a static resolver) and a
 *   `sendText` whose resolver makes the same upstream call (`BENCH_UPSTREAM`: a recorded
 *   request, method, path, headers and body, replayed with `undici.request` on the default
 *   dispatcher); and a bare Express JSON endpoint `POST /webhook` (`express.json()`, answers
 *   `{received: 1}`).
 *
 * IPC out: `{ready: true, url, ...}` once listening. IPC in: `cpu`, `heap` and `stop` (bench/ipc.ts);
 * the simulator also answers `{cmd: 'last'}` with `{request}`, the last request it recorded.
 */

const role = process.argv[2];
const send = (m: unknown) => process.send?.(m);

async function sim(): Promise<void> {
  const mod = benchProvider();
  const handle = await mod.startSimulator({ autoReply: false });
  let last: RecordedRequest | undefined;
  setInterval(() => {
    last = handle.requests.at(-1) ?? last;
    handle.requests.length = 0;
  }, 1_000).unref();
  serveBenchIpc(() => handle.close(), {
    last: () => ({ request: handle.requests.at(-1) ?? last }),
  });
  send({ ready: true, url: handle.url, instanceConfig: handle.instanceConfig });
}

async function whatsgraph(): Promise<void> {
  const mod = benchProvider();
  const simulator = { url: process.env.BENCH_SIM_URL!, instanceConfig: JSON.parse(process.env.BENCH_INSTANCE_CONFIG ?? '{}') as Record<string, unknown> };
  const instance = simulatedInstance(mod, simulator, BENCH_INSTANCE, BENCH_SECRET);
  const redisUrl = process.env.BENCH_REDIS_URL;
  const config: AppConfig = {
    ...benchAppConfig(instance, 'bench', redisUrl ? { url: redisUrl, keyPrefix: process.env.BENCH_REDIS_PREFIX ?? 'bench' } : undefined),
    // out of the way: the bench measures the path, not the limiter's refusals (the checks still run)
    rateLimits: { perKey: { points: 1e9, durationSeconds: 60 }, perInstance: { points: 1e9, durationSeconds: 60 } },
  };
  const app = await startApp(config, { host: '127.0.0.1' });
  serveBenchIpc(() => app.close());
  send({ ready: true, url: app.url });
}

const BASELINE_SCHEMA = `#graphql
  enum Provider { ${PROVIDER_KINDS.join(' ')} }
  type Instance { id: ID! provider: Provider! }
  enum MessageStatus { DELETED DELIVERED FAILED PENDING PLAYED READ SENT }
  type Message { id: ID! status: MessageStatus! }
  type SendMessagePayload { message: Message! }
  input SendTextInput { instanceId: ID! to: String! text: String! }
  type Query { instances: [Instance!]! }
  type Mutation { sendText(input: SendTextInput!): SendMessagePayload! }
`;

async function baseline(): Promise<void> {
  const upstream = JSON.parse(process.env.BENCH_UPSTREAM ?? 'null') as { url: string; method: string; headers: Record<string, string>; body: unknown } | null;
  const static_ = [{ id: BENCH_INSTANCE, provider: benchProvider().kind }];
  const apollo = new ApolloServer({
    typeDefs: BASELINE_SCHEMA,
    resolvers: {
      Query: { instances: () => static_ },
      Mutation: {
        sendText: async (_: unknown, { input }: { input: { to: string; text: string } }) => {
          if (!upstream) throw new Error('no upstream request recorded');
          const body = { ...(upstream.body as Record<string, unknown>) };
          for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && v.length > 0 && k !== 'phone') body[k] = input.text;
          const res = await undiciRequest(upstream.url, { method: upstream.method as 'POST', headers: upstream.headers, body: JSON.stringify(body) });
          const reply = (await res.body.json()) as Record<string, unknown>;
          if (res.statusCode >= 300) throw new Error(`upstream answered ${res.statusCode}`);
          const id = reply.messageId ?? reply.id;
          return { message: { id: typeof id === 'string' || typeof id === 'number' ? String(id) : 'unknown', status: 'SENT' } };
        },
      },
    },
  });
  await apollo.start();
  const app = express();
  app.post('/webhook', express.json({ limit: '1mb' }), (req, res) => {
    res.json({ received: req.body ? 1 : 0 });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  serveBenchIpc(async () => {
    await apollo.stop();
    server.close();
  });
  send({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

const roles: Record<string, () => Promise<void>> = { sim, whatsgraph, baseline };
const run = role ? roles[role] : undefined;
if (!run) {
  process.stderr.write(`paths-servers: unknown role ${role}\n`);
  process.exit(2);
}
run().catch((err: unknown) => {
  process.stderr.write(`paths-servers ${role} failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
