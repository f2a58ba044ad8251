import type { Redis } from 'ioredis';
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
 * are removed, and their records deleted) in the same step.
 */

/**
 * CAS write. KEYS[1] record, KEYS[2] chat index, KEYS[3] unread set, KEYS[4] read watermark.
 * ARGV[1] the record as read ('' when absent), ARGV[2] new JSON, ARGV[3] TTL ms, ARGV[4] order
 * key, ARGV[5] '1' when unread, ARGV[6] the message timestamp, ARGV[7] age cutoff key, ARGV[8] maxPerChat,
 * ARGV[9] '1' for a stub (stored, not listed: nothing else is touched), ARGV[10] the retention age, ms
 * (the chat's keys expire that long after their last write).
 * returns {0} on conflict, else {1, order keys dropped by the cap...}
 */
const UPDATE_LUA = `
local cur = redis.call('GET', KEYS[1]) or ''
if cur ~= ARGV[1] then return {0} end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
if ARGV[9] == '1' then return {1} end
redis.call('ZADD', KEYS[2], 0, ARGV[4])
local wm = tonumber(redis.call('GET', KEYS[4]) or '0')
if ARGV[5] == '1' and tonumber(ARGV[6]) > wm then
  redis.call('ZADD', KEYS[3], 0, ARGV[4])
else
  redis.call('ZREM', KEYS[3], ARGV[4])
end
redis.call('ZREMRANGEBYLEX', KEYS[2], '-', '(' .. ARGV[7])
redis.call('ZREMRANGEBYLEX', KEYS[3], '-', '(' .. ARGV[7])
-- an idle chat's keys outlive its newest message by nothing more than the retention age
redis.call('PEXPIRE', KEYS[2], ARGV[10])
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[10]) end
if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[10]) end
local result = {1}
local n = redis.call('ZCARD', KEYS[2])
local cap = tonumber(ARGV[8])
if n > cap then
  local dropped = redis.call('ZRANGE', KEYS[2], 0, n - cap - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, n - cap - 1)
  for _, k in ipairs(dropped) do
    redis.call('ZREM', KEYS[3], k)
    result[#result + 1] = k
  end
end
return result
`;

/** Read watermark. KEYS[1] watermark, KEYS[2] unread set; ARGV[1] epoch ms, ARGV[2] the first order key after it, ARGV[3] the retention age, ms. */
const READ_UP_TO_LUA = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) end
redis.call('ZREMRANGEBYLEX', KEYS[2], '-', '(' .. ARGV[2])
return 1
`;

/** The client with this store's scripts. */
type MessageCommandClient = Redis & {
  wgMsgUpdate(record: string, index: string, unread: string, readUpTo: string, ...args: Array<string | number>): Promise<string[] | number[]>;
  wgMsgReadUpTo(readUpTo: string, unread: string, at: number, firstAfter: string, maxAgeMs: number): Promise<number>;
};

/** How many times `update` re-reads after losing a compare-and-set to another writer before giving up. */
const MAX_CAS_ATTEMPTS = 64;

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

  private cutoffKey(): string {
    return orderKey(Date.now() - this.retention.maxAgeMs, '');
  }

  async update(instanceId: string, messageId: string, change: RecordChange): Promise<StoredMessage | null> {
    const keys = messageKeys(this.prefix, instanceId);
    const recordKey = keys.record(messageId);
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const raw = (await this.client.get(recordKey)) ?? '';
      const current = raw ? (JSON.parse(raw) as StoredMessage) : null;
      const next = change(current === null ? null : structuredClone(current));
      if (!next) return current;
      const ttlMs = next.message.timestamp + this.retention.maxAgeMs - Date.now();
      if (ttlMs <= 0) return current;
      const key = orderKey(next.message.timestamp, messageId);
      const chatId = next.message.chatId;
      const result = (await this.client.wgMsgUpdate(
        recordKey,
        keys.chat(chatId),
        keys.unread(chatId),
        keys.readUpTo(chatId),
        raw,
        JSON.stringify(next),
        Math.ceil(ttlMs),
        key,
        isUnread(next) ? '1' : '0',
        next.message.timestamp,
        this.cutoffKey(),
        this.retention.maxPerChat,
        next.stub ? '1' : '0',
        this.retention.maxAgeMs,
      )) as Array<string | number>;
      if (Number(result[0]) !== 1) {
        // lost to another writer: back off a little (jittered) so a crowd of writers spreads out
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * (attempt + 1))));
        continue;
      }
      const dropped = result.slice(1).map((k) => keys.record(idOf(String(k))));
      if (dropped.length) await this.client.del(...dropped);
      return dropped.includes(recordKey) ? null : next;
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
