import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import type { DomainEvent } from '../providers/model.js';
import {
  CursorExpiredError,
  DEFAULT_RETENTION,
  InvalidCursorError,
  type BusInterruptListener,
  type BusListener,
  type ClaimState,
  type DedupeStore,
  type EventBus,
  type EventLog,
  type IdempotencyState,
  type IdempotencyStore,
  type RetentionOptions,
  type StatusStore,
  type Stores,
} from './stores.js';

/**
 * Redis implementations of the store interfaces (`stores.ts`): what lets any number of
 * replicas share subscriptions, the event log, webhook dedupe, idempotency keys and status
 * high-water marks. Same semantics as `memory-stores.ts`; both pass the suite in
 * `test/integration/stores.test.ts`.
 *
 * Keys (all under `keyPrefix`, so deployments and test runs never collide):
 * - `{prefix}:bus:{topic}`            pub/sub channel of a bus topic
 * - `{prefix}:events:{instanceId}`    the instance's event log, a Redis Stream (field `e`: event JSON without its cursor)
 * - `{prefix}:events:{instanceId}:trimmed`  the highest stream id retention dropped (see {@link RedisEventLog})
 * - `{prefix}:dedupe:{key}`           `lease` | `done`
 * - `{prefix}:idem:{key}`             `L` (lease) | `D<result>`
 * - `{prefix}:status:{key}`           `<rank> <eventId>` of the highest status seen
 *
 * The scripts touch two keys at most and are written for a single Redis (or a primary with
 * replicas); a Redis Cluster would need hash tags in the key names.
 */

/** Options of {@link createRedisStores}. */
export interface RedisStoresOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`). Never logged. */
  url: string;
  /** Prefix of every key and channel; default `whatsgraph`. */
  keyPrefix?: string;
  /** Event log retention; default {@link DEFAULT_RETENTION}. */
  retention?: RetentionOptions;
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
 * KEYS[1] stream, KEYS[2] trimmed watermark
 * ARGV[1] event JSON (an object, without `cursor`), ARGV[2] channel, ARGV[3] maxLength,
 * ARGV[4] maxAgeMs, ARGV[5] batch
 * returns the new entry id (the cursor)
 */
const APPEND_LUA = `
local id = redis.call('XADD', KEYS[1], '*', 'e', ARGV[1])
local maxLen = tonumber(ARGV[3])
local batch = tonumber(ARGV[5])
local len = redis.call('XLEN', KEYS[1])
if len >= maxLen + batch then
  local drop = len - maxLen
  local head = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', drop + 1)
  redis.call('SET', KEYS[2], head[drop][1])
  redis.call('XTRIM', KEYS[1], 'MINID', head[drop + 1][1])
end
local dash = string.find(id, '-', 1, true)
local minMs = tonumber(string.sub(id, 1, dash - 1)) - tonumber(ARGV[4])
if minMs > 0 then
  local minId = string.format('%d-0', minMs)
  local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
  if first[1] then
    local fid = first[1][1]
    local fdash = string.find(fid, '-', 1, true)
    if tonumber(string.sub(fid, 1, fdash - 1)) < minMs then
      local last = redis.call('XREVRANGE', KEYS[1], '(' .. minId, '-', 'COUNT', 1)
      redis.call('SET', KEYS[2], last[1][1])
      redis.call('XTRIM', KEYS[1], 'MINID', minId)
    end
  end
end
redis.call('PUBLISH', ARGV[2], '{"cursor":"' .. id .. '",' .. string.sub(ARGV[1], 2))
return id
`;

/**
 * Read: the trimmed watermark and the entries after the cursor, in one script so that no
 * trim can slip between the expiry check and the read (which would silently skip events).
 * KEYS[1] stream, KEYS[2] watermark; ARGV[1] exclusive start (`(id`) or `-`, ARGV[2] count.
 * returns { watermark or false, entries }
 */
const READ_LUA = `
local wm = redis.call('GET', KEYS[2])
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], '+', 'COUNT', ARGV[2])
return { wm, entries }
`;

/** Dedupe claim: KEYS[1]; ARGV[1] lease ms. */
const CLAIM_LUA = `
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 'done' end
if v then return 'busy' end
redis.call('SET', KEYS[1], 'lease', 'PX', ARGV[1])
return 'claimed'
`;

/** Delete KEYS[1] only while it still holds ARGV[1] (a lease, never a completed value). */
const DELETE_IF_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Idempotency begin: KEYS[1]; ARGV[1] lease ms. Returns `N` (new), `L` (busy) or `D<result>`. */
const BEGIN_LUA = `
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], 'L', 'PX', ARGV[1])
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

/** The script commands defined on the command connection. */
interface ScriptCommands {
  wgAppend(stream: string, watermark: string, json: string, channel: string, maxLength: number, maxAgeMs: number, batch: number): Promise<string>;
  wgRead(stream: string, watermark: string, start: string, count: number): Promise<[string | null, Array<[string, string[]]>]>;
  wgClaim(key: string, leaseMs: number): Promise<ClaimState>;
  wgDeleteIf(key: string, value: string): Promise<number>;
  wgBegin(key: string, leaseMs: number): Promise<string>;
  wgAdvance(key: string, rank: number, eventId: string, ttlMs: number): Promise<number>;
}
type CommandClient = Redis & ScriptCommands;

