import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { toGlobalId } from '../../src/global-ids.js';
import { collect, sandboxConfig, settle, startTestApp, type GqlResult } from '../helpers/app.js';
import { simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * Issue 12, "Show it": a two-key configuration. KEY_A may use instance A only (read, send);
 * KEY_B (given hashed) may use B; KEY_RO reads A only. Both instances run on one simulator of
 * the first provider that posts webhooks.
 */
const KEY_A = 'key-for-instance-a-0123456789';
const KEY_B = 'key-for-instance-b-0123456789';
const KEY_RO = 'read-only-key-for-a-0123456789';
const SECRET_A = 'webhook-secret-a-0123456789';
const SECRET_B = 'webhook-secret-b-0123456789';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Every response body and subscription result of this file, searched for the webhook secrets at the end. */
const seen: string[] = [];

let sim: SimulatorHandle;
let app: RunningApp;
const mod = webhookProvider();

beforeAll(async () => {
  sim = await mod.startSimulator({ autoReply: false });
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      auth: {
        apiKeys: [
          { key: KEY_A, instances: ['a'], scopes: ['read', 'send'] },
          { keySha256: sha256(KEY_B), instances: ['b'], scopes: ['read', 'send', 'manage'] },
          { key: KEY_RO, instances: ['a'], scopes: ['read'] },
        ],
      },
      instances: [simulatedInstance(mod, sim, 'a', SECRET_A), simulatedInstance(mod, sim, 'b', SECRET_B)],
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

async function post(key: string | undefined, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GqlResult }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  seen.push(text);
  return { status: res.status, body: JSON.parse(text) as GqlResult };
}

function ws(key: string): Client {
  return createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${key}` },
  });
}

const SEND = 'mutation($i: ID!) { sendText(input: {instanceId: $i, to: "+55 11 98765-4321", text: "hi"}) { message { id } } }';

const connectedBody = (phone: string) => JSON.stringify({ type: 'ConnectedCallback', connected: true, momment: Date.now(), instanceId: 'x', phone });

describe('API keys with instances and scopes', () => {
  it('lists only the key’s instances', async () => {
    expect((await post(KEY_A, '{ instances { id instanceId } }')).body.data).toEqual({ instances: [{ id: toGlobalId('Instance', 'a', ''), instanceId: 'a' }] });
    expect((await post(KEY_B, '{ instances { id instanceId } }')).body.data).toEqual({ instances: [{ id: toGlobalId('Instance', 'b', ''), instanceId: 'b' }] });
  });

  it('the key for A reads and sends on A', async () => {
    const read = await post(KEY_A, '{ instance(id: "a") { id capabilities } }');
    expect(read.body.errors).toBeUndefined();
    const before = sim.requests.length;
    const sent = await post(KEY_A, SEND, { i: 'a' });
    expect(sent.body.errors).toBeUndefined();
    expect(sim.requests.length).toBeGreaterThan(before);
  });

  it('the key for A gets FORBIDDEN for B over HTTP, before any provider call', async () => {
    const before = sim.requests.length;
    for (const [query, variables] of [
      ['{ instance(id: "b") { id } }', undefined],
      ['{ instance(id: "b") { chats(first: 1) { edges { node { id } } } } }', undefined],
      [SEND, { i: 'b' }],
      ['query($i: ID!) { events(instanceId: $i) { hasMore } }', { i: 'b' }],
    ] as const) {
      const res = await post(KEY_A, query, variables);
      expect(res.body.errors?.[0]?.extensions, query).toMatchObject({ code: 'FORBIDDEN', instanceId: 'b' });
    }
    expect(sim.requests.length).toBe(before);
  });

  it('a key given as SHA-256 works', async () => {
    const res = await post(KEY_B, '{ instance(id: "b") { id } }');
    expect(res.body.errors).toBeUndefined();
    expect((await post(sha256(KEY_B), '{ instances { id } }')).status).toBe(401);
  });

  it('a read-only key cannot send (FORBIDDEN with scope, no provider call)', async () => {
    expect((await post(KEY_RO, '{ instance(id: "a") { id } }')).body.errors).toBeUndefined();
    const before = sim.requests.length;
    const res = await post(KEY_RO, SEND, { i: 'a' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'send' });
    expect(sim.requests.length).toBe(before);
  });

  it('over WebSocket: FORBIDDEN for B, and A’s subscription sees A’s events and none of B’s', async () => {
    const client = ws(KEY_A);
    try {
      const forbidden = collect(client, 'subscription { events(instanceId: "b") { __typename } }');
      await forbidden.waitForCount(1);
      expect(forbidden.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', instanceId: 'b' });
      const forbiddenLive = collect(client, 'subscription { messageReceived(instanceId: "b") { id } }');
      await forbiddenLive.waitForCount(1);
      expect(forbiddenLive.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', instanceId: 'b' });
      const forbiddenSend = collect(client, SEND, { i: 'b' });
      await forbiddenSend.waitForCount(1);
      expect(JSON.stringify(forbiddenSend.results)).toContain('FORBIDDEN');

      const events = collect(client, 'subscription { events(instanceId: "a") { __typename instanceId } }');
      await settle(300);
      const toB = await fetch(`${app.url}/webhooks/b/${SECRET_B}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: connectedBody('5544999999991') });
      expect(toB.status).toBe(200);
      const toA = await fetch(`${app.url}/webhooks/a/${SECRET_A}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: connectedBody('5544999999992') });
      expect(toA.status).toBe(200);
      await events.waitFor((d: { events: { instanceId: string } }) => d.events.instanceId === 'a');
      await settle(300);
      expect(events.results.every((r) => (r.data as { events: { instanceId: string } }).events.instanceId === 'a')).toBe(true);
      events.dispose();
      seen.push(JSON.stringify([forbidden.results, forbiddenLive.results, forbiddenSend.results, events.results]));
    } finally {
      await client.dispose();
    }
  });
});

describe('API keys through a federation router', () => {
  it('_entities resolves only the key’s instances: a reference to another instance is not resolved', async () => {
    const representations = [
      { __typename: 'Instance', id: toGlobalId('Instance', 'b', '') },
      { __typename: 'Instance', id: toGlobalId('Instance', 'a', '') },
      { __typename: 'Contact', instanceId: 'b', phone: '5544999999999' },
    ];
    const { status, body } = await post(KEY_A, 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Instance { id } ... on Contact { phone } } }', {
      r: representations,
    });
    expect(status).toBe(200);
    const entities = (body.data as { _entities: unknown[] } | null)?._entities ?? [];
    expect(entities[1]).toEqual({ __typename: 'Instance', id: expect.any(String) });
    expect(entities[0] ?? null).toBeNull();
    expect(entities[2] ?? null).toBeNull();
    for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('over WebSocket, the upgrade request’s Authorization header (what a router propagates) identifies the key when connection_init carries none', async () => {
    class WithAuthorization extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { authorization: `Bearer ${KEY_A}` } });
      }
    }
    const client = createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WithAuthorization, retryAttempts: 0, lazy: true });
    try {
      const forbidden = collect(client, 'subscription { events(instanceId: "b") { __typename } }');
      await forbidden.waitForCount(1);
      expect(forbidden.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', instanceId: 'b' });
      const allowed = collect(client, 'subscription { events(instanceId: "a") { __typename instanceId } }');
      await settle(300);
      const toA = await fetch(`${app.url}/webhooks/a/${SECRET_A}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: connectedBody('5544999999993') });
      expect(toA.status).toBe(200);
      await allowed.waitFor((d: { events: { instanceId: string } }) => d.events.instanceId === 'a');
      allowed.dispose();
      seen.push(JSON.stringify([forbidden.results, allowed.results]));
    } finally {
      await client.dispose();
    }
  });
});

