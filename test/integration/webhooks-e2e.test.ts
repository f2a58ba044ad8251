import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { RunningApp } from '../../src/app.js';
import { collect, settle, startTestApp, wsClient, type Collected } from '../helpers/app.js';
import { readCatalog } from '../helpers/docs.js';

/**
 * Every one of Z-API's 66 documented webhook payloads (catalog/z-api.webhooks.json), posted over
 * HTTP to the running server, reaches a graphql-ws client on the `events` stream as a typed
 * event. Message ids are made unique per payload so that dedupe and the never-backwards rule
 * (tested elsewhere) do not hide any of them.
 */
interface CatalogWebhook { event: string; kind: string; payload: Record<string, unknown> }
const webhooks = readCatalog<CatalogWebhook[] | { webhooks: CatalogWebhook[] }>('z-api.webhooks.json');
const payloads: CatalogWebhook[] = Array.isArray(webhooks) ? webhooks : webhooks.webhooks;

/** The kinds the first slice does not type yet: they arrive as UnsupportedContent with their raw JSON. */
const EXPECTED_UNSUPPORTED_KINDS = new Set([
  'carousel', 'payment-request', 'payment-request-declined', 'payment-received', 'product', 'cart-order', 'poll', 'poll-vote',
  'order-review-and-pay', 'order-update', 'channel-admin-invite', 'pin-message', 'event', 'event-response', 'waiting-message',
  'otp-button-template', 'pix-key-button', 'text-template', 'image-template', 'video-template', 'document-template', 'location-template',
  'buttons-with-image', 'buttons-with-video', 'text-from-ad',
]);

function uniquify(value: unknown, suffix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => uniquify(v, suffix));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if ((k === 'messageId' || k === 'zaapId') && typeof v === 'string') return [k, `${v}-${suffix}`];
        if (k === 'ids' && Array.isArray(v)) return [k, v.map((id) => `${id}-${suffix}`)];
        if (k === 'momment' && typeof v === 'number') return [k, v + Number(suffix)];
        return [k, uniquify(v, suffix)];
      }),
    );
  }
  return value;
}

const EVENTS_QUERY = `subscription($i: ID!) { events(instanceId: $i) {
  __typename id cursor type occurredAt
  ... on MessageReceivedEvent { message { id fromMe chat { id } content { __typename ... on UnsupportedContent { type } } } }
  ... on MessageStatusChangedEvent { messageId status }
  ... on PresenceChangedEvent { chatId presence }
  ... on ConnectionChangedEvent { state }
  ... on InstanceNotificationEvent { kind }
} }`;

let app: RunningApp;
let client: Client;
let sub: Collected;

beforeAll(async () => {
  app = await startTestApp();
  client = wsClient(app.url);
  sub = collect(client, EVENTS_QUERY, { i: 'zapi-sandbox' });
  await settle(300);
});
afterAll(async () => {
  sub?.dispose();
  await client?.dispose();
  await app?.close();
});

