import type { DomainEvent } from '../providers/model.js';
import { BusInterruptedError, type Stores } from './stores.js';
import { replayGate } from './replay-gate.js';
import { hubOf } from './topic-hub.js';
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
 * graphql-ws subscriptions.
 *
 * Resuming has no gap and no duplicate at the switch: the bus subscription is opened first
 * (buffering), then the log is replayed after `after`, then buffered and new live events
 * whose cursor is past the last replayed one follow. `return()` (client unsubscribe) ends it
 * at once, even while it waits.
 * @throws CursorExpiredError / InvalidCursorError (from the first `next()`) for a bad `after`
 * @throws BusInterruptedError when the bus connection dropped (live events may be lost): resume with the last cursor
 * @throws GraphError SERVICE_UNAVAILABLE (`resume: true`) when too many replays wait for the log (replay-gate.ts)
 */
export function eventStream(stores: Stores, options: StreamOptions): AsyncIterableIterator<DomainEvent> {
  const buffer: DomainEvent[] = [];
  let waiting: { resolve: (r: IteratorResult<DomainEvent>) => void; reject: (err: unknown) => void } | null = null;
  let failure: Error | null = null;
  let done = false;
  let last: string | null = null;
  let unsubscribe: (() => Promise<void>) | null = null;
  let replaying = options.after !== undefined;
  let replayAfter = options.after ?? null;
  let replayQueue: DomainEvent[] = [];
  let replayEnded = !replaying;

  const passes = (e: DomainEvent) => !options.filter || options.filter(e);

  const finish = async () => {
    if (done) return;
    done = true;
    buffer.length = 0;
    const u = unsubscribe;
    unsubscribe = null;
    await u?.().catch(() => undefined);
    const w = waiting;
    waiting = null;
    w?.resolve({ value: undefined, done: true });
  };

  const onMessage = (event: DomainEvent) => {
    if (done) return;
    if (waiting && !replaying && buffer.length === 0) {
      if (!isNew(event)) return;
      if (!passes(event)) return;
      const w = waiting;
      waiting = null;
      w.resolve({ value: event, done: false });
      return;
    }
    if (buffer.length >= MAX_BUFFERED_EVENTS) {
      failure = new SlowConsumerError();
      buffer.length = 0;
      return;
    }
    buffer.push(event);
  };

  /** The bus may have dropped live events (Redis connection lost): end the stream so the client resumes from its last cursor. */
  const onInterrupt = () => {
    if (done || failure) return;
    const f = (failure = new BusInterruptedError());
    buffer.length = 0;
    const w = waiting;
    waiting = null;
    if (w) void finish().then(() => w.reject(f));
  };

  /** Advances `last` and answers whether the event is past it. */
  const isNew = (event: DomainEvent): boolean => {
    if (!event.cursor) return true;
    if (last !== null && stores.log.compare(event.cursor, last) <= 0) return false;
    last = event.cursor;
    return true;
  };

  const ready = hubOf(stores.bus)
    .subscribe(instanceTopic(options.instanceId), onMessage, onInterrupt)
    .then((u) => {
      if (done) void u();
      else unsubscribe = u;
    });

  const pull = async (): Promise<IteratorResult<DomainEvent>> => {
    await ready;
    for (;;) {
      if (done) return { value: undefined, done: true };
      if (failure) {
        const f = failure;
        await finish();
        throw f;
      }
      if (replaying) {
        while (replayQueue.length) {
          const e = replayQueue.shift() as DomainEvent;
          if (isNew(e) && passes(e)) return { value: e, done: false };
        }
        if (replayEnded) {
          replaying = false;
          continue;
        }
        // at most MAX_CONCURRENT_REPLAYS page reads at once in the process (replay-gate.ts)
        const page = await replayGate.run(() => stores.log.readAfter(options.instanceId, replayAfter, REPLAY_BATCH));
        if (page.length < REPLAY_BATCH) replayEnded = true;
        if (page.length) replayAfter = page.at(-1)?.cursor ?? replayAfter;
        replayQueue = page;
        continue;
      }
      while (buffer.length) {
        const e = buffer.shift() as DomainEvent;
        if (isNew(e) && passes(e)) return { value: e, done: false };
      }
      return new Promise<IteratorResult<DomainEvent>>((resolve, reject) => (waiting = { resolve, reject }));
    }
  };

  const iterator: AsyncIterableIterator<DomainEvent> = {
    next: async () => {
      try {
        return await pull();
      } catch (err) {
        await finish();
        throw err;
      }
    },
    return: async () => {
      await finish();
      return { value: undefined, done: true };
    },
    throw: async (err?: unknown) => {
      await finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
