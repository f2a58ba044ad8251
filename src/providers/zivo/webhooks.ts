import { GraphError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { stableEventId } from '../contract.js';
import { isFinalStatus, statusRank, type DomainEvent, type MessageStatus, type MessageStatusChangedEvent, type SentMessage } from '../model.js';
import type { ZivoClient } from './client.js';
import { dlrStatus } from './mapping.js';

/**
 * Zivo's inbound side. Zivo posts no webhooks (zivo.txt documents none), so this file holds no
 * payload parser: status events come from asking `getdlr` (lines 92-98) about the messages this
 * instance sent, one sweep at a time, run by the shared poller (`../poller.ts`).
 */

/** Default interval between two delivery-report sweeps, ms. */
export const ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS = 5_000;
/** A sent message is polled for at most this long after its send, ms (24 h: WhatsApp's service window). */
export const ZIVO_STATUS_HORIZON_MS = 24 * 60 * 60 * 1000;
/** Most messages tracked at once; beyond it the oldest stops being polled (bounds memory and request volume). */
export const ZIVO_MAX_TRACKED_MESSAGES = 10_000;
/** Delivery reports requested in parallel during one sweep ("requests are throttled", zivo.txt line 120). */
export const ZIVO_POLL_CONCURRENCY = 4;

interface Tracked {
  chatId: string;
  sentAt: number;
  status: MessageStatus;
}

/**
 * The messages an instance sent whose status may still advance, and the sweep that asks Zivo
 * about them. Each sweep asks `getdlr` for every tracked message ({@link ZIVO_POLL_CONCURRENCY}
 * at a time) and returns every status that advanced as MESSAGE_STATUS_CHANGED (id =
 * stableEventId(instanceId, 'status', messageId, status), so a status seen twice dedupes). The
 * tracked statuses advance only once the sink accepted the events ({@link accepted}); a message
 * stops being polled once its status is final (`isFinalStatus`) or {@link ZIVO_STATUS_HORIZON_MS}
 * after its send.
 */
export class DeliveryReports {
  private readonly tracked = new Map<string, Tracked>();

  /**
   * @param client the instance's client (`getDlr`)
   * @param instanceId the graph's instance id, for event ids
   * @param logger per-instance logger: failed reports are logged by error code only
   * @param now the clock, epoch ms
   */
  constructor(
    private readonly client: Pick<ZivoClient, 'getDlr'>,
    private readonly instanceId: string,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  /** The messages currently polled for status, oldest first. */
  get ids(): string[] {
    return [...this.tracked.keys()];
  }

  /** Starts tracking a sent message, unless its status is already final; evicts the oldest beyond {@link ZIVO_MAX_TRACKED_MESSAGES}. */
  track(sent: SentMessage): void {
    if (isFinalStatus(sent.status)) return;
    this.tracked.set(sent.id, { chatId: sent.chatId, sentAt: this.now(), status: sent.status });
    while (this.tracked.size > ZIVO_MAX_TRACKED_MESSAGES) {
      const oldest = this.tracked.keys().next().value;
      if (oldest === undefined) break;
      this.tracked.delete(oldest);
    }
  }

  /**
   * One sweep: the delivery report of every tracked message; returns the statuses that
   * advanced. Never throws: a failed report is logged and asked again next sweep; bad
   * credentials or throttling end the sweep early (they hit every message alike), as does
   * `signal` (the poller is stopping).
   */
  async sweep(signal: AbortSignal): Promise<MessageStatusChangedEvent[]> {
    const now = this.now();
    const due: Array<[string, Tracked]> = [];
    for (const [id, t] of this.tracked) {
      if (now - t.sentAt > ZIVO_STATUS_HORIZON_MS) this.tracked.delete(id);
      else due.push([id, t]);
    }
    const advanced: Array<{ id: string; tracked: Tracked; status: MessageStatus }> = [];
    let halt = false;
    const worker = async (): Promise<void> => {
      for (let next = due.shift(); next && !signal.aborted && !halt; next = due.shift()) {
        const [id, t] = next;
        try {
          const status = dlrStatus(await this.client.getDlr(id));
          if (status && statusRank(status) > statusRank(t.status)) advanced.push({ id, tracked: t, status });
        } catch (err) {
          const code = err instanceof GraphError ? err.code : 'PROVIDER_ERROR';
          if (code === 'PROVIDER_UNAUTHORIZED' || code === 'PROVIDER_RATE_LIMITED') halt = true;
          if (code !== 'NOT_FOUND') this.logger.warn({ code }, 'zivo delivery report poll failed');
        }
      }
    };
    await Promise.all(Array.from({ length: ZIVO_POLL_CONCURRENCY }, worker));
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
   * The sink stored these events: their messages' statuses advance, and a message whose status
   * is final stops being polled. Until then the old statuses stay, so the next sweep emits the
   * same events again (same ids, deduped).
   */
  accepted(events: readonly DomainEvent[]): void {
    for (const e of events) {
      if (e.type !== 'MESSAGE_STATUS_CHANGED') continue;
      const tracked = this.tracked.get(e.messageId);
      if (!tracked) continue;
      tracked.status = e.status;
      if (isFinalStatus(e.status)) this.tracked.delete(e.messageId);
    }
  }
}
