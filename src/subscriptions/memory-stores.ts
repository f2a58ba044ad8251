import { randomBytes } from 'node:crypto';
import { MemoryMessageStore } from '../conversations/memory-store.js';
import { DEFAULT_MESSAGE_RETENTION, type MessageRetention } from '../conversations/store.js';
import type { DomainEvent } from '../providers/model.js';
import { MemoryTrackingStore } from '../providers/tracking.js';
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
  type RetentionOptions,
  type StatusStore,
  type Stores,
  keepLastOrder,
} from './stores.js';

/**
 * In-memory implementations of the store interfaces: the embedded default, for one replica.
 * Same semantics as the Redis ones (the shared suite runs on both).
 */

/** One subscription: its own object, so the same function subscribed twice counts twice. */
interface Subscription {
  listener: BusListener;
}

/** In-process pub/sub; listeners are called synchronously in publish order. */
export class MemoryEventBus implements EventBus {
  private readonly topics = new Map<string, Set<Subscription>>();

  async publish(topic: string, message: string): Promise<void> {
    this.publishSync(topic, message);
  }

  /** Synchronous publish, used by the memory log so append and publish are one step. */
  publishSync(topic: string, message: string): void {
    const subs = this.topics.get(topic);
    if (!subs) return;
    for (const s of [...subs]) {
      try {
        s.listener(message);
      } catch {
        // a listener's failure must not stop delivery to the others
      }
    }
  }

  /** Whether anyone listens on `topic` (publishers skip serialising an event nobody will read). */
  hasSubscribers(topic: string): boolean {
    return this.topics.has(topic);
  }

  /** The returned function removes this subscription only; calling it again is harmless. An in-process bus is never interrupted, so `onInterrupt` is never called. */
  async subscribe(topic: string, listener: BusListener, _onInterrupt?: BusInterruptListener): Promise<() => Promise<void>> {
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    const sub: Subscription = { listener };
    set.add(sub);
    return async () => {
      if (!set.delete(sub)) return;
      // a set emptied earlier may already have been replaced by a newer one for this topic
      if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
    };
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}

interface Stored {
  event: DomainEvent;
  seq: number;
  /** append time, epoch ms (retention counts from it, not from occurredAt) */ at: number;
}
interface Ring {
  /** the log's epoch: random, set when the ring is created (see {@link EventLog}) */ epoch: string;
  entries: Stored[];
  /** the highest sequence number dropped by retention, 0 when none */ droppedUpTo: number;
}

/**
 * A bounded ring buffer per instance. Cursors are `<epoch>.<seq>`: the ring's epoch (12 hex
 * digits, random, drawn when the process first appends for the instance) and a decimal
 * sequence number increasing across the process. A cursor of another epoch (a previous
 * process, or a log since closed) expires; so does every epoch-less cursor (`<seq>`, the
 * format before epochs), which this process never issued. Retention counts from append time.
 */
export class MemoryEventLog implements EventLog {
  private seq = 0;
  private readonly rings = new Map<string, Ring>();

  constructor(
    private readonly bus: MemoryEventBus,
    private readonly retention: RetentionOptions = DEFAULT_RETENTION,
  ) {}

  async append(event: DomainEvent, topic: string): Promise<string> {
    const seq = ++this.seq;
    let ring = this.rings.get(event.instanceId);
    if (!ring) this.rings.set(event.instanceId, (ring = { epoch: randomBytes(6).toString('hex'), entries: [], droppedUpTo: 0 }));
    const cursor = `${ring.epoch}.${seq}`;
    const stored = { ...event, cursor };
    ring.entries.push({ event: stored, seq, at: Date.now() });
    this.trim(ring);
    // nothing is serialised for a topic nobody listens to (issue 13)
    if (this.bus.hasSubscribers(topic)) this.bus.publishSync(topic, JSON.stringify(stored));
    return cursor;
  }

  private trim(ring: Ring): void {
    const minAt = Date.now() - this.retention.maxAgeMs;
    let drop = Math.max(0, ring.entries.length - this.retention.maxLength);
    while (drop < ring.entries.length && (ring.entries[drop]?.at ?? Infinity) < minAt) drop++;
    if (drop > 0) {
      ring.droppedUpTo = ring.entries[drop - 1]?.seq ?? ring.droppedUpTo;
      ring.entries.splice(0, drop);
    }
  }

  async readAfter(instanceId: string, after: string | null, limit: number): Promise<DomainEvent[]> {
    const parsed = after === null ? null : parseCursor(after);
    const afterSeq = parsed?.seq ?? 0;
    const ring = this.rings.get(instanceId);
    // a cursor of a log this process does not have, or of an earlier one, is from a lost epoch
    if (parsed && parsed.epoch !== (ring?.epoch ?? null)) throw new CursorExpiredError(EPOCH_MESSAGE);
    if (!ring) return [];
    if (parsed && afterSeq < ring.droppedUpTo) throw new CursorExpiredError();
    const from = firstAtOrAfter(ring.entries, afterSeq + 1);
    return ring.entries.slice(from, from + limit).map((e) => e.event);
  }

