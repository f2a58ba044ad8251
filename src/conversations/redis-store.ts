import type { Redis } from 'ioredis';
import { marksChatRead } from './apply.js';
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

/**
 * The Redis {@link MessageStore}: what lets every replica read the same conversations.
 *
 * Keys (under the stores' `keyPrefix` P; every key of instance I carries its Redis Cluster
 * hash tag `{I}`, so each script and MGET touches keys of one slot):
 * - `P:{I}:msg:ID`         message ID's record, JSON ({@link StoredMessage}); expires (PX) when
 *                          the message leaves the retention age (its timestamp + `maxAgeMs`)
 * - `P:{I}:chat:C`         chat C's messages: sorted set, every score 0, members the order keys
 *                          `<timestamp 15 digits>:<id>` (so ZRANGEBYLEX orders by time, then id)
 * - `P:{I}:unread:C`       the order keys of chat C's unread inbound messages (same shape)
 * - `P:{I}:readupto:C`     epoch ms up to which chat C's inbound messages are read
 * - `P:{I}:labels:C`       set of the label ids on chat C; `P:{I}:labelchats:L` set of the
 *                          chat ids carrying label L (both kept until the label comes off)
 * The three chat keys expire `maxAgeMs` after their last write (an idle chat's newest message
 * is gone by then too).
 *
 * Writes are compare-and-set: `update` reads the record, runs the change in TypeScript (the
 * same code as the memory store, `apply.ts`), then a script writes it only if the record is
 * still what was read (else it reads again), and keeps the chat index, the unread set and the
 * retention (age: `ZREMRANGEBYLEX` below the cutoff key; cap: the oldest beyond `maxPerChat`
 * are removed, and their records deleted) in the same step. The stores' ingest runs the same
 * write ({@link MESSAGE_WRITE_LUA}, {@link RedisMessageStore.prepareWrite}) inside the script
 * that stores the event, guessing the record absent first (a new message) and, when it was
 * not, retrying with the record the script answered: one round trip for a new message.
 */

/**
 * The store's writes as Lua functions, shared by its own scripts and by the stores' one-round-trip
 * ingest (`subscriptions/redis-stores.ts`), which runs them in the same script as the event's
 * append.
 *
 * `wgMsgWrite(rk, ck, uk, wk, json, ttl, okey, unread, ts, cutoff, cap, stub, maxAge, recPrefix)`
 * writes a record: `rk` record, `ck` chat index, `uk` unread set, `wk` read watermark; `json` the
 * new record, `ttl` ms, `okey` its order key, `unread` '1' when unread, `ts` the message timestamp,
 * `cutoff` the age cutoff order key, `cap` maxPerChat, `stub` '1' for a stub (stored, not
 * listed: nothing else is touched), `maxAge` the retention age in ms (the chat's keys expire that
 * long after their last write), `recPrefix` the record keys' prefix `P:{I}:msg:` (records the cap
 * drops are deleted here: keys not passed in KEYS, but of the same hash tag, so of the same Cluster
 * slot). Returns true when the cap dropped this very record.
 *
 * `wgMsgReadUpTo(wk, uk, at, firstAfter, maxAge)` raises the read watermark `wk` to `at` (epoch
 * ms) and drops from the unread set `uk` every order key below `firstAfter`.
 */
export const MESSAGE_WRITE_LUA = `
local function wgMsgWrite(rk, ck, uk, wk, json, ttl, okey, unread, ts, cutoff, cap, stub, maxAge, recPrefix)
  redis.call('SET', rk, json, 'PX', ttl)
  if stub == '1' then return false end
  redis.call('ZADD', ck, 0, okey)
  local wm = tonumber(redis.call('GET', wk) or '0')
  if unread == '1' and tonumber(ts) > wm then
    redis.call('ZADD', uk, 0, okey)
  else
    redis.call('ZREM', uk, okey)
  end
  redis.call('ZREMRANGEBYLEX', ck, '-', '(' .. cutoff)
  redis.call('ZREMRANGEBYLEX', uk, '-', '(' .. cutoff)
  -- an idle chat's keys outlive its newest message by nothing more than the retention age
  redis.call('PEXPIRE', ck, maxAge)
  if redis.call('EXISTS', uk) == 1 then redis.call('PEXPIRE', uk, maxAge) end
  if redis.call('EXISTS', wk) == 1 then redis.call('PEXPIRE', wk, maxAge) end
  local selfDropped = false
  local n = redis.call('ZCARD', ck)
  local c = tonumber(cap)
  if n > c then
    local dropped = redis.call('ZRANGE', ck, 0, n - c - 1)
    redis.call('ZREMRANGEBYRANK', ck, 0, n - c - 1)
    for _, k in ipairs(dropped) do
      redis.call('ZREM', uk, k)
      local dk = recPrefix .. string.sub(k, 17)
      redis.call('DEL', dk)
      if dk == rk then selfDropped = true end
    end
  end
  return selfDropped
end

local function wgMsgReadUpTo(wk, uk, at, firstAfter, maxAge)
  local cur = tonumber(redis.call('GET', wk) or '0')
  if tonumber(at) > cur then redis.call('SET', wk, at, 'PX', maxAge) end
  redis.call('ZREMRANGEBYLEX', uk, '-', '(' .. firstAfter)
end
`;

