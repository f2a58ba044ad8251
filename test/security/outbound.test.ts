import { simulatedInstance, webhookProvider } from '../helpers/providers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { DEFAULT_INSTANCE_CONNECTIONS } from '../../src/providers/http.js';
import { gql, sandboxConfig, startTestApp } from '../helpers/app.js';

/** The provider both instances use (the first that posts webhooks): it has a status read to hang and a text send. */
const REF = webhookProvider();

/**
 * Issue 12, "one slow account stalls the others", against the running app: two Z-API instances
 * on ONE simulator host (same origin, same path prefix, so before issue 12 they shared one pool
 * of 64 connections). 100 calls hang on instance `slow`; instance `fast` sends 100 texts
 * meanwhile and its p99 stays under 200 ms.
 */

/** How long each of `slow`'s hung calls is held by the simulator, ms. */
const HANG_MS = 3_000;
/** Calls hanging on `slow`. */
const HUNG_CALLS = 100;
/** Sends on `fast` while they hang. */
const SENDS = 100;
/** Sends in flight at once on `fast` (one after the other, as one sender does; the benchmark also measures 10 at once). */
const SEND_CONCURRENCY = 1;
/** The bound issue 12 sets for `fast`'s p99, ms. */
const P99_LIMIT_MS = 200;

const STATUS = 'query ($id: ID!) { instance(id: $id) { connection { state } } }';
const SEND = 'mutation ($id: ID!, $text: String!) { sendText(input: {instanceId: $id, to: "+55 11 98765-4321", text: $text}) { message { id } } }';

let sim: SimulatorHandle;
let app: RunningApp;

beforeAll(async () => {
  sim = await REF.startSimulator({});
  const instance = (id: string) => simulatedInstance(REF, sim, id, `${id}-webhook-secret-0123456789`);
  // the hung reads are status reads: the read cache would answer them (`status` TTL 0 sends each one to the provider)
  app = await startTestApp(sandboxConfig({ sandbox: false, source: 'test', instances: [instance('slow'), instance('fast')], cache: { ttlSeconds: { status: 0 } } }), {
    logger: createLogger('silent'),
  });
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

describe('outbound isolation between instances on one provider host', () => {
  it(`${HUNG_CALLS} calls hanging on one instance leave another's sendText p99 under ${P99_LIMIT_MS} ms`, async () => {
    // warm both pools (first connection, schema caches) so the measurement is of steady state
    await Promise.all(Array.from({ length: SEND_CONCURRENCY }, () => gql(app.url, SEND, { id: 'fast', text: 'warm-up' })));
    await gql(app.url, STATUS, { id: 'slow' });
    sim.requests.length = 0;

    sim.injectFault({ delayMs: HANG_MS, count: HUNG_CALLS, match: { method: 'GET', pathIncludes: '/status' } });
    let slowDone = 0;
    const hung = Array.from({ length: HUNG_CALLS }, () => gql(app.url, STATUS, { id: 'slow' }).finally(() => (slowDone += 1)));
    // wait until the slow instance's whole pool hangs at the simulator (the rest queue behind it)
    const hanging = () => sim.requests.filter((r) => r.method === 'GET').length;
    const deadline = Date.now() + 5_000;
    while (hanging() < DEFAULT_INSTANCE_CONNECTIONS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(hanging()).toBe(DEFAULT_INSTANCE_CONNECTIONS);
    await new Promise((r) => setTimeout(r, 100));

    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: SEND_CONCURRENCY }, async () => {
        while (next < SENDS) {
          const i = next++;
          const started = performance.now();
          const res = await gql(app.url, SEND, { id: 'fast', text: `isolation ${i}` });
          latencies.push(performance.now() - started);
          expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        }
      }),
    );
    expect(slowDone).toBe(0); // every slow call was still hanging while fast sent all its messages
    latencies.sort((a, b) => a - b);
    const p99 = percentile(latencies, 0.99);
    console.log(`fast sendText: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
    expect(latencies).toHaveLength(SENDS);
    expect(p99).toBeLessThan(P99_LIMIT_MS);
    // p99 of 100 leaves out the slowest; with a shared pool exactly one send waits for a hung call, so bound the max too
    expect(latencies.at(-1)).toBeLessThan(HANG_MS / 2);

    const answers = await Promise.all(hung);
    for (const a of answers) expect(a.errors).toBeUndefined(); // the slow instance's calls complete once the provider answers
  });
});