function defineScripts(client: Redis): CommandClient {
  client.defineCommand('wgAppend', { numberOfKeys: 2, lua: APPEND_LUA });
  client.defineCommand('wgRead', { numberOfKeys: 2, lua: READ_LUA });
  client.defineCommand('wgClaim', { numberOfKeys: 1, lua: CLAIM_LUA });
  client.defineCommand('wgDeleteIf', { numberOfKeys: 1, lua: DELETE_IF_LUA });
  client.defineCommand('wgBegin', { numberOfKeys: 1, lua: BEGIN_LUA });
  client.defineCommand('wgAdvance', { numberOfKeys: 1, lua: ADVANCE_LUA });
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

const CURSOR_RE = /^(\d{1,15})-(\d{1,19})$/;

function parseCursor(cursor: string): [bigint, bigint] {
  const m = CURSOR_RE.exec(cursor);
  if (!m) throw new InvalidCursorError();
  return [BigInt(m[1] as string), BigInt(m[2] as string)];
}

/**
 * The length-trim batch: how far past `maxLength` a stream may grow before it is trimmed back,
 * 0.1 % of the limit, between 1 and 100 entries (so small logs are exact, large ones trim
 * every 100 appends, like `MAXLEN ~` does with Redis's 100-entry stream nodes).
 */
export function trimBatch(maxLength: number): number {
  return Math.min(100, Math.max(1, Math.ceil(maxLength / 1000)));
}

/**
 * One Redis Stream per instance. The cursor is the stream entry id (`<ms>-<seq>`, the Redis
 * server's clock at append, so it orders across replicas). Retention: at most `maxLength`
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

  private streamKey(instanceId: string): string {
    return `${this.prefix}:events:${instanceId}`;
  }

  /**
   * Appends the event (any `cursor` it carries is replaced) and publishes it with its cursor on
   * `topic`, in one script.
   * @returns the cursor (`<ms>-<seq>`)
   * @throws when Redis is unreachable or times out; the event may then not be stored (the webhook answers non-2xx and the provider retries)
   */
  async append(event: DomainEvent, topic: string): Promise<string> {
    const { cursor: _ignored, ...rest } = event;
    const key = this.streamKey(event.instanceId);
    return this.client.wgAppend(
      key,
      `${key}:trimmed`,
      JSON.stringify(rest),
      this.bus.channel(topic),
      finiteInt(this.retention.maxLength),
      finiteInt(this.retention.maxAgeMs),
      trimBatch(this.retention.maxLength),
    );
  }

  /**
   * Events strictly after `after` (XRANGE with an exclusive start), oldest first, at most `limit`.
   * @throws InvalidCursorError for anything that is not a `<ms>-<seq>` id
   * @throws CursorExpiredError when retention dropped an event after `after`
   */
  async readAfter(instanceId: string, after: string | null, limit: number): Promise<DomainEvent[]> {
    const afterId = after === null ? null : parseCursor(after);
    if (limit <= 0) return [];
    const key = this.streamKey(instanceId);
    const [watermark, entries] = await this.client.wgRead(key, `${key}:trimmed`, after === null ? '-' : `(${after}`, Math.floor(limit));
    if (afterId !== null && watermark !== null && compareIds(afterId, parseCursor(watermark)) < 0) throw new CursorExpiredError();
    return entries.map(([id, fields]) => {
      const json = fields[fields.indexOf('e') + 1] ?? '{}';
      return { ...(JSON.parse(json) as DomainEvent), cursor: id };
    });
  }

  /** Orders two cursors: negative, 0, positive. @throws InvalidCursorError */
  compare(a: string, b: string): number {
    return compareIds(parseCursor(a), parseCursor(b));
  }

  /** Nothing of its own to release: the connections belong to the stores. */
  async close(): Promise<void> {}
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
// Claim stores
// ---------------------------------------------------------------------------------------

/** Webhook dedupe: `SET … PX` leases and completed markers, decided in one script. */
export class RedisDedupeStore implements DedupeStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    return `${this.prefix}:dedupe:${key}`;
  }

  async claim(key: string, leaseMs: number): Promise<ClaimState> {
    return this.client.wgClaim(this.key(key), Math.max(1, Math.ceil(leaseMs)));
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    await this.client.set(this.key(key), 'done', 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  /** Drops a lease (never a completed marker). */
  async release(key: string): Promise<void> {
    await this.client.wgDeleteIf(this.key(key), 'lease');
  }
}

/** Idempotency keys: `L` while a send is in flight, `D<result>` once finished. */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    return `${this.prefix}:idem:${key}`;
  }

  async begin(key: string, leaseMs: number): Promise<IdempotencyState> {
    const v = await this.client.wgBegin(this.key(key), Math.max(1, Math.ceil(leaseMs)));
    if (v === 'N') return { state: 'new' };
    if (v.startsWith('D')) return { state: 'done', result: v.slice(1) };
    return { state: 'busy' };
  }

  async finish(key: string, result: string, ttlMs: number): Promise<void> {
    await this.client.set(this.key(key), `D${result}`, 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  /** Drops an in-flight lease (never a finished result). */
  async abort(key: string): Promise<void> {
    await this.client.wgDeleteIf(this.key(key), 'L');
  }
}

/** Status high-water marks (`<rank> <eventId>`): compare-and-set in one script. */
export class RedisStatusStore implements StatusStore {
  constructor(
    private readonly client: CommandClient,
    private readonly prefix: string,
  ) {}

  async advance(key: string, rank: number, eventId: string, ttlMs: number): Promise<boolean> {
    return (await this.client.wgAdvance(`${this.prefix}:status:${key}`, rank, eventId, Math.max(1, Math.ceil(ttlMs)))) === 1;
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
  let closed = false;
  return {
    kind: 'redis',
    bus,
    log,
    dedupe: new RedisDedupeStore(cmd, prefix),
    idempotency: new RedisIdempotencyStore(cmd, prefix),
    statuses: new RedisStatusStore(cmd, prefix),
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
