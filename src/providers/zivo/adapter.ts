import { GraphError, badInput } from '../../errors.js';
import type { Logger } from '../../logger.js';
import {
  stableEventId, type BaseInstanceConfig, type Capability, type EventSink, type ProviderAdapter, type ProviderDeps,
} from '../contract.js';
import { ProviderError } from '../http.js';
import {
  isFinalStatus, statusRank, type BulkItem, type BulkResult, type InstanceStatus, type MessageStatus, type MessageStatusChangedEvent,
  type SendTextInput, type SentMessage,
} from '../model.js';
import { ZIVO_BULK_MAX_PER_REQUEST, ZivoClient } from './client.js';
import { dlrStatus, entryAccepted, entryError, toInstanceStatus, toMessageItem, toSentMessage } from './mapping.js';
import type { ZivoMessageItem, ZivoResponseEntry } from './wire.js';

/** Default interval between two delivery-report sweeps, ms. */
export const ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS = 5_000;
/** A sent message is polled for at most this long after its send, ms (24 h: WhatsApp's service window). */
export const ZIVO_STATUS_HORIZON_MS = 24 * 60 * 60 * 1000;
/** Most messages tracked at once; beyond it the oldest stops being polled (bounds memory and request volume). */
export const ZIVO_MAX_TRACKED_MESSAGES = 10_000;
/** Delivery reports requested in parallel during one sweep ("requests are throttled", zivo.txt line 120). */
export const ZIVO_POLL_CONCURRENCY = 4;

/** A Zivo instance entry of the configuration (DESIGN.md "Configuration": zivo `partnerId, apiKey`). */
export interface ZivoConfig extends BaseInstanceConfig {
  /** Zivo's `partnerID` (zivo.txt line 23). */
  partnerId: string;
  /** Zivo's `apikey` (zivo.txt line 24). A secret. */
  apiKey: string;
  /** Interval of the delivery-report poller, ms (default {@link ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS}). */
  statusPollIntervalMs?: number;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
}

/** The capabilities of every Zivo instance: its four documented operations. */
export const ZIVO_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['SEND_TEXT', 'SEND_BULK', 'MESSAGE_STATUS', 'INSTANCE_STATUS']);

interface Tracked { chatId: string; sentAt: number; status: MessageStatus }

/**
 * A Zivo instance: text and bulk sends, delivery reports, account status. Zivo posts no
 * webhooks, so {@link ZivoAdapter.start} runs a poller over the messages this adapter sent:
 * every `statusPollIntervalMs` it asks `getdlr` for each and hands every status that advanced to
 * the sink as MESSAGE_STATUS_CHANGED (id = stableEventId(instanceId, 'status', messageId,
 * status), so a status seen twice dedupes); a message stops being polled once its status is final
 * (`isFinalStatus`) or {@link ZIVO_STATUS_HORIZON_MS} after its send.
 */
export class ZivoAdapter implements ProviderAdapter {
  readonly kind = 'zivo' as const;
  readonly instanceId: string;
  readonly capabilities = ZIVO_CAPABILITIES;
  readonly account: { getStatus: () => Promise<InstanceStatus> };
  readonly messaging: {
    sendText: (input: SendTextInput) => Promise<SentMessage>;
    sendBulk: (items: BulkItem[]) => Promise<BulkResult[]>;
    getMessageStatus: (messageId: string) => Promise<MessageStatus | null>;
  };

  private readonly client: ZivoClient;
  private readonly logger: Logger;
  private readonly pollIntervalMs: number;
  private readonly tracked = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private running = false;

  constructor(config: ZivoConfig, deps: ProviderDeps, private readonly now: () => number = Date.now) {
    this.instanceId = config.id;
    this.pollIntervalMs = config.statusPollIntervalMs ?? ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS;
    this.logger = deps.logger.child({ provider: 'zivo', instanceId: config.id });
    this.client = new ZivoClient({
      baseUrl: config.baseUrl ?? 'https://zivo.co.ke',
      partnerId: config.partnerId,
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
      logger: this.logger,
      metrics: deps.metrics,
    });
    this.account = { getStatus: () => this.getStatus() };
    this.messaging = {
      sendText: (input) => this.sendText(input),
      sendBulk: (items) => this.sendBulk(items),
      getMessageStatus: (messageId) => this.getMessageStatus(messageId),
    };
  }

