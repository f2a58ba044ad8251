import { EventEmitter, setMaxListeners } from 'node:events';

/**
 * What waits on a deadline sees of it (ours): whether it has passed, and its `abort` event.
 * It is an `EventEmitter` whose `abort` event fires once when the deadline passes (synchronously,
 * from the queue's timer; a throwing listener is reported as an uncaught exception, as an
 * EventTarget's is, and later deadlines still pass on time). undici takes it as a request's `signal` (its documented
 * `AbortSignal | EventEmitter`: it reads `aborted` and `reason`, listens with `once('abort')`
 * and stops listening with `removeListener`), so a provider call or a field can wait on it
 * without an `AbortController` (issue 13: `createAbortSignal` and EventTarget listeners cost
 * a request more than the rest of its deadline bookkeeping together). A real `AbortSignal` is
 * made only for code that needs one (`signal`).
 */
export interface DeadlineSignal extends EventEmitter {
  /** The deadline has passed (and the work it bounded was not finished first). */
  readonly aborted: boolean;
  /** Once {@link aborted}: a `TimeoutError` DOMException, as `AbortSignal.timeout` gives; undefined before. */
  readonly reason: DOMException | undefined;
  /** An `AbortSignal` that aborts with {@link reason} when the deadline passes, made on first use (one per deadline). */
  readonly signal: AbortSignal;
}

/** One deadline handed out by {@link DeadlineQueue.start}: its signal, when it passes, and `done()`. Ours. */
export interface Deadline extends DeadlineSignal {
  /** When it passes, epoch ms. */
  readonly at: number;
  /** The work it bounded is over: it will not abort any more (idempotent, cheap). */
  done(): void;
}

class Entry extends EventEmitter implements Deadline {
  aborted = false;
  reason: DOMException | undefined = undefined;
  /** Still to abort when its turn comes (false once done or aborted). */
  live = true;
  private controller: AbortController | null = null;

  constructor(
    readonly at: number,
    private readonly manyListeners: boolean,
  ) {
    super();
    if (manyListeners) this.setMaxListeners(0);
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.manyListeners) setMaxListeners(0, this.controller.signal);
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  done(): void {
    this.live = false;
  }

  /** Passes the deadline: `aborted`, the lazy signal aborted, the `abort` listeners called. */
  expire(): void {
    this.live = false;
    this.aborted = true;
    this.reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    this.controller?.abort(this.reason);
    try {
      this.emit('abort');
    } catch (err) {
      // an EventTarget reports a throwing listener without stopping the others (or this queue)
      process.nextTick(() => {
        throw err;
      });
    }
  }
}

/**
 * Deadlines of one fixed duration sharing a single timer (issue 13: no `AbortSignal.timeout`
 * per call). All deadlines of a queue last `ms`, so they expire in the order they were started:
 * a FIFO and one timer armed for its head replace a timer, a weak reference and a finalizer per
 * call. A deadline is a small {@link DeadlineSignal} (an `EventEmitter`, its `AbortSignal` made
 * only when asked for); a finished one is marked `done` and dropped when its turn comes.
 */
export class DeadlineQueue {
  private readonly entries: Entry[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;

  /**
   * @param ms the duration of every deadline of this queue, ms (> 0)
   * @param manyListeners lift the listener warning (a request deadline: every field waiting on a provider listens); off for a single call's deadline, which a few listeners share
   */
  constructor(
    readonly ms: number,
    private readonly manyListeners = false,
  ) {}

  /** Starts a deadline `ms` from now. */
  start(): Deadline {
    const entry = new Entry(Date.now() + this.ms, this.manyListeners);
    this.entries.push(entry);
    if (!this.timer) this.arm(entry.at);
    return entry;
  }

  /** Deadlines started and not yet expired or dropped (finished ones included until their turn). */
  get size(): number {
    return this.entries.length - this.head;
  }

  private arm(at: number): void {
    this.timerAt = at;
    this.timer = setTimeout(() => this.expire(), Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = null;
    const now = Date.now();
    while (this.head < this.entries.length) {
      const e = this.entries[this.head]!;
      if (!e.live) {
        this.head++;
        continue;
      }
      if (e.at > now) break;
      this.head++;
      e.expire();
    }
    // compact once the consumed prefix dominates
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
    // skip finished entries so the timer is armed for a live one
    while (this.head < this.entries.length && !this.entries[this.head]!.live) this.head++;
    if (this.head === this.entries.length) {
      this.entries.length = 0;
      this.head = 0;
      return;
    }
    const next = this.entries[this.head]!.at;
    if (!this.timer || next < this.timerAt) this.arm(next);
  }
}

/**
 * The queue of `queues` for deadlines lasting `ms`, made on first use and kept for as long as the
 * map (deadlines of one duration share one queue and its one timer). Ours.
 * @param queues the owner's queues, by duration in ms
 * @param ms the duration, ms (> 0)
 * @param manyListeners as {@link DeadlineQueue}'s
 * @returns the queue; never throws
 */
export function queueFor(queues: Map<number, DeadlineQueue>, ms: number, manyListeners = false): DeadlineQueue {
  let queue = queues.get(ms);
  if (!queue) queues.set(ms, (queue = new DeadlineQueue(ms, manyListeners)));
  return queue;
}

/** The process's queues for {@link sharedDeadline}, by duration (kept for the life of the process: one per configured duration). */
const SHARED = new Map<number, DeadlineQueue>();

/**
 * A deadline `ms` from now on the process's queue of that duration (made on first use; many
 * listeners allowed): for deadlines nobody ends early, such as a WebSocket operation's. Ours.
 * @param ms the duration, ms (> 0)
 * @returns the running deadline; never throws
 */
export function sharedDeadline(ms: number): Deadline {
  return queueFor(SHARED, ms, true).start();
}

/**
 * Ends a deadline a {@link DeadlineQueue} started, given as the {@link DeadlineSignal} its waiters
 * see (a request context's `deadline`, typed as the signal so that fields cannot end it): as
 * {@link Deadline.done}. That narrowing back is its whole purpose; any other signal is left alone. Ours.
 * @param signal the deadline as its waiters see it
 */
export function endDeadline(signal: DeadlineSignal): void {
  if (signal instanceof Entry) signal.done();
}