/**
 * CAS write. KEYS[1] record, KEYS[2] chat index, KEYS[3] unread set, KEYS[4] read watermark.
 * ARGV[1] the record as read ('' when absent), ARGV[2..11] `wgMsgWrite`'s arguments from `json`
 * on (see {@link MESSAGE_WRITE_LUA}).
 * returns {0} on conflict, else {1, 1 when the cap dropped this record else 0}
 */
const UPDATE_LUA = `${MESSAGE_WRITE_LUA}
local cur = redis.call('GET', KEYS[1]) or ''
if cur ~= ARGV[1] then return {0} end
local selfDropped = wgMsgWrite(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11])
if selfDropped then return {1, 1} end
return {1, 0}
`;

/** Read watermark. KEYS[1] watermark, KEYS[2] unread set; ARGV[1] epoch ms, ARGV[2] the first order key after it, ARGV[3] the retention age, ms. */
const READ_UP_TO_LUA = `${MESSAGE_WRITE_LUA}
wgMsgReadUpTo(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3])
return 1
`;

/**
 * One record write prepared for a script ({@link RedisMessageStore.prepareWrite}): its keys, its
 * arguments, and the record as it will be stored if the record is still `expected`.
 */
export interface PreparedMessageWrite {
  /** Record, chat index, unread set, read watermark (all of the instance's hash tag). */
  keys: [string, string, string, string];
  /**
   * The script arguments: mode (`w` write, `c` only check that the record is still `expected`),
   * the expected raw record ('' when absent), then `wgMsgWrite`'s `json` … `recPrefix` (in mode
   * `c` zeros but `maxAge`, which the read-up-to uses too), then the read-up-to time ('' for none)
   * and its first order key after.
   */
  args: Array<string | number>;
  /** The record as stored afterwards (the current one when nothing is written; null when none). */
  stored: StoredMessage | null;
  /** The same as raw JSON ('' when none): what {@link RedisMessageStore.remember} keeps once the write went through. */
  storedRaw: string;
}

/** How many records {@link RedisMessageStore} remembers as its first guess of a record, and the largest it keeps (characters of JSON). */
export const RECENT_RECORDS = { max: 2_000, maxChars: 8_192 };

/** The client with this store's scripts. */
type MessageCommandClient = Redis & {
  wgMsgUpdate(record: string, index: string, unread: string, readUpTo: string, ...args: Array<string | number>): Promise<string[] | number[]>;
  wgMsgReadUpTo(readUpTo: string, unread: string, at: number, firstAfter: string, maxAgeMs: number): Promise<number>;
};

/** How many times `update` (and the stores' ingest) re-reads after losing a compare-and-set to another writer before giving up. */
export const MAX_CAS_ATTEMPTS = 64;

/** Waits a little (jittered, growing with `attempt`) after losing a compare-and-set, so a crowd of writers spreads out. */
export function casBackoff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * (attempt + 1))));
}

/** The keys of instance `instanceId` under `prefix` (see the file comment), all tagged `{instanceId}`. */
export function messageKeys(
  prefix: string,
  instanceId: string,
): {
  record(id: string): string;
  chat(chatId: string): string;
  unread(chatId: string): string;
  readUpTo(chatId: string): string;
  labels(chatId: string): string;
  labelChats(labelId: string): string;
} {
  const base = `${prefix}:{${instanceId}}`;
  return {
    record: (id) => `${base}:msg:${id}`,
    chat: (chatId) => `${base}:chat:${chatId}`,
    unread: (chatId) => `${base}:unread:${chatId}`,
    readUpTo: (chatId) => `${base}:readupto:${chatId}`,
    labels: (chatId) => `${base}:labels:${chatId}`,
    labelChats: (labelId) => `${base}:labelchats:${labelId}`,
  };
}

/** The message id of an order key (`<15 digits>:<id>`). */
function idOf(key: string): string {
  return key.slice(16);
}

