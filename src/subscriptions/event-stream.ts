import type { DomainEvent } from '../providers/model.js';
import { BusInterruptedError, type Stores } from './stores.js';
import { replayGate } from './replay-gate.js';
import { PUSH, type PushSink, type Pushable } from './push.js';
import { hubOf, type HubSubscriber } from './topic-hub.js';
import { instanceTopic } from './topics.js';

/** Events read from the log per replay step. */
export const REPLAY_BATCH = 500;
/** Most live events buffered for one slow subscriber before its stream ends (it resumes from its last cursor). */
export const MAX_BUFFERED_EVENTS = 10_000;

/** The subscriber fell too far behind; it should resubscribe with its last cursor. */
export class SlowConsumerError extends Error {
  constructor() {
    super('Subscriber too slow: resubscribe with `after` set to the last cursor received');
    this.name = 'SlowConsumerError';
  }
}

/** What a stream delivers. */
export interface StreamOptions {
  instanceId: string;
  /**
   * Replay everything after this cursor first (`null`: from the oldest retained event);
   * `undefined`: live events only.
   */
  after?: string | null;
  /** Delivers only events that pass. */
  filter?: (event: DomainEvent) => boolean;
}

/**
 * A live (optionally resumed) stream of an instance's events as an AsyncIterator, for
 * graphql-ws subscriptions; it can also push ({@link PUSH}: live events handed to a sink in the
 * call that dispatched them, no promise per event).
 *
 * Resuming has no gap and no duplicate at the switch: the bus subscription is opened first
 * (buffering), then the log is replayed after `after`, then buffered and new live events
 * whose cursor is past the last replayed one follow. `return()` (client unsubscribe) ends it
 * at once, even while it waits.
 * @throws CursorExpiredError / InvalidCursorError (from the first `next()`) for a bad `after`
 * @throws BusInterruptedError when the bus connection dropped (live events may be lost): resume with the last cursor
 * @throws GraphError SERVICE_UNAVAILABLE (`resume: true`) when too many replays wait for the log (replay-gate.ts)
 */
export function eventStream(stores: Stores, options: StreamOptions): AsyncIterableIterator<DomainEvent> & Pushable<DomainEvent> {
  return new EventStream(stores, options);
}

/**
 * The stream of {@link eventStream}: a class, so that an idle subscriber costs one object and
 * its fields, not a dozen closures and their contexts. It is its own bus listener.
 */
class EventStream implements AsyncIterableIterator<DomainEvent>, Pushable<DomainEvent>, HubSubscriber {
  /** Live events not yet delivered (while replaying, or while the puller is busy); created on first use. */
  private buffer: DomainEvent[] | null = null;
  private waiting: { resolve: (r: IteratorResult<DomainEvent>) => void; reject: (err: unknown) => void } | null = null;
  private failure: Error | null = null;
  private done = false;
  private last: string | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private replaying: boolean;
  private replayAfter: string | null;
  private replayQueue: DomainEvent[] = NONE;
  private replayEnded: boolean;
  private readonly ready: Promise<void>;
  /** Set once pushing: live events go to it directly once `live`. */
  private sink: PushSink<DomainEvent> | null = null;
  private live = false;

  constructor(
    private readonly stores: Stores,
    private readonly options: StreamOptions,
  ) {
    this.replaying = options.after !== undefined;
    this.replayAfter = options.after ?? null;
    this.replayEnded = !this.replaying;
    this.ready = hubOf(stores.bus)
      .subscribe(instanceTopic(options.instanceId), this)
      .then((u) => {
        if (this.done) void u();
        else this.unsubscribe = u;
      });
  }

  private passes(e: DomainEvent): boolean {
    return !this.options.filter || this.options.filter(e);
  }

  private async finish(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.buffer = null;
    const u = this.unsubscribe;
    this.unsubscribe = null;
    await u?.().catch(() => undefined);
    const w = this.waiting;
    this.waiting = null;
    w?.resolve({ value: undefined, done: true });
  }

