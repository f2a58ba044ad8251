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

/** The notifications of ReceivedCallback: each becomes its typed event (a declined payment request a message with PaymentContent). */
const NOTIFICATIONS: Record<string, EventType> = {
  'payment-request-declined': 'MESSAGE_RECEIVED',
  'call-incoming': 'CALL_RECEIVED',
  'call-missed': 'CALL_RECEIVED',
  'group-join-request-invite-link': 'GROUP_PARTICIPANTS_CHANGED',
  'group-join-request-revoked': 'GROUP_PARTICIPANTS_CHANGED',
  'group-join-request-non-admin-add': 'GROUP_PARTICIPANTS_CHANGED',
  'channel-admin-promoted': 'CHANNEL_ADMIN_CHANGED',
  'channel-admin-demoted': 'CHANNEL_ADMIN_CHANGED',
  'profile-name-updated': 'PROFILE_UPDATED',
  'profile-picture-updated': 'PROFILE_UPDATED',
  'chat-label-association': 'CHAT_LABELS_CHANGED',
};

/** The content kind each documented ReceivedCallback message becomes: every one typed. */
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
  'text-template': 'template',
  'otp-button-template': 'template',
  'image-template': 'template',
  'video-template': 'template',
  'document-template': 'template',
  'location-template': 'template',
  'pix-key-button': 'pixKey',
  'buttons-with-image': 'buttons',
  'buttons-with-video': 'buttons',
  carousel: 'carousel',
  'payment-request': 'payment',
  'payment-request-declined': 'payment',
  'payment-received': 'payment',
  product: 'product',
  'cart-order': 'order',
  poll: 'poll',
  'poll-vote': 'pollVote',
  'order-review-and-pay': 'orderDetails',
  'order-update': 'orderDetails',
  'channel-admin-invite': 'channelAdminInvite',
  'pin-message': 'pin',
  event: 'event',
  'event-response': 'eventResponse',
  'waiting-message': 'pending',
};

