import { randomBytes } from 'node:crypto';
import { applyWrite } from '../conversations/apply.js';
import type { ConversationWrite, MessageStore } from '../conversations/store.js';
import type { TrackingStore } from '../providers/contract.js';
import type { DomainEvent } from '../providers/model.js';

/**
 * The state whatsgraph shares between replicas, as four small interfaces (plus the status
 * high-water mark and the tracked messages of polling providers) with two implementations each: in memory (`memory-stores.ts`, one
 * replica) and Redis (`redis-stores.ts`, any number of replicas). Both pass
 * the one suite in `test/integration/stores.test.ts`.
 */

/** A message on the bus: JSON text. */
export type BusListener = (message: string) => void;

/**
 * Called when a subscription may have missed messages: the connection to the bus backend
 * dropped (Redis). The subscription stays registered and delivers again once the backend is
 * back; a listener that must not miss anything (a resumable stream) resyncs from the event log.
 * The memory bus never interrupts.
 */
export type BusInterruptListener = () => void;

/** Pub/sub over a backend: live messages may have been missed; a stream should end so its client resumes from its last cursor. */
export class BusInterruptedError extends Error {
  constructor() {
    super('The event bus connection was interrupted: resubscribe with `after` set to the last cursor received');
    this.name = 'BusInterruptedError';
  }
}

/** Publish / subscribe by topic. At-most-once, in publish order per publisher; the event log is what makes delivery resumable. */
export interface EventBus {
  /** @throws when the backend is unreachable */
  publish(topic: string, message: string): Promise<void>;
  /**
   * Adds a listener; resolves once the subscription is live (messages published after that reach it).
   * @param onInterrupt called (once per outage) when messages may have been missed, see {@link BusInterruptListener}
   * @returns a function that removes the listener (calling it again is harmless)
   * @throws when the backend is unreachable (the listener is not added)
   */
  subscribe(topic: string, listener: BusListener, onInterrupt?: BusInterruptListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * `after` is older than what the log retains, or was issued by an earlier epoch of the log
 * (the log was lost and created anew: Redis lost its data, or the memory log's process
 * restarted): the client must resync (`RESYNC_REQUIRED`).
 */
export class CursorExpiredError extends Error {
  constructor(message = 'The cursor is older than the event log retains') {
    super(message);
    this.name = 'CursorExpiredError';
  }
}

/** A cursor that cannot be read (not one this log issued). */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not valid');
    this.name = 'InvalidCursorError';
  }
}

/**
 * The stored per-instance event log.
 *
 * Epochs: each instance's log gets a random epoch id when it is first created (Redis: a key
 * set with `SET NX` beside the stream; memory: when the process first appends for the
 * instance), and every cursor the log issues is `<epoch>.<position>`. A cursor whose epoch is
 * not the log's current one (the log was lost and created anew since) is
 * {@link CursorExpiredError}, never an empty answer. Epoch-less cursors, the format before
 * epochs (Redis `<ms>-<seq>`, memory `<seq>`), are accepted for one release where they can be
 * proven current: Redis takes one as the current epoch's when it is not older than the epoch's
 * creation (its position is a Redis clock time), older ones expire; the memory log never
 * issued one in this process, so every one expires.
 */
export interface EventLog {
  /**
   * Appends the event to its instance's log, then publishes it (with its cursor set) on the
   * bus topic `topic`, atomically with the append so that live order equals log order.
   * @returns the event's cursor
   * @throws when the event could not be stored (the webhook then answers non-2xx)
   */
  append(event: DomainEvent, topic: string): Promise<string>;
  /**
   * Events of `instanceId` strictly after `after` (from the oldest retained when null), oldest
   * first, at most `limit`, each with its `cursor`.
   * @throws CursorExpiredError when events after `after` were already dropped by retention, or
   *   `after` is from another epoch of the log (it was lost since)
   * @throws InvalidCursorError when `after` is not a cursor of this log
   */
  readAfter(instanceId: string, after: string | null, limit: number): Promise<DomainEvent[]>;
  /**
   * The event stored at `cursor` (with its `cursor` set), for `node(id)` of an event: null when
   * the log no longer holds it (retention dropped it, the cursor is of another epoch, or it names
   * no entry). Ours.
   * @throws InvalidCursorError when `cursor` is not a cursor of this log
   * @throws when the backend is unreachable or times out
   */
  at(instanceId: string, cursor: string): Promise<DomainEvent | null>;
  /** Orders two cursors of one instance by position (the epoch is not compared): negative, 0, positive. @throws InvalidCursorError */
  compare(a: string, b: string): number;
  close(): Promise<void>;
}

