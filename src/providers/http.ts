import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { GraphError, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { queueFor, type DeadlineQueue, type DeadlineSignal } from '../deadlines.js';
import type { Counter, Histogram } from 'prom-client';
import { boundChildren, type Metrics } from '../metrics.js';
import type { ProviderKind } from './model.js';
import { FastFailError, InstanceResilience, RETRYABLE_READ_STATUSES, type FastFailure, type ResilienceOptions } from './resilience.js';

/** Idle keep-alive sockets of an instance's pool are closed after this long, ms. */
export const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/** Upper bound a provider's own `Keep-Alive: timeout=` hint may raise {@link KEEP_ALIVE_TIMEOUT_MS} to, ms. */
export const KEEP_ALIVE_MAX_TIMEOUT_MS = 60_000;

/**
 * Connections each instance may hold open to its provider's origin (its own pool: calls
 * hanging on one instance queue behind that instance's connections only, never another's).
 * Before issue 12 the whole process shared one pool of 64 per origin.
 */
export const DEFAULT_INSTANCE_CONNECTIONS = 32;

/** Default per-request timeout, ms. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A failed provider call, already mapped to the graph's error vocabulary:
 * 401/403 → `PROVIDER_UNAUTHORIZED`; 429 → `PROVIDER_RATE_LIMITED` (`retryAfterMs` from
 * `Retry-After` when sent); 5xx, timeouts and refused connections → `PROVIDER_UNAVAILABLE`;
 * anything else → `PROVIDER_ERROR` (or what the provider's `mapError` decides). The message
 * and extensions name the provider, the operation and the HTTP status, never the URL, a
 * credential or the request body.
 */
export class ProviderError extends GraphError {
  /**
   * @param code the graph error code
   * @param provider the provider kind
   * @param operation the documented operation (e.g. `send-text`)
   * @param message safe text
   * @param extra safe extensions: `httpStatus`, `retryAfterMs`, `providerCode`
   */
  constructor(code: ErrorCode, provider: ProviderKind, operation: string, message: string, extra: ProviderErrorExtensions = {}) {
    super(code, message, { provider, operation, ...extra });
    this.name = 'ProviderError';
  }
}

/** The safe extensions a {@link ProviderError} may carry besides `provider` and `operation`. */
export interface ProviderErrorExtensions {
  /** The provider's HTTP status, when it answered. */
  httpStatus?: number;
  /** How long to wait before calling this instance again, ms (from `Retry-After`, an open circuit or pacing). */
  retryAfterMs?: number;
  /** The provider's own error code, or `MALFORMED_REPLY` for a 2xx answer that is not the documented JSON. */
  providerCode?: string;
  /** `OPEN` when the call was refused because the instance's circuit breaker is open. */
  circuit?: 'OPEN';
  /** When an open circuit lets a trial call through (half-open), epoch ms. */
  halfOpenAt?: number;
  /** The HTTP method of the operation (with `operation`, names it without its URL). */
  method?: string;
}

/**
 * A {@link ProviderError} `PROVIDER_UNAVAILABLE` raised before any answer: `timeout` when the
 * deadline passed, `network` when the connection failed (refused, reset, DNS). The resilience
 * policies retry reads after `network`, never after `timeout`.
 */
export class ProviderTransportError extends ProviderError {
  /**
   * @param transport what failed
   * @param provider the provider kind
   * @param operation the documented operation
   */
  constructor(
    readonly transport: 'timeout' | 'network',
    provider: ProviderKind,
    operation: string,
  ) {
    super(
      'PROVIDER_UNAVAILABLE',
      provider,
      operation,
      transport === 'timeout' ? `${provider} did not answer ${operation} in time` : `${provider} could not be reached for ${operation}`,
    );
  }
}

/** A request relative to the provider's base URL. */
export interface ProviderRequest {
  /** The documented operation name, for metrics, logs and errors (`send-text`). */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path appended to the base URL; path parameters already encoded (see {@link encodePath}). */
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  /** JSON body (serialised here), or `undefined` for none. */
  body?: unknown;
  /** Overrides the client's timeout, ms: the deadline of the whole call, retries and pacing included. */
  timeoutMs?: number;
  /**
   * `json` (default): a 2xx body must be JSON (or empty), anything else is a malformed reply →
   * `PROVIDER_ERROR`. `text`: a documented plain-text answer, returned as a string.
   */
  responseType?: 'json' | 'text';
  /** Overrides the read/write reading of the method: `true` lets a documented read sent as POST be retried; `false` forbids retrying a GET. */
  idempotent?: boolean;
}

/** What a provider may decide from a non-2xx answer: a graph error code and a safe message. */
export interface MappedProviderError {
  code: ErrorCode;
  message: string;
  providerCode?: string;
}

/** Options of {@link ProviderHttpClient}. */
export interface ProviderHttpClientOptions {
  provider: ProviderKind;
  /** Origin plus the fixed path prefix (e.g. `https://api.z-api.io/instances/ID/token/TOKEN`). Never logged or shown. */
  baseUrl: string;
  /** Headers sent on every request (credentials go here). Never logged or shown. */
  headers?: Record<string, string>;
  /** Per-request timeout, ms (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Strings that must never appear in an error or log (tokens, keys); scrubbed from provider messages. */
  secrets?: string[];
  /**
   * The provider's own reading of an error answer (status and parsed body). Return
   * `undefined` to fall back to the status-based mapping. The message it returns must be safe.
   */
  mapError?: (status: number, body: unknown) => MappedProviderError | undefined;
  logger?: Logger;
  metrics?: Metrics;
  /** Replaces the instance's own pool (tests inject a `MockAgent`); the client never closes an injected dispatcher. */
  dispatcher?: Dispatcher;
  /** Connections of the instance's own pool (default {@link DEFAULT_INSTANCE_CONNECTIONS}). */
  connections?: number;
  /** Circuit breaker, read retries and pacing of this instance (see `resilience.ts`; defaults there). */
  resilience?: ResilienceOptions;
}

/** Encodes each path parameter (`encodePath`/`/groups/${id}`/` style helper). */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

/**
 * The HTTP client of one provider instance: JSON in and out, its own keep-alive pool, one
 * deadline per call, errors mapped to {@link ProviderError}, secrets scrubbed, and the
 * instance's resilience policies (`resilience.ts`): circuit breaker, `Retry-After` honoured,
 * reads retried with jitter, optional pacing.
 */
export class ProviderHttpClient {
  private readonly origin: string;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly secrets: string[];
  private readonly resilience: InstanceResilience;
  private agent: Agent | null = null;
  /** `accept` + the instance's headers, built once (a request with its own headers gets a merged copy). */
  private readonly baseHeaders: Record<string, string>;
  /** {@link baseHeaders} + `content-type: application/json`, for requests with a body. */
  private readonly jsonHeaders: Record<string, string>;
  /** Deadlines of the default timeout share one timer (other timeouts: a queue each, made on first use). */
  private readonly deadlines = new Map<number, DeadlineQueue>();
  /** prom-client label children by operation (and outcome), bound once: recording a call allocates nothing; none without metrics. */
  private readonly meters: ((operation: string) => { seconds: Histogram.Internal<'provider' | 'operation'>; outcomes: (outcome: string) => Counter.Internal }) | undefined;

  constructor(private readonly options: ProviderHttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
    this.baseHeaders = { accept: 'application/json', ...options.headers };
    this.jsonHeaders = { ...this.baseHeaders, 'content-type': 'application/json' };
    const { metrics, provider } = options;
    this.meters =
      metrics &&
      boundChildren((operation: string) => ({
        seconds: metrics.providerRequestSeconds.labels(provider, operation),
        outcomes: boundChildren((outcome: string) => metrics.providerRequests.labels(provider, operation, outcome)),
      }));
    this.resilience = new InstanceResilience(
      {
        isTransportFailure: (err) => err instanceof ProviderTransportError || (err instanceof ProviderError && Number(err.extensions.httpStatus) >= 500),
        isRetryable: (err) =>
          (err instanceof ProviderTransportError && err.transport === 'network') ||
          (err instanceof ProviderError && RETRYABLE_READ_STATUSES.has(Number(err.extensions.httpStatus))),
        retryAfterMs: (err) =>
          err instanceof ProviderError && err.code === 'PROVIDER_RATE_LIMITED' && typeof err.extensions.retryAfterMs === 'number' ? err.extensions.retryAfterMs : undefined,
      },
      options.resilience,
    );
  }

  /**
   * The pool this instance's requests go through: the injected dispatcher, else the instance's
   * own `Agent` (created on first use, again after {@link close}).
   */
  get dispatcher(): Dispatcher {
    if (this.options.dispatcher) return this.options.dispatcher;
    this.agent ??= new Agent({
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MAX_TIMEOUT_MS,
      connections: this.options.connections ?? DEFAULT_INSTANCE_CONNECTIONS,
    });
    return this.agent;
  }

  /** Closes the instance's own pool once its requests in flight have finished (an injected dispatcher is left alone); a later request opens a new one. */
  async close(): Promise<void> {
    const agent = this.agent;
    this.agent = null;
    await agent?.close();
  }

  /**
   * Sends one request and returns the parsed JSON body (`null` when empty; the text when
   * `req.responseType` is `text`). Refuses without reaching the provider while a `Retry-After`
   * backoff runs (`PROVIDER_RATE_LIMITED`, `retryAfterMs` = the time left) or the instance's
   * circuit is open (`PROVIDER_UNAVAILABLE`, `circuit: 'OPEN'`, `halfOpenAt`, `retryAfterMs`).
   * A GET is retried on a network failure or HTTP 502/503/504 within the call's deadline.
   * @throws ProviderError on a non-2xx answer, a malformed 2xx answer (`PROVIDER_ERROR`, `providerCode: 'MALFORMED_REPLY'`), a timeout, a network failure or a local refusal
   */
  async request<T = unknown>(req: ProviderRequest): Promise<T> {
    const { provider, logger } = this.options;
    const started = performance.now();
    let outcome = 'ok';
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const deadline = queueFor(this.deadlines, timeoutMs).start();
    try {
      return await this.resilience.execute({ idempotent: req.idempotent ?? req.method === 'GET', deadline }, (s) => this.attempt<T>(req, s));
    } catch (caught) {
      let err = caught;
      if (caught instanceof FastFailError) err = this.fastFailError(req, caught.failure);
      else if (!(caught instanceof GraphError)) err = new ProviderTransportError(deadline.aborted ? 'timeout' : 'network', provider, req.operation);
      outcome = err instanceof GraphError ? err.code : 'PROVIDER_ERROR';
      logger?.warn(
        {
          provider,
          operation: req.operation,
          code: outcome,
          httpStatus: (err as ProviderError).extensions?.httpStatus,
          ...(caught instanceof FastFailError ? { refused: caught.failure.kind } : {}),
        },
        'provider request failed',
      );
      throw err;
    } finally {
      deadline.done();
      this.recordCall(req.operation, outcome, (performance.now() - started) / 1000);
    }
  }

  /**
   * Counts one call of this instance's provider and its duration in `provider_requests_total` and
   * `provider_request_seconds`, through label children bound on first use (no label hashing or
   * allocation per call): what every request of this client records, and what a provider's own
   * streaming calls (media uploads and downloads) record through it. Nothing without metrics. Ours.
   * @param operation the operation name (`send-text`…)
   * @param outcome `ok` or an error code
   * @param seconds the call's duration, s
   */
  recordCall(operation: string, outcome: string, seconds: number): void {
    const meter = this.meters?.(operation);
    if (!meter) return;
    meter.outcomes(outcome).inc();
    meter.seconds.observe(seconds);
  }

  /** One HTTP exchange with the provider, bounded by `signal` (the call's deadline: undici takes it as an EventEmitter signal). */
  private async attempt<T>(req: ProviderRequest, signal: DeadlineSignal): Promise<T> {
    const { provider } = this.options;
    const qs = buildQuery(req.query);
    const path = `${this.prefix}${req.path}${qs}`;
    const body = req.body !== undefined ? JSON.stringify(req.body) : undefined;
    const shared = body !== undefined ? this.jsonHeaders : this.baseHeaders;
    const headers = req.headers ? { ...shared, ...req.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } : shared;
    let res: Dispatcher.ResponseData;
    try {
      // a path URL parsing would leave as it is goes to the pool as it is; anything else is normalised by undici's URL parsing, as before
      res = isPlainPath(path)
        ? await this.dispatcher.request({ origin: this.origin, path, method: req.method, headers, body, signal })
        : await undiciRequest(this.origin + path, { method: req.method, headers, body, dispatcher: this.dispatcher, signal });
    } catch (err) {
      const timedOut = signal.aborted || (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new ProviderTransportError(timedOut ? 'timeout' : 'network', provider, req.operation);
    }
    const text = await res.body.text().catch(() => '');
    if (res.statusCode >= 200 && res.statusCode < 300) {
      if (!text) return null as T;
      if (req.responseType === 'text') return text as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new ProviderError('PROVIDER_ERROR', provider, req.operation, `${provider} answered ${req.method} ${req.operation} with a malformed reply (not JSON)`, {
          httpStatus: res.statusCode,
          providerCode: 'MALFORMED_REPLY',
          method: req.method,
        });
      }
    }
    throw this.toError(req.operation, res.statusCode, res.headers, parseBody(text));
  }

  /** The {@link ProviderError} for a call refused before it reached the provider. */
  private fastFailError(req: ProviderRequest, failure: FastFailure): ProviderError {
    const { provider } = this.options;
    switch (failure.kind) {
      case 'rate-limited':
        return new ProviderError('PROVIDER_RATE_LIMITED', provider, req.operation, `${provider} rate limit reached; retry after the provider's backoff`, {
          retryAfterMs: failure.retryAfterMs,
        });
      case 'paced':
        return new ProviderError('PROVIDER_RATE_LIMITED', provider, req.operation, `${provider} outbound pacing would pass the deadline of ${req.operation}`, {
          retryAfterMs: failure.retryAfterMs,
        });
      case 'circuit-open':
        return new ProviderError('PROVIDER_UNAVAILABLE', provider, req.operation, `${provider} is failing for this instance; circuit open, refused without calling it`, {
          circuit: 'OPEN',
          halfOpenAt: failure.halfOpenAt,
          retryAfterMs: failure.retryAfterMs,
        });
    }
  }

  private toError(operation: string, status: number, headers: Record<string, string | string[] | undefined>, body: unknown): ProviderError {
    const { provider } = this.options;
    const mapped = this.options.mapError?.(status, body);
    if (mapped) {
      const retryAfterMs = mapped.code === 'PROVIDER_RATE_LIMITED' ? parseRetryAfter(headers['retry-after']) : undefined;
      return new ProviderError(mapped.code, provider, operation, this.scrub(mapped.message), {
        httpStatus: status,
        ...(mapped.providerCode ? { providerCode: mapped.providerCode } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    if (status === 401 || status === 403)
      return new ProviderError('PROVIDER_UNAUTHORIZED', provider, operation, `${provider} rejected the instance's credentials`, { httpStatus: status });
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(headers['retry-after']);
      return new ProviderError('PROVIDER_RATE_LIMITED', provider, operation, `${provider} rate limit reached`, {
        httpStatus: status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    if (status >= 500) return new ProviderError('PROVIDER_UNAVAILABLE', provider, operation, `${provider} is unavailable (HTTP ${status})`, { httpStatus: status });
    return new ProviderError('PROVIDER_ERROR', provider, operation, `${provider} refused ${operation} (HTTP ${status})`, { httpStatus: status });
  }

  /** Removes every configured secret from a string. */
  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    return out;
  }
}

/** Characters a path and query may have for WHATWG URL parsing to leave them unchanged (no space, quote, `#`, backslash or non-ASCII). */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*$/;
/** A dot segment (`/.`, `/..`, or their `%2e` spellings), which URL parsing would resolve. */
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * Whether `path` (path and query) is what undici's URL parsing of `origin + path` would send
 * unchanged, so it can be handed to the pool directly (issue 13: a `new URL` per provider call).
 * Conservative: any dot segment (even `/.well-known`) or unusual character says no. Ours;
 * exported for its unit test.
 * @param path a request target: the path from `/`, optionally `?` and a query
 * @returns true when the pool can take it as is; never throws
 */
export function isPlainPath(path: string): boolean {
  if (!PLAIN_PATH.test(path)) return false;
  const q = path.indexOf('?');
  return !DOT_SEGMENT.test(q < 0 ? path : path.slice(0, q));
}

function buildQuery(query: ProviderRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) params.append(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `Retry-After` in seconds or as an HTTP date → ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
