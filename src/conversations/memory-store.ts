import {
  DEFAULT_MESSAGE_RETENTION,
  decodeMessageCursor,
  isUnread,
  orderKey,
  type MessageRange,
  type MessageRetention,
  type MessageSlice,
  type MessageStore,
  type RecordChange,
  type StoredMessage,
} from './store.js';

/** How many writes the memory store takes between two sweeps of every chat. */
const SWEEP_EVERY = 1_000;

/**
 * One chat of the memory store: its order keys (ascending) and read watermark. The chat's keys
 * are `keys[start..]`: the cap and the age limit drop the oldest by moving `start` (O(1) per
 * write to a full chat, where `Array.shift`/`splice(0, n)` moved all 1,000), and the dropped
 * prefix is cut off once it is as long as what is kept.
 */
interface MemoryChat {
  /** Order keys, ascending (oldest first), from `start` on; before `start`, dropped ones not yet cut off. */
  keys: string[];
  /** Index in `keys` of the chat's oldest key. */
  start: number;
  /** key → message id */
  ids: Map<string, string>;
  /** Inbound messages up to this timestamp (epoch ms) are read. */
  readUpTo: number;
}

/** One instance's messages. */
interface MemoryInstance {
  /** message id → record. Records are values: a change builds a new one (`RecordChange` is pure) and nobody mutates one, so they are shared, never cloned. */
  records: Map<string, StoredMessage>;
  chats: Map<string, MemoryChat>;
}

/** Index of the first key in ascending `keys[from..]` that is greater than `key` (strictly), by binary search. */
function upperBound(keys: string[], key: string, from: number): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first key in ascending `keys[from..]` that is greater than or equal to `key`. */
function lowerBound(keys: string[], key: string, from: number): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The in-memory {@link MessageStore} (one replica). Same semantics as the Redis one. Records
 * are immutable values: `update` hands the stored record to a pure change and keeps the new one,
 * and readers get the stored objects themselves (no copies; callers must not mutate them).
 */
export class MemoryMessageStore implements MessageStore {
  private readonly instances = new Map<string, MemoryInstance>();
  /** Writes since the last sweep of every chat (see {@link MemoryMessageStore.sweep}). */
  private writes = 0;
  /** The order key below which messages are past the retention age, and the millisecond it was computed for (one per ms, not one per write). */
  private cutoff = '';
  private cutoffAt = Number.NaN;

  constructor(private readonly retention: MessageRetention = DEFAULT_MESSAGE_RETENTION) {}

  private instance(instanceId: string): MemoryInstance {
    let inst = this.instances.get(instanceId);
    if (!inst) {
      inst = { records: new Map(), chats: new Map() };
      this.instances.set(instanceId, inst);
    }
    return inst;
  }

  private chat(inst: MemoryInstance, chatId: string): MemoryChat {
    let chat = inst.chats.get(chatId);
    if (!chat) {
      chat = { keys: [], start: 0, ids: new Map(), readUpTo: 0 };
      inst.chats.set(chatId, chat);
    }
    return chat;
  }

  /** The order key of the retention age's limit now: keys below it are too old. */
  private cutoffKey(): string {
    const now = Date.now();
    if (now !== this.cutoffAt) {
      this.cutoffAt = now;
      this.cutoff = orderKey(now - this.retention.maxAgeMs, '');
    }
    return this.cutoff;
  }

  /** Drops the chat's messages older than the retention age and beyond its cap. */
  private trim(inst: MemoryInstance, chat: MemoryChat): void {
    const { keys, start } = chat;
    let end = Math.max(start, keys.length - this.retention.maxPerChat);
    const cutoff = this.cutoffKey();
    if (start < keys.length && keys[start]! < cutoff) end = Math.max(end, lowerBound(keys, cutoff, start));
    if (end === start) return;
    for (let i = start; i < end; i++) {
      const key = keys[i]!;
      const id = chat.ids.get(key);
      chat.ids.delete(key);
      if (id !== undefined) inst.records.delete(id);
    }
    chat.start = end;
    // cut the dropped prefix off once it is as long as what is kept (each key moves O(1) times)
    if (end === keys.length) {
      keys.length = 0;
      chat.start = 0;
    } else if (end * 2 >= keys.length) {
      keys.splice(0, end);
      chat.start = 0;
    }
  }