function expectedType(w: CatalogWebhook): EventType {
  switch (w.event) {
    case 'DeliveryCallback':
      return 'MESSAGE_STATUS_CHANGED';
    case 'MessageStatusCallback':
      return w.kind === 'status-read-by-me' ? 'CHAT_READ' : 'MESSAGE_STATUS_CHANGED';
    case 'PresenceChatCallback':
      return 'PRESENCE_CHANGED';
    case 'ConnectedCallback':
    case 'DisconnectedCallback':
      return 'CONNECTION_CHANGED';
    default:
      return NOTIFICATIONS[w.kind] ?? 'MESSAGE_RECEIVED';
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
        expect(e.message.content.kind).toBe(MESSAGE_CONTENT[w.kind]);
        expect(e.message.id).toBe(w.payload.messageId);
        expect(e.message.chatId).toBe(w.payload.phone);
      }
      expect(e.type).not.toBe('INSTANCE_EVENT');
    }
    // Redelivery of the same payload maps to the same ids.
    expect(parse(structuredClone(w.payload)).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('every documented payload is typed: no UnsupportedContent, no untyped notification; prints the count by type', () => {
    const counts: Record<string, number> = {};
    for (const w of catalog) {
      for (const e of parse(w.payload)) {
        const key = e.type === 'MESSAGE_RECEIVED' ? `MESSAGE_RECEIVED:${e.message.content.kind}` : e.type;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    console.log(`z-api: ${catalog.length} documented payloads by type:`, counts);
    expect(counts['MESSAGE_RECEIVED:unsupported'] ?? 0).toBe(0);
    expect(counts.INSTANCE_EVENT ?? 0).toBe(0);
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

  it('message statuses: RECEIVED → DELIVERED, READ, PLAYED; one event per id with the chat; READ_BY_ME is the account reading the chat, never an outbound READ', () => {
    const status = (kind: string) => parse(byKind(kind))[0] as MessageStatusChangedEvent;
    expect(status('status-sent')).toMatchObject({ status: 'SENT', messageId: '999999999999999999999', chatId: '5544999999999', occurredAt: 1632234645000 });
    expect(status('status-received').status).toBe('DELIVERED');
    expect(status('status-read').status).toBe('READ');
    expect(status('status-played').status).toBe('PLAYED');
    const readByMe = parse({ ...byKind('status-read-by-me'), ids: ['IN1', 'IN2'] });
    expect(readByMe).toEqual([expect.objectContaining({ type: 'CHAT_READ', chatId: '5544999999999', messageIds: ['IN1', 'IN2'], occurredAt: 1632234645000 })]);
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

  it('calls: incoming and missed, voice and video, one event each with the call id', () => {
    expect(parse(byKind('call-incoming'))[0]).toMatchObject({
      type: 'CALL_RECEIVED',
      chatId: '5544999999999',
      callId: 'F44E0E2011E7C784BB9A4AC11749C436',
      video: false,
      missed: false,
      occurredAt: 1679661190000,
    });
    expect(parse(byKind('call-missed'))[0]).toMatchObject({ type: 'CALL_RECEIVED', video: false, missed: true, occurredAt: 1679661194000 });
    expect(parse({ ...byKind('call-missed'), notification: 'CALL_MISSED_VIDEO' })[0]).toMatchObject({ type: 'CALL_RECEIVED', video: true, missed: true });
    expect(parse({ ...byKind('call-incoming'), notification: 'CALL_VIDEO' })[0]).toMatchObject({ type: 'CALL_RECEIVED', video: true, missed: false });
    expect(parse(byKind('call-missed'))[0]!.id).not.toBe(parse({ ...byKind('call-missed'), messageId: byKind('call-incoming').messageId, notification: 'CALL_VOICE' })[0]!.id);
  });

  it('group membership: join requests (invite link, non-admin add), revoked requests, adds, removals, leaves and admin changes', () => {
    expect(parse(byKind('group-join-request-invite-link'))[0]).toMatchObject({
      type: 'GROUP_PARTICIPANTS_CHANGED',
      groupId: '5544999999999-group',
      action: 'JOIN_REQUESTED',
      participants: [{ id: '5544999999999', phone: '5544999999999', lid: null }],
      requestMethod: 'invite_link',
    });
    expect(parse(byKind('group-join-request-non-admin-add'))[0]).toMatchObject({
      action: 'JOIN_REQUESTED',
      actorId: '5544999999999',
      participants: [{ id: '5544888888888', phone: '5544888888888' }],
      requestMethod: 'non_admin_add',
    });
    expect(parse(byKind('group-join-request-revoked'))[0]).toMatchObject({ action: 'JOIN_REQUEST_REVOKED' });
    const base = byKind('group-join-request-revoked');
    for (const [notification, action] of [
      ['GROUP_PARTICIPANT_ADD', 'ADDED'],
      ['GROUP_PARTICIPANT_REMOVE', 'REMOVED'],
      ['GROUP_PARTICIPANT_LEAVE', 'LEFT'],
      ['GROUP_PARTICIPANT_PROMOTE', 'PROMOTED'],
      ['GROUP_PARTICIPANT_DEMOTE', 'DEMOTED'],
    ] as const) {
      expect(parse({ ...base, notification, notificationParameters: ['81896604192873@lid'] })[0]).toMatchObject({
        type: 'GROUP_PARTICIPANTS_CHANGED',
        action,
        participants: [{ id: '81896604192873@lid', phone: null, lid: '81896604192873@lid' }],
      });
    }
  });

  it('channel admin, profile and label notifications, a message deleted for everyone, a declined payment', () => {
    expect(parse(byKind('channel-admin-promoted'))[0]).toMatchObject({ type: 'CHANNEL_ADMIN_CHANGED', channelId: '5544999999999@newsletter', promoted: true, role: 'ADMIN' });
    expect(parse(byKind('channel-admin-demoted'))[0]).toMatchObject({ type: 'CHANNEL_ADMIN_CHANGED', promoted: false, role: 'SUBSCRIBER' });
    expect(parse(byKind('profile-name-updated'))[0]).toMatchObject({ type: 'PROFILE_UPDATED', contactId: '5544999999999', change: 'NAME', name: 'updated name' });
    expect(parse(byKind('profile-picture-updated'))[0]).toMatchObject({ type: 'PROFILE_UPDATED', change: 'PICTURE', pictureUrl: 'https://' });
    expect(parse(byKind('chat-label-association'))[0]).toMatchObject({
      type: 'CHAT_LABELS_CHANGED',
      changes: [
        { chatId: '5544977777777', labelId: '1', assigned: true },
        { chatId: '5544988888888', labelId: '2', assigned: false },
      ],
    });
    const revoke = { ...byKind('call-missed'), notification: 'REVOKE', callId: null, messageId: 'STUB1', referenceMessageId: 'DELETED1', fromMe: true };
    expect(parse(revoke)[0]).toMatchObject({ type: 'MESSAGE_DELETED', messageId: 'DELETED1', chatId: '5544999999999', fromMe: true });
    expect((parse(byKind('payment-request-declined'))[0] as MessageReceivedEvent).message.content).toEqual({
      kind: 'payment',
      action: 'DECLINED',
      requesterId: '5544999999999',
      currency: 'BRL',
      amount: 1,
    });
    const other = parse({ ...byKind('profile-name-updated'), notification: 'E2E_ENCRYPTED' })[0];
    expect(other).toMatchObject({ type: 'INSTANCE_EVENT', kind: 'E2E_ENCRYPTED', chatId: '5544999999999' });
  });

  it('structured contents are typed from their documented fields', () => {
    const content = (kind: string) => (parse(byKind(kind))[0] as MessageReceivedEvent).message.content;
    expect(content('text-from-ad')).toMatchObject({
      kind: 'text',
      body: 'message received',
      linkPreview: { url: 'https://', title: 'title', description: 'ad text' },
      adAttribution: { sourceType: 'ad', sourceId: '23722824350495506', title: 'Title', body: 'ad text' },
    });
    expect(content('text-template')).toMatchObject({
      kind: 'template',
      templateId: '790118069824606',
      title: 'message title',
      body: 'message text',
      footer: 'message footer',
      header: null,
      buttons: [],
    });
    expect(content('otp-button-template')).toMatchObject({ kind: 'template', buttons: [{ type: 'COPY', text: 'Copy Code', index: 0 }] });
    expect(content('image-template')).toMatchObject({ header: { image: { kind: 'image', url: 'https://example.jpeg', width: 1600, height: 926 } } });
    expect(content('video-template')).toMatchObject({ header: { video: { kind: 'video', url: 'https://example.mp4' } } });
    expect(content('document-template')).toMatchObject({ header: { document: { kind: 'document', url: 'https://example.pdf', mimeType: 'application/pdf' } } });
    expect(content('location-template')).toMatchObject({ header: { location: { latitude: -23.5489, longitude: -46.6388, name: 'place name' } } });
    expect(content('pix-key-button')).toEqual({ kind: 'pixKey', key: 'pixkey', keyType: 'EVP', merchantName: 'Pix', currency: 'BRL', referenceId: '4PXRAHSIRDA' });
    expect(content('buttons-with-image')).toMatchObject({
      kind: 'buttons',
      body: 'Message text',
      imageUrl: 'Image URL',
      videoUrl: null,
      buttons: [{ type: 'REPLY', id: '1', text: 'Button 1 Text' }, { id: '2' }],
    });
    expect(content('buttons-with-video')).toMatchObject({ kind: 'buttons', videoUrl: 'URL do video' });
    expect(content('carousel')).toMatchObject({
      kind: 'carousel',
      body: 'Message text',
      cards: [
        {
          body: 'Carousel Card Message',
          header: { image: { url: 'https://' } },
          buttons: [
            { type: 'URL', url: 'https://' },
            { type: 'REPLY', id: '2' },
          ],
        },
        {},
      ],
    });
    expect(content('payment-request')).toMatchObject({
      kind: 'payment',
      action: 'REQUEST',
      amount: 1,
      currency: 'BRL',
      expiresAt: 1632834482000,
      requesterId: '5544999999999',
      status: 'WAITING',
    });
    expect(content('payment-received')).toMatchObject({ kind: 'payment', action: 'RECEIVED', amount: 1, status: 'COMPLETE', transactionStatus: 'SUCCESS' });
    expect(content('product')).toMatchObject({ kind: 'product', productId: '99999999999999999999', title: 'name', price: 1, currency: 'BRL', businessOwnerId: '5544999999999' });
    const order = content('cart-order');
    expect(order).toMatchObject({ kind: 'order', orderId: '422508169684569', total: 2000, items: [{ productId: '5338924696127051', quantity: 1, price: 2000, currency: 'BRL' }] });
    expect(JSON.stringify(order)).not.toContain('AR5d4yUr');
    expect(content('order-review-and-pay')).toMatchObject({
      kind: 'orderDetails',
      stage: 'REVIEW_AND_PAY',
      orderType: 'physical-goods',
      total: 605,
      tax: 10,
      items: [{ isCustomItem: true, price: 150 }, {}],
    });
    expect(content('order-update')).toMatchObject({ kind: 'orderDetails', stage: 'UPDATE', orderStatus: 'processing' });
    expect(content('poll')).toEqual({ kind: 'poll', question: 'What is the best WhatsApp API?', options: ['Z-API', 'Other'], maxSelections: null });
    expect(content('poll-vote')).toEqual({ kind: 'pollVote', pollMessageId: 'ID of the poll message that was answered', selectedOptions: ['Z-API'] });
    expect(content('channel-admin-invite')).toMatchObject({
      kind: 'channelAdminInvite',
      channelId: '120363166555745933@newsletter',
      channelName: 'Test',
      expiresAt: 1706809668000,
    });
    expect(content('pin-message')).toEqual({ kind: 'pin', action: 'PIN', targetMessageId: '3EB0796DC6B777C0C7CD', durationSeconds: 604800 });
    expect(content('event')).toMatchObject({ kind: 'event', name: 'Event Name', startsAt: 1716915653000, canceled: false, location: null });
    expect(content('event-response')).toMatchObject({ kind: 'eventResponse', eventMessageId: 'D2D612289D9E8F62307D72409A8D9DC3', response: 'GOING', respondedAt: 1714423417000 });
    expect(content('waiting-message')).toEqual({ kind: 'pending', waiting: true });
  });

  it('a message says whether it was edited, forwarded or view-once, its LIDs and disappearing timer, what it replies to', () => {
    const message = (p: Record<string, unknown>) => (parse(p)[0] as MessageReceivedEvent).message;
    expect(message(byKind('video'))).toMatchObject({ viewOnce: true, edited: false, forwarded: false, senderLid: '81896604192873@lid' });
    expect(message(byKind('ptv'))).toMatchObject({ forwarded: true, fromMe: true });
    expect(message(byKind('text-template'))).toMatchObject({ chatLid: '81896604192873@lid', sentFromApi: false });
    expect(message({ ...byKind('text'), isEdit: true, referenceMessageId: 'QUOTED1', messageExpirationSeconds: 604800 })).toMatchObject({
      edited: true,
      replyToMessageId: 'QUOTED1',
      expirationSeconds: 604800,
    });
    expect(message({ ...byKind('gif'), video: { videoUrl: 'https://', mimeType: 'video/mp4', gifPlayback: true } }).content).toMatchObject({ kind: 'video', gif: true, ptv: null });
  });
});

describe('Z-API webhooks: not a Z-API payload, or one the parser cannot read', () => {
  const refused: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'ReceivedCallback'],
    ['an array', [byKind('text')]],
    ['no type', { phone: '5544999999999', messageId: 'X' }],
    ['an Ivosights-style body', { object: 'whatsapp_business_account', entry: [] }],
  ];
  it.each(refused)('%s throws WebhookPayloadError', (_name, body) => {
    expect(() => parse(body)).toThrow(WebhookPayloadError);
  });

  const unreadableMessages: Array<[string, Record<string, unknown>]> = [
    ['ReceivedCallback with a numeric phone', { ...byKind('text'), phone: 5544999999999 }],
    ['ReceivedCallback with text as a string', { ...byKind('text'), text: 'hello' }],
  ];
  it.each(unreadableMessages)('%s is kept as a message with UnsupportedContent and the raw body', (_name, body) => {
    const [e] = parse(body) as MessageReceivedEvent[];
    expect(e).toMatchObject({
      type: 'MESSAGE_RECEIVED',
      message: { id: body.messageId, chatId: '5544999999999', content: { kind: 'unsupported', type: 'unreadable', raw: body } },
    });
    expect(parse(structuredClone(body))[0]!.id).toBe(e!.id);
  });

  const unreadableOthers: Array<[string, unknown]> = [
    ['ReceivedCallback message without messageId', { ...byKind('text'), messageId: undefined }],
    ['MessageStatusCallback with ids as a string', { ...byKind('status-read'), ids: '999' }],
    ['MessageStatusCallback with an empty ids', { ...byKind('status-read'), ids: [] }],
    ['MessageStatusCallback with an undocumented status', { ...byKind('status-read'), status: 'DELETED_FOR_ALL' }],
    ['PresenceChatCallback with an undocumented status', { ...byKind('presence-available'), status: 'DANCING' }],
    ['PresenceChatCallback without phone', { type: 'PresenceChatCallback', status: 'AVAILABLE' }],
    ['DeliveryCallback without any id', { type: 'DeliveryCallback', phone: '5544999999999' }],
    ['ConnectedCallback with connected as an object', { ...byKind('connected'), connected: { yes: true } }],
  ];
  it.each(unreadableOthers)('%s is kept as an UNREADABLE_PAYLOAD notification with the raw body', (_name, body) => {
    expect(parse(body)).toEqual([expect.objectContaining({ type: 'INSTANCE_EVENT', kind: 'UNREADABLE_PAYLOAD', raw: body })]);
  });

  it('a webhook type Z-API does not document is kept under its own kind', () => {
    expect(parse({ ...byKind('text'), type: 'MessageCallback' })).toEqual([expect.objectContaining({ type: 'INSTANCE_EVENT', kind: 'MessageCallback' })]);
  });
});
