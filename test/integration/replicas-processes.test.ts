import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { toGlobalId } from '../../src/global-ids.js';
import { collect, eventually, gql, settle, wsClient } from '../helpers/app.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { TEST_REDIS_URL, deletePrefix, freePort, uniquePrefix } from '../helpers/redis.js';
import { isCallOf, operationsFor, simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * Issue 4's proof with two real server processes (`node src/main.ts`, as `npm start` runs
 * it) configured from one YAML file, sharing the real Redis under a unique key prefix and one
 * simulator of the first provider that posts webhooks ({@link webhookProvider}; its first
 * credential field, `secretFields[0]`, given as `${INSTANCE_SECRET}` from the environment): a webhook posted to A reaches a subscriber on B; the same webhook posted
 * again to B publishes nothing; two concurrent sends with one idempotency key, one on each
 * replica, make one provider call and answer the same message id.
 */
const mod = webhookProvider();
const INSTANCE = 'br';
/** The instance's credential field the YAML takes from the environment. */
const SECRET_FIELD = mod.secretFields[0]!;
const SECRET = 'processes-webhook-secret-0123456789';
const prefix = uniquePrefix('processes');

let sim: SimulatorHandle;
/** How many documented SEND_TEXT calls the simulator received so far. */
const sends = () => sim.requests.filter((r) => operationsFor(mod, 'SEND_TEXT').some((op) => isCallOf(mod, sim.instanceConfig, op, r))).length;
const replicas: Array<{ child: ChildProcess; url: string; output: string }> = [];

async function startReplica(configPath: string): Promise<{ child: ChildProcess; url: string; output: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    WHATSGRAPH_CONFIG: configPath,
    LOG_LEVEL: 'warn',
    INSTANCE_SECRET: String(sim.instanceConfig[SECRET_FIELD]),
  };
  delete env.VITEST;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const replica = { child, url: `http://127.0.0.1:${port}`, output: '' };
  child.stdout?.on('data', (d) => (replica.output += String(d)));
  child.stderr?.on('data', (d) => (replica.output += String(d)));
  await eventually(
    async () =>
      await fetch(`${replica.url}/readyz`)
        .then((r) => r.ok)
        .catch(() => false),
    60_000,
    `replica on ${port} to be ready`,
  );
  return replica;
}

async function post(url: string, body: unknown): Promise<{ status: number; body: { published?: number; duplicates?: number } }> {
  const res = await fetch(`${url}/webhooks/${INSTANCE}/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { published?: number; duplicates?: number } };
}

beforeAll(async () => {
  sim = await mod.startSimulator({ autoReply: false, stepDelayMs: 10 });
  expect(typeof sim.instanceConfig[SECRET_FIELD], `the simulator's ${SECRET_FIELD}`).toBe('string');
  const dir = mkdtempSync(join(tmpdir(), 'wg-replicas-'));
  const configPath = join(dir, 'whatsgraph.yaml');
  writeFileSync(
    configPath,
    stringify({
      instances: [simulatedInstance(mod, sim, INSTANCE, SECRET, { [SECRET_FIELD]: '${INSTANCE_SECRET}' })],
      redis: { url: TEST_REDIS_URL, keyPrefix: prefix },
    }),
  );
  replicas.push(...(await Promise.all([startReplica(configPath), startReplica(configPath)])));
}, 90_000);

afterAll(async () => {
  for (const r of replicas) r.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => new Promise((res) => (r.child.exitCode !== null ? res(null) : r.child.once('exit', res)))));
  await sim?.close();
  await deletePrefix(prefix);
});

describe('two server processes sharing Redis', () => {
  it('delivers a webhook posted to A to a subscriber on B, and publishes a redelivery to B nothing', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const client = wsClient(b.url);
    const sub = collect(client, 'subscription($i: ID!) { messageReceived(instanceId: $i) { id providerMessageId content { __typename } } }', { i: INSTANCE });
    await settle(500);
    const id = `PROC${Date.now()}`;
    const first = await post(a.url, mod.samples.inboundText(id, { text: 'across replicas' }));
    expect(first).toMatchObject({ status: 200, body: { published: 1 } });
    const got = await sub.waitFor((d) => d.messageReceived.providerMessageId === id);
    expect(got.messageReceived.content.__typename).toBe('TextContent');
    expect(got.messageReceived.id).toBe(toGlobalId('Message', INSTANCE, id));
    const again = await post(b.url, mod.samples.inboundText(id, { text: 'across replicas' }));
    expect(again).toMatchObject({ status: 200, body: { published: 0, duplicates: 1 } });
    // a later, distinct webhook proves the subscription is still live, and nothing came between
    const marker = `${id}-2`;
    await post(b.url, mod.samples.inboundText(marker, { text: 'across replicas' }));
    await sub.waitFor((d) => d.messageReceived.providerMessageId === marker);
    expect(sub.results.map((r) => r.data!.messageReceived.providerMessageId)).toEqual([id, marker]);
    sub.dispose();
    await client.dispose();
  });

  it('sends once for one idempotency key used concurrently on A and B', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const sendsBefore = sends();
    const mutation = 'mutation { sendText(input: {instanceId: "br", to: "+55 11 98765-4321", text: "once", idempotencyKey: "k-processes-1"}) { message { id } } }';
    const [ra, rb] = await Promise.all([gql(a.url, mutation), gql(b.url, mutation)]);
    expect(ra.errors).toBeUndefined();
    expect(rb.errors).toBeUndefined();
    expect(ra.data!.sendText.message.id).toBe(rb.data!.sendText.message.id);
    expect(sends() - sendsBefore).toBe(1);
    const reused = await gql(b.url, mutation.replace('"once"', '"other text"'));
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });
});