/** See the file comment. Uses the stores' command connection (no offline queue: a command fails fast when Redis is down). */
export class RedisMessageStore implements MessageStore {
  private readonly client: MessageCommandClient;

  constructor(
    client: Redis,
    private readonly prefix: string,
    private readonly retention: MessageRetention = DEFAULT_MESSAGE_RETENTION,
  ) {
    client.defineCommand('wgMsgUpdate', { numberOfKeys: 4, lua: UPDATE_LUA });
    client.defineCommand('wgMsgReadUpTo', { numberOfKeys: 2, lua: READ_UP_TO_LUA });
    this.client = client as MessageCommandClient;
  }

  /**
   * Records as this process last wrote or saw them, by record key, newest last (at most
   * {@link RECENT_RECORDS}): the first guess of the ingest's compare-and-set, so that a status or
   * an edit of a message this replica wrote (a send, a received message) costs one round trip.
   * Only a guess: the script compares it with the record in Redis, and answers that one when they differ.
   */
  private readonly recent = new Map<string, string>();

  /** The record of message `messageId` as this process last wrote or saw it ('' when it knows none): a guess to give {@link prepareWrite}. */
  guess(instanceId: string, messageId: string): string {
    return this.recent.get(messageKeys(this.prefix, instanceId).record(messageId)) ?? '';
  }

  /** Remembers `raw` ('' for none) as message `messageId`'s record, seen in Redis just now (see {@link guess}). */
  remember(instanceId: string, messageId: string, raw: string): void {
    const key = messageKeys(this.prefix, instanceId).record(messageId);
    this.recent.delete(key);
    if (raw === '' || raw.length > RECENT_RECORDS.maxChars) return;
    this.recent.set(key, raw);
    if (this.recent.size > RECENT_RECORDS.max) this.recent.delete(this.recent.keys().next().value as string);
  }

  private cutoffKey(): string {
    return orderKey(Date.now() - this.retention.maxAgeMs, '');
  }

  /**
   * Prepares the write of `change` to message `messageId` against `raw`, the record as last read
   * ('' when absent): what a script must check and write (see {@link PreparedMessageWrite}). When
   * `marksRead` and the record as stored afterwards is a real inbound message, the write also marks
   * its chat read up to it. Pure: nothing is read or written.
   */
  prepareWrite(instanceId: string, messageId: string, change: RecordChange, raw: string, marksRead: boolean): PreparedMessageWrite {
    const keys = messageKeys(this.prefix, instanceId);
    const recordKey = keys.record(messageId);
    const current = raw ? (JSON.parse(raw) as StoredMessage) : null;
    const next = change(current === null ? null : structuredClone(current));
    const ttlMs = next ? next.message.timestamp + this.retention.maxAgeMs - Date.now() : 0;
    const stored = next && ttlMs > 0 ? next : current;
    const chatKeys = (chatId: string): [string, string, string, string] => [recordKey, keys.chat(chatId), keys.unread(chatId), keys.readUpTo(chatId)];
    const readUpTo: Array<string | number> =
      marksRead && marksChatRead(stored) ? [Math.trunc(stored.message.timestamp), orderKey(Math.trunc(stored.message.timestamp) + 1, '')] : ['', ''];
    if (!next || ttlMs <= 0) {
      return {
        keys: stored ? chatKeys(stored.message.chatId) : [recordKey, recordKey, recordKey, recordKey],
        args: ['c', raw, 0, 0, 0, 0, 0, 0, 0, 0, this.retention.maxAgeMs, 0, ...readUpTo],
        stored,
        storedRaw: raw,
      };
    }
    const json = JSON.stringify(next);
    return {
      keys: chatKeys(next.message.chatId),
      args: [
        'w',
        raw,
        json,
        Math.ceil(ttlMs),
        orderKey(next.message.timestamp, messageId),
        isUnread(next) ? '1' : '0',
        next.message.timestamp,
        this.cutoffKey(),
        this.retention.maxPerChat,
        next.stub ? '1' : '0',
        this.retention.maxAgeMs,
        keys.record(''),
        ...readUpTo,
      ],
      stored,
      storedRaw: json,
    };
  }

