import { GraphError, badInput } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { BaseInstanceConfig, Capability, EventSink, ProviderAdapter, ProviderDeps } from '../contract.js';
import type { BulkItem, BulkResult, InstanceStatus, MessageStatus, SendTextInput, SentMessage } from '../model.js';
import { startPoller, type Poller } from '../poller.js';
import { ZIVO_BULK_MAX_PER_REQUEST, ZivoClient } from './client.js';
import { bulkItemError, entryError, sendEntryError } from './errors.js';
import { dlrStatus, entryAccepted, toInstanceStatus, toMessageItem, toSentMessage } from './mapping.js';
import { DeliveryReports, ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS } from './webhooks.js';
import type { ZivoMessageItem, ZivoResponseEntry } from './wire.js';

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

/**
 * A Zivo instance: text and bulk sends, delivery reports, account status, over {@link ZivoClient}
 * and `mapping.ts`. Zivo posts no webhooks, so {@link ZivoAdapter.start} runs the shared poller
 * over the messages this adapter sent (`webhooks.ts` {@link DeliveryReports}).
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
  private readonly reports: DeliveryReports;
  private readonly pollIntervalMs: number;
  private poller: Poller | null = null;

  constructor(
    config: ZivoConfig,
    deps: ProviderDeps,
    private readonly now: () => number = Date.now,
  ) {
    this.instanceId = config.id;
    this.pollIntervalMs = config.statusPollIntervalMs ?? ZIVO_DEFAULT_STATUS_POLL_INTERVAL_MS;
    this.logger = deps.logger.child({ provider: 'zivo', instanceId: config.id });
    this.client = new ZivoClient({
      baseUrl: config.baseUrl ?? 'https://zivo.co.ke',
      partnerId: config.partnerId,
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
      ...(config.resilience ? { resilience: config.resilience } : {}),
      logger: this.logger,
      metrics: deps.metrics,
    });
    this.reports = new DeliveryReports(this.client, config.id, this.logger, now, { tracking: deps.tracking, intervalMs: this.pollIntervalMs });
    this.account = { getStatus: async () => toInstanceStatus(await this.client.account()) };
    this.messaging = {
      sendText: (input) => this.sendText(input),
      sendBulk: (items) => this.sendBulk(items),
      getMessageStatus: (messageId) => this.getMessageStatus(messageId),
    };
  }

  /** The messages currently polled for status, when the adapter tracks them itself (no `deps.tracking`; tests and diagnostics); empty otherwise. */
  get trackedMessageIds(): string[] {
    return this.reports.ids;
  }

  /**
   * Sends one text (zivo.txt `sendwhatsapp`, lines 26-65) and starts tracking its status.
   * @throws GraphError BAD_USER_INPUT (`input.to` not digits, empty `input.text`, a quote, edit or mentions) before any request
   * @throws ProviderError as mapped by `errors.ts`, also when the answer's entry reports a non-2xx code
   */
  private async sendText(input: SendTextInput): Promise<SentMessage> {
    // sendwhatsapp carries only mobile, message and clientwhatsappid (zivo.txt 60-65): a quote,
    // an edit or mentions would change what the recipient sees, so they are refused, not dropped.
    if (input.replyToMessageId) throw badInput('input.replyToMessageId', 'zivo cannot send a message as a reply');
    if (input.editMessageId) throw badInput('input.editMessageId', 'zivo cannot edit a sent message');
    if (input.mentions?.length) throw badInput('input.mentions', 'zivo cannot mention contacts');
    if (input.groupMentions?.length) throw badInput('input.groupMentions', 'zivo cannot mention groups');
    if (input.privateReply != null) throw badInput('input.privateReply', 'zivo cannot send a message as a reply');
    const item = toMessageItem(input);
    const entry = (await this.client.sendWhatsapp(item))?.responses?.[0];
    if (!entry || !entryAccepted(entry)) throw sendEntryError(entry);
    const sent = toSentMessage(entry, item, this.now());
    await this.reports.track(sent);
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
    const results = new Array<BulkResult>(items.length);
    const pending: Array<{ index: number; item: ZivoMessageItem }> = [];
    items.forEach((raw, index) => {
      try {
        pending.push({ index, item: toMessageItem(raw, `input.messages[${index}]`) });
      } catch (err) {
        results[index] = { message: null, error: bulkItemError(err) };
      }
    });
    for (let start = 0; start < pending.length; start += ZIVO_BULK_MAX_PER_REQUEST) {
      const chunk = pending.slice(start, start + ZIVO_BULK_MAX_PER_REQUEST);
      let entries: ZivoResponseEntry[];
      try {
        const res = await this.client.sendBulk(chunk.map((c) => c.item));
        entries = Array.isArray(res?.responses) ? res.responses : [];
      } catch (err) {
        const error = bulkItemError(err);
        for (const c of chunk) results[c.index] = { message: null, error };
        continue;
      }
      const at = this.now();
      const accepted: SentMessage[] = [];
      chunk.forEach((c, i) => {
        const entry = entries[i];
        if (!entry) {
          results[c.index] = { message: null, error: { code: 'PROVIDER_ERROR', message: 'zivo returned no result for this message' } };
        } else if (!entryAccepted(entry)) {
          results[c.index] = { message: null, error: entryError(entry) };
        } else {
          const sent = toSentMessage(entry, c.item, at);
          accepted.push(sent);
          results[c.index] = { message: sent, error: null };
        }
      });
      await Promise.all(accepted.map((sent) => this.reports.track(sent)));
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

  /** Starts the delivery-report poller (one sweep every `statusPollIntervalMs`; sweeps never overlap). */
  start(sink: EventSink): void {
    if (this.poller) return;
    this.poller = startPoller({
      task: 'zivo delivery-report poll',
      intervalMs: this.pollIntervalMs,
      sweep: (signal) => this.reports.sweep(signal),
      onAccepted: (events) => this.reports.accepted(events),
      sink,
      logger: this.logger,
    });
  }

  /** Stops the poller: clears the timer, waits for a sweep in flight and gives up the poller's lease (another replica takes over). */
  async stop(): Promise<void> {
    const poller = this.poller;
    this.poller = null;
    await poller?.stop();
    if (poller) await this.reports.resign();
    await this.client.close();
  }
}