describe('all 66 documented Z-API webhook payloads', () => {
  it('has the 66 payloads to test', () => {
    expect(payloads).toHaveLength(66);
  });

  it('each becomes at least one typed event on a real graphql-ws subscription', async () => {
    const cfg = app.instanceConfigs.find((c) => c.id === 'zapi-sandbox')!;
    const url = `${app.url}/webhooks/zapi-sandbox/${cfg.webhookSecret}`;
    const perPayload: Array<{ kind: string; event: string; types: string[]; unsupported: string[] }> = [];
    let expected = 0;
    for (const [i, w] of payloads.entries()) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(uniquify(w.payload, String(i + 1))) });
      const body = (await res.json()) as { received: number; published: number };
      expect(res.status, `${w.event}/${w.kind}`).toBe(200);
      expect(body.received, `${w.event}/${w.kind} parsed to no event`).toBeGreaterThanOrEqual(1);
      expect(body.published, `${w.event}/${w.kind}`).toBe(body.received);
      const from = expected;
      expected += body.published;
      const got = await sub.waitForCount(expected);
      const events = got.slice(from, expected).map((r) => {
        expect(r.errors, `${w.event}/${w.kind}`).toBeUndefined();
        return r.data!.events;
      });
      perPayload.push({
        kind: w.kind,
        event: w.event,
        types: events.map((e: any) => e.__typename),
        unsupported: events.filter((e: any) => e.message?.content.__typename === 'UnsupportedContent').map((e: any) => e.message.content.type),
      });
    }
    const unsupported = perPayload.filter((p) => p.unsupported.length);
    console.log(`[z-api webhooks] ${payloads.length} payloads → ${expected} events; ${unsupported.length} became UnsupportedContent: ${unsupported.map((p) => p.kind).join(', ')}`);
    for (const p of perPayload) {
      const expectedType = {
        ReceivedCallback: ['MessageReceivedEvent', 'InstanceNotificationEvent'],
        MessageStatusCallback: ['MessageStatusChangedEvent'],
        DeliveryCallback: ['MessageStatusChangedEvent'],
        PresenceChatCallback: ['PresenceChangedEvent'],
        ConnectedCallback: ['ConnectionChangedEvent'],
        DisconnectedCallback: ['ConnectionChangedEvent'],
      }[p.event];
      expect(expectedType, p.event).toBeDefined();
      for (const t of p.types) expect(expectedType, `${p.event}/${p.kind} → ${t}`).toContain(t);
    }
    for (const p of unsupported) expect(EXPECTED_UNSUPPORTED_KINDS.has(p.kind), `${p.kind} should be typed`).toBe(true);
    const typedKinds = ['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contact', 'reaction', 'button-response', 'list-response', 'gif', 'ptv'];
    for (const kind of typedKinds) {
      const p = perPayload.find((x) => x.kind === kind);
      expect(p, kind).toBeDefined();
      expect(p!.unsupported, `${kind} must be typed`).toEqual([]);
    }
  });
});

describe('all 16 documented Ivosights notifications', () => {
  interface IvoWebhook { event: string; kind: string; payload: Record<string, unknown> }
  const ivo = readCatalog<{ webhooks: IvoWebhook[] }>('ivosights.json').webhooks;
  const withIds = (value: unknown, suffix: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => withIds(v, suffix));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'id' && typeof v === 'string' ? `${v}-${suffix}` : withIds(v, suffix)]));
    }
    return value;
  };

  it('each arrives on a real graphql-ws subscription as a typed event; failed statuses carry code and title', async () => {
    expect(ivo).toHaveLength(16);
    const ivoSub = collect(client, `subscription { events(instanceId: "ivosights-sandbox") {
      __typename type
      ... on MessageReceivedEvent { message { id content { __typename } } }
      ... on MessageStatusChangedEvent { messageId status error { code title } }
      ... on InstanceNotificationEvent { kind }
    } }`);
    await settle(300);
    const cfg = app.instanceConfigs.find((c) => c.id === 'ivosights-sandbox')!;
    const url = `${app.url}/webhooks/ivosights-sandbox/${cfg.webhookSecret}`;
    let expected = 0;
    const seen: Array<{ event: string; events: any[] }> = [];
    for (const [i, w] of ivo.entries()) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(withIds(w.payload, `e2e${i}`)) });
      const body = (await res.json()) as { received: number; published: number };
      expect(res.status, w.event).toBe(200);
      expect(body.received, `${w.event} parsed to no event`).toBeGreaterThanOrEqual(1);
      expect(body.published, w.event).toBe(body.received);
      const from = expected;
      expected += body.published;
      const got = await ivoSub.waitForCount(expected);
      seen.push({ event: w.event, events: got.slice(from, expected).map((r) => r.data!.events) });
    }
    for (const { event, events } of seen) {
      for (const e of events) {
        if (event.startsWith('statuses.')) {
          expect(e.__typename, event).toBe('MessageStatusChangedEvent');
          if (event === 'statuses.failed') expect(e).toMatchObject({ status: 'FAILED', error: { code: expect.any(String), title: expect.any(String) } });
        } else if (event.startsWith('messages.system')) {
          expect(e.__typename, event).toBe('InstanceNotificationEvent');
        } else {
          expect(e.__typename, event).toBe('MessageReceivedEvent');
        }
      }
    }
    const contentOf = (event: string) => seen.find((s) => s.event === event)!.events[0].message.content.__typename;
    expect(contentOf('messages.text')).toBe('TextContent');
    expect(contentOf('messages.image')).toBe('ImageContent');
    expect(contentOf('messages.location')).toBe('LocationContent');
    expect(contentOf('messages.voice')).toBe('AudioContent');
    ivoSub.dispose();
  });
});