  /** The messages currently polled for status (tests and diagnostics). */
  get trackedMessageIds(): string[] {
    return [...this.tracked.keys()];
  }

  /**
   * Sends one text (zivo.txt `sendwhatsapp`, lines 26-65) and starts tracking its status.
   * @throws GraphError BAD_USER_INPUT (`input.to` not digits, empty `input.text`, a quote, edit or mentions) before any request
   * @throws ProviderError as mapped by `mapZivoError`, also when the answer's entry reports a non-2xx code
   */
  private async sendText(input: SendTextInput): Promise<SentMessage> {
    // sendwhatsapp carries only mobile, message and clientwhatsappid (zivo.txt 60-65): a quote,
    // an edit or mentions would change what the recipient sees, so they are refused, not dropped.
    if (input.replyToMessageId) throw badInput('input.replyToMessageId', 'zivo cannot send a message as a reply');
    if (input.editMessageId) throw badInput('input.editMessageId', 'zivo cannot edit a sent message');
    if (input.mentions?.length) throw badInput('input.mentions', 'zivo cannot mention contacts');
    const item = toMessageItem(input);
    const res = await this.client.sendWhatsapp(item);
    const entry = res?.responses?.[0];
    if (!entry) throw new ProviderError('PROVIDER_ERROR', 'zivo', 'sendwhatsapp', 'zivo answered without a result entry');
    if (!entryAccepted(entry)) {
      const e = entryError(entry);
      throw new ProviderError(e.code as ProviderError['code'], 'zivo', 'sendwhatsapp', e.message, { providerCode: String(entry['response-code'] ?? entry['respose-code'] ?? '') });
    }
    const sent = toSentMessage(entry, item, this.now());
    this.track(sent);
    return sent;
  }

  /**
   * Sends any number of texts through `sendbulk` (zivo.txt lines 67-90) in requests of at most
   * {@link ZIVO_BULK_MAX_PER_REQUEST} items, one after the other ("requests are throttled",
   * line 120). Returns one result per item in input order: an item that fails local checks, that
   * Zivo rejects, or whose whole request fails carries `{code, message}`; the others still go.
   * The bulk answer is undocumented: its `responses` entries are read in request order.
   */
  private async sendBulk(items: BulkItem[]): Promise<BulkResult[]> {
    const results: BulkResult[] = new Array(items.length);
    const pending: Array<{ index: number; item: ZivoMessageItem }> = [];
    items.forEach((raw, index) => {
      try {
        pending.push({ index, item: toMessageItem(raw, `input.messages[${index}]`) });
      } catch (err) {
        results[index] = { message: null, error: safeError(err) };
      }
    });
    for (let start = 0; start < pending.length; start += ZIVO_BULK_MAX_PER_REQUEST) {
      const chunk = pending.slice(start, start + ZIVO_BULK_MAX_PER_REQUEST);
      let entries: ZivoResponseEntry[];
      try {
        const res = await this.client.sendBulk(chunk.map((c) => c.item));
        entries = Array.isArray(res?.responses) ? res.responses : [];
      } catch (err) {
        const error = safeError(err);
        for (const c of chunk) results[c.index] = { message: null, error };
        continue;
      }
      const at = this.now();
      chunk.forEach((c, i) => {
        const entry = entries[i];
        if (!entry) {
          results[c.index] = { message: null, error: { code: 'PROVIDER_ERROR', message: 'zivo returned no result for this message' } };
        } else if (!entryAccepted(entry)) {
          results[c.index] = { message: null, error: entryError(entry) };
        } else {
          const sent = toSentMessage(entry, c.item, at);
          this.track(sent);
          results[c.index] = { message: sent, error: null };
        }
      });
    }
    return results;
  }

