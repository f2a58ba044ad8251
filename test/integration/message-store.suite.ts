import { expect, it } from 'vitest';
import { applyEvent, applySent, deletedChange, sentChange } from '../../src/conversations/apply.js';
import { InvalidMessageCursorError, encodeMessageCursor, type MessageRetention, type MessageStore } from '../../src/conversations/store.js';
import type { DomainEvent, Message, MessageStatus } from '../../src/providers/model.js';
import type { Stores } from '../../src/subscriptions/stores.js';
import { EventPipeline } from '../../src/subscriptions/pipeline.js';
import { createLogger } from '../../src/logger.js';

/**
 * The message store's part of the shared stores suite (`stores.test.ts` runs it for memory and
 * Redis): conversation order and paging, one record per message id across send / echo / status,
 * statuses never backwards, edits, reactions, deletion, unread counts, retention, and replicas
 * writing one message at once.
 */

/** What the suite needs of the stores factory of `stores.test.ts`. */
export interface MessageStoresFactory {
  open(options?: { messageRetention?: MessageRetention; share?: Stores }): Promise<Stores>;
  replicas: boolean;
}

const I = 'inst-msgs';
const CHAT = '5511999990000';
let seq = 0;
/** The suite's time origin: an hour ago (every message is inside the retention the suite uses). */
const BASE = Date.now() - 3_600_000;

/** A message of `CHAT` at `t` ms after {@link BASE}. */
function message(id: string, t: number, extra: Partial<Message> = {}): Message {
  return { id, instanceId: I, chatId: CHAT, fromMe: false, timestamp: BASE + t, senderId: CHAT, content: { kind: 'text', body: `text of ${id}` }, ...extra };
}

function received(m: Message, occurredAt = m.timestamp): DomainEvent {
  return { type: 'MESSAGE_RECEIVED', id: `ev-${++seq}`, instanceId: m.instanceId, occurredAt, message: m };
}

function status(messageId: string, s: MessageStatus, at: number, chatId: string | null = CHAT): DomainEvent {
  return { type: 'MESSAGE_STATUS_CHANGED', id: `ev-${++seq}`, instanceId: I, occurredAt: at, messageId, chatId, status: s };
}

/** The ids of a page (newest first). */
async function ids(store: MessageStore, range: Parameters<MessageStore['page']>[2], chat = CHAT): Promise<string[]> {
  return (await store.page(I, chat, range)).items.map((i) => i.record.message.id);
}

/**
 * Registers the message store tests (call inside the backend's `describe`). `via`: how events
 * reach the store: `store` applies them to the message store directly (`applyEvent`), `pipeline`
 * offers them to the event pipeline, which stores them whole with `Stores.ingest` (on Redis the
 * one-round-trip script).
 */
