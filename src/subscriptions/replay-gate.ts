import { GraphError } from '../errors.js';

/**
 * Most history-replay reads (`events(after:)` reading a page of the event log) running at once
 * in this process. Ours: bounds the concurrent log reads (Redis `XRANGE`s or memory scans of
 * `REPLAY_BATCH` events each) and the pages they bring into memory, however many subscribers
 * resume at the same moment (a reconnect storm, or one client opening many). A slot is held
 * for one page read, not for the whole replay, so a subscriber that stops reading holds none.
 */
export const MAX_CONCURRENT_REPLAYS = 16;
/** Most replay reads waiting for a slot; one more is refused at once with `SERVICE_UNAVAILABLE` and `resume: true`. Ours. */
export const MAX_QUEUED_REPLAYS = 1_000;
/** Longest a replay read waits for a slot, milliseconds; then it is refused with `SERVICE_UNAVAILABLE` and `resume: true`. Ours. */
export const REPLAY_QUEUE_TIMEOUT_MS = 10_000;

/** How busy a {@link ReplayGate} is. */
export interface ReplayGateStats {
  /** Reads running now (at most the gate's limit). */
  running: number;
  /** Reads waiting for a slot. */
  queued: number;
  /** Most reads that ever ran at once. */
  peak: number;
}

/**
 * A counting semaphore for history replays: at most `limit` run at once, up to `maxQueued`
 * wait (first come, first served) for at most `timeoutMs`, the rest are refused. The refusal
 * is a `GraphError` `SERVICE_UNAVAILABLE` with `resume: true`: the client resubscribes later
 * with the same cursor and loses nothing.
 */
export class ReplayGate {
  private running = 0;
  private peak = 0;
  private readonly queue: Array<() => void> = [];

  /**
   * @param limit reads at once
   * @param maxQueued reads waiting
   * @param timeoutMs longest wait, milliseconds
   */
  constructor(
    private readonly limit = MAX_CONCURRENT_REPLAYS,
    private readonly maxQueued = MAX_QUEUED_REPLAYS,
    private readonly timeoutMs = REPLAY_QUEUE_TIMEOUT_MS,
  ) {}

  /**
   * Runs `read` once a slot is free and frees the slot when it settles.
   * @returns what `read` returns
   * @throws GraphError SERVICE_UNAVAILABLE (`resume: true`) when the queue is full or the wait times out; whatever `read` throws
   */
  async run<T>(read: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await read();
    } finally {
      this.release();
    }
  }

  /** How busy the gate is now. */
  stats(): ReplayGateStats {
    return { running: this.running, queued: this.queue.length, peak: this.peak };
  }

  private acquire(): Promise<void> {
    if (this.running < this.limit) {
      this.take();
      return Promise.resolve();
    }
    if (this.queue.length >= this.maxQueued) return Promise.reject(busy());
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.take();
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(grant);
        if (i >= 0) this.queue.splice(i, 1);
        reject(busy());
      }, this.timeoutMs);
      timer.unref?.();
      this.queue.push(grant);
    });
  }

  private take(): void {
    this.running++;
    if (this.running > this.peak) this.peak = this.running;
  }

  private release(): void {
    this.running--;
    this.queue.shift()?.();
  }
}

function busy(): GraphError {
  return new GraphError('SERVICE_UNAVAILABLE', 'Too many history replays are running: resubscribe later with the same `after` cursor', { resume: true });
}

/** The process's one gate: every `events(after:)` replay read goes through it. */
export const replayGate = new ReplayGate();
