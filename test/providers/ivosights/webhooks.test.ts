import { describe, expect, it } from 'vitest';
import { WebhookPayloadError } from '../../../src/providers/contract.js';
import type { DomainEvent, MessageReceivedEvent, MessageStatusChangedEvent } from '../../../src/providers/model.js';
import { checkBasicAuth, createWebhookPort, parseNotification, pendingPayloads } from '../../../src/providers/ivosights/webhooks.js';
import { ivosightsModule } from '../../../src/providers/ivosights/index.js';
import { webhookFixtures } from '../../helpers/fixtures.js';

/**
 * Every notification documented in ivosights-ivowba.txt (lines 2794-3135), taken verbatim
 * from the repository's fixtures (test/fixtures/ivosights/webhooks.json), parses to the right typed event.
 */

const webhooks = webhookFixtures(ivosightsModule);
const RECEIVED_AT = 1_700_000_000_000;

function parseAt(lines: number): DomainEvent[] {
  const hook = webhooks.find((w) => w.lines[0] === lines);
  if (!hook) throw new Error(`no documented payload at line ${lines}`);
  return parseNotification('ivo-1', hook.payload, RECEIVED_AT);
}

function received(lines: number): MessageReceivedEvent {
  const events = parseAt(lines);
  expect(events).toHaveLength(1);
  expect(events[0]!.type).toBe('MESSAGE_RECEIVED');
  return events[0] as MessageReceivedEvent;
}

function status(lines: number): MessageStatusChangedEvent {
  const events = parseAt(lines);
  expect(events).toHaveLength(1);
  expect(events[0]!.type).toBe('MESSAGE_STATUS_CHANGED');
  return events[0] as MessageStatusChangedEvent;
}