  /** A live event from the bus (the hub's listener). */
  onEvent(event: DomainEvent): void {
    if (this.done) return;
    if (this.live) {
      if (this.isNew(event) && this.passes(event)) (this.sink as PushSink<DomainEvent>).onValue(event);
      return;
    }
    if (this.waiting && !this.replaying && !this.buffer?.length) {
      if (!this.isNew(event)) return;
      if (!this.passes(event)) return;
      const w = this.waiting;
      this.waiting = null;
      w.resolve({ value: event, done: false });
      return;
    }
    const buffer = (this.buffer ??= []);
    if (buffer.length >= MAX_BUFFERED_EVENTS) {
      this.failure = new SlowConsumerError();
      buffer.length = 0;
      return;
    }
    buffer.push(event);
  }

  /** The bus may have dropped live events (Redis connection lost): end the stream so the client resumes from its last cursor. */
  onInterrupt(): void {
    if (this.done || this.failure) return;
    const f = (this.failure = new BusInterruptedError());
    this.buffer = null;
    if (this.live) {
      const sink = this.sink as PushSink<DomainEvent>;
      void this.finish().then(() => sink.onError(f));
      return;
    }
    const w = this.waiting;
    this.waiting = null;
    if (w) void this.finish().then(() => w.reject(f));
  }

  /** Advances `last` and answers whether the event is past it. */
  private isNew(event: DomainEvent): boolean {
    if (!event.cursor) return true;
    if (this.last !== null && this.stores.log.compare(event.cursor, this.last) <= 0) return false;
    this.last = event.cursor;
    return true;
  }

  /** Reads the next page of the replay into `replayQueue` (at most MAX_CONCURRENT_REPLAYS page reads at once in the process, replay-gate.ts). */
  private async readPage(): Promise<void> {
    const page = await replayGate.run(() => this.stores.log.readAfter(this.options.instanceId, this.replayAfter, REPLAY_BATCH));
    if (page.length < REPLAY_BATCH) this.replayEnded = true;
    if (page.length) this.replayAfter = page.at(-1)?.cursor ?? this.replayAfter;
    this.replayQueue = page;
  }

  private async pull(): Promise<IteratorResult<DomainEvent>> {
    await this.ready;
    for (;;) {
      if (this.done) return { value: undefined, done: true };
      if (this.failure) {
        const f = this.failure;
        await this.finish();
        throw f;
      }
      if (this.replaying) {
        while (this.replayQueue.length) {
          const e = this.replayQueue.shift() as DomainEvent;
          if (this.isNew(e) && this.passes(e)) return { value: e, done: false };
        }
        if (this.replayEnded) {
          this.replaying = false;
          continue;
        }
        await this.readPage();
        continue;
      }
      const buffer = this.buffer;
      while (buffer?.length) {
        const e = buffer.shift() as DomainEvent;
        if (this.isNew(e) && this.passes(e)) return { value: e, done: false };
      }
      return new Promise<IteratorResult<DomainEvent>>((resolve, reject) => (this.waiting = { resolve, reject }));
    }
  }

  /** Pushing: replays (paced by the sink's `ready`), drains the buffer, then hands live events over as they come. */
  private async drive(sink: PushSink<DomainEvent>): Promise<void> {
    try {
      await this.ready;
      for (;;) {
        if (this.done) return;
        if (this.failure) throw this.failure;
        if (this.replaying) {
          const queue = this.replayQueue;
          this.replayQueue = NONE;
          for (const e of queue) if (this.isNew(e) && this.passes(e)) sink.onValue(e);
          if (this.replayEnded) this.replaying = false;
          else {
            await sink.ready();
            if (!this.done && !this.failure) await this.readPage();
          }
          continue;
        }
        const buffer = this.buffer;
        this.buffer = null;
        if (buffer) for (const e of buffer) if (this.isNew(e) && this.passes(e)) sink.onValue(e);
        if (this.failure) continue;
        this.live = true;
        return;
      }
    } catch (err) {
      await this.finish();
      sink.onError(err);
    }
  }

  [PUSH](sink: PushSink<DomainEvent>): void {
    this.sink = sink;
    void this.drive(sink);
  }

  async next(): Promise<IteratorResult<DomainEvent>> {
    try {
      return await this.pull();
    } catch (err) {
      await this.finish();
      throw err;
    }
  }

  async return(): Promise<IteratorResult<DomainEvent>> {
    await this.finish();
    return { value: undefined, done: true };
  }

  async throw(err?: unknown): Promise<IteratorResult<DomainEvent>> {
    await this.finish();
    throw err;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DomainEvent> {
    return this;
  }
}

/** The shared empty replay queue (never written to). */
const NONE: DomainEvent[] = [];
