import { eventInvalidations } from '../providers/cache-invalidation.js';
import type { ReadCache } from '../providers/read-cache.js';
import { conversationWrite } from '../conversations/apply.js';
import type { EventSink } from '../providers/contract.js';
import { statusRank, type DomainEvent } from '../providers/model.js';
import type { Logger } from '../logger.js';
import type { Counter } from 'prom-client';
import { boundChildren, type Metrics } from '../metrics.js';
import { newLeaseOwner, type Stores } from './stores.js';
import { instanceTopic } from './topics.js';

/** How long a delivery holds its dedupe lease while it is being stored, ms. */
export const DEDUPE_LEASE_MS = 30_000;
/**
 * How long a processed event id is remembered, ms: longer than any provider's retry horizon
 * (Z-API and Ivosights retry for hours; a day and a half covers a day of retries).
 */
export const DEDUPE_TTL_MS = 36 * 3600_000;
/** How long a message's status high-water mark is kept, ms (statuses of week-old messages still don't go back). */
export const STATUS_TTL_MS = 8 * 24 * 3600_000;

/** What happened to one event offered to the pipeline. */
export type AcceptOutcome = 'published' | 'duplicate' | 'stale-status';

/** The event store is unavailable or another delivery of the same event is in flight: answer non-2xx so the provider retries. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

/**
 * The one path every event takes (webhook, poller, puller): dedupe by stable id → never-backwards
 * check for statuses → apply to the conversations (the message store) → append to the event log (which publishes it on the instance topic) →
 * mark done, all in `Stores.ingest` (with Redis one round trip, one script). An event is marked
 * seen only after it is stored, so a failure anywhere leaves it retryable (DESIGN.md, "Events").
 * Before it, the read-cache entries the event makes stale are dropped.
 */
export class EventPipeline implements EventSink {
  /** `eventsPublished` children, bound once per event type (no label lookup per event); none without metrics. */
  private readonly publishedByType: ((type: string) => Counter.Internal) | undefined;

  constructor(
    private readonly stores: Stores,
    private readonly logger: Logger,
    metrics?: Metrics,
    /** The read cache: an event that changes a cached read (a new picture, a group change, the connection) drops it before the event is published. */
    private readonly cache?: ReadCache,
  ) {
    this.publishedByType = metrics && boundChildren((type: string) => metrics.eventsPublished.labels({ type }));
  }

  /**
   * Offers events in order; resolves when every one is stored (or known duplicate).
   * @returns one outcome per event
   * @throws EventStoreUnavailableError when an event could not be stored (already-stored ones stay stored)
   */
  async offer(events: DomainEvent[]): Promise<AcceptOutcome[]> {
    const outcomes: AcceptOutcome[] = [];
    for (const event of events) outcomes.push(await this.offerOne(event));
    return outcomes;
  }

  /** {@link EventSink} for pollers and pullers. */
  async accept(events: DomainEvent[]): Promise<void> {
    await this.offer(events);
  }

  private async offerOne(event: DomainEvent): Promise<AcceptOutcome> {
    const key = `${event.instanceId}:${event.id}`;
    const owner = newLeaseOwner();
    // a group participant's receipt advances that participant's status only, never the whole message's
    const status =
      event.type === 'MESSAGE_STATUS_CHANGED'
        ? { key: `${event.instanceId}:${event.messageId}${event.participantId ? `:${event.participantId}` : ''}`, rank: statusRank(event.status), ttlMs: STATUS_TTL_MS }
        : null;
    // before the event is stored and published: the provider already has the change, so a client reading again on the event
    // reads fresh (a duplicate drops entries for nothing; a cache failure is logged inside, never fails the event)
    if (this.cache) {
      const stale = eventInvalidations(event);
      if (stale.length > 0) await this.cache.invalidate(event.instanceId, stale);
    }
    let outcome;
    try {
      outcome = await this.stores.ingest({
        event,
        topic: instanceTopic(event.instanceId),
        dedupe: { key, owner, leaseMs: DEDUPE_LEASE_MS, ttlMs: DEDUPE_TTL_MS },
        status,
        write: conversationWrite(event),
      });
    } catch (err) {
      await this.stores.dedupe.release(key, owner).catch(() => undefined);
      this.logger.warn({ instanceId: event.instanceId, type: event.type, err: (err as Error).message }, 'event not stored');
      throw new EventStoreUnavailableError('event store unavailable', { cause: err });
    }
    if (outcome === 'busy') throw new EventStoreUnavailableError('the same event is being stored by another delivery');
    if (outcome === 'published') this.publishedByType?.(event.type).inc();
    return outcome;
  }
}