  /** Every {@link SWEEP_EVERY} writes: trims every chat, drops empty chats and expired stubs, so idle chats do not keep memory forever. */
  private sweep(): void {
    if (++this.writes % SWEEP_EVERY !== 0) return;
    for (const inst of this.instances.values()) {
      for (const [chatId, chat] of inst.chats) {
        this.trim(inst, chat);
        if (chat.keys.length === chat.start && chat.readUpTo < Date.now() - this.retention.maxAgeMs) inst.chats.delete(chatId);
      }
      for (const [id, record] of inst.records) if (record.stub && this.expired(record)) inst.records.delete(id);
    }
  }

  private expired(record: StoredMessage): boolean {
    return record.message.timestamp < Date.now() - this.retention.maxAgeMs;
  }

  async update(instanceId: string, messageId: string, change: RecordChange): Promise<StoredMessage | null> {
    const inst = this.instance(instanceId);
    const stored = inst.records.get(messageId);
    const current = stored && !this.expired(stored) ? stored : null;
    const next = change(current);
    if (!next) return current;
    this.sweep();
    if (this.expired(next)) return current;
    inst.records.set(messageId, next);
    if (next.stub) return next;
    const chat = this.chat(inst, next.message.chatId);
    const key = orderKey(next.message.timestamp, messageId);
    if (!chat.ids.has(key)) {
      const at = upperBound(chat.keys, key, chat.start);
      if (at === chat.keys.length) chat.keys.push(key);
      else chat.keys.splice(at, 0, key);
      chat.ids.set(key, messageId);
    }
    this.trim(inst, chat);
    return inst.records.has(messageId) ? next : null;
  }

  async get(instanceId: string, messageId: string): Promise<StoredMessage | null> {
    const record = this.instances.get(instanceId)?.records.get(messageId);
    return record && !this.expired(record) ? record : null;
  }

  async page(instanceId: string, chatId: string, range: MessageRange): Promise<MessageSlice> {
    const after = range.after ? decodeMessageCursor(range.after) : null;
    const before = range.before ? decodeMessageCursor(range.before) : null;
    const inst = this.instances.get(instanceId);
    const chat = inst?.chats.get(chatId);
    if (!inst || !chat) return { items: [], hasOlder: false, hasNewer: false };
    this.trim(inst, chat);
    // newest first: `after` is older than the cursor (lower keys), `before` newer (higher keys)
    let hi = after === null ? chat.keys.length : lowerBound(chat.keys, after, chat.start);
    let lo = before === null ? chat.start : upperBound(chat.keys, before, chat.start);
    const bounded = { lo, hi };
    if (range.first !== undefined) lo = Math.max(lo, hi - range.first);
    else if (range.last !== undefined) hi = Math.min(hi, lo + range.last);
    const keys = hi > lo ? chat.keys.slice(lo, hi).reverse() : [];
    return {
      items: keys.map((key) => ({ key, record: inst.records.get(chat.ids.get(key)!)! })),
      hasOlder: range.first !== undefined ? lo > bounded.lo : lo > chat.start,
      hasNewer: range.last !== undefined ? hi < bounded.hi : hi < chat.keys.length,
    };
  }

  async unreadCount(instanceId: string, chatId: string): Promise<number> {
    const inst = this.instances.get(instanceId);
    const chat = inst?.chats.get(chatId);
    if (!inst || !chat) return 0;
    this.trim(inst, chat);
    let n = 0;
    for (const [, id] of chat.ids) {
      const record = inst.records.get(id)!;
      if (isUnread(record) && record.message.timestamp > chat.readUpTo) n++;
    }
    return n;
  }

  async markReadUpTo(instanceId: string, chatId: string, timestamp: number): Promise<void> {
    const chat = this.chat(this.instance(instanceId), chatId);
    chat.readUpTo = Math.max(chat.readUpTo, timestamp);
  }

  /** instance → chat id → label ids */
  private readonly labels = new Map<string, Map<string, Set<string>>>();

  async setChatLabel(instanceId: string, chatId: string, labelId: string, assigned: boolean): Promise<void> {
    let chats = this.labels.get(instanceId);
    if (!chats) this.labels.set(instanceId, (chats = new Map<string, Set<string>>()));
    const set = chats.get(chatId) ?? new Set<string>();
    if (assigned) set.add(labelId);
    else set.delete(labelId);
    if (set.size) chats.set(chatId, set);
    else chats.delete(chatId);
  }

  async chatLabels(instanceId: string, chatIds: readonly string[]): Promise<string[][]> {
    const chats = this.labels.get(instanceId);
    return chatIds.map((id) => [...(chats?.get(id) ?? [])].sort());
  }

  async labelChats(instanceId: string, labelId: string): Promise<string[]> {
    const out: string[] = [];
    for (const [chatId, set] of this.labels.get(instanceId) ?? []) if (set.has(labelId)) out.push(chatId);
    return out.sort();
  }
}
