import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { GraphError, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { ProviderKind } from './model.js';

/**
 * One keep-alive connection pool shared by every provider client of the process (undici
 * keeps a pool per origin inside it). Idle sockets are kept 30 s.
 */
export const sharedAgent: Agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });

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
  constructor(code: ErrorCode, provider: ProviderKind, operation: string, message: string, extra: { httpStatus?: number; retryAfterMs?: number; providerCode?: string } = {}) {
    super(code, message, { provider, operation, ...extra });
    this.name = 'ProviderError';
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
  /** Overrides the client's timeout, ms. */
  timeoutMs?: number;
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
  /** Replaces the shared pool (tests). */
  dispatcher?: Dispatcher;
}

/** Encodes each path parameter (`encodePath`/`/groups/${id}`/` style helper). */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

/**
 * The shared HTTP client of one provider instance: JSON in and out, keep-alive pool,
 * per-request timeout, errors mapped to {@link ProviderError}, secrets scrubbed.
 */
export class ProviderHttpClient {
  private readonly origin: string;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly secrets: string[];

  constructor(private readonly options: ProviderHttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  }

  /**
   * Sends one request and returns the parsed JSON body (or the text when it is not JSON,
   * `null` when empty).
   * @throws ProviderError on a non-2xx answer, a timeout or a network failure
   */
  async request<T = unknown>(req: ProviderRequest): Promise<T> {
    const { provider, metrics, logger } = this.options;
    const started = performance.now();
    let outcome = 'ok';
    try {
      const qs = buildQuery(req.query);
      const path = `${this.prefix}${req.path}${qs}`;
      const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...req.headers };
      let body: string | undefined;
      if (req.body !== undefined) {
        body = JSON.stringify(req.body);
        headers['content-type'] = 'application/json';
      }
      let res: Dispatcher.ResponseData;
      try {
        res = await undiciRequest(this.origin + path, {
          method: req.method,
          headers,
          body,
          dispatcher: this.options.dispatcher ?? sharedAgent,
          signal: AbortSignal.timeout(req.timeoutMs ?? this.timeoutMs),
        });
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
        throw new ProviderError(
          'PROVIDER_UNAVAILABLE',
          provider,
          req.operation,
          timedOut ? `${provider} did not answer ${req.operation} in time` : `${provider} could not be reached for ${req.operation}`,
        );
      }
      const text = await res.body.text().catch(() => '');
      const parsed = parseBody(text);
      if (res.statusCode >= 200 && res.statusCode < 300) return parsed as T;
      throw this.toError(req.operation, res.statusCode, res.headers, parsed);
    } catch (err) {
      outcome = err instanceof GraphError ? err.code : 'PROVIDER_ERROR';
      logger?.warn({ provider, operation: req.operation, code: outcome, httpStatus: (err as ProviderError).extensions?.httpStatus }, 'provider request failed');
      throw err;
    } finally {
      metrics?.providerRequests.inc({ provider, operation: req.operation, outcome });
      metrics?.providerRequestSeconds.observe({ provider, operation: req.operation }, (performance.now() - started) / 1000);
    }
  }

  private toError(operation: string, status: number, headers: Record<string, string | string[] | undefined>, body: unknown): ProviderError {
    const { provider } = this.options;
    const mapped = this.options.mapError?.(status, body);
    if (mapped) {
      return new ProviderError(mapped.code, provider, operation, this.scrub(mapped.message), {
        httpStatus: status,
        ...(mapped.providerCode ? { providerCode: mapped.providerCode } : {}),
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
