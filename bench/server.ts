import 'reflect-metadata';
import { startApp } from '../src/app.js';
import { simulatedInstance } from '../test/helpers/provider-modules.js';
import { BENCH_INSTANCE, BENCH_SECRET, benchAppConfig, benchProvider } from './constants.js';
import { serveBenchIpc } from './ipc.js';

/**
 * The server under benchmark, in its own process (forked by `bench/run.ts` with `--expose-gc`, and by `bench/ingest.ts`),
 * so that its heap and CPU are measured apart from the 1,000 clients. Its one instance runs on
 * the simulator of the first provider that posts webhooks ({@link benchProvider}).
 *
 * Environment: `BENCH_REDIS_URL` + `BENCH_REDIS_PREFIX` for the Redis stores (absent: memory).
 * IPC in: `heap`, `cpu` and `stop` (bench/ipc.ts).
 * IPC out: `{ready: true, url, stores}` once listening.
 */

async function main(): Promise<void> {
  const send = (m: unknown) => process.send?.(m);
  const mod = benchProvider();
  const sim = await mod.startSimulator({ autoReply: false });
  const instance = simulatedInstance(mod, sim, BENCH_INSTANCE, BENCH_SECRET);
  const redisUrl = process.env.BENCH_REDIS_URL;
  const config = benchAppConfig(instance, 'bench', redisUrl ? { url: redisUrl, keyPrefix: process.env.BENCH_REDIS_PREFIX ?? 'bench' } : undefined);
  const app = await startApp(config, { host: '127.0.0.1' });
  serveBenchIpc(async () => {
    await app.close();
    await sim.close();
  });
  send({ ready: true, url: app.url, stores: app.services.stores.kind });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench server failed: ${(err as Error).message}\n`);
  process.exit(1);
});
