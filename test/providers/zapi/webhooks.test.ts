import { describe, expect, it } from 'vitest';
import { WebhookPayloadError, type InboundWebhook } from '../../../src/providers/contract.js';
import type { DomainEvent, EventType, MessageReceivedEvent, MessageStatusChangedEvent } from '../../../src/providers/model.js';
import { zapiModule } from '../../../src/providers/zapi/index.js';
import { parseZapiWebhook } from '../../../src/providers/zapi/webhooks.js';
import { webhookFixtures, type WebhookFixture } from '../../helpers/fixtures.js';

/** Every payload Z-API documents (test/fixtures/zapi/webhooks.json, from z-api.txt 11137-13402), each with its doc lines. */
type CatalogWebhook = WebhookFixture & { payload: Record<string, unknown> };
const catalog = webhookFixtures(zapiModule) as CatalogWebhook[];

const INSTANCE = 'zapi-test';
const RECEIVED_AT = Date.UTC(2025, 0, 15, 12, 0, 0);

function delivery(body: unknown, receivedAt = RECEIVED_AT): InboundWebhook {
  return { body, headers: {}, receivedAt };
}
function parse(body: unknown, receivedAt = RECEIVED_AT): DomainEvent[] {
  return parseZapiWebhook(INSTANCE, delivery(body, receivedAt));
}
function byKind(kind: string, event?: string): Record<string, unknown> {
  const found = catalog.find((w) => w.kind === kind && (!event || w.event === event));
  if (!found) throw new Error(`catalog has no ${kind}`);
  return structuredClone(found.payload);
}

/** The notification kinds of ReceivedCallback: INSTANCE_EVENT with the `notification` as kind. */
const NOTIFICATIONS: Record<string, string> = {
  'payment-request-declined': 'PAYMENT_ACTION_REQUEST_DECLINED',
  'call-incoming': 'CALL_VOICE',
  'call-missed': 'CALL_MISSED_VOICE',
  'group-join-request-invite-link': 'MEMBERSHIP_APPROVAL_REQUEST',
  'group-join-request-revoked': 'REVOKED_MEMBERSHIP_REQUESTS',
  'group-join-request-non-admin-add': 'MEMBERSHIP_APPROVAL_REQUEST',
  'channel-admin-promoted': 'NEWSLETTER_ADMIN_PROMOTE',
  'channel-admin-demoted': 'NEWSLETTER_ADMIN_DEMOTE',
  'profile-name-updated': 'PROFILE_NAME_UPDATED',
  'profile-picture-updated': 'PROFILE_PICTURE_UPDATED',
  'chat-label-association': 'CHAT_LABEL_ASSOCIATION',
};

/** The content kind each documented ReceivedCallback message becomes (`unsupported:<type>` for the untyped ones). */
const MESSAGE_CONTENT: Record<string, string> = {
  text: 'text',
  'text-from-ad': 'text',
  reaction: 'reaction',
  'button-response': 'interactiveReply',
  'list-response': 'interactiveReply',
  image: 'image',
  audio: 'audio',
  video: 'video',
  ptv: 'video',
  gif: 'video',
  contact: 'contact',
  document: 'document',
  location: 'location',
  sticker: 'sticker',
  'text-template': 'unsupported:hydratedTemplate',
  'otp-button-template': 'unsupported:hydratedTemplate',
  'image-template': 'unsupported:hydratedTemplate',
  'video-template': 'unsupported:hydratedTemplate',
  'document-template': 'unsupported:hydratedTemplate',
  'location-template': 'unsupported:hydratedTemplate',
  'pix-key-button': 'unsupported:pixKeyMessage',
  'buttons-with-image': 'unsupported:buttonsMessage',
  'buttons-with-video': 'unsupported:buttonsMessage',
  carousel: 'unsupported:carouselMessage',
  'payment-request': 'unsupported:requestPayment',
  'payment-received': 'unsupported:sendPayment',
  product: 'unsupported:product',
  'cart-order': 'unsupported:order',
  poll: 'unsupported:poll',
  'poll-vote': 'unsupported:pollVote',
  'order-review-and-pay': 'unsupported:reviewAndPay',
  'order-update': 'unsupported:reviewOrder',
  'channel-admin-invite': 'unsupported:newsletterAdminInvite',
  'pin-message': 'unsupported:pinMessage',
  event: 'unsupported:event',
  'event-response': 'unsupported:eventResponse',
  'waiting-message': 'unsupported:waitingMessage',
};