/**
 * A cursor order (`compare` of an {@link EventLog}) that keeps its last answer: every live
 * subscriber of an instance compares the same new cursor with the same previous one, so 1,000
 * subscribers parse one pair per event, not 1,000. Ours.
 * @param order the log's own order of two cursors: negative, 0, positive (may throw, e.g. InvalidCursorError: nothing is kept then)
 * @returns `order` with its last answer kept
 */
export function keepLastOrder(order: (a: string, b: string) => number): (a: string, b: string) => number {
  let lastA: string | undefined;
  let lastB: string | undefined;
  let lastOrder = 0;
  return (a, b) => {
    if (a === lastA && b === lastB) return lastOrder;
    const answer = order(a, b);
    lastA = a;
    lastB = b;
    lastOrder = answer;
    return answer;
  };
}

/** The outcome of a claim. */
export type ClaimState = 'claimed' | 'done' | 'busy';

/** This process's part of every lease owner token: 12 random bytes, base64url (16 characters), drawn once. */
const OWNER_PREFIX = randomBytes(12).toString('base64url');
let ownerCount = 0;

/**
 * A fresh lease owner token, unique across processes and calls: this process's random prefix
 * (16 characters) and a per-process counter in base 36. What a caller passes to `claim`/`begin`
 * and again to `release`/`abort`, so that only the holder of a lease can drop it. A token only
 * has to differ from every other holder's (it guards against a late release, not an attacker),
 * so it costs a counter increment instead of a draw of 16 random bytes per event (issue 13:
 * the draw was 4% of webhook ingest). Ours.
 */
export function newLeaseOwner(): string {
  return OWNER_PREFIX + (++ownerCount).toString(36);
}

/**
 * The owner of a lease taken without one (callers written before owner tokens): such leases are
 * still released by an owner-less `release`/`abort`, as before, without the protection.
 */
export const ANONYMOUS_OWNER = '';

/**
 * Dedupe of webhook deliveries by event id. A claim is a short lease: `complete` makes it
 * permanent for `ttlMs`; `release` (or the lease expiring, e.g. a crash) lets a redelivery
 * through again — so an event is never marked seen without having been stored.
 *
 * Leases carry their owner (a token from {@link newLeaseOwner}); `release` is a
 * compare-and-delete, so the late release of a lease that expired and was claimed by another
 * delivery leaves the newer lease alone. `complete` writes unconditionally: it records a fact
 * (the event is stored), which stays true whoever holds the lease by then.
 */
export interface DedupeStore {
  /**
   * `claimed`: go ahead (the lease is `owner`'s); `done`: already processed; `busy`: another delivery holds the lease.
   * @param owner the lease's owner token; default {@link ANONYMOUS_OWNER}
   */
  claim(key: string, leaseMs: number, owner?: string): Promise<ClaimState>;
  /** Marks the key done for `ttlMs`, replacing any lease. */
  complete(key: string, ttlMs: number): Promise<void>;
  /**
   * Drops the lease if `owner` still holds it (never another owner's lease, never a done mark).
   * @param owner the token given to `claim`; default {@link ANONYMOUS_OWNER}
   */
  release(key: string, owner?: string): Promise<void>;
}

/** What an idempotency key holds. */
export type IdempotencyState = { state: 'new' } | { state: 'busy' } | { state: 'done'; result: string };

/**
 * Idempotent sends: the first result under a key is kept (`ttlMs`, 24 h) and returned to every
 * repeat. Leases carry their owner like {@link DedupeStore}'s: `abort` only drops the lease of
 * the owner that took it; `finish` writes unconditionally (the send happened: its result is
 * worth keeping even when the lease expired meanwhile).
 */
export interface IdempotencyStore {
  /**
   * `new`: the caller (`owner`) holds the key until `finish`/`abort` or `leaseMs` passes.
   * @param owner the lease's owner token ({@link newLeaseOwner}); default {@link ANONYMOUS_OWNER}
   */
  begin(key: string, leaseMs: number, owner?: string): Promise<IdempotencyState>;
  /** Stores the result for `ttlMs`, replacing any lease. */
  finish(key: string, result: string, ttlMs: number): Promise<void>;
  /**
   * Drops the lease if `owner` still holds it (never another owner's lease, never a result).
   * @param owner the token given to `begin`; default {@link ANONYMOUS_OWNER}
   */
  abort(key: string, owner?: string): Promise<void>;
}

