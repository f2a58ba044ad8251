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
  entries: Stored[];
  /** the highest sequence number dropped by retention, 0 when none */ droppedUpTo: number;
}

/**
 * A bounded ring buffer per instance. Cursors are decimal sequence numbers (as strings),
 * increasing across the process. Retention counts from append time.
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
    const cursor = String(seq);
    const stored = { ...event, cursor };
    let ring = this.rings.get(event.instanceId);
    if (!ring) this.rings.set(event.instanceId, (ring = { entries: [], droppedUpTo: 0 }));
    ring.entries.push({ event: stored, seq, at: Date.now() });
    this.trim(ring);
    this.bus.publishSync(topic, JSON.stringify(stored));
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
    const afterSeq = after === null ? 0 : parseCursor(after);
    const ring = this.rings.get(instanceId);
    if (!ring) return [];
    if (after !== null && afterSeq < ring.droppedUpTo) throw new CursorExpiredError();
    const entries = ring.entries;
    // binary search for the first entry after the cursor: entries are in sequence order
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid]?.seq ?? 0) <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return entries.slice(lo, lo + limit).map((e) => e.event);
  }

  compare(a: string, b: string): number {
    return parseCursor(a) - parseCursor(b);
  }

  async close(): Promise<void> {
    this.rings.clear();
  }
}

function parseCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) throw new InvalidCursorError();
  return Number(cursor);
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

/** In-memory dedupe: leases and completed keys with TTLs. */
export class MemoryDedupeStore implements DedupeStore {
  private readonly entries = new TtlMap();

  async claim(key: string, leaseMs: number): Promise<ClaimState> {
    const v = this.entries.get(key);
    if (v === 'done') return 'done';
    if (v === 'lease') return 'busy';
    this.entries.set(key, 'lease', leaseMs);
    return 'claimed';
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    this.entries.set(key, 'done', ttlMs);
  }

  async release(key: string): Promise<void> {
    if (this.entries.get(key) === 'lease') this.entries.delete(key);
  }
}

/** In-memory idempotency keys: `L` while leased, `D<result>` once finished (so no result can pass for the lease marker). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new TtlMap();

  async begin(key: string, leaseMs: number): Promise<IdempotencyState> {
    const v = this.entries.get(key);
    if (v === undefined) {
      this.entries.set(key, 'L', leaseMs);
      return { state: 'new' };
    }
    if (v === 'L') return { state: 'busy' };
    return { state: 'done', result: v.slice(1) };
  }

  async finish(key: string, result: string, ttlMs: number): Promise<void> {
    this.entries.set(key, `D${result}`, ttlMs);
  }

  async abort(key: string): Promise<void> {
    if (this.entries.get(key) === 'L') this.entries.delete(key);
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

/** All memory stores for one server. */
export function createMemoryStores(retention: RetentionOptions = DEFAULT_RETENTION): Stores {
  const bus = new MemoryEventBus();
  const log = new MemoryEventLog(bus, retention);
  return {
    kind: 'memory',
    bus,
    log,
    dedupe: new MemoryDedupeStore(),
    idempotency: new MemoryIdempotencyStore(),
    statuses: new MemoryStatusStore(),
    ping: async () => true,
    close: async () => {
      await bus.close();
      await log.close();
    },
  };
}
