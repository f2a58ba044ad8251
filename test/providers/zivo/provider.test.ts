import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { CAPABILITY_METHODS, requireCapability, type EventSink } from '../../../src/providers/contract.js';
import type { DomainEvent, MessageStatusChangedEvent } from '../../../src/providers/model.js';
import { type ZivoAdapter, type ZivoConfig } from '../../../src/providers/zivo/adapter.js';
import { zivoModule } from '../../../src/providers/zivo/index.js';
import { MemoryTrackingStore } from '../../../src/providers/tracking.js';
import { startZivoSimulator, type ZivoSimulatorHandle } from '../../../src/providers/zivo/simulator/index.js';

const logger = createLogger('silent');
const P = '/api/zivo/zchat/services';

let sim: ZivoSimulatorHandle;
const adapters: ZivoAdapter[] = [];

function adapter(extra: Partial<ZivoConfig> = {}): ZivoAdapter {
  const a = zivoModule.create(
    { id: 'zv1', webhookSecret: 's', ...(sim.instanceConfig as Omit<ZivoConfig, 'id' | 'webhookSecret'>), provider: 'zivo', ...extra },
    { logger },
  ) as ZivoAdapter;
  adapters.push(a);
  return a;
}

async function rejects(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    return e as GraphError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  sim = await startZivoSimulator({ stepDelayMs: 100 });
});
afterAll(() => sim.close());
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((a) => a.stop()));
  sim.requests.length = 0;
});

