import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { MAX_CAS_ATTEMPTS, MESSAGE_WRITE_LUA, RedisMessageStore, casBackoff } from '../conversations/redis-store.js';
import type { MessageRetention } from '../conversations/store.js';
import type { Logger } from '../logger.js';
import type { DomainEvent } from '../providers/model.js';
import type { TrackingStore } from '../providers/contract.js';
import {
  ANONYMOUS_OWNER,
  CursorExpiredError,
  DEFAULT_RETENTION,
  InvalidCursorError,
  ingestInSteps,
  type BusInterruptListener,
  type BusListener,
  type ClaimState,
  type DedupeStore,
  type EventBus,
  type EventLog,
  type IdempotencyState,
  type IdempotencyStore,
  type IngestOutcome,
  type IngestRequest,
  type RetentionOptions,
  type StatusStore,
  type Stores,
  keepLastOrder,
} from './stores.js';

/**
 * Redis implementations of the store interfaces (`stores.ts`): what lets any number of
 * replicas share subscriptions, the event log, webhook dedupe, idempotency keys and status
 * high-water marks. Same semantics as `memory-stores.ts`; both pass the suite in
 * `test/integration/stores.test.ts`.
 *
 * Keys (all under `keyPrefix`, so deployments and test runs never collide). Every key of one
 * instance carries the instance id as its Redis Cluster hash tag `{instanceId}`, so all of
 * them hash to one slot and every multi-key script touches keys of one slot (DESIGN.md). The
 * dedupe, idempotency and status stores get opaque keys whose first `:`-separated segment is
 * the instance id by their callers' convention (`<instanceId>:…`); that segment is the tag
 * (a key without `:` is its own tag):
 * - `P:bus:T`                          pub/sub channel of bus topic `T` (a channel, not a key: no slot)
 * - `P:{I}:events`                     instance `I`'s event log, a Redis Stream (field `e`: event JSON without its cursor)
 * - `P:{I}:events:trimmed`             the highest stream id retention dropped (see {@link RedisEventLog})
 * - `P:{I}:epoch`                      the log's epoch: `<12 hex digits> <ms of its first entry>`, created with `SET NX`
 * - `P:{I}:dedupe:REST`                dedupe key `I:REST`: `lease:<owner>` | `done`
 * - `P:{I}:idem:REST`                  idempotency key `I:REST`: `L<owner>` (lease) | `D<result>`
 * - `P:{I}:tracking`                  messages of `I` awaiting a delivery report: sorted set, member id, score its expiry (ms, Redis clock)
 * - `P:{I}:tracking:records`          their records: hash, id → record (written and dropped with the sorted set, in one script)
 * - `P:{I}:tracking:leader`           the delivery-report poller's leader lease: the owner token, `PX` its lease
 * - `P:{I}:status:REST`                status key `I:REST`: `<rank> <eventId>` of the highest status seen
 * - `P:{I}:msg:…`, `P:{I}:chat:…`, `P:{I}:unread:…`, `P:{I}:readupto:…`  the conversations (see `conversations/redis-store.ts`)
 *
 * (Keys before hash tags were `P:events:I`, `P:dedupe:I:REST`, …: an upgraded deployment
 * starts new logs, and resumed cursors answer RESYNC_REQUIRED, see {@link RedisEventLog}.)
 */

/**
 * The Redis key of store key `key` of kind `kind` (`dedupe`, `idem`, `status`) under `prefix`:
 * `prefix:{tag}:kind:rest` where `tag` is the part of `key` before its first `:` (the instance
 * id) and `rest` what follows; `prefix:{key}:kind` when `key` has no `:`. Injective.
 */
export function taggedKey(prefix: string, kind: string, key: string): string {
  const colon = key.indexOf(':');
  if (colon < 0) return `${prefix}:{${key}}:${kind}`;
  return `${prefix}:{${key.slice(0, colon)}}:${kind}:${key.slice(colon + 1)}`;
}

/** The keys of instance `instanceId`'s event log under `prefix`: stream, trimmed watermark and epoch, all tagged `{instanceId}`. */
export function eventLogKeys(prefix: string, instanceId: string): { stream: string; trimmed: string; epoch: string } {
  const base = `${prefix}:{${instanceId}}`;
  return { stream: `${base}:events`, trimmed: `${base}:events:trimmed`, epoch: `${base}:epoch` };
}

