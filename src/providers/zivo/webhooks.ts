import { randomBytes } from 'node:crypto';
import { GraphError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { stableEventId, type TrackingStore } from '../contract.js';
import { isFinalStatus, statusRank, type DomainEvent, type MessageStatus, type MessageStatusChangedEvent, type SentMessage } from '../model.js';
import { MemoryTrackingStore } from '../tracking.js';
import type { ZivoClient } from './client.js';
import { dlrStatus } from './mapping.js';

/**
 * Zivo's inbound side. Zivo posts no webhooks (zivo.txt documents none), so this file holds no
 * payload parser: status events come from asking `getdlr` (lines 92-98) about the messages this
 * instance sent (on any replica, when the tracking store is shared), one sweep at a time, run by the shared poller (`../poller.ts`).
 */

/** Default interval between two delivery-report sweeps, ms. */
export const ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS = 5_000;
/** A sent message is polled for at most this long after its send, ms (24 h: WhatsApp's service window). */
export const ZIVO_STATUS_HORIZON_MS = 24 * 60 * 60 * 1000;
/** Most messages tracked at once; beyond it the oldest stops being polled (bounds memory and request volume). */
export const ZIVO_MAX_TRACKED_MESSAGES = 10_000;
/** Delivery reports requested in parallel during one sweep ("requests are throttled", zivo.txt line 120). */
export const ZIVO_POLL_CONCURRENCY = 4;

/** Shortest leader lease of the delivery-report poller, ms: a replica that dies without resigning is replaced at most this long (plus one interval) later. */
export const ZIVO_POLL_LEASE_MIN_MS = 30_000;

/** What the tracking store holds per message (JSON): `sentAt` epoch ms, the last status the sink accepted. */
interface Tracked {
  chatId: string;
  sentAt: number;
  status: MessageStatus;
}

/** Reads a stored record; null when it is not one this file wrote. */
function parseTracked(record: string): Tracked | null {
  try {
    const v = JSON.parse(record) as Partial<Tracked> | null;
    if (v && typeof v.chatId === 'string' && typeof v.sentAt === 'number' && typeof v.status === 'string') return { chatId: v.chatId, sentAt: v.sentAt, status: v.status };
  } catch {
    // not JSON: dropped by the caller
  }
  return null;
}

/** Options of {@link DeliveryReports}. */
export interface DeliveryReportsOptions {
  /**
   * Where the tracked messages and the poller's lease live: the server's store, shared by every
   * replica (so a send on one replica is polled by whichever replica leads). Default: a store
   * of this object's own (one process; the lease is always its own).
   */
  tracking?: TrackingStore;
  /** The poll interval, ms: the lease lasts `max(3 × intervalMs, ZIVO_POLL_LEASE_MIN_MS)`. Default {@link ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS}. */
  intervalMs?: number;
}

/**
 * The messages an instance sent whose status may still advance, and the sweep that asks Zivo
 * about them. The messages live in a {@link TrackingStore} (the server's, shared by every
 * replica, when given): a send on any replica is tracked there, and only the replica holding
 * the instance's leader lease sweeps ({@link TrackingStore.lead} at the start of each sweep and
 * again during a long one; {@link resign} on stop hands it over at once). Each sweep asks
 * `getdlr` for every tracked message ({@link ZIVO_POLL_CONCURRENCY} at a time, at most
 * {@link ZIVO_MAX_TRACKED_MESSAGES}) and returns every status that advanced as
 * MESSAGE_STATUS_CHANGED (id = stableEventId(instanceId, 'status', messageId, status), so a
 * status seen twice, or by two replicas, dedupes). The tracked statuses advance only once the
 * sink accepted the events ({@link accepted}); a message stops being polled once its status is
 * final (`isFinalStatus`) or {@link ZIVO_STATUS_HORIZON_MS} after its send.
 */
export class DeliveryReports {
  private readonly store: TrackingStore;
  /** The default store, when none was given (its synchronous {@link ids} serve tests). */
  private readonly local: MemoryTrackingStore | null;
  /** This poller's lease owner token. */
  private readonly owner = randomBytes(16).toString('base64url');
  private readonly leaseMs: number;
  /** The records the last sweep read, by message id, for {@link accepted}. */
  private swept = new Map<string, Tracked>();

  /**
   * @param client the instance's client (`getDlr`)
   * @param instanceId the graph's instance id, for event ids and store keys
   * @param logger per-instance logger: failures are logged by error code only
   * @param now the clock, epoch ms
   * @param options the shared tracking store and the poll interval
   */
  constructor(
    private readonly client: Pick<ZivoClient, 'getDlr'>,
    private readonly instanceId: string,
    private readonly logger: Logger,
    private readonly now: () => number,
    options: DeliveryReportsOptions = {},
  ) {
    this.local = options.tracking ? null : new MemoryTrackingStore();
    this.store = options.tracking ?? (this.local as MemoryTrackingStore);
    this.leaseMs = Math.max(3 * (options.intervalMs ?? ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS), ZIVO_POLL_LEASE_MIN_MS);
  }

  /** The messages this process's own store polls for status, oldest first; always empty with a shared store (see {@link trackedIds}). */
  get ids(): string[] {
    return this.local?.ids(this.instanceId) ?? [];
  }

  /**
   * The messages currently polled for status, oldest first, wherever they are tracked.
   * @throws when the tracking store is unreachable
   */
  async trackedIds(): Promise<string[]> {
    return (await this.store.list(this.instanceId, ZIVO_MAX_TRACKED_MESSAGES)).map((e) => e.id);
  }

  /**
   * Starts tracking a sent message, unless its status is already final, for
   * {@link ZIVO_STATUS_HORIZON_MS}; beyond {@link ZIVO_MAX_TRACKED_MESSAGES} the oldest stops
   * being tracked. Never rejects: the message was sent, so a store failure is logged
   * (`zivo delivery report tracking failed`, code only) and the message goes unpolled.
   */
  async track(sent: SentMessage): Promise<void> {
    if (isFinalStatus(sent.status)) return;
    const record: Tracked = { chatId: sent.chatId, sentAt: this.now(), status: sent.status };
    try {
      await this.store.track(this.instanceId, sent.id, JSON.stringify(record), ZIVO_STATUS_HORIZON_MS, ZIVO_MAX_TRACKED_MESSAGES);
    } catch (err) {
      this.logger.warn({ code: errorCode(err) }, 'zivo delivery report tracking failed');
    }
  }

  /**
   * One sweep, if this replica holds (or takes) the instance's lease: the delivery report of
   * every tracked message; returns the statuses that advanced (empty when another replica
   * leads). A failed report is logged and asked again next sweep; bad credentials or
   * throttling end the sweep early (they hit every message alike), as do `signal` (the poller
   * is stopping) and losing the lease.
   * @throws when the tracking store is unreachable (the poller logs it and sweeps again later)
   */
  async sweep(signal: AbortSignal): Promise<MessageStatusChangedEvent[]> {
    this.swept = new Map();
    if (!(await this.store.lead(this.instanceId, this.owner, this.leaseMs))) return [];
    let leadAt = Date.now();
    const now = this.now();
    const due: Array<[string, Tracked]> = [];
    for (const { id, record } of await this.store.list(this.instanceId, ZIVO_MAX_TRACKED_MESSAGES)) {
      const t = parseTracked(record);
      if (!t || now - t.sentAt > ZIVO_STATUS_HORIZON_MS) await this.store.untrack(this.instanceId, id);
      else due.push([id, t]);
    }
    const advanced: Array<{ id: string; tracked: Tracked; status: MessageStatus }> = [];
    let halt = false;
    let renewing: Promise<boolean> | null = null;
    /** Renews the lease once a third of it has passed; false when it was lost (or cannot be renewed). */
    const stillLeading = async (): Promise<boolean> => {
      if (Date.now() - leadAt < this.leaseMs / 3) return true;
      renewing ??= this.store
        .lead(this.instanceId, this.owner, this.leaseMs)
        .catch(() => false)
        .finally(() => {
          leadAt = Date.now();
          renewing = null;
        });
      return renewing;
    };
    const worker = async (): Promise<void> => {
      for (let next = due.shift(); next && !signal.aborted && !halt; next = due.shift()) {
        if (!(await stillLeading())) {
          halt = true;
          break;
        }
        const [id, t] = next;
        try {
          const status = dlrStatus(await this.client.getDlr(id));
          if (status && statusRank(status) > statusRank(t.status)) advanced.push({ id, tracked: t, status });
        } catch (err) {
          const code = errorCode(err);
          if (code === 'PROVIDER_UNAUTHORIZED' || code === 'PROVIDER_RATE_LIMITED') halt = true;
          if (code !== 'NOT_FOUND') this.logger.warn({ code }, 'zivo delivery report poll failed');
        }
      }
    };
    await Promise.all(Array.from({ length: ZIVO_POLL_CONCURRENCY }, worker));
    for (const { id, tracked } of advanced) this.swept.set(id, tracked);
    return advanced.map(({ id, tracked, status }) => ({
      type: 'MESSAGE_STATUS_CHANGED',
      id: stableEventId(this.instanceId, 'status', id, status),
      instanceId: this.instanceId,
      occurredAt: this.now(),
      messageId: id,
      chatId: tracked.chatId,
      status,
      error: null,
    }));
  }

  /**
   * The sink stored these events (of the last sweep): their messages' statuses advance in the
   * store, and a message whose status is final stops being polled. Until then the old statuses
   * stay, so the next sweep emits the same events again (same ids, deduped). Never rejects: a
   * store failure is logged, and the next sweep repeats the events.
   */
  async accepted(events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      if (e.type !== 'MESSAGE_STATUS_CHANGED') continue;
      const tracked = this.swept.get(e.messageId);
      if (!tracked) continue;
      try {
        if (isFinalStatus(e.status)) {
          await this.store.untrack(this.instanceId, e.messageId);
        } else {
          const left = tracked.sentAt + ZIVO_STATUS_HORIZON_MS - this.now();
          if (left > 0) {
            const record: Tracked = { ...tracked, status: e.status };
            await this.store.track(this.instanceId, e.messageId, JSON.stringify(record), left, ZIVO_MAX_TRACKED_MESSAGES);
          }
        }
      } catch (err) {
        this.logger.warn({ code: errorCode(err) }, 'zivo delivery report tracking failed');
      }
    }
  }

  /** Gives up the lease if this poller holds it, so another replica takes over at its next sweep. Never rejects (the lease then expires by itself). */
  async resign(): Promise<void> {
    await this.store.resign(this.instanceId, this.owner).catch((err: unknown) => {
      this.logger.warn({ code: errorCode(err) }, 'zivo delivery report lease not released');
    });
  }
}

/** A GraphError's code, otherwise `PROVIDER_ERROR` (the error's text may hold secrets). */
function errorCode(err: unknown): string {
  return err instanceof GraphError ? err.code : 'PROVIDER_ERROR';
}
