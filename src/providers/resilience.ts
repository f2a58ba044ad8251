import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import type { Deadline, DeadlineSignal } from '../deadlines.js';

/**
 * Outbound resilience of one provider instance (issue 12, deliverable 4): a circuit breaker,
 * the provider's `Retry-After` honoured, retries with jitter for reads, and optional pacing.
 * Every instance gets its own {@link InstanceResilience} (one per `ProviderHttpClient`), so one
 * failing or rate-limited account never blocks another. Nothing here knows a provider, a URL
 * or a credential; errors are built by the caller (`http.ts`) from what these helpers report.
 */

/** Consecutive transport failures (timeout, refused connection, HTTP 5xx) after which an instance's circuit opens. */
export const DEFAULT_BREAKER_THRESHOLD = 5;

/** How long an open circuit fails fast before letting one trial call through (half-open), ms. */
export const DEFAULT_BREAKER_HALF_OPEN_AFTER_MS = 30_000;

/** Retries of a failed read (GET) on top of the first attempt; sends and other writes are never retried. */
export const DEFAULT_READ_RETRIES = 2;

/** First backoff before a read retry, ms (cockatiel's decorrelated jitter spreads it). */
export const READ_RETRY_INITIAL_DELAY_MS = 100;

/** Longest backoff between two read retries, ms; the request's deadline bounds the whole anyway. */
export const READ_RETRY_MAX_DELAY_MS = 1_000;

/** HTTP statuses after which a read is retried (gateway-level, usually transient). */
export const RETRYABLE_READ_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Longest `Retry-After` an instance honours, ms (1 h): a longer or absurd value from the
 * provider is capped so one answer cannot silence an instance for days.
 */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Per-instance outbound pacing: at most `ratePerSecond` requests per second on average, with
 * bursts of up to `burst` requests. None of the four providers documents a numeric rate (only
 * Zivo says "Requests are throttled", zivo.txt 120, with no figure), so pacing is off unless
 * configured.
 */
export interface PacingOptions {
  /** Sustained requests per second (> 0). */
  ratePerSecond: number;
  /** Requests allowed at once before pacing starts (default 1). */
  burst?: number;
}

/** The resilience settings of one instance; every field has a default. */
export interface ResilienceOptions {
  /** Consecutive transport failures that open the circuit (default {@link DEFAULT_BREAKER_THRESHOLD}). */
  breakerThreshold?: number;
  /** Open-circuit duration before a trial call, ms (default {@link DEFAULT_BREAKER_HALF_OPEN_AFTER_MS}). */
  halfOpenAfterMs?: number;
  /** Retries of a read on a network error or HTTP 502/503/504 (default {@link DEFAULT_READ_RETRIES}; 0 turns them off). */
  readRetries?: number;
  /** Outbound pacing; absent (the default) means none. */
  pacing?: PacingOptions;
  /**
   * After a 429 with `Retry-After`, refuse the instance's calls until it has passed
   * (`PROVIDER_RATE_LIMITED` with the time left, without reaching the provider). Default
   * {@link DEFAULT_HONOUR_RETRY_AFTER}.
   */
  honourRetryAfter?: boolean;
}

/**
 * Whether instances honour `Retry-After` unless configured otherwise: on (issue 12: after a 429
 * with `Retry-After: 120` the next 50 calls all went to the provider).
 */
export const DEFAULT_HONOUR_RETRY_AFTER = true;

/** Why a call was refused before it reached the provider. */
export type FastFailure =
  { kind: 'rate-limited'; retryAfterMs: number } | { kind: 'circuit-open'; retryAfterMs: number; halfOpenAt: number } | { kind: 'paced'; retryAfterMs: number };