/** Options of {@link createRedisStores}. */
export interface RedisStoresOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`). Never logged. */
  url: string;
  /** Prefix of every key and channel; default `whatsgraph`. */
  keyPrefix?: string;
  /** Event log retention; default {@link DEFAULT_RETENTION}. */
  retention?: RetentionOptions;
  /** Conversation retention (the message store's); default `DEFAULT_MESSAGE_RETENTION` (30 days, 1,000 per chat). */
  messageRetention?: MessageRetention;
  /** Where connection errors are logged (constant message, error code only). */
  logger?: Logger;
  /** A command that gets no answer within this many ms rejects (Redis stalled or unreachable); default 2,000. */
  commandTimeoutMs?: number;
  /** Upper bound of the reconnect backoff in ms; default 1,000. */
  maxReconnectDelayMs?: number;
  /** How long {@link createRedisStores} waits for both connections to be ready, in ms; default 5,000. */
  connectTimeoutMs?: number;
}

/** Thrown by {@link createRedisStores} when Redis is not ready in time (the URL is deliberately not in the message: it may hold a password). */
export class RedisUnavailableError extends Error {
  constructor(detail: string) {
    super(`Redis is not reachable (${detail})`);
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Reconnect delay in ms for the `attempt`-th try: doubling from 50 ms, capped at `capMs`.
 * (type-graphql's redis example writes `Math.max(times * 50, 2000)`, which never backs off
 * below 2 s and grows without bound; `Math.min` is what a capped backoff means.)
 */
export function reconnectDelayMs(attempt: number, capMs: number): number {
  return Math.min(50 * 2 ** Math.min(Math.max(attempt - 1, 0), 16), capMs);
}

// ---------------------------------------------------------------------------------------
// Lua scripts. Each runs atomically on the Redis server.
// ---------------------------------------------------------------------------------------

/**
 * Append: XADD, retention trims (recording the highest dropped id), then PUBLISH of the event
 * JSON with its cursor spliced in, all in one script so that live order equals log order
 * across replicas (Redis runs one script at a time).
 *
 * Why not `XADD … MAXLEN ~ n`: Redis 7.0 does not record what a trim dropped (XINFO's
 * `max-deleted-entry-id` only follows XDEL), and `~` drops whole radix nodes whose last id is
 * then unknown, so `readAfter` could not tell an expired cursor from a current one. Instead the
 * length trim runs in batches (`batch` entries past `maxLength`, amortised O(1) per append,
 * the same slack `~` gives) via `XTRIM MINID` at a known id, and the age trim finds the last
 * id below the age limit with one XREVRANGE before trimming.
 *
 * The epoch key is created here (`SET NX`) when missing: a new log, or one Redis lost; its
 * value is `<newEpoch> <ms of the new entry's id>`.
 *
 * As a Lua function (shared by {@link APPEND_LUA} and {@link INGEST_LUA}):
 * `wgAppend(stream, trimmed, epochKey, json, channel, maxLength, maxAgeMs, batch, newEpoch)`:
 * stream, trimmed watermark and epoch keys (one hash tag); the event JSON (an object, without
 * `cursor`, serialised once: stored as is and published with the cursor spliced in); the channel;
 * retention; a fresh epoch id (used only when the epoch key is missing). Returns the cursor,
 * `<epoch>.<entry id>`.
 */
const APPEND_FUNCTION_LUA = `
local function wgAppend(stream, trimmed, epochKey, json, channel, maxLength, maxAgeMs, batchSize, newEpoch)
  local id = redis.call('XADD', stream, '*', 'e', json)
  local idMs = string.sub(id, 1, string.find(id, '-', 1, true) - 1)
  redis.call('SET', epochKey, newEpoch .. ' ' .. idMs, 'NX')
  local epochValue = redis.call('GET', epochKey)
  local cursor = string.sub(epochValue, 1, string.find(epochValue, ' ', 1, true) - 1) .. '.' .. id
  local maxLen = tonumber(maxLength)
  local batch = tonumber(batchSize)
  local len = redis.call('XLEN', stream)
  if len >= maxLen + batch then
    local drop = len - maxLen
    local head = redis.call('XRANGE', stream, '-', '+', 'COUNT', drop + 1)
    redis.call('SET', trimmed, head[drop][1])
    redis.call('XTRIM', stream, 'MINID', head[drop + 1][1])
  end
  local minMs = tonumber(idMs) - tonumber(maxAgeMs)
  if minMs > 0 then
    local minId = string.format('%d-0', minMs)
    local first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)
    if first[1] then
      local fid = first[1][1]
      local fdash = string.find(fid, '-', 1, true)
      if tonumber(string.sub(fid, 1, fdash - 1)) < minMs then
        local last = redis.call('XREVRANGE', stream, '(' .. minId, '-', 'COUNT', 1)
        redis.call('SET', trimmed, last[1][1])
        redis.call('XTRIM', stream, 'MINID', minId)
      end
    end
  end
  redis.call('PUBLISH', channel, '{"cursor":"' .. cursor .. '",' .. string.sub(json, 2))
  return cursor
end
`;
/** Append alone: KEYS[1..3] and ARGV[1..6] are `wgAppend`'s arguments in order (see {@link APPEND_FUNCTION_LUA}). */
const APPEND_LUA = `${APPEND_FUNCTION_LUA}
return wgAppend(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
`;

/**
 * Ingest: one event stored whole in one script, so one round trip (`RedisEventIngest`): the
 * dedupe check, the status high-water mark, the conversation write (`MESSAGE_WRITE_LUA` of
 * `conversations/redis-store.ts`, a compare-and-set), the append and publish (as {@link APPEND_LUA})
 * and the done mark. Every check runs before any write, so an answer other than `published` or
 * `stale-status` has written nothing.
 *
 * KEYS[1] dedupe, KEYS[2] stream, KEYS[3] trimmed watermark, KEYS[4] epoch, KEYS[5] status mark,
 * KEYS[6] record, KEYS[7] chat index, KEYS[8] unread set, KEYS[9] read watermark (all of the
 * instance's hash tag; a part not used gets the dedupe key, never touched).
 * ARGV[1] done mark ttl ms; ARGV[2..7] the append's: event JSON (an object, without `cursor`),
 * channel, maxLength, maxAgeMs, batch, fresh epoch id; ARGV[8] status rank ('' for none), ARGV[9]
 * the event id, ARGV[10] the mark's ttl ms; ARGV[11] the conversation write's mode ('' none, `w`
 * write, `c` only check the record), ARGV[12] the record expected ('' absent), ARGV[13..22]
 * `wgMsgWrite`'s `json` … `recPrefix`, ARGV[23] read-up-to epoch ms ('' none), ARGV[24] the first
 * order key after it.
 * returns {'duplicate'} | {'busy'} | {'stale-status'} | {'conflict', the record as it is} | {'published', cursor}
 */