describe('zivo provider against its simulator', () => {
  it('declares exactly its four capabilities, each with its method', () => {
    const a = adapter();
    expect([...a.capabilities].sort()).toEqual(['INSTANCE_STATUS', 'MESSAGE_STATUS', 'SEND_BULK', 'SEND_TEXT']);
    for (const cap of a.capabilities)
      expect(typeof ((a as unknown as Record<string, Record<string, unknown>>)[CAPABILITY_METHODS[cap][0]] ?? {})[CAPABILITY_METHODS[cap][1]]).toBe('function');
    expect(() => requireCapability(a, 'SEND_IMAGE')).toThrow(/do not support SEND_IMAGE/);
    expect(zivoModule.defaultCountry).toBe('KE');
    expect(zivoModule.defaultBaseUrl).toBe('https://zivo.co.ke');
  });

  it('sendText posts sendwhatsapp with partnerID/apikey in the body (zivo.txt 28-40)', async () => {
    const sent = await adapter().messaging.sendText({ to: '254700000000', text: 'Hello, your order is ready.', clientReference: 'order-1001' });
    expect(sim.requests).toHaveLength(1);
    const req = sim.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`${P}/sendwhatsapp`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body).toEqual({ partnerID: '123', apikey: 'zivo_live_xxx', mobile: '254700000000', message: 'Hello, your order is ready.', clientwhatsappid: 'order-1001' });
    expect(sent).toMatchObject({ chatId: '254700000000', status: 'SENT', clientReference: 'order-1001', content: { kind: 'text', body: 'Hello, your order is ready.' } });
    expect(sent.id).toMatch(/^\d+$/);
    expect(sent.providerId).toMatch(/^wamid\./);
  });

  it('rejects a non-digit phone before any request', async () => {
    const err = await rejects(adapter().messaging.sendText({ to: '0712 345 678', text: 'x' }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(sim.requests).toHaveLength(0);
  });

  it('getMessageStatus calls getdlr with messageID in the query and follows SENT → DELIVERED → READ', async () => {
    const a = adapter();
    const sent = await a.messaging.sendText({ to: '254700000001', text: 'x' });
    const first = await a.messaging.getMessageStatus(sent.id);
    const req = sim.requests[1]!;
    expect(req.method).toBe('GET');
    expect(req.path).toBe(`${P}/getdlr`);
    expect(req.query).toEqual({ partnerID: '123', apikey: 'zivo_live_xxx', messageID: sent.id });
    expect(req.body).toBeUndefined();
    expect(first).toBe('SENT');
    await new Promise((r) => setTimeout(r, 250));
    expect(await a.messaging.getMessageStatus(sent.id)).toBe('READ');
    expect(await a.messaging.getMessageStatus('999999999')).toBeNull();
  });

  it('getStatus calls account with credentials in the query and reports the balance', async () => {
    const status = await adapter().account.getStatus();
    const req = sim.requests[0]!;
    expect(req.method).toBe('GET');
    expect(req.path).toBe(`${P}/account`);
    expect(req.query).toEqual({ partnerID: '123', apikey: 'zivo_live_xxx' });
    expect(status).toEqual({ state: 'CONNECTED', phoneConnected: null, detail: null, balance: 1000 });
  });

  it('250 messages → exactly 3 sendbulk requests (100, 100, 50) and 250 results in order; a rejected item does not stop the others', async () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ to: `2547${String(i).padStart(8, '0')}`, text: `msg ${i}`, clientReference: `ref-${i}` }));
    items[137] = { to: '25470000', text: 'too short for Zivo', clientReference: 'ref-137' }; // digits, but not 12: Zivo rejects it
    const results = await adapter().messaging.sendBulk(items);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill(`POST ${P}/sendbulk`));
    expect(sim.requests.map((r) => (r.body as { whatsapplist: unknown[] }).whatsapplist.length)).toEqual([100, 100, 50]);
    const body0 = sim.requests[0]!.body as Record<string, unknown>;
    expect(body0.partnerID).toBe('123');
    expect(body0.apikey).toBe('zivo_live_xxx');
    expect((body0.whatsapplist as unknown[])[0]).toEqual({ mobile: '254700000000', message: 'msg 0', clientwhatsappid: 'ref-0' });
    expect(results).toHaveLength(250);
    results.forEach((r, i) => {
      if (i === 137) {
        expect(r.message).toBeNull();
        expect(r.error).toEqual({ code: 'BAD_USER_INPUT', message: 'zivo: a required field is missing or invalid (mobile)' });
      } else {
        expect(r.error).toBeNull();
        expect(r.message?.clientReference).toBe(`ref-${i}`);
        expect(r.message?.chatId).toBe(items[i]!.to);
      }
    });
  });

  it('a whole failed chunk gives each of its items the error and the other chunks still go', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ to: `2547${String(i).padStart(8, '0')}`, text: `m${i}` }));
    items[3] = { to: 'not-a-phone', text: 'x' };
    sim.injectFault({ status: 500 });
    const results = await adapter().messaging.sendBulk(items);
    expect(sim.requests).toHaveLength(2);
    expect(results).toHaveLength(150);
    expect(results[3]!.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(results[3]!.error!.message).toContain('input.messages[3].to');
    // The first request carried items 0..100 minus the invalid one: all failed with the chunk's error.
    for (let i = 0; i <= 100; i++) if (i !== 3) expect(results[i]!.error?.code).toBe('PROVIDER_UNAVAILABLE');
    for (let i = 101; i < 150; i++) expect(results[i]!.message?.status).toBe('SENT');
  });

  it('maps injected 401 / 429 / 500 and the documented 422 / 404 answers', async () => {
    const a = adapter();
    sim.injectFault({ status: 401, body: { 'response-code': 401, 'response-description': 'Invalid partnerID or apikey' } });
    expect((await rejects(a.messaging.sendText({ to: '254700000000', text: 'x' }))).extensions).toMatchObject({ code: 'PROVIDER_UNAUTHORIZED', httpStatus: 401 });
    sim.injectFault({ status: 429, headers: { 'retry-after': '3' } });
    // on its own instance: after a 429 with Retry-After, an instance refuses its calls until then (issue 12)
    expect((await rejects(adapter().account.getStatus())).extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 3000 });
    sim.injectFault({ status: 500 });
    expect((await rejects(a.account.getStatus())).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    // A real 401 from the simulator: wrong key.
    const wrong = adapter({ apiKey: 'zivo_live_wrong_key' });
    const e401 = await rejects(wrong.account.getStatus());
    expect(e401.extensions.code).toBe('PROVIDER_UNAUTHORIZED');
    expect(JSON.stringify({ m: e401.message, x: e401.extensions })).not.toContain('zivo_live_wrong_key');
    // A real 422: the simulator rejects a mobile that is not 12 digits.
    const e422 = await rejects(a.messaging.sendText({ to: '25470000', text: 'private words' }));
    expect(e422.extensions).toMatchObject({ code: 'BAD_USER_INPUT', httpStatus: 422 });
    expect(e422.message).not.toContain('private words');
  });

  it('the poller emits DELIVERED then READ with stable ids and stops polling a message once READ', async () => {
    const a = adapter({ statusPollIntervalMs: 60 });
    const events: DomainEvent[] = [];
    const sink: EventSink = { accept: async (e) => void events.push(...e) };
    const sent = await a.messaging.sendText({ to: '254700000009', text: 'poll me' });
    expect(a.trackedMessageIds).toEqual([sent.id]);
    a.start(sink);
    const deadline = Date.now() + 5_000;
    while (!events.some((e) => e.type === 'MESSAGE_STATUS_CHANGED' && e.status === 'READ') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const statuses = (events as MessageStatusChangedEvent[]).map((e) => e.status);
    expect(statuses.at(-1)).toBe('READ');
    expect(statuses).not.toContain('SENT');
    expect(new Set(statuses).size).toBe(statuses.length);
    const read = events.at(-1) as MessageStatusChangedEvent;
    expect(read).toMatchObject({ type: 'MESSAGE_STATUS_CHANGED', instanceId: 'zv1', messageId: sent.id, chatId: '254700000009' });
    const { stableEventId } = await import('../../../src/providers/contract.js');
    expect(read.id).toBe(stableEventId('zv1', 'status', sent.id, 'READ'));
    expect(a.trackedMessageIds).toEqual([]);
    const polls = sim.requests.filter((r) => r.path.endsWith('/getdlr')).length;
    await new Promise((r) => setTimeout(r, 250));
    expect(sim.requests.filter((r) => r.path.endsWith('/getdlr')).length).toBe(polls);
    await a.stop();
  });

  it('with a shared tracking store, two adapters of one instance: one polls the sends of both; the other takes over once it stops', async () => {
    const tracking = new MemoryTrackingStore();
    const make = () => {
      const x = zivoModule.create(
        { id: 'zv1', webhookSecret: 's', ...(sim.instanceConfig as Omit<ZivoConfig, 'id' | 'webhookSecret'>), provider: 'zivo', statusPollIntervalMs: 40 },
        { logger, tracking },
      ) as ZivoAdapter;
      adapters.push(x);
      return x;
    };
    const [a1, a2] = [make(), make()];
    const events: MessageStatusChangedEvent[] = [];
    const sink: EventSink = { accept: async (e) => void events.push(...(e as MessageStatusChangedEvent[])) };
    const s1 = await a1.messaging.sendText({ to: '254700000011', text: 'one' });
    const s2 = await a2.messaging.sendText({ to: '254700000012', text: 'two' });
    expect(a1.trackedMessageIds).toEqual([]);
    expect(tracking.ids('zv1')).toEqual([s1.id, s2.id]);
    a1.start(sink);
    await new Promise((r) => setTimeout(r, 60));
    a2.start(sink);
    const readFor = (id: string) => events.some((e) => e.messageId === id && e.status === 'READ');
    const deadline = Date.now() + 5_000;
    while (!(readFor(s1.id) && readFor(s2.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readFor(s1.id) && readFor(s2.id)).toBe(true);
    // one poller: each status once (two pollers would each emit it)
    expect(events.filter((e) => e.messageId === s2.id).map((e) => e.status)).toEqual(['DELIVERED', 'READ']);
    expect(tracking.ids('zv1')).toEqual([]);
    // the leader stops (resigning its lease): the other polls the next send
    await a1.stop();
    const s3 = await a1.messaging.sendText({ to: '254700000013', text: 'three' });
    const until = Date.now() + 5_000;
    while (!readFor(s3.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(readFor(s3.id)).toBe(true);
  });

  it('stop() clears the timer: no delivery-report request afterwards', async () => {
    const a = adapter({ statusPollIntervalMs: 50 });
    await a.messaging.sendText({ to: '254700000010', text: 'x' });
    a.start({ accept: async () => undefined });
    await a.stop();
    const before = sim.requests.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(sim.requests.length).toBe(before);
  });

  it('simulator: sendbulk with more than 100 items answers 400; missing fields 422; Bearer key accepted', async () => {
    const list = Array.from({ length: 101 }, (_, i) => ({ mobile: `2547${String(i).padStart(8, '0')}`, message: 'x' }));
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${sim.url}${P}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post('sendbulk', { partnerID: '123', apikey: 'zivo_live_xxx', whatsapplist: list })).status).toBe(400);
    expect((await post('sendbulk', { partnerID: '123', apikey: 'zivo_live_xxx', smslist: list.slice(0, 2) })).status).toBe(200);
    const miss = await post('sendwhatsapp', { partnerID: '123', apikey: 'zivo_live_xxx', mobile: '254700000000' });
    expect(miss.status).toBe(422);
    expect(await miss.json()).toMatchObject({ 'response-code': 422 });
    const bearer = await post('sendwhatsapp', { partnerID: '123', mobile: '0712345678', message: 'hi' }, { authorization: 'Bearer zivo_live_xxx' });
    expect(bearer.status).toBe(200);
    expect(((await bearer.json()) as { responses: Array<{ mobile: string }> }).responses[0]!.mobile).toBe('254712345678');
    expect((await post('sendwhatsapp', { partnerID: '124', apikey: 'zivo_live_xxx', mobile: '254700000000', message: 'x' })).status).toBe(401);
  });
});

describe('zivo refuses what sendwhatsapp cannot carry', () => {
  it('a quote, an edit or mentions → BAD_USER_INPUT naming the field, 0 requests', async () => {
    const a = adapter();
    expect((await rejects(a.messaging.sendText({ to: '254700000000', text: 'x', replyToMessageId: 'm1' }))).extensions.field).toBe('input.replyToMessageId');
    expect((await rejects(a.messaging.sendText({ to: '254700000000', text: 'x', editMessageId: 'm1' }))).extensions.field).toBe('input.editMessageId');
    expect((await rejects(a.messaging.sendText({ to: '254700000000', text: 'x', mentions: ['254700000001'] }))).extensions.field).toBe('input.mentions');
    expect(sim.requests).toHaveLength(0);
  });
});