export function messageStoreSuite(factory: MessageStoresFactory, via: 'store' | 'pipeline' = 'store'): void {
  const pipelines = new WeakMap<Stores, EventPipeline>();
  const apply = async (stores: Stores, event: DomainEvent): Promise<void> => {
    if (via === 'store') return applyEvent(stores.messages, event);
    let pipeline = pipelines.get(stores);
    if (!pipeline) pipelines.set(stores, (pipeline = new EventPipeline(stores, createLogger('silent'))));
    await pipeline.offer([event]);
  };
  it('lists a chat newest first; first/after pages back, last/before forward; pageInfo flags; same-millisecond messages ordered by id', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const base = message('m0', 0).timestamp;
    // out of order on purpose, and two in one millisecond
    for (const [id, t] of [
      ['m3', 3000],
      ['m1', 1000],
      ['m5', 5000],
      ['m2', 2000],
      ['m4b', 4000],
      ['m4a', 4000],
    ] as const)
      await apply(stores, received(message(id, t)));
    await apply(stores, received(message('other', 2500, { chatId: 'another-chat' })));
    expect(await ids(store, { first: 10 })).toEqual(['m5', 'm4b', 'm4a', 'm3', 'm2', 'm1']);
    const p1 = await store.page(I, CHAT, { first: 2 });
    expect(p1.items.map((i) => i.record.message.id)).toEqual(['m5', 'm4b']);
    expect([p1.hasOlder, p1.hasNewer]).toEqual([true, false]);
    const after = encodeMessageCursor(p1.items[1]!.key);
    const p2 = await store.page(I, CHAT, { first: 3, after });
    expect(p2.items.map((i) => i.record.message.id)).toEqual(['m4a', 'm3', 'm2']);
    expect([p2.hasOlder, p2.hasNewer]).toEqual([true, true]);
    const p3 = await store.page(I, CHAT, { first: 3, after: encodeMessageCursor(p2.items[2]!.key) });
    expect(p3.items.map((i) => i.record.message.id)).toEqual(['m1']);
    expect([p3.hasOlder, p3.hasNewer]).toEqual([false, true]);
    const oldest = await store.page(I, CHAT, { last: 2 });
    expect(oldest.items.map((i) => i.record.message.id)).toEqual(['m2', 'm1']);
    expect([oldest.hasOlder, oldest.hasNewer]).toEqual([false, true]);
    const newer = await store.page(I, CHAT, { last: 2, before: encodeMessageCursor(oldest.items[0]!.key) });
    expect(newer.items.map((i) => i.record.message.id)).toEqual(['m4a', 'm3']);
    expect([newer.hasOlder, newer.hasNewer]).toEqual([true, true]);
    expect(await ids(store, { first: 10 }, 'another-chat')).toEqual(['other']);
    expect(await ids(store, { first: 10 }, 'no-such-chat')).toEqual([]);
    expect((await store.get(I, 'm3'))?.message.timestamp).toBe(base + 3000);
    expect(await store.get('another-instance', 'm3')).toBeNull();
    for (const bad of ['nope', encodeMessageCursor('x'), Buffer.from('m:000000000000001:a').toString('base64url') + '=']) {
      await expect(store.page(I, CHAT, { first: 1, after: bad })).rejects.toBeInstanceOf(InvalidMessageCursorError);
    }
  });

  it('one record per message id: the send, its echo and the status webhooks; statuses never go backwards; history kept; redeliveries change nothing', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const sent = message('s1', 1000, { fromMe: true, status: 'SENT', senderId: null, clientReference: 'ref-1', content: { kind: 'text', body: 'hello' } });
    await store.update(I, 's1', sentChange(sent));
    // the echo: same id, the provider's view (no clientReference, a sender), later status
    const echo = received({ ...sent, clientReference: null, senderId: '5511000000000', content: { kind: 'text', body: 'hello (as echoed)' }, status: 'SENT' }, sent.timestamp + 5);
    await apply(stores, echo);
    await apply(stores, echo);
    await apply(stores, status('s1', 'READ', sent.timestamp + 300));
    await apply(stores, status('s1', 'DELIVERED', sent.timestamp + 200));
    await store.update(I, 's1', sentChange(sent)); // a repeated send (idempotency replay)
    expect(await ids(store, { first: 10 })).toEqual(['s1']);
    const record = (await store.get(I, 's1'))!;
    expect(record.message).toMatchObject({ status: 'READ', clientReference: 'ref-1', senderId: '5511000000000', content: { kind: 'text', body: 'hello' } });
    expect(record.statusHistory).toEqual([
      { status: 'SENT', at: sent.timestamp },
      { status: 'READ', at: sent.timestamp + 300 },
    ]);
    expect(record.editedAt).toBeNull();
  });

  it('an echo that overtakes the send, and a message sent from the phone: one record each, listed once', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const sent = message('e1', 1000, { fromMe: true, status: 'PENDING', senderId: null, clientReference: 'ref-e1' });
    await apply(stores, received({ ...sent, status: 'SENT', clientReference: null, senderId: '5511000000000' }, sent.timestamp + 3));
    await store.update(I, 'e1', sentChange(sent));
    const phone = message('p1', 2000, { fromMe: true, status: 'SENT', senderId: '5511000000000' });
    await apply(stores, received(phone));
    await apply(stores, received(phone));
    expect(await ids(store, { first: 10 })).toEqual(['p1', 'e1']);
    expect((await store.get(I, 'e1'))!.message).toMatchObject({ status: 'SENT', clientReference: 'ref-e1', senderId: '5511000000000' });
    expect((await store.get(I, 'p1'))!.statusHistory.map((h) => h.status)).toEqual(['SENT']);
  });

  it('a status that overtakes the send is kept for the message (a stub, not listed) and applied when the send is stored', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const sent = message('s2', 1000, { fromMe: true, status: 'SENT' });
    await apply(stores, status('s2', 'DELIVERED', sent.timestamp + 50));
    expect(await ids(store, { first: 10 })).toEqual([]);
    expect((await store.get(I, 's2'))?.stub).toBe(true);
    await store.update(I, 's2', sentChange(sent));
    const record = (await store.get(I, 's2'))!;
    expect(record.stub).toBe(false);
    expect(record.message.status).toBe('DELIVERED');
    expect(record.statusHistory.map((h) => h.status)).toEqual(['SENT', 'DELIVERED']);
    expect(await ids(store, { first: 10 })).toEqual(['s2']);
  });

  it('edits: a later received event with other content replaces it and sets editedAt; an older or equal one does not', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const original = message('r1', 1000, { content: { kind: 'text', body: 'helo' } });
    await apply(stores, received(original));
    await apply(stores, received({ ...original, content: { kind: 'text', body: 'hello' } }, original.timestamp + 60_000));
    await apply(stores, received(original, original.timestamp + 10)); // a late copy of the original
    const record = (await store.get(I, 'r1'))!;
    expect(record.message.content).toEqual({ kind: 'text', body: 'hello' });
    expect(record.editedAt).toBe(original.timestamp + 60_000);
    expect(record.message.timestamp).toBe(original.timestamp);
  });

  it('reactions: kept on the target, latest per reactor, empty emoji removes, an older one is ignored, not a message of the chat; a reaction before its target waits for it', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const target = message('t1', 1000, { fromMe: true, status: 'SENT' });
    await store.update(I, 't1', sentChange(target));
    const react = (id: string, from: string, emoji: string, t: number, targetMessageId = 't1') =>
      apply(stores, received(message(id, t, { senderId: from, content: { kind: 'reaction', emoji, targetMessageId } })));
    await react('x1', 'alice', '👍', 2000);
    await react('x2', 'bob', '😂', 2100);
    await react('x3', 'alice', '❤️', 2200);
    await react('x4', 'alice', '😮', 2150); // older than alice's latest
    await react('x5', 'bob', '', 2300);
    await react('x6', 'carol', '🎉', 2400, 'later');
    expect((await store.get(I, 't1'))!.reactions).toEqual([{ reactorId: 'alice', fromMe: false, emoji: '❤️', at: message('', 2200).timestamp }]);
    expect(await ids(store, { first: 10 })).toEqual(['t1']);
    // a reaction sent through the graph, then its echo: one reaction of `me`
    const mine = message('x7', 2500, { fromMe: true, status: 'PENDING', content: { kind: 'reaction', emoji: '🙏', targetMessageId: 't1' } });
    await applySent(store, mine);
    await apply(stores, received({ ...mine, status: 'SENT' }, mine.timestamp + 5));
    expect((await store.get(I, 't1'))!.reactions.map((r) => [r.reactorId, r.emoji, r.fromMe])).toEqual([
      ['alice', '❤️', false],
      ['me', '🙏', true],
    ]);
    expect(await store.get(I, 'x7')).toBeNull();
    await apply(stores, received(message('later', 2350)));
    expect((await store.get(I, 'later'))!.reactions.map((r) => r.emoji)).toEqual(['🎉']);
    expect(await ids(store, { first: 10 })).toEqual(['later', 't1']);
  });

  it('deletion: DELETED (for everyone) marks the message deleted and keeps it; a deletion through the graph too', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    const sent = message('d1', 1000, { fromMe: true, status: 'SENT' });
    await store.update(I, 'd1', sentChange(sent));
    await apply(stores, status('d1', 'DELETED', sent.timestamp + 500));
    await apply(stores, status('d1', 'READ', sent.timestamp + 600));
    const d1 = (await store.get(I, 'd1'))!;
    expect([d1.message.status, d1.deletedAt]).toEqual(['DELETED', sent.timestamp + 500]);
    const other = message('d2', 2000, { fromMe: true, status: 'SENT' });
    await store.update(I, 'd2', sentChange(other));
    await store.update(I, 'd2', deletedChange(I, 'd2', CHAT, other.timestamp + 10));
    expect((await store.get(I, 'd2'))!.deletedAt).toBe(other.timestamp + 10);
    expect(await ids(store, { first: 10 })).toEqual(['d2', 'd1']);
  });

  it('unread: inbound messages count until read (a READ status, or read up to a time); outbound and deleted never count', async () => {
    const stores = await factory.open();
    const store = stores.messages;
    for (let i = 1; i <= 4; i++) await apply(stores, received(message(`u${i}`, i * 1000)));
    await store.update(I, 'o1', sentChange(message('o1', 4500, { fromMe: true, status: 'SENT' })));
    expect(await store.unreadCount(I, CHAT)).toBe(4);
    await apply(stores, status('u4', 'DELETED', Date.now()));
    expect(await store.unreadCount(I, CHAT)).toBe(3);
    await store.markReadUpTo(I, CHAT, message('', 2000).timestamp);
    expect(await store.unreadCount(I, CHAT)).toBe(1);
    await apply(stores, status('u3', 'READ', Date.now()));
    expect(await store.unreadCount(I, CHAT)).toBe(0);
    await apply(stores, received(message('u5', 5000)));
    expect(await store.unreadCount(I, CHAT)).toBe(1);
    expect(await store.unreadCount(I, 'no-such-chat')).toBe(0);
  });

  it('retention: at most maxPerChat per chat (the oldest go, records too); messages older than maxAgeMs are not kept', async () => {
    const stores = await factory.open({ messageRetention: { maxAgeMs: 2 * 3_600_000, maxPerChat: 3 } });
    const store = stores.messages;
    for (let i = 1; i <= 5; i++) await apply(stores, received(message(`k${i}`, i * 1000)));
    expect(await ids(store, { first: 10 })).toEqual(['k5', 'k4', 'k3']);
    expect(await store.get(I, 'k1')).toBeNull();
    expect(await store.get(I, 'k2')).toBeNull();
    expect(await store.unreadCount(I, CHAT)).toBe(3);
    await apply(stores, received(message('ancient', -3 * 3_600_000)));
    expect(await store.get(I, 'ancient')).toBeNull();
    expect(await ids(store, { first: 10 })).toEqual(['k5', 'k4', 'k3']);
    // a message older than the cap's window is dropped at once
    await apply(stores, received(message('k0', 0)));
    expect(await store.get(I, 'k0')).toBeNull();
  });

  it('retention over many writes to a full chat: always its newest maxPerChat, in order, pages and cursors right; a late message lands in place or goes', async () => {
    const stores = await factory.open({ messageRetention: { maxAgeMs: 2 * 3_600_000, maxPerChat: 4 } });
    const store = stores.messages;
    const chat = `${CHAT}-cap`;
    const at = (n: number) => message(`w${n}`, n * 10, { chatId: chat });
    for (let n = 1; n <= 25; n++) {
      await apply(stores, received(at(n)));
      const kept = Array.from({ length: Math.min(n, 4) }, (_, i) => `w${n - i}`);
      expect(await ids(store, { first: 10 }, chat)).toEqual(kept);
    }
    expect(await store.get(I, 'w21')).toBeNull();
    expect(await store.unreadCount(I, chat)).toBe(4);
    // a message between the kept ones lands in order and pushes the oldest out; one older than all of them goes at once
    await apply(stores, received(message('w23b', 235, { chatId: chat })));
    expect(await ids(store, { first: 10 }, chat)).toEqual(['w25', 'w24', 'w23b', 'w23']);
    await apply(stores, received(message('w20b', 205, { chatId: chat })));
    expect(await store.get(I, 'w20b')).toBeNull();
    // pages: newest two, then the two after the cursor, then nothing older; backwards from the oldest
    const first = await store.page(I, chat, { first: 2 });
    expect(first.items.map((i) => i.record.message.id)).toEqual(['w25', 'w24']);
    expect(first.hasOlder).toBe(true);
    const second = await store.page(I, chat, { first: 2, after: encodeMessageCursor(first.items[1]!.key) });
    expect(second.items.map((i) => i.record.message.id)).toEqual(['w23b', 'w23']);
    expect(second.hasOlder).toBe(false);
    const back = await store.page(I, chat, { last: 3, before: encodeMessageCursor(second.items[1]!.key) });
    expect(back.items.map((i) => i.record.message.id)).toEqual(['w25', 'w24', 'w23b']);
    expect(back.hasNewer).toBe(false);
  });

  it.runIf(factory.replicas)('replicas: concurrent writes to one message from two replicas lose nothing; both read the same conversation', async () => {
    const a = await factory.open();
    const b = await factory.open({ share: a });
    await a.messages.update(I, 'c1', sentChange(message('c1', 1000, { fromMe: true, status: 'SENT' })));
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        apply(i % 2 ? a : b, received(message(`cr${i}`, 2000 + i, { senderId: `reactor-${i}`, content: { kind: 'reaction', emoji: '👍', targetMessageId: 'c1' } }))),
      ),
    );
    await Promise.all((['DELIVERED', 'READ', 'SENT'] as const).map((s, i) => apply(i % 2 ? a : b, status('c1', s, Date.now() + i))));
    const fromA = (await a.messages.get(I, 'c1'))!;
    const fromB = (await b.messages.get(I, 'c1'))!;
    expect(fromA.reactions).toHaveLength(30);
    expect(fromA.message.status).toBe('READ');
    expect(fromB).toEqual(fromA);
    expect(await ids(b.messages, { first: 5 })).toEqual(['c1']);
  });

  it('chat labels: put on and taken off (events and direct), read per chat in order and per label; one replica sees the other', async () => {
    const a = await factory.open();
    const b = factory.replicas ? await factory.open({ share: a }) : a;
    const inst = `inst-labels-${++seq}`;
    await apply(a, {
      type: 'CHAT_LABELS_CHANGED',
      id: `ev-${++seq}`,
      instanceId: inst,
      occurredAt: Date.now(),
      changes: [
        { chatId: 'c1', labelId: '2', assigned: true },
        { chatId: 'c1', labelId: '1', assigned: true },
        { chatId: 'c2', labelId: '1', assigned: true },
      ],
    });
    await a.messages.setChatLabel(inst, 'c2', '3', true);
    await a.messages.setChatLabel(inst, 'c2', '1', false);
    await a.messages.setChatLabel(inst, 'c3', '9', false);
    expect(await b.messages.chatLabels(inst, ['c2', 'c1', 'c3'])).toEqual([['3'], ['1', '2'], []]);
    expect(await b.messages.chatLabels(inst, [])).toEqual([]);
    expect(await b.messages.labelChats(inst, '1')).toEqual(['c1']);
    expect(await b.messages.labelChats(inst, '3')).toEqual(['c2']);
    expect(await b.messages.labelChats('other-instance', '1')).toEqual([]);
  });
}
