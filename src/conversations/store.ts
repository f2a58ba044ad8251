import type { Message, MessageStatus } from '../providers/model.js';

/**
 * The message store: every message the graph sees (received, sent through the graph, sent
 * from the phone, echoed by the provider), one record per (instance, message id), with its
 * latest content, status, status history, reactions, edit and deletion. Two implementations,
 * memory (`memory-store.ts`, one replica) and Redis (`redis-store.ts`, any number of
 * replicas), pass the one suite in `test/integration/stores.test.ts`.
 *
 * The store knows nothing of events: `apply.ts` turns events and sends into record changes
 * (pure functions of the current record) and the store runs them atomically with
 * {@link MessageStore.update}.
 */

/** One entry of a message's status history: the status and when it was reached (epoch ms). */
export interface StatusEntry {
  status: MessageStatus;
  at: number;
}

/** One reaction: who reacted (`reactorId`: phone/id of the reactor, or `me` for this account), with what, when (epoch ms). */
export interface StoredReaction {
  reactorId: string;
  fromMe: boolean;
  emoji: string;
  at: number;
}

/**
 * What the store keeps of one message.
 * - `message`: the domain message with its latest content and status (`timestamp` is the
 *   first one seen and never moves, so the message keeps its place in its chat);
 * - `statusHistory`: each status reached, in rank order (statuses never go backwards);
 * - `reactions`: the latest reaction per reactor (a removed reaction is dropped);
 * - `editedAt` / `deletedAt`: epoch ms of the last edit / of the deletion for everyone;
 * - `received`: the last received-message event (webhook, poller) that carried it: when it
 *   happened (epoch ms) and its content as JSON; null when only the graph's own send is known
 *   (the first such event of a sent message is then its echo, not an edit);
 * - `read`: for an inbound message, whether the account read it;
 * - `stub`: only statuses or reactions are known so far, not the message itself (a status
 *   webhook that overtook the send's answer, a reaction to a message not seen yet): the record
 *   keeps them for the message, and is not listed in its chat nor returned as a message until
 *   the message itself arrives (its `message` is a placeholder until then).
 */
export interface StoredMessage {
  message: Message;
  stub: boolean;
  statusHistory: StatusEntry[];
  reactions: StoredReaction[];
  editedAt: number | null;
  deletedAt: number | null;
  received: { at: number; content: string } | null;
  read: boolean;
}

/** Whether a stored message counts as unread: inbound, not read, not deleted. */
export function isUnread(record: StoredMessage): boolean {
  return !record.stub && !record.message.fromMe && !record.read && record.deletedAt === null;
}

/** A change of one record: given the current record (null when none), the new one, or null to leave it as it is. Must be pure (it may run again on a conflict). */
export type RecordChange = (current: StoredMessage | null) => StoredMessage | null;

/**
 * What one event does to the message store, in a form a store can run in one step with the
 * event's other writes (the one-round-trip ingest of `subscriptions/stores.ts`):
 * - `record`: one record change (`update(instanceId, messageId, change)`); when `marksRead`,
 *   the record as stored afterwards, if it is a real inbound message, also marks its chat read
 *   up to its timestamp (`markReadUpTo`), as a READ status does;
 * - `steps`: several writes (a chat read listing many messages, label changes), run one after
 *   the other on the store;
 * - null: the event changes nothing in the store.
 * Built by `conversationWrite` (`apply.ts`).
 */
export type ConversationWrite =
  { kind: 'record'; messageId: string; change: RecordChange; marksRead: boolean } | { kind: 'steps'; run: (store: MessageStore) => Promise<void> } | null;

/**
 * Which part of a chat's messages to read, as a Relay connection asks (newest first):
 * `first` newest after `after` (older than it), or `last` oldest before `before` (newer than it).
 * Cursors are {@link MessageStore.page}'s own (`orderKey`s); exactly one of `first`/`last` is set.
 */