/** Message status high-water marks: a status only replaces one of lower rank. */
export interface StatusStore {
  /**
   * Raises `key`'s mark to (`rank`, `eventId`) when `rank` is higher than the stored rank,
   * atomically. The same (`rank`, `eventId`) again also answers true: that is a retry of an
   * event whose append failed after its mark was raised, and it must still be stored.
   * @returns true when it advanced (store and publish the event), false when it would go
   *   backwards or repeat a rank another event already reached
   */
  advance(key: string, rank: number, eventId: string, ttlMs: number): Promise<boolean>;
}

/**
 * One event to store, with everything storing it involves (the event pipeline builds it,
 * `pipeline.ts`): its dedupe key, its status high-water mark (status events), its change to
 * the conversations, and the bus topic it is published on.
 */
export interface IngestRequest {
  event: DomainEvent;
  /** The bus topic the event is published on (its instance's). */
  topic: string;
  /** Dedupe: `key` (`<instanceId>:<eventId>`), the lease `owner` token, the lease and the done mark's lifetimes (ms). */
  dedupe: { key: string; owner: string; leaseMs: number; ttlMs: number };
  /** The status high-water mark to raise (`key` `<instanceId>:<messageId>[:<participant>]`, `rank`, its lifetime in ms), or null. */
  status: { key: string; rank: number; ttlMs: number } | null;
  /** What the event does to the message store (`conversations/apply.ts`, `conversationWrite`). */
  write: ConversationWrite;
}

/**
 * What became of an ingested event: `published` (stored in the conversations and the log, published,
 * marked done), `duplicate` (already done), `stale-status` (a status that would go backwards:
 * marked done, nothing else), `busy` (another delivery of it holds the lease: nothing done).
 */
export type IngestOutcome = 'published' | 'duplicate' | 'stale-status' | 'busy';

/**
 * The stepwise ingest, on any stores: claim → status mark (stale: complete, `stale-status`) →
 * conversation write → append (and publish) → complete. What the memory stores do, and the Redis
 * stores for the events their one-round-trip script does not cover (`steps` writes).
 * A failure after the claim leaves the lease (the caller releases it) and nothing marked done.
 * @throws what the stores throw (backend unreachable)
 */
export async function ingestInSteps(stores: Pick<Stores, 'dedupe' | 'statuses' | 'messages' | 'log'>, request: IngestRequest): Promise<IngestOutcome> {
  const { event, dedupe, status } = request;
  const claim = await stores.dedupe.claim(dedupe.key, dedupe.leaseMs, dedupe.owner);
  if (claim === 'done') return 'duplicate';
  if (claim === 'busy') return 'busy';
  if (status !== null && !(await stores.statuses.advance(status.key, status.rank, event.id, status.ttlMs))) {
    await stores.dedupe.complete(dedupe.key, dedupe.ttlMs);
    return 'stale-status';
  }
  // the conversation first: a failure here leaves the event unstored and retryable, and applying it again changes nothing
  await applyWrite(stores.messages, event.instanceId, request.write);
  await stores.log.append(event, request.topic);
  await stores.dedupe.complete(dedupe.key, dedupe.ttlMs);
  return 'published';
}

/** The stores one server uses, and whether their backend is reachable. */
export interface Stores {
  kind: 'memory' | 'redis';
  bus: EventBus;
  log: EventLog;
  dedupe: DedupeStore;
  idempotency: IdempotencyStore;
  statuses: StatusStore;
  /** Messages awaiting a delivery report and the pollers' leader leases (the providers' {@link TrackingStore} port, given to them as `ProviderDeps.tracking`). */
  tracking: TrackingStore;
  /** The conversations: every message the graph sees, with its statuses, reactions, edits and deletion (`conversations/store.ts`). */
  messages: MessageStore;
  /**
   * Stores one event whole: dedupe, status mark, conversation write, append to the log and
   * publish, done mark (see {@link IngestRequest}, {@link ingestInSteps} for the order and what
   * each outcome means). Redis does it in one round trip (one script) for every event whose
   * conversation write is one record; memory runs {@link ingestInSteps}. Nothing is marked done
   * unless everything was stored.
   * @throws when the backend is unreachable; a lease it took may remain (release it with `dedupe.release(key, owner)`)
   */
  ingest(request: IngestRequest): Promise<IngestOutcome>;
  /** Resolves true when the backend answers (for `/readyz`). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Event log retention: events older than `maxAgeMs` or beyond `maxLength` per instance are dropped. */
export interface RetentionOptions {
  maxAgeMs: number;
  maxLength: number;
}

/** Default retention: 7 days, at most 100,000 events per instance. */
export const DEFAULT_RETENTION: RetentionOptions = { maxAgeMs: 7 * 24 * 3600_000, maxLength: 100_000 };