  /**
   * The delivery report of one message (zivo.txt `getdlr`, lines 92-98).
   * @returns its status, or null when Zivo does not know the message (404, line 114) or names no known status
   */
  private async getMessageStatus(messageId: string): Promise<MessageStatus | null> {
    try {
      return dlrStatus(await this.client.getDlr(messageId));
    } catch (err) {
      if (err instanceof GraphError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** The account (zivo.txt `account`, lines 100-106) as InstanceStatus, with the balance when Zivo reports one. */
  private async getStatus(): Promise<InstanceStatus> {
    return toInstanceStatus(await this.client.account());
  }

  private track(sent: SentMessage): void {
    if (isFinalStatus(sent.status)) return;
    this.tracked.set(sent.id, { chatId: sent.chatId, sentAt: this.now(), status: sent.status });
    while (this.tracked.size > ZIVO_MAX_TRACKED_MESSAGES) {
      const oldest = this.tracked.keys().next().value;
      if (oldest === undefined) break;
      this.tracked.delete(oldest);
    }
  }

  /** Starts the delivery-report poller (one sweep every `statusPollIntervalMs`; sweeps never overlap). */
  start(sink: EventSink): void {
    if (this.running) return;
    this.running = true;
    const schedule = (): void => {
      if (!this.running) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.sweeping = this.sweep(sink).finally(() => {
          this.sweeping = null;
          schedule();
        });
      }, this.pollIntervalMs);
      this.timer.unref?.();
    };
    schedule();
  }

  /** Stops the poller: clears the timer and waits for a sweep in flight. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  /** One sweep: asks the delivery report of every tracked message, emits the statuses that advanced. */
  private async sweep(sink: EventSink): Promise<void> {
    const now = this.now();
    const due: Array<[string, Tracked]> = [];
    for (const [id, t] of this.tracked) {
      if (now - t.sentAt > ZIVO_STATUS_HORIZON_MS) this.tracked.delete(id);
      else due.push([id, t]);
    }
    const advanced: Array<{ id: string; tracked: Tracked; status: MessageStatus }> = [];
    let halt = false;
    const worker = async (): Promise<void> => {
      for (let next = due.shift(); next && this.running && !halt; next = due.shift()) {
        const [id, t] = next;
        try {
          const status = dlrStatus(await this.client.getDlr(id));
          if (status && statusRank(status) > statusRank(t.status)) advanced.push({ id, tracked: t, status });
        } catch (err) {
          const code = err instanceof GraphError ? err.code : 'PROVIDER_ERROR';
          // Bad credentials or throttling hit every message alike: stop this sweep, retry next interval.
          if (code === 'PROVIDER_UNAUTHORIZED' || code === 'PROVIDER_RATE_LIMITED') halt = true;
          if (code !== 'NOT_FOUND') this.logger.warn({ code }, 'zivo delivery report poll failed');
        }
      }
    };
    await Promise.all(Array.from({ length: ZIVO_POLL_CONCURRENCY }, worker));
    if (!advanced.length) return;
    const events: MessageStatusChangedEvent[] = advanced.map(({ id, tracked, status }) => ({
      type: 'MESSAGE_STATUS_CHANGED',
      id: stableEventId(this.instanceId, 'status', id, status),
      instanceId: this.instanceId,
      occurredAt: this.now(),
      messageId: id,
      chatId: tracked.chatId,
      status,
      error: null,
    }));
    try {
      await sink.accept(events);
    } catch (err) {
      // Not stored: keep the old statuses so the next sweep emits them again (same ids, deduped).
      this.logger.warn({ code: err instanceof GraphError ? err.code : 'SINK_FAILED' }, 'zivo status events not accepted');
      return;
    }
    for (const { id, tracked, status } of advanced) {
      tracked.status = status;
      if (isFinalStatus(status)) this.tracked.delete(id);
    }
  }
}

/** A bulk item's error from whatever was thrown: GraphErrors keep their (safe) code and message; anything else is masked. */
function safeError(err: unknown): { code: string; message: string } {
  if (err instanceof GraphError) return { code: err.code, message: err.message };
  return { code: 'PROVIDER_ERROR', message: 'zivo bulk request failed' };
}
