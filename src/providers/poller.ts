import { GraphError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EventSink } from './contract.js';
import type { DomainEvent } from './model.js';

/**
 * The one periodic task runner of the provider layer, for providers whose inbound events are
 * fetched rather than posted (a pending-notification pull, a delivery-report poll). Provider
 * neutral: the provider supplies the sweep, the poller owns the timing, the hand-off to the
 * {@link EventSink}, error containment and shutdown.
 */

/** What {@link startPoller} runs. */
export interface PollerOptions {
  /**
   * A constant name for log lines (`ivosights pending-notification pull`): never an id, a URL
   * or a credential.
   */
  task: string;
  /**
   * Wait between the end of one sweep and the start of the next, ms. The first sweep starts
   * one interval after {@link startPoller}.
   */
  intervalMs: number;
  /**
   * One sweep: fetches what the provider has and returns the domain events found (empty for
   * none). `signal` aborts when {@link Poller.stop} is called, so a long sweep can end early; it
   * may throw, which is logged and the next sweep still runs.
   */
  sweep: (signal: AbortSignal) => Promise<readonly DomainEvent[]>;
  /** Receives each sweep's events, when there are any. */
  sink: EventSink;
  /**
   * Called after the sink accepted a sweep's events; not called when it refused them (the
   * sweep then finds them again next time, with the same ids, and the sink dedupes). The next
   * sweep waits for the promise it returns, if any (any other value is ignored); a rejection is logged like a sweep's.
   */
  onAccepted?: (events: readonly DomainEvent[]) => unknown;
  /** Where failures are logged: the task name and the error code only, never the error's text. */
  logger: Logger;
}

/** A running poller. */
export interface Poller {
  /**
   * Stops the poller: no sweep starts after this call; aborts the signal of a sweep in
   * progress and resolves once it (and its hand-off to the sink) has ended. Never rejects.
   */
  stop(): Promise<void>;
}

/** The error code logged for a failure: a GraphError's code, otherwise `ERROR` (its message may hold secrets). */
function codeOf(err: unknown): string {
  return err instanceof GraphError ? err.code : 'ERROR';
}

/**
 * Starts a poller: every `intervalMs` after the previous sweep ended, runs `sweep` and hands
 * its events to `sink`. Sweeps never overlap; a sweep or a sink that throws is logged
 * (`{task, code}`) and never stops the poller or crashes the process; the timer is `unref`'d, so
 * a running poller alone does not keep the process alive.
 * @param options see {@link PollerOptions}
 * @returns the handle whose `stop()` ends it
 */
export function startPoller(options: PollerOptions): Poller {
  const { task, intervalMs, sweep, sink, onAccepted, logger } = options;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    let events: readonly DomainEvent[];
    try {
      events = await sweep(abort.signal);
    } catch (err) {
      logger.warn({ task, code: codeOf(err) }, 'poller sweep failed');
      return;
    }
    if (!events.length) return;
    try {
      await sink.accept([...events]);
    } catch (err) {
      logger.warn({ task, code: codeOf(err) }, 'poller events not accepted');
      return;
    }
    try {
      await onAccepted?.(events);
    } catch (err) {
      logger.warn({ task, code: codeOf(err) }, 'poller sweep failed');
    }
  };

  const schedule = (): void => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      inFlight = run()
        .catch((err: unknown) => logger.warn({ task, code: codeOf(err) }, 'poller sweep failed'))
        .finally(() => {
          inFlight = null;
          schedule();
        });
    }, intervalMs);
    timer.unref?.();
  };
  schedule();

  return {
    async stop(): Promise<void> {
      abort.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}
