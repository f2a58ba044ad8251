import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { InstanceConfig } from '../../src/config.js';
import type { Client } from 'graphql-ws';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-ids.js';
import type { Capability, ProviderAdapter, SimulatorHandle } from '../../src/providers/contract.js';
import { PROVIDER_KINDS } from '../../src/providers/model.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { collect, eventually, gql, settle, startTestApp, wsClient } from '../helpers/app.js';
import { webhookFixtures } from '../helpers/fixtures.js';
import {
  E2eChatsPageDocument,
  E2eChatsWithContactsDocument,
  E2eEventsDocument,
  E2eEventsPageDocument,
  E2eInstanceDocument,
  E2eInstancesDocument,
  E2ePhoneChecksDocument,
  E2eReceivedDocument,
  E2eReceivedIdDocument,
  E2eReceivedKindDocument,
  E2eSendTextDocument,
  E2eStatusesDocument,
} from '../generated/graphql.js';
import { documentedStatusPayload, expectAuthorised, inboundTextBody, isCallOf, operationsFor, webhookProvider } from '../helpers/providers.js';

/**
 * Issue 2 end to end over real sockets, in sandbox mode (one instance per provider module):
 * sendText through the graph → the simulator of the first provider that posts webhooks
 * ({@link webhookProvider}) receives its documented request → SENT, DELIVERED, READ and the
 * reply arrive on graphql-ws subscriptions; plus the bad-input cases of the webhook endpoint,
 * DataLoader batching on a provider that lists chats, checks phones and reads profile
 * pictures, and the subscription and event-stream rules.
 */
const logger = createLogger('silent');
const mod = webhookProvider();
let app: RunningApp;
let client: Client;
/** The sandbox instance of {@link mod}. */
let cfg: InstanceConfig;
let ID: string;
let adapter: ProviderAdapter;

beforeAll(async () => {
  app = await startTestApp();
  client = wsClient(app.url);
  cfg = app.instanceConfigs.find((c) => c.provider === mod.kind)!;
  ID = cfg.id;
  adapter = mod.create(cfg, { logger });
});
afterAll(async () => {
  await client?.dispose();
  await app?.close();
});

/** The sandbox simulator of `kind` (default: {@link mod}'s). */
function simOf(kind = mod.kind): SimulatorHandle {
  const sim = app.simulators[kind];
  if (!sim) throw new Error(`no ${kind} simulator`);
  return sim;
}

/** The sandbox instances whose adapters declare every one of `capabilities`. */
function instancesWith(...capabilities: Capability[]): InstanceConfig[] {
  return app.instanceConfigs.filter((c) => {
    const caps = PROVIDER_MODULES[c.provider].create(c, { logger }).capabilities;
    return capabilities.every((x) => caps.has(x));
  });
}

/** The requests in `requests` that call an operation `capability` reaches, on `config`'s provider. */
function callsFor(config: InstanceConfig, capability: Capability, requests: SimulatorHandle['requests']): SimulatorHandle['requests'] {
  const m = PROVIDER_MODULES[config.provider];
  const ops = operationsFor(m, capability);
  expect(ops.length, `${config.provider} has an operation for ${capability}`).toBeGreaterThan(0);
  return requests.filter((r) => ops.some((op) => isCallOf(m, simOf(config.provider).instanceConfig, op, r)));
}

function webhookUrl(id?: string, secret?: string): string {
  const instanceId = id ?? ID;
  const c = app.instanceConfigs.find((x) => x.id === instanceId);
  return `${app.url}/webhooks/${encodeURIComponent(instanceId)}/${secret ?? c?.webhookSecret}`;
}

