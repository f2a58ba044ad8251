/**
 * Push delivery of a stream, beside its AsyncIterator: a consumer that can take values
 * synchronously (the WebSocket fan-out, `ws-execution.ts`) attaches a {@link PushSink} and
 * gets each live event in the same call that dispatched it, with no promise, no microtask and
 * no suspended `next()` per subscriber. Streams that support it carry the {@link PUSH} method;
 * wrappers forward it. A stream is consumed either by pulling (`next()`) or by one sink, never both.
 */

/** The method by which a stream takes a {@link PushSink} (a symbol, so it never clashes with iterator methods). */
export const PUSH: unique symbol = Symbol('whatsgraph.push');

/** What a pushing stream calls. Methods, not closures, so one object (the consumer itself) serves as the sink. */
export interface PushSink<T> {
  /** One value, in stream order. Must not throw. */
  onValue(value: T): void;
  /** The stream failed and ended; nothing follows. */
  onError(err: unknown): void;
  /** The stream ended by itself; nothing follows (not called when the consumer ended it with `return()`). */
  onEnd(): void;
  /**
   * Backpressure for bulk deliveries (a history replay): a promise to wait for before pushing
   * more, or undefined when the consumer can take more now.
   */
  ready(): Promise<void> | undefined;
}

/** A stream that can push to a sink. */
export interface Pushable<T> {
  /** Starts pushing to `sink` (once; the stream is then no longer pulled). */
  [PUSH](sink: PushSink<T>): void;
}

/** Whether `value` can push (has the {@link PUSH} method). */
export function isPushable<T>(value: unknown): value is Pushable<T> {
  return typeof (value as Partial<Pushable<T>> | null)?.[PUSH] === 'function';
}
