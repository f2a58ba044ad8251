import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { sandboxConfig, startTestApp, type GqlResult } from '../helpers/app.js';
import { simulatedInstance, webhookProvider } from '../helpers/providers.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../helpers/redis.js';

/** Issue 12, deliverable 3: inbound rate limits per key and per instance → 429 / RATE_LIMITED with retryAfterMs, in memory and through Redis (shared by replicas). */
const KEY = 'rate-limit-key-0123456789';
const OTHER = 'rate-limit-other-0123456789';
const mod = webhookProvider();
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await mod.startSimulator({ autoReply: false });
});
afterAll(async () => {
  await sim?.close();
});

function config(overrides: Partial<AppConfig>): AppConfig {
  return sandboxConfig({
    sandbox: false,
    auth: { apiKeys: [KEY, OTHER] },
    instances: [simulatedInstance(mod, sim, 'a', 'webhook-secret-a-0123456789'), simulatedInstance(mod, sim, 'b', 'webhook-secret-b-0123456789')],
    ...overrides,
  });
}

async function post(app: RunningApp, key: string, query: string): Promise<{ status: number; retryAfter: string | null; body: GqlResult }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as GqlResult };
}

const send = (instance: string) => `mutation { sendText(input: {instanceId: "${instance}", to: "+55 11 98765-4321", text: "hi"}) { message { id } } }`;

function expectLimited(res: { status: number; retryAfter: string | null; body: GqlResult }, limit: string): void {
  expect(res.status).toBe(429);
  expect(Number(res.retryAfter)).toBeGreaterThan(0);
  const ext = res.body.errors?.[0]?.extensions;
  expect(ext).toMatchObject({ code: 'RATE_LIMITED', limit });
  expect(ext?.retryAfterMs).toBeGreaterThan(0);
  expect(ext?.retryAfterMs).toBeLessThanOrEqual(60_000);
}

