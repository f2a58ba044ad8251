import { statusRank, type DomainEvent, type Message, type MessageStatus } from '../providers/model.js';
import type { ConversationWrite, MessageStore, RecordChange, StoredMessage, StoredReaction } from './store.js';

/**
 * What happens to the message store when the graph sees something: a received message (or
 * the echo of a sent one, or one sent from the phone), a status, a reaction, a deletion, a
 * send through the graph, a read. Each is a pure {@link RecordChange}, so applying the same
 * thing twice changes nothing the second time (a redelivered webhook, a retried send), and a
 * store can rerun it after losing a race with another replica.
 *
 * Rules (DESIGN.md, "Events"; issue "A graph a frontend can live in", item 1):
 * - one record per message id: the graph's send, the provider's echo and the phone's
 *   `fromMe` webhook of one message id are one message;
 * - statuses never go backwards ({@link statusRank}); each one reached is kept with its time;
 * - a received message whose id is already stored is an edit when its content differs from
 *   the last received event's and it happened later; the first received event of a
 *   message sent through the graph is its echo (it fills in what the send did not know and
 *   keeps the sent content);
 * - a reaction (`ReactionContent`) is not a message of the conversation: it is kept on its
 *   target, the latest per reactor, and an empty emoji removes it;
 * - `DELETED` (deleted for everyone) marks the message deleted; its content is kept.
 */

/** A placeholder message for a {@link StoredMessage.stub}. */
function stubMessage(instanceId: string, messageId: string, chatId: string | null | undefined, at: number): Message {
  return { id: messageId, instanceId, chatId: chatId ?? '', fromMe: true, timestamp: at, content: { kind: 'unsupported', type: 'unknown', raw: null } };
}

function stubRecord(instanceId: string, messageId: string, chatId: string | null | undefined, at: number): StoredMessage {
  return {
    message: stubMessage(instanceId, messageId, chatId, at),
    stub: true,
    statusHistory: [],
    reactions: [],
    editedAt: null,
    deletedAt: null,
    received: null,
    read: false,
  };
}

/** `record` with `status` reached at `at` when it ranks above the current status (else `record` unchanged). */
function advance(record: StoredMessage, status: MessageStatus | null | undefined, at: number): StoredMessage {
  if (!status) return record;
  const current = record.message.status;
  if (current && statusRank(status) <= statusRank(current)) return record;
  const next: StoredMessage = { ...record, message: { ...record.message, status }, statusHistory: [...record.statusHistory, { status, at }] };
  if (status === 'DELETED' && next.deletedAt === null) next.deletedAt = at;
  if (status === 'READ' && !next.message.fromMe) next.read = true;
  return next;
}

/** `changed` when it differs from `before` (as stored: JSON), else null (nothing to write). */
function ifChanged(before: StoredMessage | null, changed: StoredMessage): StoredMessage | null {
  return before !== null && JSON.stringify(before) === JSON.stringify(changed) ? null : changed;
}

/** A real message taking the place of a stub: the message, with the stub's statuses and reactions. */
function fromStub(stub: StoredMessage | null, message: Message, received: StoredMessage['received']): StoredMessage {
  let record: StoredMessage = {
    message: { ...message, status: null },
    stub: false,
    statusHistory: [],
    reactions: stub?.reactions ?? [],
    editedAt: null,
    deletedAt: stub?.deletedAt ?? null,
    received,
    read: false,
  };
  const statuses = [...(stub?.statusHistory ?? []), ...(message.status ? [{ status: message.status, at: message.timestamp }] : [])];
  statuses.sort((a, b) => statusRank(a.status) - statusRank(b.status));
  for (const entry of statuses) record = advance(record, entry.status, entry.at);
  return record;
}

/** Fields a later sighting may fill in when the stored message lacks them. */
const FILLABLE = ['senderId', 'senderName', 'replyToMessageId', 'isGroup', 'clientReference'] as const;

