import { setMaxListeners } from 'node:events';

/** One deadline handed out by {@link DeadlineQueue.start}. */
export interface Deadline {
  /** Aborts (reason: a `TimeoutError` DOMException, as `AbortSignal.timeout` gives) when the deadline passes. */
  readonly signal: AbortSignal;
  /** When it passes, epoch ms. */
  readonly at: number;
  /** The work it bounded is over: it will not abort any more (idempotent, cheap). */
  done(): void;
}

class Entry implements Deadline {
  readonly signal: AbortSignal;
  controller: AbortController | null;

  constructor(
    controller: AbortController,
    readonly at: number,
  ) {
    this.controller = controller;
    this.signal = controller.signal;
  }

  done(): void {
    this.controller = null;
  }
}

/**
 * Deadlines of one fixed duration sharing a single timer (issue 13: no `AbortSignal.timeout`
 * per call). All deadlines of a queue last `ms`, so they expire in the order they were started:
 * a FIFO and one timer armed for its head replace a timer, a weak reference and a finalizer per
 * call. A finished deadline is marked `done` and dropped when its turn comes; its controller is
 * released at once, so a finished call holds nothing but its slot.
 */
export class DeadlineQueue {
  private readonly entries: Entry[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;

  /**
   * @param ms the duration of every deadline of this queue, ms (> 0)
   * @param manyListeners lift the signal's listener warning (a request deadline: every field waiting on a provider listens); off for a single call's deadline, which a few listeners share
   */
  constructor(
    readonly ms: number,
    private readonly manyListeners = false,
  ) {}

  /** Starts a deadline `ms` from now. */
  start(): Deadline {
    const controller = new AbortController();
    if (this.manyListeners) setMaxListeners(0, controller.signal);
    const entry = new Entry(controller, Date.now() + this.ms);
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
      if (e.controller === null) {
        this.head++;
        continue;
      }
      if (e.at > now) break;
      this.head++;
      const c = e.controller;
      e.controller = null;
      c.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
    // compact once the consumed prefix dominates
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
    // skip finished entries so the timer is armed for a live one
    while (this.head < this.entries.length && this.entries[this.head]!.controller === null) this.head++;
    if (this.head === this.entries.length) {
      this.entries.length = 0;
      this.head = 0;
      return;
    }
    const next = this.entries[this.head]!.at;
    if (!this.timer || next < this.timerAt) this.arm(next);
  }
}