/** What the first slice deliberately leaves untyped: templates, interactive messages received, payments, products, orders, polls, channel invites, pins, events, placeholders. */
const EXPECTED_UNSUPPORTED_TYPES = [
  'buttonsMessage',
  'carouselMessage',
  'event',
  'eventResponse',
  'hydratedTemplate',
  'newsletterAdminInvite',
  'order',
  'pinMessage',
  'pixKeyMessage',
  'poll',
  'pollVote',
  'product',
  'requestPayment',
  'reviewAndPay',
  'reviewOrder',
  'sendPayment',
  'waitingMessage',
];

function expectedType(w: CatalogWebhook): EventType {
  switch (w.event) {
    case 'DeliveryCallback':
    case 'MessageStatusCallback':
      return 'MESSAGE_STATUS_CHANGED';
    case 'PresenceChatCallback':
      return 'PRESENCE_CHANGED';
    case 'ConnectedCallback':
    case 'DisconnectedCallback':
      return 'CONNECTION_CHANGED';
    default:
      return NOTIFICATIONS[w.kind] ? 'INSTANCE_EVENT' : 'MESSAGE_RECEIVED';
  }
}

describe('Z-API webhooks: every documented payload', () => {
  it('the catalog holds the 66 documented payloads, and every ReceivedCallback kind is in the expectation tables', () => {
    expect(catalog).toHaveLength(66);
    for (const w of catalog.filter((x) => x.event === 'ReceivedCallback')) {
      expect(NOTIFICATIONS[w.kind] ?? MESSAGE_CONTENT[w.kind], `${w.kind} (z-api.txt ${w.lines.join('-')})`).toBeDefined();
    }
  });

  it.each(catalog.map((w, i) => [`${i} ${w.event}/${w.kind}`, w] as const))('%s parses to events of the expected type', (_name, w) => {
    const events = parse(w.payload);
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) {
      expect(e.type).toBe(expectedType(w));
      expect(e.instanceId).toBe(INSTANCE);
      expect(e.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Number.isFinite(e.occurredAt)).toBe(true);
      if (e.type === 'MESSAGE_RECEIVED') {
        const c = e.message.content;
        expect(c.kind === 'unsupported' ? `unsupported:${c.type}` : c.kind).toBe(MESSAGE_CONTENT[w.kind]);
        if (c.kind === 'unsupported') expect(c.raw).toEqual(w.payload);
        expect(e.message.id).toBe(w.payload.messageId);
        expect(e.message.chatId).toBe(w.payload.phone);
      }
      if (e.type === 'INSTANCE_EVENT') {
        expect(e.kind).toBe(NOTIFICATIONS[w.kind]);
        expect(e.raw).toEqual(w.payload);
        expect(e.chatId).toBe(w.payload.phone);
      }
    }
    // Redelivery of the same payload maps to the same ids.
    expect(parse(structuredClone(w.payload)).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('reports which payloads became UnsupportedContent, and exactly the expected kinds', () => {
    const unsupported: Record<string, string[]> = {};
    for (const w of catalog) {
      for (const e of parse(w.payload)) {
        if (e.type === 'MESSAGE_RECEIVED' && e.message.content.kind === 'unsupported') (unsupported[e.message.content.type] ??= []).push(w.kind);
      }
    }
    const count = Object.values(unsupported).reduce((n, kinds) => n + kinds.length, 0);
    console.log(`z-api: ${count} of ${catalog.length} documented payloads became UnsupportedContent:`, unsupported);
    expect(Object.keys(unsupported).sort()).toEqual(EXPECTED_UNSUPPORTED_TYPES);
    expect(count).toBe(Object.values(MESSAGE_CONTENT).filter((k) => k.startsWith('unsupported:')).length);
  });
});

describe('Z-API webhooks: mapped values', () => {
  it('text: body, sender, epoch-ms timestamp and delivered status', () => {
    const [e] = parse(byKind('text')) as MessageReceivedEvent[];
    expect(e!.message).toMatchObject({
      id: 'A20DA9C0183A2D35A260F53F5D2B9244',
      chatId: '5544999999999',
      fromMe: false,
      timestamp: 1632228638000,
      senderId: '5544999999999',
      senderName: 'name',
      status: 'DELIVERED',
      isGroup: false,
      content: { kind: 'text', body: 'test' },
    });
    expect(e!.occurredAt).toBe(1632228638000);
  });

  it('media, location, contact, reaction and interactive replies are typed from their documented fields', () => {
    const content = (kind: string) => (parse(byKind(kind))[0] as MessageReceivedEvent).message.content;
    expect(content('image')).toMatchObject({ kind: 'image', url: 'https://', mimeType: 'image/jpeg', width: 600, height: 315 });
    expect(content('audio')).toMatchObject({ kind: 'audio', voice: true, seconds: 10, mimeType: 'audio/ogg; codecs=opus' });
    expect(content('video')).toMatchObject({ kind: 'video', seconds: 13, mimeType: 'video/mp4' });
    expect(content('document')).toMatchObject({ kind: 'document', fileName: 'nome.pdf', title: 'name', pageCount: 1, mimeType: 'application/pdf' });
    expect(content('sticker')).toMatchObject({ kind: 'sticker', mimeType: 'image/webp' });
    expect(content('location')).toMatchObject({ kind: 'location', latitude: -100, longitude: -100 });
    expect(content('contact')).toMatchObject({ kind: 'contact', contacts: [{ name: 'Cesar Baleco', phones: ['5544999999999'] }] });
    expect(content('reaction')).toEqual({ kind: 'reaction', emoji: '❤️', targetMessageId: '3EB0796DC6B777C0C7CD' });
    expect(content('button-response')).toEqual({ kind: 'interactiveReply', replyId: '1', title: 'Great' });
    expect(content('list-response')).toEqual({ kind: 'interactiveReply', replyId: '1', title: 'Z-API', description: 'Z-API Wings for your imagination' });
  });

  it('a contact without phones takes them from its vCard waid', () => {
    const p = byKind('contact');
    delete (p.contact as Record<string, unknown>).phones;
    const c = (parse(p)[0] as MessageReceivedEvent).message.content;
    expect(c).toMatchObject({ kind: 'contact', contacts: [{ phones: ['5544999999999'] }] });
  });

  it('a group message names the participant as sender; a message from me names the connected phone', () => {
    const group = { ...byKind('text'), isGroup: true, phone: '120363019502650977-group', participantPhone: '5511777777777' };
    expect((parse(group)[0] as MessageReceivedEvent).message).toMatchObject({ chatId: '120363019502650977-group', senderId: '5511777777777', isGroup: true });
    const mine = { ...byKind('text'), fromMe: true };
    expect((parse(mine)[0] as MessageReceivedEvent).message).toMatchObject({ fromMe: true, senderId: '554499999999' });
  });

  it('the "ReceivedCallBack" spelling of the field table is read like the examples\' "ReceivedCallback"', () => {
    const a = parse(byKind('text'));
    const b = parse({ ...byKind('text'), type: 'ReceivedCallBack' });
    expect(b.map((e) => e.id)).toEqual(a.map((e) => e.id));
  });

  it('message statuses: RECEIVED → DELIVERED, READ_BY_ME → READ, PLAYED; one event per id with the chat', () => {
    const status = (kind: string) => parse(byKind(kind))[0] as MessageStatusChangedEvent;
    expect(status('status-sent')).toMatchObject({ status: 'SENT', messageId: '999999999999999999999', chatId: '5544999999999', occurredAt: 1632234645000 });
    expect(status('status-received').status).toBe('DELIVERED');
    expect(status('status-read').status).toBe('READ');
    expect(status('status-read-by-me').status).toBe('READ');
    expect(status('status-played').status).toBe('PLAYED');
    const multi = parse({ ...byKind('status-read'), ids: ['AAA', 'BBB', 'CCC'] }) as MessageStatusChangedEvent[];
    expect(multi.map((e) => e.messageId)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(new Set(multi.map((e) => e.id)).size).toBe(3);
  });

  it('a status table `id` (z-api.txt 13099) is read when the payload has no `ids`', () => {
    const p = byKind('status-read');
    delete p.ids;
    const events = parse({ ...p, id: 'SINGLE1' }) as MessageStatusChangedEvent[];
    expect(events.map((e) => e.messageId)).toEqual(['SINGLE1']);
  });

  it('distinct statuses of one message get distinct ids; DeliveryCallback SENT and MessageStatusCallback SENT of it collapse', () => {
    const id = (kind: string) => parse({ ...byKind(kind), ids: ['M1'] })[0]!.id;
    const ids = ['status-sent', 'status-received', 'status-read', 'status-played'].map(id);
    expect(new Set(ids).size).toBe(4);
    const delivered = parse({ ...byKind('delivery'), messageId: 'M1' })[0] as MessageStatusChangedEvent;
    expect(delivered).toMatchObject({ type: 'MESSAGE_STATUS_CHANGED', status: 'SENT', messageId: 'M1', chatId: '554499999999', occurredAt: RECEIVED_AT });
    expect(delivered.id).toBe(ids[0]);
  });

  it('a DeliveryCallback carrying an error is FAILED with the error', () => {
    const [e] = parse({ ...byKind('delivery'), error: 'Phone not on WhatsApp' }) as MessageStatusChangedEvent[];
    expect(e).toMatchObject({ status: 'FAILED', error: { code: 'DELIVERY_FAILED', detail: 'Phone not on WhatsApp' } });
  });

  it('presence: each documented status; same delivery same id, a later delivery of the same state a new id', () => {
    for (const [kind, presence] of [
      ['presence-available', 'AVAILABLE'],
      ['presence-unavailable', 'UNAVAILABLE'],
      ['presence-composing', 'COMPOSING'],
      ['presence-recording', 'RECORDING'],
      ['presence-paused', 'PAUSED'],
    ] as const) {
      expect(parse(byKind(kind))[0]).toMatchObject({ type: 'PRESENCE_CHANGED', chatId: '5544999999999', presence, lastSeenAt: null });
    }
    const p = byKind('presence-composing');
    expect(parse(p)[0]!.id).toBe(parse(p)[0]!.id);
    expect(parse(p, RECEIVED_AT + 5000)[0]!.id).not.toBe(parse(p)[0]!.id);
  });

  it('connection: seconds `momment` read as seconds, an impossible one replaced by the receipt time', () => {
    expect(parse(byKind('disconnected'))[0]).toMatchObject({
      type: 'CONNECTION_CHANGED',
      state: 'DISCONNECTED',
      detail: 'Device has been disconnected',
      occurredAt: 1580163342000,
    });
    expect(parse(byKind('connected'))[0]).toMatchObject({ type: 'CONNECTION_CHANGED', state: 'CONNECTED', occurredAt: RECEIVED_AT });
    expect(parse({ ...byKind('connected'), momment: 1736797729000 })[0]!.occurredAt).toBe(1736797729000);
  });

  it('an edited message (isEdit) gets a new id; the same message from another instance too', () => {
    const base = byKind('text');
    const original = parse(base)[0]!.id;
    expect(parse({ ...base, isEdit: true, momment: 1632228700000 })[0]!.id).not.toBe(original);
    expect(parseZapiWebhook('other-instance', delivery(base))[0]!.id).not.toBe(original);
  });

  it('notifications keep kind, chat and raw payload', () => {
    const [e] = parse(byKind('call-missed'));
    expect(e).toMatchObject({ type: 'INSTANCE_EVENT', kind: 'CALL_MISSED_VOICE', chatId: '5544999999999', occurredAt: 1679661194000 });
  });
});

describe('Z-API webhooks: not a Z-API payload', () => {
  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'ReceivedCallback'],
    ['an array', [byKind('text')]],
    ['no type', { phone: '5544999999999', messageId: 'X' }],
    ['an unknown type', { ...byKind('text'), type: 'MessageCallback' }],
    ['an Ivosights-style body', { object: 'whatsapp_business_account', entry: [] }],
    ['ReceivedCallback with a numeric phone', { ...byKind('text'), phone: 5544999999999 }],
    ['ReceivedCallback with text as a string', { ...byKind('text'), text: 'hello' }],
    ['ReceivedCallback message without messageId', { ...byKind('text'), messageId: undefined }],
    ['MessageStatusCallback with ids as a string', { ...byKind('status-read'), ids: '999' }],
    ['MessageStatusCallback with an empty ids', { ...byKind('status-read'), ids: [] }],
    ['MessageStatusCallback with an undocumented status', { ...byKind('status-read'), status: 'DELETED_FOR_ALL' }],
    ['PresenceChatCallback with an undocumented status', { ...byKind('presence-available'), status: 'DANCING' }],
    ['PresenceChatCallback without phone', { type: 'PresenceChatCallback', status: 'AVAILABLE' }],
    ['DeliveryCallback without any id', { type: 'DeliveryCallback', phone: '5544999999999' }],
    ['ConnectedCallback with connected as an object', { ...byKind('connected'), connected: { yes: true } }],
  ];
  it.each(cases)('%s throws WebhookPayloadError', (_name, body) => {
    expect(() => parse(body)).toThrow(WebhookPayloadError);
  });

  it('the error names the field, never its value', () => {
    try {
      parse({ ...byKind('text'), phone: 5544999999999 });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('phone');
      expect((err as Error).message).not.toContain('5544999999999');
    }
  });
});