function fillIn(stored: Message, seen: Message): Message {
  const out: Message = { ...stored };
  for (const field of FILLABLE) {
    if ((out[field] === undefined || out[field] === null) && seen[field] !== undefined && seen[field] !== null) (out as unknown as Record<string, unknown>)[field] = seen[field];
  }
  return out;
}

/**
 * The change for a received message (`occurredAt`: when the event happened, epoch ms): a new
 * record, the echo of a sent one, an edit, or nothing new (a redelivery, a late copy).
 */
export function receivedChange(message: Message, occurredAt: number): RecordChange {
  return (current) => {
    const seen = { at: occurredAt, content: JSON.stringify(message.content) };
    if (current === null || current.stub) return fromStub(current, message, seen);
    let next: StoredMessage = { ...current, message: fillIn(current.message, message) };
    if (current.received === null) next.received = seen;
    else if (seen.content !== current.received.content && occurredAt > current.received.at) {
      next = { ...next, message: { ...next.message, content: message.content }, editedAt: occurredAt, received: seen };
    }
    return ifChanged(current, advance(next, message.status, occurredAt));
  };
}

/** The change for a message the graph just sent (its `status` and `timestamp` as the provider answered). */
export function sentChange(message: Message): RecordChange {
  return (current) => {
    if (current === null || current.stub) return fromStub(current, message, null);
    return ifChanged(current, advance({ ...current, message: fillIn(current.message, message) }, message.status, message.timestamp));
  };
}

/** The change for a status event (`at` epoch ms). Unknown message: a stub keeps the status for it. */
export function statusChange(instanceId: string, messageId: string, chatId: string | null | undefined, status: MessageStatus, at: number): RecordChange {
  return (current) => {
    const base = current ?? stubRecord(instanceId, messageId, chatId, at);
    return ifChanged(current, advance(base, status, at));
  };
}

/** The change for a deletion (`at` epoch ms): deleted for everyone when the account sent it (status `DELETED`), else deleted for the account. */
export function deletedChange(instanceId: string, messageId: string, chatId: string | null | undefined, at: number): RecordChange {
  return (current) => {
    const base = current ?? stubRecord(instanceId, messageId, chatId, at);
    const next = base.message.fromMe && !base.stub ? advance(base, 'DELETED', at) : base;
    return ifChanged(current, next.deletedAt === null ? { ...next, deletedAt: at } : next);
  };
}

/** The change for a reaction on its target: the reactor's latest reaction replaces theirs (an empty emoji removes it); an older one changes nothing. */
export function reactionChange(instanceId: string, targetId: string, chatId: string | null | undefined, reaction: StoredReaction): RecordChange {
  return (current) => {
    const base = current ?? stubRecord(instanceId, targetId, chatId, reaction.at);
    const mine = base.reactions.find((r) => r.reactorId === reaction.reactorId);
    if (mine && mine.at > reaction.at) return null;
    const reactions = base.reactions.filter((r) => r.reactorId !== reaction.reactorId);
    if (reaction.emoji !== '') reactions.push(reaction);
    return ifChanged(current, { ...base, reactions });
  };
}

/** Who reacted: `me` for this account, else the sender (the participant in a group, the chat in a 1:1 chat). */
export function reactorOf(message: Message): string {
  return message.fromMe ? 'me' : (message.senderId ?? message.chatId);
}

/**
 * Keeps a message the graph sent (its `status` and `timestamp` as the provider answered): a
 * reaction goes onto its target (reactor `me`), anything else is a message of its chat.
 * @throws what the store throws (backend unreachable)
 */
export async function applySent(store: MessageStore, message: Message): Promise<void> {
  if (message.content.kind === 'reaction') {
    const { targetMessageId, emoji } = message.content;
    await store.update(
      message.instanceId,
      targetMessageId,
      reactionChange(message.instanceId, targetMessageId, message.chatId, { reactorId: 'me', fromMe: true, emoji, at: message.timestamp }),
    );
    return;
  }
  await store.update(message.instanceId, message.id, sentChange(message));
}