const INGEST_LUA = `${APPEND_FUNCTION_LUA}${MESSAGE_WRITE_LUA}
local d = redis.call('GET', KEYS[1])
if d == 'done' then return {'duplicate'} end
if d then return {'busy'} end
local setStatus = false
if ARGV[8] ~= '' then
  local stored = redis.call('GET', KEYS[5])
  local rank = tonumber(ARGV[8])
  setStatus = true
  if stored then
    local space = string.find(stored, ' ', 1, true)
    local cur = tonumber(string.sub(stored, 1, space - 1))
    local advanced = rank > cur or (rank == cur and string.sub(stored, space + 1) == ARGV[9])
    if not advanced then
      redis.call('SET', KEYS[1], 'done', 'PX', ARGV[1])
      return {'stale-status'}
    end
    -- the same (rank, event) again: a retry, the mark is already there
    if rank == cur then setStatus = false end
  end
end
if ARGV[11] ~= '' then
  local cur = redis.call('GET', KEYS[6]) or ''
  if cur ~= ARGV[12] then return {'conflict', cur} end
end
if setStatus then redis.call('SET', KEYS[5], ARGV[8] .. ' ' .. ARGV[9], 'PX', ARGV[10]) end
local selfDropped = false
if ARGV[11] == 'w' then
  selfDropped = wgMsgWrite(KEYS[6], KEYS[7], KEYS[8], KEYS[9], ARGV[13], ARGV[14], ARGV[15], ARGV[16], ARGV[17], ARGV[18], ARGV[19], ARGV[20], ARGV[21], ARGV[22])
end
if ARGV[23] ~= '' and not selfDropped then wgMsgReadUpTo(KEYS[9], KEYS[8], ARGV[23], ARGV[24], ARGV[21]) end
local cursor = wgAppend(KEYS[2], KEYS[3], KEYS[4], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7])
redis.call('SET', KEYS[1], 'done', 'PX', ARGV[1])
return {'published', cursor}
`;

/**
 * Read: the epoch, the trimmed watermark and the entries after the cursor, in one script so
 * that no trim or new epoch can slip between the checks and the read (which would silently
 * skip events). A stream without an epoch key (the key alone was evicted or deleted) gets a
 * new epoch starting now (Redis `TIME`, or just after its last entry when that is later), so no
 * cursor issued before is taken for current.
 * KEYS[1] stream, KEYS[2] watermark, KEYS[3] epoch (one hash tag); ARGV[1] exclusive start
 * (`(id`) or `-`, ARGV[2] count, ARGV[3] a fresh epoch id.
 * returns { epoch value or false, watermark or false, entries }
 */
const READ_LUA = `
local epochValue = redis.call('GET', KEYS[3])
if not epochValue and redis.call('EXISTS', KEYS[1]) == 1 then
  local now = redis.call('TIME')
  local startMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
  -- the surviving entries may carry this very millisecond (or a later one): start after them
  local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
  if last then
    local lastMs = tonumber(string.match(last[1], '^(%d+)-'))
    if lastMs and lastMs >= startMs then startMs = lastMs + 1 end
  end
  epochValue = ARGV[3] .. ' ' .. string.format('%d', startMs)
  redis.call('SET', KEYS[3], epochValue)
end
local wm = redis.call('GET', KEYS[2])
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], '+', 'COUNT', ARGV[2])
return { epochValue, wm, entries }
`;

/**
 * One entry by id, with the log's epoch, read together so that both are of one moment.
 * KEYS[1] stream, KEYS[2] epoch (one hash tag); ARGV[1] the entry id (`<ms>-<seq>`).
 * returns { epoch value or false, entries (the one, or none) }
 */
const AT_LUA = `
return { redis.call('GET', KEYS[2]), redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1]) }
`;

/** Dedupe claim: KEYS[1]; ARGV[1] lease ms, ARGV[2] owner token (stored as `lease:<owner>`). */
const CLAIM_LUA = `
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 'done' end
if v then return 'busy' end
redis.call('SET', KEYS[1], 'lease:' .. ARGV[2], 'PX', ARGV[1])
return 'claimed'
`;

/** Compare-and-delete: delete KEYS[1] only while it still holds ARGV[1] (one owner's lease, never a completed value or another owner's lease). */
const DELETE_IF_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Idempotency begin: KEYS[1]; ARGV[1] lease ms, ARGV[2] owner token. Returns `N` (new), `L<owner>` (busy) or `D<result>`. */
const BEGIN_LUA = `
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], 'L' .. ARGV[2], 'PX', ARGV[1])
return 'N'
`;

/**
 * Status compare-and-set: KEYS[1] holds `<rank> <eventId>`; ARGV[1] rank, ARGV[2] event id,
 * ARGV[3] ttl ms. Returns 1 when it advanced, or when the same (rank, event id) is offered
 * again (the retry of an event whose append failed after its mark was raised).
 */
const ADVANCE_LUA = `
local stored = redis.call('GET', KEYS[1])
local rank = tonumber(ARGV[1])
if stored then
  local space = string.find(stored, ' ', 1, true)
  local cur = tonumber(string.sub(stored, 1, space - 1))
  if rank < cur then return 0 end
  if rank == cur then
    if string.sub(stored, space + 1) == ARGV[2] then return 1 end
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2], 'PX', ARGV[3])
return 1
`;

/**
 * Track a message: KEYS[1] sorted set, KEYS[2] hash; ARGV[1] id, ARGV[2] record, ARGV[3] ttl
 * ms, ARGV[4] max entries. Drops expired entries, then the soonest-expiring beyond the max;
 * keeps both keys alive at least as long as their newest entry.
 */
const TRACK_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for i = 1, #expired do redis.call('HDEL', KEYS[2], expired[i]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if over > 0 then
  local old = redis.call('ZRANGE', KEYS[1], 0, over - 1)
  for i = 1, #old do redis.call('HDEL', KEYS[2], old[i]) end
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
end
for _, k in ipairs(KEYS) do
  if redis.call('PTTL', k) < ttl then redis.call('PEXPIRE', k, ttl) end