describe('the contract queries', () => {
  it('lists the four sandbox instances with status and capabilities', async () => {
    const res = await gql(app.url, E2eInstancesDocument);
    expect(res.errors).toBeUndefined();
    const listed = res.data!.instances;
    expect(listed.map((i) => i.provider).sort()).toEqual([...PROVIDER_KINDS].sort());
    for (const i of listed) {
      const c = app.instanceConfigs.find((x) => x.id === i.instanceId)!;
      expect(i.id, i.instanceId).toBe(toGlobalId('Instance', i.instanceId, ''));
      expect(c.provider, i.instanceId).toBe(i.provider);
      expect([...i.capabilities].sort(), i.instanceId).toEqual([...PROVIDER_MODULES[c.provider].create(c, { logger }).capabilities].sort());
    }
    expect(listed.find((i) => i.instanceId === ID)).toMatchObject({ provider: mod.kind, status: 'CONNECTED' });
  });

  it('refuses a subscription over HTTP with a clear 400', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `subscription { connectionChanged(instanceId: "${ID}") { state } }` }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'operation' });
    expect(body.errors[0]!.message).toMatch(/WebSocket/);
  });

  it('answers NOT_FOUND for an unknown instance', async () => {
    const res = await gql(app.url, E2eInstanceDocument, { id: 'nope' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('sendText end to end', () => {
  it('sends the documented request and streams SENT, DELIVERED, READ and the reply', async () => {
    const statuses = collect(client, E2eStatusesDocument, { instanceId: ID });
    const received = collect(client, E2eReceivedDocument, { instanceId: ID });
    await settle();
    const before = simOf().requests.length;
    const res = await gql(app.url, E2eSendTextDocument, { instanceId: ID, to: '+55 (11) 98765-4321', text: 'hi' });
    expect(res.errors).toBeUndefined();
    const id = res.data!.sendText.message.providerMessageId;
    expect(id).toMatch(/\w{8,}/);
    expect(res.data!.sendText.message.id).toBe(toGlobalId('Message', ID, id));
    expect(res.data!.sendText.message.status).toBe('PENDING');

    const [sent, ...more] = callsFor(cfg, 'SEND_TEXT', simOf().requests.slice(before));
    expect(sent, 'one documented SEND_TEXT request').toBeDefined();
    expect(more).toEqual([]);
    const op = operationsFor(mod, 'SEND_TEXT').find((o) => isCallOf(mod, simOf().instanceConfig, o, sent!))!;
    expectAuthorised(mod, simOf().instanceConfig, op, sent!);
    // the recipient in international digits and the text, wherever the provider's body puts them
    expect(JSON.stringify(sent!.body)).toContain('"5511987654321"');
    expect(JSON.stringify(sent!.body)).toContain('"hi"');

    for (const status of ['SENT', 'DELIVERED', 'READ']) {
      await statuses.waitFor((d) => d.messageStatusChanged.messageId === id && d.messageStatusChanged.status === status);
    }
    const order = statuses.results
      .map((r) => r.data!.messageStatusChanged)
      .filter((s) => s.messageId === id)
      .map((s) => s.status);
    expect(order).toEqual(['SENT', 'DELIVERED', 'READ']);
    const reply = await received.waitFor((d) => d.messageReceived.chat.chatId.includes('5511987654321') && !d.messageReceived.fromMe);
    expect(reply.messageReceived.content.__typename).toBe('TextContent');
    expect(Date.parse(reply.messageReceived.timestamp)).toBeGreaterThan(0);
    statuses.dispose();
    received.dispose();
  });

  it('refuses a recipient that is not a phone number, naming the field, with no provider call', async () => {
    const before = simOf().requests.length;
    const res = await gql(app.url, E2eSendTextDocument, { instanceId: ID, to: 'call me maybe', text: 'hi' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(simOf().requests.length).toBe(before);
  });

  it('refuses an over-long text before any request', async () => {
    const before = simOf().requests.length;
    const res = await gql(app.url, E2eSendTextDocument, { instanceId: ID, to: '+55 11 98765-4321', text: 'x'.repeat(4097) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(simOf().requests.length).toBe(before);
  });
});

describe('statuses never go backwards; redeliveries publish nothing', () => {
  /** The provider's documented payload of a single `status` change, for message `id`. */
  const statusPayload = (status: string, id: string) => documentedStatusPayload(adapter, webhookFixtures(mod), status, id);

  it('keeps READ after a late SENT, and ignores a redelivered READ', async () => {
    const id = `BACKWARDS${Date.now()}`;
    const sub = collect(client, E2eStatusesDocument, { instanceId: ID, messageId: id });
    await settle();
    for (const status of ['READ', 'SENT', 'READ']) {
      const r = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(statusPayload(status, id)) });
      expect(r.status).toBe(200);
    }
    // a marker after the three, so "nothing else arrived" is checked against something that did
    const marker = `${id}MARK`;
    const m = collect(client, E2eStatusesDocument, { instanceId: ID, messageId: marker });
    await settle();
    await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(statusPayload('SENT', marker)) });
    await m.waitFor(() => true);
    await settle(100);
    expect(sub.results.map((r) => r.data!.messageStatusChanged.status)).toEqual(['READ']);
    sub.dispose();
    m.dispose();
  });
});

describe('webhook bad input', () => {
  it('answers 401 for a wrong secret and publishes nothing', async () => {
    const sub = collect(client, E2eReceivedIdDocument, { instanceId: ID });
    await settle();
    const wrong = await fetch(webhookUrl(ID, 'not-the-secret-at-all'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: inboundTextBody(mod, 'WRONGSECRET1'),
    });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(webhookUrl('no-such-instance', 'whatever-secret'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: inboundTextBody(mod, 'WRONGSECRET2'),
    });
    expect(unknown.status).toBe(401);
    const ok = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: inboundTextBody(mod, 'RIGHTSECRET1') });
    expect(ok.status).toBe(200);
    await sub.waitFor((d) => d.messageReceived.providerMessageId === 'RIGHTSECRET1');
    expect(sub.results.map((r) => r.data!.messageReceived.providerMessageId)).toEqual(['RIGHTSECRET1']);
    sub.dispose();
  });

  it('answers malformed JSON, an unknown shape and a 2 MB body with a clear 4xx and keeps serving', async () => {
    const post = (body: string, type = 'application/json') => fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': type }, body });
    const malformed = await post('{"type": "message", ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'malformed JSON body' });
    const unknown = await post(JSON.stringify({ hello: 'world' }));
    expect(unknown.status).toBe(422);
    const huge = await post(JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    const notJson = await post('type=message', 'application/x-www-form-urlencoded');
    expect(notJson.status).toBe(415);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const again = await post(inboundTextBody(mod, `AFTERBAD${Date.now()}`));
    expect(again.status).toBe(200);
  });
});

describe('health, readiness and metrics', () => {
  it('serves /healthz, /readyz and Prometheus /metrics without secrets', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('whatsgraph_webhooks_total');
    expect(metrics).toContain(`whatsgraph_provider_requests_total{provider="${mod.kind}"`);
    for (const cfg of app.instanceConfigs) {
      for (const [k, v] of Object.entries(cfg)) {
        if (/token|key|secret|password/i.test(k) && typeof v === 'string') expect(metrics).not.toContain(v);
      }
    }
  });
});

describe('DataLoader batching', () => {
  it('asks one phone check for a page of chats and one picture per distinct phone', async () => {
    const [c] = instancesWith('LIST_CHATS', 'CHECK_PHONES', 'PROFILE_PICTURE');
    expect(c, 'a provider lists chats, checks phones and reads profile pictures').toBeDefined();
    const sim = simOf(c!.provider);
    const before = sim.requests.length;
    const res = await gql(app.url, E2eChatsWithContactsDocument, { instanceId: c!.id });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.instance.chats.nodes;
    const phones = new Set<string>(nodes.flatMap((n) => (n.contact ? [n.contact.phone] : [])));
    expect(phones.size).toBeGreaterThan(1);
    const upstream = sim.requests.slice(before);
    expect(callsFor(c!, 'LIST_CHATS', upstream)).toHaveLength(1);
    const checks = callsFor(c!, 'CHECK_PHONES', upstream);
    expect(checks).toHaveLength(1);
    // a chat row that carries the picture answers profilePictureUrl itself; the others cost one lookup per distinct phone
    const pictures = callsFor(c!, 'PROFILE_PICTURE', upstream).map((r) => JSON.stringify([r.query, r.path, r.body]));
    expect(pictures.length).toBeLessThanOrEqual(phones.size);
    expect(new Set(pictures).size).toBe(pictures.length);
    const asked = JSON.stringify([checks[0]!.body, checks[0]!.query, checks[0]!.path]);
    for (const phone of phones) expect(asked, phone).toContain(phone);
    // each contact shows what a direct phone check says of its number
    const direct = await gql(app.url, E2ePhoneChecksDocument, { instanceId: c!.id, phones: [...phones] });
    expect(direct.errors).toBeUndefined();
    const exists = new Map(direct.data!.instance.phoneChecks.map((x) => [x.input, x.exists]));
    for (const { contact } of nodes) {
      if (!contact) continue;
      expect(contact.isOnWhatsApp, contact.phone).toBe(exists.get(contact.phone));
      expect(contact.profilePictureUrl).toMatch(/^https:\/\//);
    }
    expect(new Set(exists.values()).size, 'the page mixes numbers on and off WhatsApp').toBe(2);
  });

  it('checks many numbers in one provider request, on every provider that checks phones', async () => {
    const checkers = instancesWith('CHECK_PHONES');
    expect(checkers.length).toBeGreaterThan(0);
    for (const c of checkers) {
      const sim = simOf(c.provider);
      const before = sim.requests.length;
      const res = await gql(app.url, E2ePhoneChecksDocument, { instanceId: c.id, phones: ['+55 11 98765-4320', '5511987654321', '5511987654322'] });
      expect(res.errors, c.id).toBeUndefined();
      const checks = res.data!.instance.phoneChecks;
      expect(checks.map((x) => x.input)).toEqual(['5511987654320', '5511987654321', '5511987654322']);
      expect(sim.requests.length - before, c.id).toBe(1);
      expect(callsFor(c, 'CHECK_PHONES', sim.requests.slice(before)), c.id).toHaveLength(1);
    }
    const tooMany = await gql(app.url, E2ePhoneChecksDocument, {
      instanceId: checkers[0]!.id,
      phones: Array.from({ length: 1001 }, (_, i) => `55119876${String(i).padStart(5, '0')}`),
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phones' });
  });

  it('pages chats with cursors', async () => {
    const [c] = instancesWith('LIST_CHATS');
    expect(c).toBeDefined();
    const first = await gql(app.url, E2eChatsPageDocument, { instanceId: c!.id });
    const page1 = first.data!.instance.chats;
    expect(page1.edges).toHaveLength(1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const next = await gql(app.url, E2eChatsPageDocument, { instanceId: c!.id, after: page1.pageInfo.endCursor });
    expect(next.data!.instance.chats.edges[0]!.node.id).not.toBe(page1.edges[0]!.node.id);
    const bad = await gql(app.url, E2eChatsPageDocument, { instanceId: c!.id, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('the explorer', () => {
  it('serves GraphiQL to a browser with its assets from this server', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
    const assets = [...html.matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const a of assets) expect((await fetch(`${app.url}${a}`)).status).toBe(200);
  });

  it('still answers GraphQL GET requests with JSON', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ instances { id } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { instances: unknown[] } }).data.instances.length).toBe(PROVIDER_KINDS.length);
  });
});

describe('subscriptions over graphql-ws', () => {
  it('refuses an invalid subscription, or one over the alias limit, with validation errors', async () => {
    // invalid on purpose: query text, not a generated document (codegen validates documents against the schema)
    const unknown = collect(client, 'subscription($i: ID!) { messageReceived(instanceId: $i) { nope } }', { i: ID });
    await unknown.done.catch(() => undefined);
    expect(unknown.results[0]!.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(unknown.results[0]!.errors![0]!.message).toMatch(/nope/);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const many = collect(client, `subscription($i: ID!) { events(instanceId: $i) { ${aliases} } }`, { i: ID });
    await many.done.catch(() => undefined);
    expect(many.results[0]!.errors![0]!.message).toMatch(/alias/i);
  });

  it('gives each subscriber its own selection of a shared event', async () => {
    const a = collect(client, E2eReceivedIdDocument, { instanceId: ID });
    const b = collect(client, E2eReceivedKindDocument, { instanceId: ID });
    const c = collect(client, E2eReceivedIdDocument, { instanceId: ID });
    await settle();
    const id = `SHARED${Date.now()}`;
    expect((await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: inboundTextBody(mod, id, { text: 'shared' }) })).status).toBe(200);
    const gid = toGlobalId('Message', ID, id);
    expect(await a.waitFor((d) => d.messageReceived.providerMessageId === id)).toEqual({ messageReceived: { id: gid, providerMessageId: id } });
    expect(await b.waitFor((d) => d.messageReceived.providerMessageId === id)).toEqual({
      messageReceived: { id: gid, providerMessageId: id, fromMe: false, content: { __typename: 'TextContent' } },
    });
    expect(await c.waitFor((d) => d.messageReceived.providerMessageId === id)).toEqual({ messageReceived: { id: gid, providerMessageId: id } });
    a.dispose();
    b.dispose();
    c.dispose();
  });
});

describe('events stream', () => {
  it('resumes after a cursor with what was missed', async () => {
    const page = await gql(app.url, E2eEventsPageDocument, { instanceId: ID, first: 1 });
    expect(page.errors).toBeUndefined();
    const start = page.data!.events.endCursor!;
    await eventually(async () => {
      const p = await gql(app.url, E2eEventsPageDocument, { instanceId: ID, after: start, first: 2 });
      return (p.data?.events.events.length ?? 0) >= 1;
    });
    const sub = collect(client, E2eEventsDocument, { instanceId: ID, after: start });
    const replayed = await sub.waitForCount(1);
    expect(replayed[0]!.data!.events.cursor).not.toBe(start);
    sub.dispose();
    const expired = await gql(app.url, E2eEventsPageDocument, { instanceId: ID, after: 'not-a-cursor' });
    expect(expired.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