describe('ivosights notifications', () => {
  it('the documentation has 16 payloads, and each one parses to at least one event', () => {
    expect(webhooks).toHaveLength(16);
    for (const w of webhooks) expect(parseNotification('ivo-1', w.payload, RECEIVED_AT).length).toBeGreaterThan(0);
  });

  it('text (lines 2796-2814): body, sender name from contacts[], seconds → ms', () => {
    const e = received(2796);
    expect(e.occurredAt).toBe(1518694235000);
    expect(e.message).toMatchObject({
      id: 'ABGGFlA5FpafAgo6tHcNmNjXmuSf',
      instanceId: 'ivo-1',
      chatId: '16315551234',
      fromMe: false,
      senderName: 'Kerry Fisher',
      timestamp: 1518694235000,
      content: { kind: 'text', body: 'Hello this is an answer' },
      replyToMessageId: null,
    });
  });

  it('location (lines 2815-2836)', () => {
    expect(received(2815).message.content).toEqual({
      kind: 'location',
      latitude: 38.9806263495,
      longitude: -131.9428612257,
      name: 'Main Street Beach',
      address: 'Main Street Beach, Santa Cruz, CA',
      url: 'https://foursquare.com/v/4d7031d35b5df7744',
    });
  });

  it('contacts (lines 2837-2907): formatted name and phones (wa_id when given)', () => {
    const e = received(2837);
    expect(e.message.chatId).toBe('16505551234');
    expect(e.message.content).toEqual({ kind: 'contact', contacts: [{ name: 'Kerry Fisher', phones: ['19405551234', '16505551234'], vcard: null }] });
  });

  it('image (lines 2908-2924): media id, mime type, caption; no URL (served behind the key)', () => {
    const e = received(2908);
    expect(e.message.senderName).toBeNull();
    expect(e.message.content).toEqual({ kind: 'image', url: null, mediaId: 'b1c68f38-8734-4ad3-b4a1-ef0c10d683', mimeType: 'image/jpeg', caption: 'Check out my new phone!' });
  });

  it('document (lines 2925-2941)', () => {
    expect(received(2925).message.content).toMatchObject({
      kind: 'document',
      mediaId: 'fc233119-733f-49c-bcbd-b2f68f798e33',
      mimeType: 'application/pdf',
      caption: '80skaraokesonglistartist',
    });
  });

  it('voice (lines 2942-2956) is an audio voice note', () => {
    expect(received(2942).message.content).toMatchObject({ kind: 'audio', voice: true, mediaId: '463eb7ec-ff4e-4d9b-b110-1879cbd411b2', mimeType: 'audio/ogg; codecs=opus' });
  });

  it('sticker (lines 2957-2980)', () => {
    expect(received(2957).message.content).toMatchObject({ kind: 'sticker', mediaId: 'b1c68f38-8734-4ad3-b4a1-ef0c10d683', mimeType: 'image/webp' });
  });

  it('a reply (lines 2981-3001) carries the quoted message id', () => {
    const e = received(2981);
    expect(e.message).toMatchObject({ id: 'gBGGFlA5FpafAgkOuJbRq54qwbM', replyToMessageId: 'ABGGFlA5FpafAgo6tHcNmNjXmuSf', content: { kind: 'text', body: 'Yes, count me in!' } });
  });

  it('system user_changed_number (lines 3002-3018) is a PROFILE_UPDATED phone-number change', () => {
    const events = parseAt(3002);
    expect(events).toEqual([
      expect.objectContaining({ type: 'PROFILE_UPDATED', contactId: '16315558889', change: 'PHONE_NUMBER', newPhone: '16315558890', occurredAt: 1574080102000 }),
    ]);
  });

  it('a deleted status (lines 3080-3090) is the user deleting their message: MESSAGE_DELETED', () => {
    expect(parseAt(3080)).toEqual([
      expect.objectContaining({ type: 'MESSAGE_DELETED', messageId: 'ABGGFmkiWVVPAgo66iFiii_-TG0-', chatId: '16692259554', fromMe: false, occurredAt: 1532413514000 }),
    ]);
  });

  it('sent / delivered / read statuses (lines 3023-3079), no body in them', () => {
    expect(status(3023)).toMatchObject({ messageId: 'ABGGFlA5FpafAgo6tHcNmNjXmuSf', chatId: '16315555555', status: 'SENT', occurredAt: 1518694700000 });
    expect(status(3046)).toMatchObject({ status: 'DELIVERED', occurredAt: 1518694708000 });
    expect(status(3069)).toMatchObject({ status: 'READ' });
    for (const l of [3023, 3046, 3069]) {
      const e = status(l);
      expect(e.error).toBeUndefined();
      expect(Object.keys(e).sort()).toEqual(['chatId', 'id', 'instanceId', 'messageId', 'occurredAt', 'status', 'type']);
    }
  });

  it('the three failed variants (lines 3091-3135) carry code + title (+ the href as detail)', () => {
    expect(status(3091)).toMatchObject({
      status: 'FAILED',
      messageId: 'gBGGEgZHMlEfAgkM1RBkhDRr7t8',
      error: { code: '470', title: expect.stringMatching(/^Failed to send message because you are outside the support window/), detail: null },
    });
    expect(status(3107)).toMatchObject({
      status: 'FAILED',
      chatId: '6282184083195',
      error: { code: '470', title: expect.stringMatching(/more than 24 hours/), detail: 'https://developers.facebook.com/docs/whatsapp/api/errors/' },
    });
    expect(status(3124)).toMatchObject({ status: 'FAILED', error: { code: '480', title: 'Failed to send message since we detect an identity change of the contact' } });
  });

  it('a redelivery gives the same ids; different statuses of one message give different ids', () => {
    for (const w of webhooks) {
      const a = parseNotification('ivo-1', w.payload, RECEIVED_AT).map((e) => e.id);
      const b = parseNotification('ivo-1', JSON.parse(JSON.stringify(w.payload)), RECEIVED_AT + 5000).map((e) => e.id);
      expect(b).toEqual(a);
    }
    const ids = [3023, 3046, 3069].map((l) => status(l).id);
    expect(new Set(ids).size).toBe(3);
    // another instance receiving the same payload gets its own ids
    expect(parseNotification('ivo-2', webhooks[0]!.payload, RECEIVED_AT)[0]!.id).not.toBe(received(2796).id);
  });

  it('a message type the graph does not type becomes UnsupportedContent with the raw JSON; an unknown status an INSTANCE_EVENT', () => {
    const [m] = parseNotification(
      'ivo-1',
      { messages: [{ from: '1', id: 'x', timestamp: '1', type: 'ephemeral', ephemeral: { text: 'Yes' } }] },
      RECEIVED_AT,
    ) as MessageReceivedEvent[];
    expect(m!.message.content).toEqual({ kind: 'unsupported', type: 'ephemeral', raw: { from: '1', id: 'x', timestamp: '1', type: 'ephemeral', ephemeral: { text: 'Yes' } } });
    const [s] = parseNotification('ivo-1', { statuses: [{ id: 'x', recipient_id: '1', status: 'warning', timestamp: '1' }] }, RECEIVED_AT);
    expect(s).toMatchObject({ type: 'INSTANCE_EVENT', kind: 'STATUS_WARNING', chatId: '1' });
  });

  it("replies to template buttons and interactive messages, and reactions, are typed like every provider's; a forwarded message says so", () => {
    const content = (message: Record<string, unknown>) =>
      (parseNotification('ivo-1', { messages: [{ from: '1', id: `r${JSON.stringify(message).length}`, timestamp: '1', ...message }] }, RECEIVED_AT)[0] as MessageReceivedEvent)
        .message;
    expect(content({ type: 'button', button: { text: 'Yes', payload: 'YES_PAYLOAD' } }).content).toEqual({ kind: 'interactiveReply', replyId: 'YES_PAYLOAD', title: 'Yes' });
    expect(content({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Go' } } }).content).toEqual({
      kind: 'interactiveReply',
      replyId: 'b1',
      title: 'Go',
      description: null,
    });
    expect(content({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row', description: 'About' } } }).content).toEqual({
      kind: 'interactiveReply',
      replyId: 'r1',
      title: 'Row',
      description: 'About',
    });
    expect(content({ type: 'reaction', reaction: { message_id: 'M1', emoji: '👍' } }).content).toEqual({ kind: 'reaction', emoji: '👍', targetMessageId: 'M1' });
    expect(content({ type: 'text', text: { body: 'fwd' }, context: { forwarded: true } })).toMatchObject({ forwarded: true, content: { kind: 'text', body: 'fwd' } });
  });

  it('a body that is not an IVOWBA notification throws WebhookPayloadError', () => {
    for (const body of [null, 'text', [], {}, { event: 'ReceivedCallback' }, { messages: [{ type: 'text' }] }, { statuses: [{ recipient_id: '1' }] }]) {
      expect(() => parseNotification('ivo-1', body, RECEIVED_AT)).toThrow(WebhookPayloadError);
    }
  });

  it('reads pulled notifications as an array or under data', () => {
    expect(pendingPayloads([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(pendingPayloads({ data: [{ b: 2 }] })).toEqual([{ b: 2 }]);
    expect(pendingPayloads(null)).toEqual([]);
    expect(pendingPayloads({ message: 'x' })).toEqual([]);
  });
});

describe('ivosights webhook HTTP Basic auth (http_auth, lines 2746-2750)', () => {
  const header = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });

  it('accepts exactly the configured credentials', () => {
    expect(checkBasicAuth(header('user', 'pw-1234'), 'user', 'pw-1234')).toBe(true);
    expect(checkBasicAuth(header('user', 'pw-12345'), 'user', 'pw-1234')).toBe(false);
    expect(checkBasicAuth(header('other', 'pw-1234'), 'user', 'pw-1234')).toBe(false);
    expect(checkBasicAuth({ authorization: 'Bearer abc' }, 'user', 'pw-1234')).toBe(false);
    expect(checkBasicAuth({}, 'user', 'pw-1234')).toBe(false);
  });

  it('is false when the instance configured no credentials', () => {
    expect(checkBasicAuth(header('user', 'pw'), undefined, undefined)).toBe(false);
    const port = createWebhookPort('ivo-1', {});
    expect(port.authenticate!(header('', ''))).toBe(false);
  });

  it('is the WebhookPort.authenticate of the instance', () => {
    const port = createWebhookPort('ivo-1', { username: 'u', password: 'p4ss' });
    expect(port.authenticate!(header('u', 'p4ss'))).toBe(true);
    expect(port.parse({ body: webhooks[0]!.payload, headers: {}, receivedAt: RECEIVED_AT })[0]!.type).toBe('MESSAGE_RECEIVED');
  });
});