  async update(instanceId: string, messageId: string, change: RecordChange): Promise<StoredMessage | null> {
    const recordKey = messageKeys(this.prefix, instanceId).record(messageId);
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const raw = (await this.client.get(recordKey)) ?? '';
      const prepared = this.prepareWrite(instanceId, messageId, change, raw, false);
      if (prepared.args[0] !== 'w') return prepared.stored;
      const result = (await this.client.wgMsgUpdate(...prepared.keys, ...prepared.args.slice(1, 12))) as Array<string | number>;
      if (Number(result[0]) !== 1) {
        // lost to another writer: back off a little (jittered) so a crowd of writers spreads out
        await casBackoff(attempt);
        continue;
      }
      const dropped = Number(result[1]) === 1;
      this.remember(instanceId, messageId, dropped ? '' : prepared.storedRaw);
      return dropped ? null : prepared.stored;
    }
    throw new Error(`message ${messageId}: too many concurrent writers`);
  }

  async get(instanceId: string, messageId: string): Promise<StoredMessage | null> {
    const raw = await this.client.get(messageKeys(this.prefix, instanceId).record(messageId));
    return raw ? (JSON.parse(raw) as StoredMessage) : null;
  }

  async page(instanceId: string, chatId: string, range: MessageRange): Promise<MessageSlice> {
    const after = range.after ? decodeMessageCursor(range.after) : null;
    const before = range.before ? decodeMessageCursor(range.before) : null;
    const keys = messageKeys(this.prefix, instanceId);
    const index = keys.chat(chatId);
    await this.client.zremrangebylex(index, '-', `(${this.cutoffKey()}`);
    // newest first: `after` bounds from above (older than it), `before` from below (newer than it)
    const max = after === null ? '+' : `(${after}`;
    const min = before === null ? '-' : `(${before}`;
    let members: string[];
    let hasOlder: boolean;
    let hasNewer: boolean;
    if (range.first !== undefined) {
      members = await this.client.zrevrangebylex(index, max, min, 'LIMIT', 0, range.first + 1);
      hasOlder = members.length > range.first;
      members = members.slice(0, range.first);
      hasNewer = after !== null && (await this.client.zrangebylex(index, `[${after}`, '+', 'LIMIT', 0, 1)).length > 0;
    } else {
      const last = range.last ?? 0;
      members = await this.client.zrangebylex(index, min, max, 'LIMIT', 0, last + 1);
      hasNewer = members.length > last;
      members = members.slice(0, last).reverse();
      hasOlder = before !== null && (await this.client.zrevrangebylex(index, `[${before}`, '-', 'LIMIT', 0, 1)).length > 0;
    }
    if (!members.length) return { items: [], hasOlder, hasNewer };
    const raws = await this.client.mget(...members.map((m) => keys.record(idOf(m))));
    const items: MessageSlice['items'] = [];
    members.forEach((key, i) => {
      const raw = raws[i];
      if (raw) items.push({ key, record: JSON.parse(raw) as StoredMessage });
    });
    return { items, hasOlder, hasNewer };
  }

  async unreadCount(instanceId: string, chatId: string): Promise<number> {
    const unread = messageKeys(this.prefix, instanceId).unread(chatId);
    await this.client.zremrangebylex(unread, '-', `(${this.cutoffKey()}`);
    return this.client.zcard(unread);
  }

  async markReadUpTo(instanceId: string, chatId: string, timestamp: number): Promise<void> {
    const keys = messageKeys(this.prefix, instanceId);
    await this.client.wgMsgReadUpTo(keys.readUpTo(chatId), keys.unread(chatId), Math.trunc(timestamp), orderKey(Math.trunc(timestamp) + 1, ''), this.retention.maxAgeMs);
  }

  async setChatLabel(instanceId: string, chatId: string, labelId: string, assigned: boolean): Promise<void> {
    const keys = messageKeys(this.prefix, instanceId);
    const tx = this.client.multi();
    if (assigned) tx.sadd(keys.labels(chatId), labelId).sadd(keys.labelChats(labelId), chatId);
    else tx.srem(keys.labels(chatId), labelId).srem(keys.labelChats(labelId), chatId);
    const results = await tx.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('label change not applied');
  }

  async chatLabels(instanceId: string, chatIds: readonly string[]): Promise<string[][]> {
    if (chatIds.length === 0) return [];
    const keys = messageKeys(this.prefix, instanceId);
    const pipe = this.client.pipeline();
    for (const id of chatIds) pipe.smembers(keys.labels(id));
    const results = (await pipe.exec()) ?? [];
    return chatIds.map((_, i) => {
      const [err, members] = results[i] ?? [new Error('no answer'), null];
      if (err) throw err;
      return [...(members as string[])].sort();
    });
  }

  async labelChats(instanceId: string, labelId: string): Promise<string[]> {
    return (await this.client.smembers(messageKeys(this.prefix, instanceId).labelChats(labelId))).sort();
  }
}