describe('introspection and secrets', () => {
  it('introspection and field suggestions are off outside sandbox mode', async () => {
    const res = await post(KEY_A, '{ __schema { queryType { name } } }');
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(KEY_A, '{ instancez { id } }');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    const client = ws(KEY_A);
    try {
      const sub = collect(client, '{ __schema { queryType { name } } }');
      await sub.waitForCount(1);
      expect(JSON.stringify(sub.results)).toMatch(/introspection/i);
      const wsTypo = collect(client, '{ instancez { id } }');
      await wsTypo.waitForCount(1);
      expect(JSON.stringify(wsTypo.results)).toMatch(/instancez/);
      expect(JSON.stringify(wsTypo.results)).not.toMatch(/Did you mean/);
    } finally {
      await client.dispose();
    }
  });

  it('introspection is on in sandbox mode, and follows graphql.introspection', async () => {
    const sandbox = await startTestApp(sandboxConfig());
    try {
      const res = await fetch(`${sandbox.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      expect(((await res.json()) as GqlResult).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await sandbox.close();
    }
    const off = await startTestApp(sandboxConfig({ graphql: { introspection: false } }));
    try {
      const res = await fetch(`${off.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      expect(((await res.json()) as GqlResult).errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await off.close();
    }
  });

  it('Instance.webhooks never shows a webhook secret (every provider that lists its webhooks)', async () => {
    const sandbox = await startTestApp(sandboxConfig());
    try {
      const secrets = sandbox.instanceConfigs.map((c) => c.webhookSecret);
      const withWebhooks = sandbox.instanceConfigs.filter((c) => sandbox.services.instances.get(c.id).adapter.capabilities.has('LIST_WEBHOOKS'));
      expect(withWebhooks.length).toBeGreaterThan(0);
      let masked = 0;
      for (const cfg of withWebhooks) {
        const res = await fetch(`${sandbox.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($i: ID!) { instance(id: $i) { webhooks { url } } }', variables: { i: cfg.id } }),
        });
        const text = await res.text();
        for (const s of secrets) expect(text).not.toContain(s);
        const urls = ((JSON.parse(text) as GqlResult).data?.instance?.webhooks ?? []) as Array<{ url: string }>;
        // the URLs of this server's webhook for the instance are listed with the secret masked
        for (const w of urls.filter((u) => u.url.includes(`/webhooks/${cfg.id}/`))) {
          expect(w.url.endsWith(`/webhooks/${cfg.id}/********`)).toBe(true);
          masked++;
        }
      }
      expect(masked).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });
});

describe('no response carries a webhook secret', () => {
  it('none of the responses above contains SECRET_A or SECRET_B', async () => {
    const webhooks = await post(KEY_A, '{ instance(id: "a") { id } }');
    expect(webhooks.body.errors).toBeUndefined();
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) {
      expect(text).not.toContain(SECRET_A);
      expect(text).not.toContain(SECRET_B);
    }
  });
});