/**
 * What `event` does to the message store, as one {@link ConversationWrite}: a received message
 * (or reaction), a status, a deletion change one record; a chat read and label changes are
 * several steps; other events change nothing (null). Pure: nothing is read or written.
 */
export function conversationWrite(event: DomainEvent): ConversationWrite {
  switch (event.type) {
    case 'MESSAGE_RECEIVED': {
      const message = event.message;
      if (message.content.kind === 'reaction') {
        const reaction: StoredReaction = { reactorId: reactorOf(message), fromMe: message.fromMe, emoji: message.content.emoji, at: message.timestamp };
        const target = message.content.targetMessageId;
        return { kind: 'record', messageId: target, change: reactionChange(event.instanceId, target, message.chatId, reaction), marksRead: false };
      }
      return { kind: 'record', messageId: message.id, change: receivedChange(message, event.occurredAt), marksRead: false };
    }
    case 'MESSAGE_STATUS_CHANGED':
      return {
        kind: 'record',
        messageId: event.messageId,
        change: statusChange(event.instanceId, event.messageId, event.chatId, event.status, event.occurredAt),
        marksRead: event.status === 'READ',
      };
    case 'MESSAGE_DELETED':
      // deleted for everyone (Z-API REVOKE notification, Ivosights `deleted` status)
      return { kind: 'record', messageId: event.messageId, change: deletedChange(event.instanceId, event.messageId, event.chatId, event.occurredAt), marksRead: false };
    case 'CHAT_READ': {
      // the account read these inbound messages on another device: they stop counting as unread
      const { instanceId, messageIds } = event;
      return {
        kind: 'steps',
        run: async (store) => {
          for (const messageId of messageIds) await applyWrite(store, instanceId, { kind: 'record', messageId, change: readChange(), marksRead: true });
        },
      };
    }
    case 'CHAT_LABELS_CHANGED': {
      // a label put on or taken off a chat (Z-API CHAT_LABEL_ASSOCIATION): the graph's record of `Chat.labels`
      const { instanceId, changes } = event;
      return {
        kind: 'steps',
        run: async (store) => {
          for (const change of changes) await store.setChatLabel(instanceId, change.chatId, change.labelId, change.assigned);
        },
      };
    }
    default:
      return null;
  }
}

/** Whether a record as stored after a `marksRead` write marks its chat read up to it: a real (not stub) inbound message. */
export function marksChatRead(stored: StoredMessage | null): stored is StoredMessage {
  return stored !== null && !stored.stub && !stored.message.fromMe;
}

/**
 * Runs one {@link ConversationWrite} of instance `instanceId` on the store, step by step.
 * @throws what the store throws (backend unreachable)
 */
export async function applyWrite(store: MessageStore, instanceId: string, write: ConversationWrite): Promise<void> {
  if (write === null) return;
  if (write.kind === 'steps') {
    await write.run(store);
    return;
  }
  const stored = await store.update(instanceId, write.messageId, write.change);
  if (write.marksRead && marksChatRead(stored)) await store.markReadUpTo(instanceId, stored.message.chatId, stored.message.timestamp);
}

/**
 * Applies one event to the message store (the event pipeline's stores run the same
 * {@link conversationWrite} for every event they store, before appending it to the log, so a
 * failure leaves the event retryable). Events that are not about messages change nothing.
 * @throws what the store throws (backend unreachable)
 */
export async function applyEvent(store: MessageStore, event: DomainEvent): Promise<void> {
  await applyWrite(store, event.instanceId, conversationWrite(event));
}

/** Marks an inbound message read by the account (no change to an outbound one, or one already read). */
export function readChange(): RecordChange {
  return (current) => (current && !current.read && !current.message.fromMe ? { ...current, read: true } : null);
}
