import { Counter, Histogram, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics of one server (served on `GET /metrics`). Labels carry provider
 * kinds, operation names and outcomes only: never an instance credential, a phone number, a
 * URL or a message body.
 */
export interface Metrics {
  registry: Registry;
  /** Provider HTTP calls by `provider`, `operation` (e.g. `send-text`) and `outcome` (`ok` or an error code). */
  providerRequests: Counter<'provider' | 'operation' | 'outcome'>;
  /** Provider HTTP call duration in seconds. */
  providerRequestSeconds: Histogram<'provider' | 'operation'>;
  /** Webhook deliveries by `provider` and `outcome` (`accepted`, `duplicate`, `unauthorized`, `invalid`, `unavailable`). */
  webhooks: Counter<'provider' | 'outcome'>;
  /** Events appended to the event log and published, by `type`. */
  eventsPublished: Counter<'type'>;
  /** Open GraphQL subscriptions. */
  subscriptions: Gauge;
  /** Read cache lookups (`src/providers/read-cache.ts`) by `kind` (`profilePictures`, `contacts`, `groups`, `status`) and `outcome` (`hit`, `miss`), one per key. */
  readCache: Counter<'kind' | 'outcome'>;
  /** Read cache invalidations (by events and mutations) by `kind`. */
  readCacheInvalidations: Counter<'kind'>;
}

/** Creates a fresh registry with default process metrics and whatsgraph's own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    providerRequests: new Counter({
      name: 'whatsgraph_provider_requests_total',
      help: 'Provider HTTP requests',
      labelNames: ['provider', 'operation', 'outcome'],
      registers: [registry],
    }),
    providerRequestSeconds: new Histogram({
      name: 'whatsgraph_provider_request_seconds',
      help: 'Provider HTTP request duration',
      labelNames: ['provider', 'operation'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    webhooks: new Counter({ name: 'whatsgraph_webhooks_total', help: 'Webhook deliveries received', labelNames: ['provider', 'outcome'], registers: [registry] }),
    eventsPublished: new Counter({ name: 'whatsgraph_events_published_total', help: 'Events appended and published', labelNames: ['type'], registers: [registry] }),
    subscriptions: new Gauge({ name: 'whatsgraph_subscriptions', help: 'Open GraphQL subscriptions', registers: [registry] }),
    readCache: new Counter({
      name: 'whatsgraph_read_cache_total',
      help: 'Read cache lookups by kind and outcome (hit, miss)',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    readCacheInvalidations: new Counter({
      name: 'whatsgraph_read_cache_invalidations_total',
      help: 'Read cache invalidations by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}

/**
 * Label children of a metric, bound once per distinct key and kept in a Map, so that a hot path
 * (a webhook delivery, a provider call, a published event, a cache lookup) does no label lookup:
 * prom-client hashes the label values on every `labels(…)` or `inc({…})` call. Ours.
 *
 * `bind` is called at most once per key, ever (the first time the key is asked for); every later
 * call answers the child it made. For two labels that vary, `bind` returns a further
 * `boundChildren` (e.g. provider, then outcome).
 * @param bind makes the child of one key: `metric.labels(…)` (a `Counter.Internal`,
 * `Histogram.Internal`, …), or any object built from such children
 * @returns `(key) => child`: the child of `key`, made by `bind` on first use. Keys are compared as
 * Map keys, so they are label values (strings), never label objects made per call
 * @throws what `bind` throws (a label prom-client refuses); nothing is kept for that key then
 */
export function boundChildren<K extends string, C extends object>(bind: (key: K) => C): (key: K) => C {
  const children = new Map<K, C>();
  return (key: K): C => {
    let child = children.get(key);
    if (child === undefined) children.set(key, (child = bind(key)));
    return child;
  };
}