export interface MessageRange {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

/** A page of a chat's messages, newest first, each with its order key (the edge cursor). */
export interface MessageSlice {
  items: Array<{ key: string; record: StoredMessage }>;
  /** More messages are older than the last item. */
  hasOlder: boolean;
  /** More messages are newer than the first item. */
  hasNewer: boolean;
}

/** Message retention: messages older than `maxAgeMs` (by their timestamp) and beyond the newest `maxPerChat` of a chat are dropped. */
export interface MessageRetention {
  maxAgeMs: number;
  maxPerChat: number;
}

/** Default message retention: 30 days, at most 1,000 messages per chat. */
export const DEFAULT_MESSAGE_RETENTION: MessageRetention = { maxAgeMs: 30 * 24 * 3600_000, maxPerChat: 1_000 };

/** An order key (and page cursor) that is not one the store issues. */
export class InvalidMessageCursorError extends Error {
  constructor() {
    super('The cursor is not a cursor of this connection');
    this.name = 'InvalidMessageCursorError';
  }
}

/**
 * A message's place in its chat: `<timestamp, 15 digits>:<message id>`, so that the order
 * keys sort (as strings) by time, then by id for messages of the same millisecond.
 */
export function orderKey(timestamp: number, messageId: string): string {
  return `${String(Math.max(0, Math.min(Math.trunc(timestamp), 999_999_999_999_999))).padStart(15, '0')}:${messageId}`;
}

/** The page cursor of an order key (base64url, opaque to clients). */
export function encodeMessageCursor(key: string): string {
  return Buffer.from(`m:${key}`).toString('base64url');
}

/**
 * The order key of a page cursor.
 * @throws InvalidMessageCursorError when `cursor` is not one {@link encodeMessageCursor} issues
 */
export function decodeMessageCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^m:(\d{15}:.+)$/s.exec(text);
  if (!m || encodeMessageCursor(m[1]!) !== cursor) throw new InvalidMessageCursorError();
  return m[1]!;
}

/**
 * The message store (see the file comment). Every method throws when the backend is
 * unreachable (Redis down); nothing is half-written then.
 */
export interface MessageStore {
  /**
   * Reads, changes and writes one message's record atomically (another replica's change in
   * between makes `change` run again on the newer record). Keeps the chat's order and unread
   * count in step, and applies retention (a message older than `maxAgeMs` is not stored).
   * @returns the record as stored afterwards (null when there is none)
   */
  update(instanceId: string, messageId: string, change: RecordChange): Promise<StoredMessage | null>;
  /** One message's record, or null (never stored, or dropped by retention). */
  get(instanceId: string, messageId: string): Promise<StoredMessage | null>;
  /**
   * A page of a chat's messages, newest first (see {@link MessageRange}).
   * @throws InvalidMessageCursorError for a cursor the store did not issue
   */
  page(instanceId: string, chatId: string, range: MessageRange): Promise<MessageSlice>;
  /** How many inbound messages of the chat are unread (see {@link isUnread}) and retained. */
  unreadCount(instanceId: string, chatId: string): Promise<number>;
  /**
   * Marks every inbound message of the chat up to `timestamp` (epoch ms, inclusive) read, as
   * WhatsApp does when the account reads a message: earlier ones are read with it.
   */
  markReadUpTo(instanceId: string, chatId: string, timestamp: number): Promise<void>;
  /**
   * Records that the label `labelId` was put on (`assigned`) or taken off the chat `chatId`
   * (a provider's label-association webhook, or the graph's own `assignLabel`/`unassignLabel`):
   * providers that document no read of a chat's labels (Z-API) leave the graph as the only
   * place that knows them. Kept until taken off (no retention).
   */
  setChatLabel(instanceId: string, chatId: string, labelId: string, assigned: boolean): Promise<void>;
  /** The label ids on each of `chatIds` (same order; `[]` for a chat with none), sorted. */
  chatLabels(instanceId: string, chatIds: readonly string[]): Promise<string[][]>;
  /** The chat ids carrying the label `labelId`, sorted. */
  labelChats(instanceId: string, labelId: string): Promise<string[]>;
}