describe.each([
  ['memory', () => ({})],
  ['redis', () => ({ redis: { url: TEST_REDIS_URL, keyPrefix: uniquePrefix('ratelimit') } })],
])('inbound rate limits (%s)', (_kind, extra) => {
  it('per key: over the limit → 429 RATE_LIMITED with retryAfterMs; another key is not affected', async () => {
    const app = await startTestApp(config({ ...extra(), rateLimits: { perKey: { points: 3, durationSeconds: 60 }, perInstance: { points: 1000, durationSeconds: 60 } } }));
    try {
      for (let i = 0; i < 3; i++) expect((await post(app, KEY, '{ instances { id } }')).status).toBe(200);
      expectLimited(await post(app, KEY, '{ instances { id } }'), 'key');
      expect((await post(app, OTHER, '{ instances { id } }')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('per instance: over the limit → 429 RATE_LIMITED with instanceId, before the provider; another instance is not affected', async () => {
    const app = await startTestApp(config({ ...extra(), rateLimits: { perKey: { points: 1000, durationSeconds: 60 }, perInstance: { points: 2, durationSeconds: 60 } } }));
    try {
      for (let i = 0; i < 2; i++) expect((await post(app, KEY, send('a'))).body.errors).toBeUndefined();
      const before = sim.requests.length;
      const limited = await post(app, OTHER, send('a'));
      expectLimited(limited, 'instance');
      expect(limited.body.errors?.[0]?.extensions?.instanceId).toBe('a');
      expect(sim.requests.length).toBe(before);
      expect((await post(app, KEY, send('b'))).body.errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('rate limits through Redis are shared by replicas', () => {
  it('two servers on one Redis count one key together', async () => {
    const keyPrefix = uniquePrefix('ratelimit');
    const cfg = config({
      redis: { url: TEST_REDIS_URL, keyPrefix },
      rateLimits: { perKey: { points: 2, durationSeconds: 60 }, perInstance: { points: 1000, durationSeconds: 60 } },
    });
    const one = await startTestApp(cfg);
    const two = await startTestApp(cfg);
    try {
      expect((await post(one, KEY, '{ instances { id } }')).status).toBe(200);
      expect((await post(two, KEY, '{ instances { id } }')).status).toBe(200);
      expectLimited(await post(one, KEY, '{ instances { id } }'), 'key');
      expectLimited(await post(two, KEY, '{ instances { id } }'), 'key');
    } finally {
      await one.close();
      await two.close();
      await deletePrefix(keyPrefix);
    }
  });
});

describe('a deadline per GraphQL request', () => {
  it('ends a request of aliased sends at the deadline: the field in flight fails with DEADLINE_EXCEEDED, none starts after it', async () => {
    const app = await startTestApp(config({ graphql: { deadlineMs: 300 } }));
    try {
      sim.injectFault({ delayMs: 250, count: 10 });
      const before = sim.requests.length;
      const aliases = [1, 2, 3, 4, 5].map((n) => `s${n}: sendText(input: {instanceId: "a", to: "+55 11 98765-4321", text: "hi ${n}"}) { message { id } }`).join('\n');
      const started = Date.now();
      const res = await post(app, KEY, `mutation { ${aliases} }`);
      const took = Date.now() - started;
      expect(took).toBeLessThan(1_000);
      const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
      // sends are non-null root fields run one after another: the one in flight at the deadline fails, which ends the request (graphql-js runs no further root mutation)
      expect(codes.length).toBeGreaterThanOrEqual(1);
      expect(codes.every((c) => c === 'DEADLINE_EXCEEDED')).toBe(true);
      // the first finished, the second was in flight at the deadline, the rest never reached the provider
      expect(sim.requests.length - before).toBeLessThanOrEqual(2);
    } finally {
      sim.injectFault({ delayMs: 0, count: 0 });
      await app.close();
    }
  });
});

describe('a deadline per GraphQL operation over WebSocket', () => {
  it('a mutation of aliased sends over graphql-ws ends at the deadline like over HTTP; a subscription has none', async () => {
    const app = await startTestApp(config({ graphql: { deadlineMs: 300 } }));
    const client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${KEY}` },
    });
    try {
      sim.injectFault({ delayMs: 250, count: 10 });
      const before = sim.requests.length;
      const aliases = [1, 2, 3, 4, 5].map((n) => `s${n}: sendText(input: {instanceId: "a", to: "+55 11 98765-4321", text: "ws ${n}"}) { message { id } }`).join('\n');
      const started = Date.now();
      const result = await new Promise<GqlResult>((resolve, reject) => {
        let last: GqlResult = {};
        client.subscribe({ query: `mutation { ${aliases} }` }, { next: (r) => (last = r as GqlResult), error: reject, complete: () => resolve(last) });
      });
      expect(Date.now() - started).toBeLessThan(1_000);
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      expect(codes.length).toBeGreaterThanOrEqual(1);
      expect(codes.every((c) => c === 'DEADLINE_EXCEEDED')).toBe(true);
      expect(sim.requests.length - before).toBeLessThanOrEqual(2);
      sim.injectFault({ delayMs: 0, count: 0 });
      // a subscription on the same connection outlives the deadline
      const events: unknown[] = [];
      const stop = client.subscribe(
        { query: 'subscription { events(instanceId: "a") { id } }' },
        { next: (r) => events.push(r), error: () => undefined, complete: () => undefined },
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(events.filter((e) => (e as GqlResult).errors)).toEqual([]);
      stop();
    } finally {
      sim.injectFault({ delayMs: 0, count: 0 });
      await client.dispose();
      await app.close();
    }
  });
});

describe('rate limits over WebSocket', () => {
  it('a subscribe over the key’s limit → RATE_LIMITED with retryAfterMs', async () => {
    const app = await startTestApp(config({ rateLimits: { perKey: { points: 2, durationSeconds: 60 }, perInstance: { points: 1000, durationSeconds: 60 } } }));
    const client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${KEY}` },
    });
    try {
      const results: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        results.push(
          await new Promise((resolve) => {
            client.subscribe({ query: '{ instances { id } }' }, { next: (r) => resolve(r), error: (e) => resolve({ errors: e }), complete: () => undefined });
          }),
        );
      }
      expect(JSON.stringify(results[0])).toContain('"instances"');
      const last = results[2] as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect(last.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'key' });
      expect(last.errors[0]?.extensions.retryAfterMs).toBeGreaterThan(0);
      expect(last.errors[0]?.extensions.http).toBeUndefined();
    } finally {
      await client.dispose();
      await app.close();
    }
  });
});