end
return 1
`;

/** List tracked messages: KEYS[1] sorted set, KEYS[2] hash; ARGV[1] limit. Drops expired entries; returns `[id, record, id, record, …]`, soonest-expiring first. */
const TRACK_LIST_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for i = 1, #expired do redis.call('HDEL', KEYS[2], expired[i]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
local out = {}
for i = 1, #ids do
  local record = redis.call('HGET', KEYS[2], ids[i])
  if record then
    out[#out + 1] = ids[i]
    out[#out + 1] = record
  else
    redis.call('ZREM', KEYS[1], ids[i])
  end
end
return out
`;

/** Take or renew a lease: KEYS[1]; ARGV[1] owner, ARGV[2] lease ms. 1 when ARGV[1] holds it now, 0 when another owner does. */
const LEAD_LUA = `
local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

/** The script commands defined on the command connection. */
interface ScriptCommands {
  wgAppend(stream: string, watermark: string, epoch: string, json: string, channel: string, maxLength: number, maxAgeMs: number, batch: number, newEpoch: string): Promise<string>;
  wgRead(stream: string, watermark: string, epoch: string, start: string, count: number, newEpoch: string): Promise<[string | null, string | null, Array<[string, string[]]>]>;
  wgAt(stream: string, epoch: string, id: string): Promise<[string | null, Array<[string, string[]]>]>;
  wgClaim(key: string, leaseMs: number, owner: string): Promise<ClaimState>;
  wgDeleteIf(key: string, value: string): Promise<number>;
  wgBegin(key: string, leaseMs: number, owner: string): Promise<string>;
  wgAdvance(key: string, rank: number, eventId: string, ttlMs: number): Promise<number>;
  wgTrack(set: string, records: string, id: string, record: string, ttlMs: number, max: number): Promise<number>;
  wgTrackList(set: string, records: string, limit: number): Promise<string[]>;
  wgLead(key: string, owner: string, leaseMs: number): Promise<number>;
  wgIngest(...keysAndArgs: Array<string | number>): Promise<[IngestAnswer, string?]>;
}
/** What the ingest script answers first (see {@link INGEST_LUA}). */
type IngestAnswer = IngestOutcome | 'conflict';
type CommandClient = Redis & ScriptCommands;

function defineScripts(client: Redis): CommandClient {
  client.defineCommand('wgAppend', { numberOfKeys: 3, lua: APPEND_LUA });
  client.defineCommand('wgRead', { numberOfKeys: 3, lua: READ_LUA });
  client.defineCommand('wgAt', { numberOfKeys: 2, lua: AT_LUA });
  client.defineCommand('wgClaim', { numberOfKeys: 1, lua: CLAIM_LUA });
  client.defineCommand('wgDeleteIf', { numberOfKeys: 1, lua: DELETE_IF_LUA });
  client.defineCommand('wgBegin', { numberOfKeys: 1, lua: BEGIN_LUA });
  client.defineCommand('wgAdvance', { numberOfKeys: 1, lua: ADVANCE_LUA });
  client.defineCommand('wgTrack', { numberOfKeys: 2, lua: TRACK_LUA });
  client.defineCommand('wgTrackList', { numberOfKeys: 2, lua: TRACK_LIST_LUA });
  client.defineCommand('wgLead', { numberOfKeys: 1, lua: LEAD_LUA });
  client.defineCommand('wgIngest', { numberOfKeys: 9, lua: INGEST_LUA });
  return client as CommandClient;
}

// ---------------------------------------------------------------------------------------
// Event bus
// ---------------------------------------------------------------------------------------

/** One subscription: its own object, so the same function subscribed twice counts twice. */
interface Subscription {
  listener: BusListener;
  onInterrupt?: BusInterruptListener | undefined;
}
interface Topic {
  subs: Set<Subscription>;
  ready: Promise<void>;
}

/**
 * Pub/sub over Redis channels `{prefix}:bus:{topic}`. One SUBSCRIBE per topic per process,
 * however many listeners (1,000 GraphQL subscribers on one topic are one Redis subscription),
 * fanned out locally in publish order; the last listener's removal unsubscribes.
 *
 * Connection loss: every subscription's `onInterrupt` is called once (messages published
 * until the re-subscription is confirmed are lost: at-most-once, the event log is what makes
 * streams resumable). After a reconnect the bus re-subscribes every topic itself (rather than
 * ioredis's fire-and-forget `autoResubscribe`) so that {@link RedisEventBus.live} and
 * `subscribe` know when that is confirmed.
 */
export class RedisEventBus implements EventBus {
  private readonly topics = new Map<string, Topic>();
  private closed = false;
  /** True from 'ready' to the next 'close': the window in which an interruption is still to be announced. */
  private connected: boolean;
  /** Pending while the topics are being re-subscribed on a new connection. */
  private resubscribed: Promise<void> | null = null;

  /**
   * @param pub the command connection (PUBLISH)
   * @param sub a connection used only for subscribing (created with `autoResubscribe: false`)
   */
  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
  ) {
    this.connected = sub.status === 'ready';
    sub.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    sub.on('ready', () => {
      this.connected = true;
      const pending: Promise<void> = this.resubscribe().then((ok) => {
        if (ok && this.resubscribed === pending) this.resubscribed = null;
      });
      this.resubscribed = pending;
    });
    sub.on('close', () => {
      if (!this.connected || this.closed) return;
      this.connected = false;
      this.interrupt();
    });
  }

  /** True while the subscriber connection is up and every topic's subscription is confirmed on it. */
  live(): boolean {
    return this.sub.status === 'ready' && this.resubscribed === null;
  }

  /**
   * A new connection has no subscriptions: restore every topic's, then drop any whose listeners left meanwhile.
   * @returns false when the connection dropped again (the next 'ready' retries; live() stays false until then)
   */
  private async resubscribe(): Promise<boolean> {
    const channels = [...this.topics.keys()];
    if (channels.length === 0 || this.closed) return true;
    try {
      await this.sub.subscribe(...channels);
      const gone = channels.filter((c) => !this.topics.has(c));
      if (gone.length > 0) await this.sub.unsubscribe(...gone);
      return true;
    } catch {
      return false;
    }
  }

  private interrupt(): void {
    for (const entry of [...this.topics.values()]) {
      for (const s of [...entry.subs]) {
        try {
          s.onInterrupt?.();
        } catch {
          // one listener's failure must not keep the others uninformed
        }
      }
    }
  }

  /** The Redis channel of a topic. */
  channel(topic: string): string {
    return `${this.prefix}:bus:${topic}`;
  }

  /** @throws when Redis is unreachable or does not answer within the command timeout */
  async publish(topic: string, message: string): Promise<void> {
    await this.pub.publish(this.channel(topic), message);
  }

  /**
   * Resolves when Redis confirmed the SUBSCRIBE (or at once when the topic is already subscribed
   * and confirmed); the returned function removes this listener (calling it twice is harmless).
   * `onInterrupt` is called once per connection loss while the listener is registered.
   * @throws when Redis is unreachable or the connection's subscriptions are not restored yet (the listener is not added)
   */
  async subscribe(topic: string, listener: BusListener, onInterrupt?: BusInterruptListener): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('The event bus is closed');
    // an already-subscribed topic is only live for a new listener once the connection's subscriptions are
    if (this.resubscribed && this.sub.status === 'ready') await this.resubscribed;
    if (this.sub.status !== 'ready' || this.resubscribed) throw new Error('The event bus connection is down');
    const channel = this.channel(topic);
    const sub: Subscription = { listener, onInterrupt };
    let entry = this.topics.get(channel);
    if (!entry) {
      const created: Topic = { subs: new Set(), ready: Promise.resolve() };
      created.ready = this.sub.subscribe(channel).then(
        () => undefined,
        (err: unknown) => {
          // a failed SUBSCRIBE leaves nobody listening: the next subscriber tries again
          if (this.topics.get(channel) === created) this.topics.delete(channel);
          throw err;
        },
      );
      this.topics.set(channel, (entry = created));
    }
    entry.subs.add(sub);
    const current = entry;
    try {
      await current.ready;
    } catch (err) {
      current.subs.delete(sub);
      throw err;
    }
    return async () => {
      if (!current.subs.delete(sub)) return;
      if (current.subs.size > 0 || this.topics.get(channel) !== current) return;
      this.topics.delete(channel);
      // when Redis is down the connection's subscriptions are gone anyway, and resubscribe() skips this topic
      await this.sub.unsubscribe(channel).catch(() => undefined);
    };
  }

  private dispatch(channel: string, message: string): void {
    const entry = this.topics.get(channel);
    if (!entry) return;
    for (const s of [...entry.subs]) {
      try {
        s.listener(message);
      } catch {
        // a listener's failure must not stop delivery to the others
      }
    }
  }

  /** Drops every listener and unsubscribes (best effort: the connection is closed next anyway). */
  async close(): Promise<void> {
    this.closed = true;
    const channels = [...this.topics.keys()];
    this.topics.clear();
    if (channels.length > 0 && this.sub.status === 'ready') await this.sub.unsubscribe(...channels).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------
// Event log
// ---------------------------------------------------------------------------------------

/** `<epoch>.<ms>-<seq>`, or the epoch-less `<ms>-<seq>` of before epochs. */
const CURSOR_RE = /^(?:([0-9a-f]{12})\.)?((\d{1,15})-(\d{1,19}))$/;

/** A parsed cursor: its epoch (null for an epoch-less one), the stream entry id, and that id as numbers. */
interface ParsedCursor {
  epoch: string | null;
  id: string;
  position: [bigint, bigint];
}

/** @throws InvalidCursorError */
function parseCursor(cursor: string): ParsedCursor {
  const m = CURSOR_RE.exec(cursor);
  if (!m) throw new InvalidCursorError();
  return { epoch: m[1] ?? null, id: m[2] as string, position: [BigInt(m[3] as string), BigInt(m[4] as string)] };
}

/** A stream entry id (`<ms>-<seq>`) as numbers. */
function parseId(id: string): [bigint, bigint] {
  const dash = id.indexOf('-');
  return [BigInt(id.slice(0, dash)), BigInt(id.slice(dash + 1))];
}

/**
 * A fresh epoch id: 12 random hex digits. Every ingest sends one (the script keeps it only when
 * the log has no epoch yet), so it is cut from a random UUID, which Node draws from a batch of
 * entropy, instead of a `randomBytes` call each (3% of Redis webhook ingest). The first 12 hex
 * digits of a v4 UUID are all random (the version digit is the 13th).
 */
function newEpochId(): string {
  const uuid = randomUUID();
  return uuid.slice(0, 8) + uuid.slice(9, 13);
}

const EPOCH_MESSAGE = 'The cursor is from an earlier epoch of the event log (Redis lost it since)';

/**
 * The length-trim batch: how far past `maxLength` a stream may grow before it is trimmed back,
 * 0.1 % of the limit, between 1 and 100 entries (so small logs are exact, large ones trim
 * every 100 appends, like `MAXLEN ~` does with Redis's 100-entry stream nodes).
 */
export function trimBatch(maxLength: number): number {
  return Math.min(100, Math.max(1, Math.ceil(maxLength / 1000)));
}

/**
 * One Redis Stream per instance. The cursor is `<epoch>.<id>`: the log's epoch (12 hex
 * digits, see {@link EventLog}) and the stream entry id (`<ms>-<seq>`, the Redis server's
 * clock at append, so it orders across replicas). The epoch key is created with the log's first
 * entry; when Redis loses the log (restart without persistence, `FLUSHDB`, failover to an
 * empty replica) the next append creates a new one, and cursors of the old one answer
 * {@link CursorExpiredError}. An epoch-less cursor (`<ms>-<seq>`, issued before epochs) is taken
 * as the current epoch's when its time is not before the epoch's creation, and expires
 * otherwise (one release of grace; clients holding one resync at worst). Retention: at most `maxLength`
 * entries (plus a {@link trimBatch} slack) and none older than `maxAgeMs` since append,
 * applied on append. The highest dropped id is kept next to the stream so that `readAfter`
 * knows exactly when a cursor's successors are gone.
 */
export class RedisEventLog implements EventLog {
  constructor(
    private readonly client: CommandClient,
    private readonly bus: RedisEventBus,
    private readonly prefix: string,
    private readonly retention: RetentionOptions = DEFAULT_RETENTION,
  ) {}

  /**
   * Appends the event (any `cursor` it carries is replaced) and publishes it with its cursor on
   * `topic`, in one script.
   * @returns the cursor (`<epoch>.<ms>-<seq>`)
   * @throws when Redis is unreachable or times out; the event may then not be stored (the webhook answers non-2xx and the provider retries)
   */
  async append(event: DomainEvent, topic: string): Promise<string> {
    const { cursor: _ignored, ...rest } = event;
    const keys = eventLogKeys(this.prefix, event.instanceId);
    return this.client.wgAppend(
      keys.stream,
      keys.trimmed,
      keys.epoch,
      JSON.stringify(rest),
      this.bus.channel(topic),
      finiteInt(this.retention.maxLength),
      finiteInt(this.retention.maxAgeMs),
      trimBatch(this.retention.maxLength),
      newEpochId(),
    );
  }

  /**
   * Events strictly after `after` (XRANGE with an exclusive start), oldest first, at most `limit`.
   * @throws InvalidCursorError for anything that is not a `[<epoch>.]<ms>-<seq>` cursor
   * @throws CursorExpiredError when retention dropped an event after `after`, or `after` is of
   *   another epoch (or an epoch-less cursor older than the current epoch, or any cursor while the
   *   instance has no log: Redis lost it)
   */
  async readAfter(instanceId: string, after: string | null, limit: number): Promise<DomainEvent[]> {
    const parsed = after === null ? null : parseCursor(after);
    if (limit <= 0) return [];
    const keys = eventLogKeys(this.prefix, instanceId);
    const [epochValue, watermark, entries] = await this.client.wgRead(
      keys.stream,
      keys.trimmed,
      keys.epoch,
      parsed === null ? '-' : `(${parsed.id}`,
      Math.floor(limit),
      newEpochId(),
    );
    if (parsed !== null) {
      if (epochValue === null) throw new CursorExpiredError(EPOCH_MESSAGE);
      const [epoch, startMs] = epochValue.split(' ');
      if (parsed.epoch === null ? parsed.position[0] < BigInt(startMs ?? '0') : parsed.epoch !== epoch) throw new CursorExpiredError(EPOCH_MESSAGE);
      if (watermark !== null && compareIds(parsed.position, parseId(watermark)) < 0) throw new CursorExpiredError();
    }
    const epoch = epochValue?.split(' ')[0] ?? '';
    return entries.map((entry) => streamEvent(entry, epoch));
  }

  /**
   * See `EventLog.at`: the stream entry of the cursor's id, when the cursor's epoch is the log's
   * (an epoch-less cursor, a format no longer issued, names nothing). One round trip.
   * @throws InvalidCursorError for anything that is not a `[<epoch>.]<ms>-<seq>` cursor
   * @throws when Redis is unreachable or times out
   */
  async at(instanceId: string, cursor: string): Promise<DomainEvent | null> {
    const parsed = parseCursor(cursor);
    if (parsed.epoch === null) return null;
    const keys = eventLogKeys(this.prefix, instanceId);
    const [epochValue, entries] = await this.client.wgAt(keys.stream, keys.epoch, parsed.id);
    const entry = entries[0];
    if (!entry || epochValue?.split(' ')[0] !== parsed.epoch) return null;
    return streamEvent(entry, parsed.epoch);
  }

  /** Orders two cursors by stream id (the epoch is not compared): negative, 0, positive; the last answer kept ({@link keepLastOrder}). Ours. @throws InvalidCursorError */
  readonly compare = keepLastOrder((a, b) => compareIds(parseCursor(a).position, parseCursor(b).position));

  /** Nothing of its own to release: the connections belong to the stores. */
  async close(): Promise<void> {}
}

/** A stream entry (`[id, fields]`, the event JSON in field `e`) as the event with its cursor `<epoch>.<id>`. */
function streamEvent([id, fields]: [string, string[]], epoch: string): DomainEvent {
  const json = fields[fields.indexOf('e') + 1] ?? '{}';
  return { ...(JSON.parse(json) as DomainEvent), cursor: `${epoch}.${id}` };
}

/** Retention figures as integers Lua can read (`Infinity` would reach it as a string it cannot parse). */
function finiteInt(n: number): number {
  return Math.max(1, Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER));
}

function compareIds(a: [bigint, bigint], b: [bigint, bigint]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

// ---------------------------------------------------------------------------------------
// Ingest
// ---------------------------------------------------------------------------------------

/**
 * `Stores.ingest` on Redis: one script ({@link INGEST_LUA}), so one round trip, per event whose
 * conversation write is one record (every message, status, reaction and deletion) or none. The
 * script checks the record against the one the write was computed from; the first try assumes
 * the record as this process last wrote or saw it (`RedisMessageStore.guess`), else none (a new
 * message, the common case). When the record is another, the script answers it and the write
 * is computed again from it: a second round trip, for a message this replica did not see last
 * (written by another replica, or forgotten), or a race with another writer. Events of several
 * writes (a chat read, label changes) are stored step by step ({@link ingestInSteps}).
 *
 * No dedupe lease is taken on this path (the request's `owner` and `leaseMs` serve the stepwise
 * one): the script runs whole or not at all, so a concurrent delivery of the same event finds it
 * `done` (a duplicate) rather than leased. A lease a stepwise delivery holds still answers `busy`.
 */
export class RedisEventIngest {
  constructor(
    private readonly client: CommandClient,
    private readonly bus: RedisEventBus,
    private readonly prefix: string,
    private readonly retention: RetentionOptions,
    private readonly stores: Pick<Stores, 'dedupe' | 'statuses' | 'log'> & { messages: RedisMessageStore },
  ) {}

  /**
   * See `Stores.ingest`.
   * @throws when Redis is unreachable or times out (the event may or may not be stored, never marked done without it); Error after
   *   {@link MAX_CAS_ATTEMPTS} lost compare-and-sets of the record
   */
  async ingest(request: IngestRequest): Promise<IngestOutcome> {
    const { event, write, status } = request;
    if (write !== null && write.kind === 'steps') return ingestInSteps(this.stores, request);
    const { cursor: _ignored, ...rest } = event;
    // serialised once: stored in the stream as is, published with the cursor spliced in (by the script), reused by every retry
    const log = eventLogKeys(this.prefix, event.instanceId);
    const dedupeKey = taggedKey(this.prefix, 'dedupe', request.dedupe.key);
    const statusKey = status ? taggedKey(this.prefix, 'status', status.key) : dedupeKey;
    const args: Array<string | number> = [
      Math.max(1, Math.ceil(request.dedupe.ttlMs)),
      JSON.stringify(rest),
      this.bus.channel(request.topic),
      finiteInt(this.retention.maxLength),
      finiteInt(this.retention.maxAgeMs),
      trimBatch(this.retention.maxLength),
      newEpochId(),
      status ? status.rank : '',
      event.id,
      status ? Math.max(1, Math.ceil(status.ttlMs)) : 0,
    ];
    const messages = this.stores.messages;
    // the record as the write assumes it: as this process last saw it, else none (a new message)
    let raw = write === null ? '' : messages.guess(event.instanceId, write.messageId);
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const prepared = write === null ? null : messages.prepareWrite(event.instanceId, write.messageId, write.change, raw, write.marksRead);
      const [answer, detail] = await this.client.wgIngest(
        dedupeKey,
        log.stream,
        log.trimmed,
        log.epoch,
        statusKey,
        ...(prepared?.keys ?? [dedupeKey, dedupeKey, dedupeKey, dedupeKey]),
        ...args,
        ...(prepared?.args ?? NO_CONVERSATION_WRITE),
      );
      if (answer !== 'conflict') {
        if (answer === 'published' && write !== null && prepared !== null) messages.remember(event.instanceId, write.messageId, prepared.storedRaw);
        return answer;
      }
      // the record is not the one assumed: compute the write again from the one the script answered (at once the
      // first time, which is the usual case of a message this process did not see last; after that it is a race
      // with another writer: back off)
      if (attempt > 0) await casBackoff(attempt);
      raw = detail ?? '';
      if (write !== null) messages.remember(event.instanceId, write.messageId, raw);
    }
    throw new Error(`event ${event.id}: too many concurrent writers of its message`);
  }
}

/** The ingest script's conversation arguments when the event writes nothing there: mode '' and 13 unused. */
const NO_CONVERSATION_WRITE: ReadonlyArray<string | number> = ['', ...Array.from({ length: 13 }, () => '')];

// ---------------------------------------------------------------------------------------
// Claim stores
// ---------------------------------------------------------------------------------------

/** Webhook dedupe: `SET … PX` leases and completed markers, decided in one script. */
export class RedisDedupeStore implements DedupeStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    return taggedKey(this.prefix, 'dedupe', key);
  }

  async claim(key: string, leaseMs: number, owner: string = ANONYMOUS_OWNER): Promise<ClaimState> {
    return this.client.wgClaim(this.key(key), Math.max(1, Math.ceil(leaseMs)), owner);
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    await this.client.set(this.key(key), 'done', 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  /** Drops `owner`'s lease (compare-and-delete in one script: never another owner's lease, never a completed marker). */
  async release(key: string, owner: string = ANONYMOUS_OWNER): Promise<void> {
    await this.client.wgDeleteIf(this.key(key), `lease:${owner}`);
  }
}

/** Idempotency keys: `L<owner>` while a send is in flight, `D<result>` once finished. */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    return taggedKey(this.prefix, 'idem', key);
  }

  async begin(key: string, leaseMs: number, owner: string = ANONYMOUS_OWNER): Promise<IdempotencyState> {
    const v = await this.client.wgBegin(this.key(key), Math.max(1, Math.ceil(leaseMs)), owner);
    if (v === 'N') return { state: 'new' };
    if (v.startsWith('D')) return { state: 'done', result: v.slice(1) };
    return { state: 'busy' };
  }

  async finish(key: string, result: string, ttlMs: number): Promise<void> {
    await this.client.set(this.key(key), `D${result}`, 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  /** Drops `owner`'s in-flight lease (compare-and-delete in one script: never another owner's lease, never a finished result). */
  async abort(key: string, owner: string = ANONYMOUS_OWNER): Promise<void> {
    await this.client.wgDeleteIf(this.key(key), `L${owner}`);
  }
}

/** Status high-water marks (`<rank> <eventId>`): compare-and-set in one script. */
export class RedisStatusStore implements StatusStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  async advance(key: string, rank: number, eventId: string, ttlMs: number): Promise<boolean> {
    return (await this.client.wgAdvance(taggedKey(this.prefix, 'status', key), rank, eventId, Math.max(1, Math.ceil(ttlMs)))) === 1;
  }
}

/** The keys of instance `instanceId`'s tracked messages under `prefix`: sorted set, records hash and leader lease, all tagged `{instanceId}`. */
export function trackingKeys(prefix: string, instanceId: string): { set: string; records: string; leader: string } {
  const base = `${prefix}:{${instanceId}}:tracking`;
  return { set: base, records: `${base}:records`, leader: `${base}:leader` };
}

/**
 * Messages awaiting a delivery report (a sorted set by expiry on the Redis clock, records in a
 * hash, changed together in one script) and the pollers' leader leases (`SET PX`, renewed and
 * released only by their owner, in one script each). Shared by every replica.
 */
export class RedisTrackingStore implements TrackingStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  async track(instanceId: string, id: string, record: string, ttlMs: number, max: number): Promise<void> {
    const k = trackingKeys(this.prefix, instanceId);
    await this.client.wgTrack(k.set, k.records, id, record, Math.max(1, Math.ceil(ttlMs)), Math.max(0, Math.floor(max)));
  }

  async list(instanceId: string, limit: number): Promise<Array<{ id: string; record: string }>> {
    const n = Math.floor(limit);
    if (n < 1) return [];
    const k = trackingKeys(this.prefix, instanceId);
    const flat = await this.client.wgTrackList(k.set, k.records, n);
    const out: Array<{ id: string; record: string }> = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push({ id: flat[i] as string, record: flat[i + 1] as string });
    return out;
  }

  async untrack(instanceId: string, id: string): Promise<void> {
    const k = trackingKeys(this.prefix, instanceId);
    await this.client.multi().zrem(k.set, id).hdel(k.records, id).exec();
  }

  async lead(instanceId: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.client.wgLead(trackingKeys(this.prefix, instanceId).leader, owner, Math.max(1, Math.ceil(ttlMs)))) === 1;
  }

  async resign(instanceId: string, owner: string): Promise<void> {
    await this.client.wgDeleteIf(trackingKeys(this.prefix, instanceId).leader, owner);
  }
}

// ---------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------

function waitReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new RedisUnavailableError(`not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

/**
 * Connects to Redis (two connections: commands, and subscriptions) and returns the stores.
 * Redis unreachable later on: operations reject within `commandTimeoutMs` (no offline queue,
 * no resend of unanswered commands), `ping()` resolves false, the connections retry with a
 * capped backoff and subscriptions are restored on reconnect (`ping()` is true again once they
 * are confirmed); nothing is thrown unhandled.
 * @throws RedisUnavailableError when both connections are not ready within `connectTimeoutMs`
 */
export async function createRedisStores(options: RedisStoresOptions): Promise<Stores> {
  const prefix = options.keyPrefix ?? 'whatsgraph';
  const retention = options.retention ?? DEFAULT_RETENTION;
  const commandTimeout = options.commandTimeoutMs ?? 2_000;
  const capMs = options.maxReconnectDelayMs ?? 1_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const logger = options.logger;

  const redisOptions: RedisOptions = {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: false,
    commandTimeout,
    connectTimeout: Math.min(connectTimeoutMs, 10_000),
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => reconnectDelayMs(attempt, capMs),
  };
  const cmd = defineScripts(new Redis(options.url, { ...redisOptions, connectionName: `${prefix}:cmd` }));
  const sub = new Redis(options.url, { ...redisOptions, connectionName: `${prefix}:sub` });
  for (const [role, client] of [
    ['commands', cmd],
    ['subscriber', sub],
  ] as const) {
    // without a listener ioredis prints every error; the message can name the host, so only the code is logged
    client.on('error', (err: NodeJS.ErrnoException) => {
      logger?.warn({ role, code: err.code ?? err.name }, 'redis connection error');
    });
  }

  try {
    await Promise.all([waitReady(cmd, connectTimeoutMs), waitReady(sub, connectTimeoutMs)]);
  } catch (err) {
    cmd.disconnect();
    sub.disconnect();
    throw err;
  }

  const bus = new RedisEventBus(cmd, sub, prefix);
  const log = new RedisEventLog(cmd, bus, prefix, retention);
  const parts = {
    log,
    dedupe: new RedisDedupeStore(cmd, prefix),
    statuses: new RedisStatusStore(cmd, prefix),
    messages: new RedisMessageStore(cmd, prefix, options.messageRetention),
  };
  const ingest = new RedisEventIngest(cmd, bus, prefix, retention, parts);
  let closed = false;
  return {
    kind: 'redis',
    bus,
    ...parts,
    idempotency: new RedisIdempotencyStore(cmd, prefix),
    tracking: new RedisTrackingStore(cmd, prefix),
    ingest: (request) => ingest.ingest(request),
    ping: async () => {
      if (!bus.live()) return false;
      try {
        return (await cmd.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await bus.close();
      await log.close();
      await Promise.all(
        [cmd, sub].map(async (client) => {
          try {
            await client.quit();
          } catch {
            // unreachable: stop reconnecting and drop the socket
            client.disconnect();
          }
        }),
      );
    },
  };
}
