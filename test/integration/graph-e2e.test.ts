import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { Client } from 'graphql-ws';
import { collect, eventually, gql, settle, startTestApp, wsClient } from '../helpers/app.js';
import { zapiTextWebhook } from '../helpers/payloads.js';

/**
 * Issue 2 end to end over real sockets, in sandbox mode: sendText through the graph → the
 * Z-API simulator receives the documented request → SENT, DELIVERED, READ and the reply
 * arrive on graphql-ws subscriptions; plus the bad-input cases of the webhook endpoint.
 */
let app: RunningApp;
let client: Client;
const ZAPI = 'zapi-sandbox';

beforeAll(async () => {
  app = await startTestApp();
  client = wsClient(app.url);
});
afterAll(async () => {
  await client?.dispose();
  await app?.close();
});

function zapiSim() {
  const sim = app.simulators.zapi;
  if (!sim) throw new Error('no zapi simulator');
  return sim;
}

function webhookUrl(id = ZAPI, secret?: string): string {
  const cfg = app.instanceConfigs.find((c) => c.id === id);
  return `${app.url}/webhooks/${id}/${secret ?? cfg?.webhookSecret}`;
}

describe('the contract queries', () => {
  it('lists the four sandbox instances with status and capabilities', async () => {
    const res = await gql(app.url, '{ instances { id provider status capabilities } }');
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(res.data!.instances.map((i: any) => [i.id, i]));
    expect(Object.keys(byId).sort()).toEqual(['ivosights-sandbox', 'zapi-sandbox', 'zivo-sandbox', 'zixflow-sandbox']);
    expect(byId[ZAPI]).toMatchObject({ provider: 'zapi', status: 'CONNECTED' });
    expect(byId[ZAPI].capabilities).toEqual(expect.arrayContaining(['SEND_TEXT', 'SEND_IMAGE', 'LIST_CHATS', 'CHECK_PHONES']));
    expect(byId['zixflow-sandbox'].capabilities).toEqual(['SEND_BUTTONS']);
  });

  it('refuses a subscription over HTTP with a clear 400', async () => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'subscription { connectionChanged(instanceId: "zapi-sandbox") { state } }' }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'operation' });
    expect(body.errors[0]!.message).toMatch(/WebSocket/);
  });

  it('answers NOT_FOUND for an unknown instance', async () => {
    const res = await gql(app.url, '{ instance(id: "nope") { id } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('sendText end to end', () => {
  it('sends the documented request and streams SENT, DELIVERED, READ and the reply', async () => {
    const statuses = collect(client, 'subscription($i: ID!) { messageStatusChanged(instanceId: $i) { messageId status } }', { i: ZAPI });
    const received = collect(client, 'subscription($i: ID!) { messageReceived(instanceId: $i) { id fromMe timestamp chat { id } content { __typename ... on TextContent { body } } } }', { i: ZAPI });
    await settle();
    const before = zapiSim().requests.length;
    const res = await gql(app.url, 'mutation { sendText(input: {instanceId: "zapi-sandbox", to: "+55 (11) 98765-4321", text: "hi"}) { message { id status } } }');
    expect(res.errors).toBeUndefined();
    const id = res.data!.sendText.message.id as string;
    expect(id).toMatch(/\w{8,}/);
    expect(res.data!.sendText.message.status).toBe('PENDING');

    const sent = zapiSim().requests.slice(before).find((r) => r.path.endsWith('/send-text'));
    expect(sent).toMatchObject({ method: 'POST', body: { phone: '5511987654321', message: 'hi' } });
    expect(sent!.headers['client-token']).toBeTruthy();

    for (const status of ['SENT', 'DELIVERED', 'READ']) {
      await statuses.waitFor((d) => d.messageStatusChanged.messageId === id && d.messageStatusChanged.status === status);
    }
    const order = statuses.results.map((r) => r.data!.messageStatusChanged).filter((s: any) => s.messageId === id).map((s: any) => s.status);
    expect(order).toEqual(['SENT', 'DELIVERED', 'READ']);
    const reply = await received.waitFor((d) => d.messageReceived.chat.id === '5511987654321' && !d.messageReceived.fromMe);
    expect(reply.messageReceived.content.__typename).toBe('TextContent');
    expect(Date.parse(reply.messageReceived.timestamp)).toBeGreaterThan(0);
    statuses.dispose();
    received.dispose();
  });

  it('refuses a recipient that is not a phone number, naming the field, with no provider call', async () => {
    const before = zapiSim().requests.length;
    const res = await gql(app.url, 'mutation { sendText(input: {instanceId: "zapi-sandbox", to: "call me maybe", text: "hi"}) { message { id } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(zapiSim().requests.length).toBe(before);
  });

  it('refuses an over-long text before any request', async () => {
    const before = zapiSim().requests.length;
    const res = await gql(app.url, 'mutation($t: String!) { sendText(input: {instanceId: "zapi-sandbox", to: "5511987654321", text: $t}) { message { id } } }', { t: 'x'.repeat(4097) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(zapiSim().requests.length).toBe(before);
  });
});

describe('statuses never go backwards; redeliveries publish nothing', () => {
  const statusPayload = (status: string, id: string) => ({
    instanceId: 'sandbox', status, ids: [id], momment: 1632234645000, phoneDevice: 0, phone: '5544999999999', type: 'MessageStatusCallback', isGroup: false,
  });

  it('keeps READ after a late SENT, and ignores a redelivered READ', async () => {
    const id = `BACKWARDS${Date.now()}`;
    const sub = collect(client, 'subscription($i: ID!, $m: String) { messageStatusChanged(instanceId: $i, messageId: $m) { messageId status } }', { i: ZAPI, m: id });
    await settle();
    for (const status of ['READ', 'SENT', 'READ']) {
      const r = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(statusPayload(status, id)) });
      expect(r.status).toBe(200);
    }
    // a marker after the three, so "nothing else arrived" is checked against something that did
    const marker = `${id}MARK`;
    const m = collect(client, 'subscription($i: ID!, $m: String) { messageStatusChanged(instanceId: $i, messageId: $m) { messageId status } }', { i: ZAPI, m: marker });
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
    const sub = collect(client, 'subscription($i: ID!) { messageReceived(instanceId: $i) { id } }', { i: ZAPI });
    await settle();
    const wrong = await fetch(webhookUrl(ZAPI, 'not-the-secret-at-all'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(zapiTextWebhook('WRONGSECRET1')) });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(webhookUrl('no-such-instance', 'whatever-secret'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(zapiTextWebhook('WRONGSECRET2')) });
    expect(unknown.status).toBe(401);
    const ok = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(zapiTextWebhook('RIGHTSECRET1')) });
    expect(ok.status).toBe(200);
    await sub.waitFor((d) => d.messageReceived.id === 'RIGHTSECRET1');
    expect(sub.results.map((r) => r.data!.messageReceived.id)).toEqual(['RIGHTSECRET1']);
    sub.dispose();
  });

  it('answers malformed JSON, an unknown shape and a 2 MB body with a clear 4xx and keeps serving', async () => {
    const post = (body: string, type = 'application/json') => fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': type }, body });
    const malformed = await post('{"type": "ReceivedCallback", ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'malformed JSON body' });
    const unknown = await post(JSON.stringify({ hello: 'world' }));
    expect(unknown.status).toBe(422);
    const huge = await post(JSON.stringify({ type: 'ReceivedCallback', pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    const notJson = await post('type=ReceivedCallback', 'application/x-www-form-urlencoded');
    expect(notJson.status).toBe(415);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const again = await post(JSON.stringify(zapiTextWebhook(`AFTERBAD${Date.now()}`)));
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
    expect(metrics).toContain('whatsgraph_provider_requests_total{provider="zapi"');
    for (const cfg of app.instanceConfigs) {
      for (const [k, v] of Object.entries(cfg)) {
        if (/token|key|secret|password/i.test(k) && typeof v === 'string') expect(metrics).not.toContain(v);
      }
    }
  });
});

describe('DataLoader batching', () => {
  it('asks one phone-exists-batch for a page of chats and one picture per distinct phone', async () => {
    const sim = zapiSim();
    const before = sim.requests.length;
    const res = await gql(app.url, `{ instance(id: "zapi-sandbox") { chats(first: 10) { nodes { id isGroup contact { phone isOnWhatsApp profilePictureUrl } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.instance.chats.nodes as any[];
    const phones = new Set(nodes.filter((n) => n.contact).map((n) => n.contact.phone));
    expect(phones.size).toBeGreaterThan(1);
    const upstream = sim.requests.slice(before);
    const count = (suffix: string) => upstream.filter((r) => r.path.endsWith(suffix)).length;
    expect(count('/chats')).toBe(1);
    expect(count('/phone-exists-batch')).toBe(1);
    expect(upstream.filter((r) => r.path.endsWith('/profile-picture')).length).toBe(phones.size);
    const batch = upstream.find((r) => r.path.endsWith('/phone-exists-batch'))!;
    expect(new Set((batch.body as { phones: string[] }).phones)).toEqual(phones);
    for (const n of nodes.filter((n) => n.contact)) {
      expect(n.contact.isOnWhatsApp).toBe(/[02468]$/.test(n.contact.phone));
      expect(n.contact.profilePictureUrl).toMatch(/^https:\/\//);
    }
  });

  it('checks many numbers in one provider request, on Z-API and on Ivosights', async () => {
    for (const [id, sim] of [['zapi-sandbox', zapiSim()], ['ivosights-sandbox', app.simulators.ivosights!]] as const) {
      const before = sim.requests.length;
      const res = await gql(app.url, 'query($i: ID!, $p: [String!]!) { instance(id: $i) { phoneChecks(phones: $p) { input exists waId } } }', { i: id, p: ['+55 11 98765-4320', '5511987654321', '5511987654322'] });
      expect(res.errors, id).toBeUndefined();
      const checks = res.data!.instance.phoneChecks as Array<{ input: string; exists: boolean }>;
      expect(checks.map((c) => c.input)).toEqual(['5511987654320', '5511987654321', '5511987654322']);
      expect(sim.requests.length - before, id).toBe(1);
      if (id === 'zapi-sandbox') expect(checks.map((c) => c.exists)).toEqual([true, false, true]);
    }
    const tooMany = await gql(app.url, 'query($p: [String!]!) { instance(id: "zapi-sandbox") { phoneChecks(phones: $p) { exists } } }', { p: Array.from({ length: 1001 }, (_, i) => `55119876${String(i).padStart(5, '0')}`) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phones' });
  });

  it('pages chats with cursors', async () => {
    const first = await gql(app.url, '{ instance(id: "zapi-sandbox") { chats(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }');
    const page1 = first.data!.instance.chats;
    expect(page1.edges).toHaveLength(1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const next = await gql(app.url, 'query($a: String) { instance(id: "zapi-sandbox") { chats(first: 1, after: $a) { edges { node { id } } } } }', { a: page1.pageInfo.endCursor });
    expect(next.data!.instance.chats.edges[0].node.id).not.toBe(page1.edges[0].node.id);
    const bad = await gql(app.url, '{ instance(id: "zapi-sandbox") { chats(first: 1, after: "garbage") { nodes { id } } } }');
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
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ instances { id } }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.instances.length).toBe(4);
  });
});

describe('subscriptions over graphql-ws', () => {
  it('refuses an invalid subscription, or one over the alias limit, with validation errors', async () => {
    const unknown = collect(client, 'subscription { messageReceived(instanceId: "zapi-sandbox") { nope } }');
    await unknown.done.catch(() => undefined);
    expect(unknown.results[0]!.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(unknown.results[0]!.errors![0]!.message).toMatch(/nope/);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const many = collect(client, `subscription { events(instanceId: "zapi-sandbox") { ${aliases} } }`);
    await many.done.catch(() => undefined);
    expect(many.results[0]!.errors![0]!.message).toMatch(/alias/i);
  });

  it('gives each subscriber its own selection of a shared event', async () => {
    const a = collect(client, 'subscription { messageReceived(instanceId: "zapi-sandbox") { id } }');
    const b = collect(client, 'subscription { messageReceived(instanceId: "zapi-sandbox") { id fromMe content { __typename } } }');
    const c = collect(client, 'subscription { messageReceived(instanceId: "zapi-sandbox") { id } }');
    await settle();
    const cfg = app.instanceConfigs.find((x) => x.id === ZAPI)!;
    const id = `SHARED${Date.now()}`;
    const payload = { instanceId: 'x', messageId: id, phone: '5544999999999', fromMe: false, momment: Date.now(), status: 'RECEIVED', type: 'ReceivedCallback', isGroup: false, text: { message: 'shared' } };
    expect((await fetch(`${app.url}/webhooks/${ZAPI}/${cfg.webhookSecret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })).status).toBe(200);
    expect(await a.waitFor((d) => d.messageReceived.id === id)).toEqual({ messageReceived: { id } });
    expect(await b.waitFor((d) => d.messageReceived.id === id)).toEqual({ messageReceived: { id, fromMe: false, content: { __typename: 'TextContent' } } });
    expect(await c.waitFor((d) => d.messageReceived.id === id)).toEqual({ messageReceived: { id } });
    a.dispose();
    b.dispose();
    c.dispose();
  });
});

describe('events stream', () => {
  it('resumes after a cursor with what was missed', async () => {
    const page = await gql(app.url, 'query { events(instanceId: "zapi-sandbox", first: 1) { events { id cursor } endCursor hasMore } }');
    expect(page.errors).toBeUndefined();
    const start = page.data!.events.endCursor as string;
    await eventually(async () => {
      const p = await gql(app.url, 'query($a: String) { events(instanceId: "zapi-sandbox", after: $a, first: 2) { events { id } } }', { a: start });
      return (p.data?.events.events.length ?? 0) >= 1;
    });
    const sub = collect(client, 'subscription($a: String) { events(instanceId: "zapi-sandbox", after: $a) { id cursor type } }', { a: start });
    const replayed = await sub.waitForCount(1);
    expect(replayed[0]!.data!.events.cursor).not.toBe(start);
    sub.dispose();
    const expired = await gql(app.url, 'query { events(instanceId: "zapi-sandbox", after: "not-a-cursor") { endCursor } }');
    expect(expired.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