/** Thrown by {@link InstanceResilience.execute} when a call is refused before reaching the provider; `http.ts` maps it to a `ProviderError`. */
export class FastFailError extends Error {
  /** @param failure why, and how long until a call may go through, ms */
  constructor(readonly failure: FastFailure) {
    super(`call refused locally: ${failure.kind}`);
    this.name = 'FastFailError';
  }
}

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` stored. `reserve()` takes a
 * token now or books one in the future and says how long to wait for it, ms.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly burst: number;

  /** @param options rate (per second, > 0) and burst (≥ 1) */
  constructor(private readonly options: PacingOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError('pacing.ratePerSecond must be > 0');
    this.burst = Math.max(1, options.burst ?? 1);
    this.tokens = this.burst;
    this.updatedAt = Date.now();
  }

  /** The wait before the next token would be available, ms, without taking it. */
  peekWaitMs(now = Date.now()): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
  }

  /** Takes a token (possibly one not yet earned) and returns how long to wait before using it, ms. */
  reserve(now = Date.now()): number {
    const wait = this.peekWaitMs(now);
    this.tokens -= 1;
    return wait;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.options.ratePerSecond);
    this.updatedAt = now;
  }
}

/** What {@link InstanceResilience.execute} needs to know about one call. */
export interface ResilientCall {
  /** A read may be retried; anything that changes state never is. */
  idempotent: boolean;
  /**
   * The call's deadline (aborts every attempt and every backoff); pacing refuses a call whose
   * wait would pass its `at`. Its `AbortSignal` is asked for only where a policy needs one (a
   * read's retries, a circuit that is not closed), so a send in the common case makes none.
   */
  deadline: Pick<Deadline, 'at'> & DeadlineSignal;
}

/** How `http.ts` classifies an attempt's failure for the policies. */
export interface FailureClassifier {
  /** Counts against the breaker: a timeout, a network failure or HTTP 5xx; never a 4xx, a 429 or a malformed 2xx. */
  isTransportFailure(err: unknown): boolean;
  /** Worth one more read attempt: a network failure (not a timeout) or HTTP 502/503/504. */
  isRetryable(err: unknown): boolean;
  /** The backoff a 429 asked for, ms, or undefined when the error is not one or sent no `Retry-After`. */
  retryAfterMs(err: unknown): number | undefined;
}

/**
 * The policies of one instance. `execute(call, attempt)` refuses at once (throwing
 * {@link FastFailError}) while a `Retry-After` backoff runs, while the circuit is open, or when
 * pacing would wait past the deadline; otherwise it waits for pacing, then runs `attempt`
 * through the breaker, retrying reads per {@link FailureClassifier.isRetryable}.
 */
export class InstanceResilience {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly readRetry: RetryPolicy | null;
  private readonly bucket: TokenBucket | null;
  private readonly halfOpenAfterMs: number;
  private readonly honourRetryAfter: boolean;
  private rateLimitedUntil = 0;
  private openedAt = 0;

  /**
   * @param classifier how failures count (see {@link FailureClassifier})
   * @param options thresholds, retries and pacing; defaults as documented on {@link ResilienceOptions}
   */
  constructor(
    private readonly classifier: FailureClassifier,
    options: ResilienceOptions = {},
  ) {
    this.halfOpenAfterMs = options.halfOpenAfterMs ?? DEFAULT_BREAKER_HALF_OPEN_AFTER_MS;
    this.breaker = circuitBreaker(
      handleWhen((err) => classifier.isTransportFailure(err)),
      { halfOpenAfter: this.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerThreshold ?? DEFAULT_BREAKER_THRESHOLD) },
    );
    this.breaker.onBreak(() => {
      this.openedAt = Date.now();
    });
    const retries = options.readRetries ?? DEFAULT_READ_RETRIES;
    this.readRetry =
      retries > 0
        ? retry(
            handleWhen((err) => classifier.isRetryable(err)),
            { maxAttempts: retries, backoff: new ExponentialBackoff({ initialDelay: READ_RETRY_INITIAL_DELAY_MS, maxDelay: READ_RETRY_MAX_DELAY_MS }) },
          )
        : null;
    this.bucket = options.pacing ? new TokenBucket(options.pacing) : null;
    this.honourRetryAfter = options.honourRetryAfter ?? DEFAULT_HONOUR_RETRY_AFTER;
  }

  /**
   * Runs one call under the instance's policies.
   * @param call whether it is a read, and its deadline
   * @param attempt one request to the provider, bounded by the given signal
   * @returns what `attempt` resolved with
   * @throws FastFailError when refused without reaching the provider; whatever `attempt` threw otherwise; the deadline's abort reason when it fires during a backoff
   */
  async execute<T>(call: ResilientCall, attempt: (signal: DeadlineSignal) => Promise<T>): Promise<T> {
    this.checkGates();
    const { deadline } = call;
    if (this.bucket) {
      const now = Date.now();
      const wait = this.bucket.peekWaitMs(now);
      if (now + wait > deadline.at) throw new FastFailError({ kind: 'paced', retryAfterMs: wait });
      const reserved = this.bucket.reserve(now);
      if (reserved > 0) await abortableSleep(reserved, deadline);
    }
    try {
      if (!call.idempotent || !this.readRetry) return await this.guarded(deadline, attempt);
      return await this.readRetry.execute(() => this.guarded(deadline, attempt), deadline.signal);
    } catch (err) {
      const retryAfter = this.classifier.retryAfterMs(err);
      if (this.honourRetryAfter && retryAfter !== undefined && retryAfter > 0)
        this.rateLimitedUntil = Math.max(this.rateLimitedUntil, Date.now() + Math.min(retryAfter, MAX_RETRY_AFTER_MS));
      throw err;
    }
  }

  /**
   * One attempt through the breaker; an open circuit becomes a {@link FastFailError}. A closed
   * breaker only hands its signal to the attempt (which takes the deadline itself instead), so
   * it gets the deadline's `AbortSignal` only when half-open or open, where it reads it.
   */
  private async guarded<T>(deadline: ResilientCall['deadline'], attempt: (signal: DeadlineSignal) => Promise<T>): Promise<T> {
    try {
      if (this.breaker.state === CircuitState.Closed) return await this.breaker.execute(() => attempt(deadline));
      return await this.breaker.execute(() => attempt(deadline), deadline.signal);
    } catch (err) {
      if (err instanceof BrokenCircuitError) throw new FastFailError(this.circuitFailure());
      throw err;
    }
  }

  /** @throws FastFailError while a `Retry-After` backoff runs or the circuit is open (not yet due to half-open) */
  private checkGates(): void {
    const now = Date.now();
    if (now < this.rateLimitedUntil) throw new FastFailError({ kind: 'rate-limited', retryAfterMs: this.rateLimitedUntil - now });
    if (this.breaker.state === CircuitState.Open && now < this.openedAt + this.halfOpenAfterMs) throw new FastFailError(this.circuitFailure());
  }

  private circuitFailure(): FastFailure {
    const halfOpenAt = this.openedAt + this.halfOpenAfterMs;
    return { kind: 'circuit-open', retryAfterMs: Math.max(0, halfOpenAt - Date.now()), halfOpenAt };
  }
}

/** Resolves after `ms`, or rejects with the deadline's reason when it passes first. */
function abortableSleep(ms: number, deadline: DeadlineSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (deadline.aborted) return reject(deadline.reason!);
    const timer = setTimeout(() => {
      deadline.removeListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(deadline.reason!);
    };
    deadline.once('abort', onAbort);
  });
}