  /** See `EventLog.at`: the entry of the cursor's sequence number in the ring of its epoch, by binary search. @throws InvalidCursorError */
  async at(instanceId: string, cursor: string): Promise<DomainEvent | null> {
    const { epoch, seq } = parseCursor(cursor);
    const ring = this.rings.get(instanceId);
    if (!ring || epoch !== ring.epoch) return null;
    const entry = ring.entries[firstAtOrAfter(ring.entries, seq)];
    return entry?.seq === seq ? entry.event : null;
  }

  /** Orders by sequence number (the epoch is not compared): negative, 0, positive; the last answer kept ({@link keepLastOrder}). Ours. @throws InvalidCursorError */
  readonly compare = keepLastOrder((a, b) => parseCursor(a).seq - parseCursor(b).seq);

  async close(): Promise<void> {
    this.rings.clear();
  }
}

/** The index of the first entry whose sequence number is `seq` or more (`entries.length` when none), by binary search: entries are in sequence order. */
function firstAtOrAfter(entries: readonly Stored[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as Stored).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const EPOCH_MESSAGE = 'The cursor is from an earlier epoch of the event log (it was lost since)';
const MEMORY_CURSOR_RE = /^(?:([0-9a-f]{12})\.)?(\d{1,15})$/;

/** `<epoch>.<seq>`, or an epoch-less `<seq>` (epoch null). @throws InvalidCursorError */
function parseCursor(cursor: string): { epoch: string | null; seq: number } {
  const m = MEMORY_CURSOR_RE.exec(cursor);
  if (!m) throw new InvalidCursorError();
  return { epoch: m[1] ?? null, seq: Number(m[2]) };
}

interface Entry {
  value: string;
  expiresAt: number;
}

/** A TTL map shared by the memory claim stores. */
class TtlMap {
  private readonly map = new Map<string, Entry>();
  private sweeps = 0;

  get(key: string): string | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: string, ttlMs: number): void {
    this.map.set(key, { value, expiresAt: Date.now() + ttlMs });
    if (++this.sweeps % 10_000 === 0) this.sweep();
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, e] of this.map) if (e.expiresAt <= now) this.map.delete(k);
  }
}

/** In-memory dedupe: leases (`L<owner>`) and completed keys (`done`) with TTLs. */
export class MemoryDedupeStore implements DedupeStore {
  private readonly entries = new TtlMap();

  async claim(key: string, leaseMs: number, owner: string = ANONYMOUS_OWNER): Promise<ClaimState> {
    const v = this.entries.get(key);
    if (v === 'done') return 'done';
    if (v !== undefined) return 'busy';
    this.entries.set(key, `L${owner}`, leaseMs);
    return 'claimed';
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    this.entries.set(key, 'done', ttlMs);
  }

  /** Drops `owner`'s lease only (compare-and-delete). */
  async release(key: string, owner: string = ANONYMOUS_OWNER): Promise<void> {
    if (this.entries.get(key) === `L${owner}`) this.entries.delete(key);
  }
}

/** In-memory idempotency keys: `L<owner>` while leased, `D<result>` once finished (so no result can pass for a lease marker). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new TtlMap();

  async begin(key: string, leaseMs: number, owner: string = ANONYMOUS_OWNER): Promise<IdempotencyState> {
    const v = this.entries.get(key);
    if (v === undefined) {
      this.entries.set(key, `L${owner}`, leaseMs);
      return { state: 'new' };
    }
    if (v.startsWith('L')) return { state: 'busy' };
    return { state: 'done', result: v.slice(1) };
  }

  async finish(key: string, result: string, ttlMs: number): Promise<void> {
    this.entries.set(key, `D${result}`, ttlMs);
  }

  /** Drops `owner`'s lease only (compare-and-delete), never a result. */
  async abort(key: string, owner: string = ANONYMOUS_OWNER): Promise<void> {
    if (this.entries.get(key) === `L${owner}`) this.entries.delete(key);
  }
}

/** In-memory status high-water marks (`rank eventId`). */
export class MemoryStatusStore implements StatusStore {
  private readonly entries = new TtlMap();

  async advance(key: string, rank: number, eventId: string, ttlMs: number): Promise<boolean> {
    const stored = this.entries.get(key);
    if (stored !== undefined) {
      const space = stored.indexOf(' ');
      const currentRank = Number(stored.slice(0, space));
      if (rank < currentRank) return false;
      if (rank === currentRank) return stored.slice(space + 1) === eventId;
    }
    this.entries.set(key, `${rank} ${eventId}`, ttlMs);
    return true;
  }
}

/** All memory stores for one server (`retention`: the event log's; `messageRetention`: the conversations'). */
export function createMemoryStores(retention: RetentionOptions = DEFAULT_RETENTION, messageRetention: MessageRetention = DEFAULT_MESSAGE_RETENTION): Stores {
  const bus = new MemoryEventBus();
  const log = new MemoryEventLog(bus, retention);
  const parts = { dedupe: new MemoryDedupeStore(), statuses: new MemoryStatusStore(), messages: new MemoryMessageStore(messageRetention), log };
  return {
    kind: 'memory',
    bus,
    ...parts,
    idempotency: new MemoryIdempotencyStore(),
    tracking: new MemoryTrackingStore(),
    // in process, a step costs no round trip: the stepwise order is the whole story
    ingest: (request) => ingestInSteps(parts, request),
    ping: async () => true,
    close: async () => {
      await bus.close();
      await log.close();
    },
  };
}
