import { randomUUID } from 'node:crypto';
import type { BaseInstanceConfig, Capability, ProviderAdapter, ProviderDeps } from '../contract.js';
import type { SendButtonsInput, SentMessage } from '../model.js';
import { ZixflowClient } from './client.js';
import { sendAnswerError } from './errors.js';
import { toSendRequest, toSentMessage } from './mapping.js';

/** A Zixflow instance entry of the configuration (DESIGN.md "Configuration": zixflow `apiKey, phoneId`). */
export interface ZixflowConfig extends BaseInstanceConfig {
  /** The Zixflow API key (Bearer). A secret. */
  apiKey: string;
  /** The sender's WhatsApp phone id, from Zixflow's WhatsApp settings (zixflow.txt line 29). */
  phoneId: string;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
}

/** The capabilities of every Zixflow instance: its one documented operation. */
export const ZIXFLOW_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['SEND_BUTTONS']);

/** A Zixflow instance: reply-button messages only (zixflow.txt); no webhooks, no background work. */
export class ZixflowAdapter implements ProviderAdapter {
  readonly kind = 'zixflow' as const;
  readonly instanceId: string;
  readonly capabilities = ZIXFLOW_CAPABILITIES;
  readonly messaging: { sendButtons: (input: SendButtonsInput) => Promise<SentMessage> };
  private readonly client: ZixflowClient;

  constructor(
    private readonly config: ZixflowConfig,
    deps: ProviderDeps,
    private readonly now: () => number = Date.now,
  ) {
    this.instanceId = config.id;
    this.client = new ZixflowClient({
      baseUrl: config.baseUrl ?? 'https://api.zixflow.com',
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
      ...(config.resilience ? { resilience: config.resilience } : {}),
      logger: deps.logger.child({ provider: 'zixflow', instanceId: config.id }),
      metrics: deps.metrics,
    });
    this.messaging = { sendButtons: (input) => this.sendButtons(input) };
  }

  /** Closes the instance's connection pool (no background work to stop); calling it twice is harmless. */
  stop(): Promise<void> {
    return this.client.close();
  }

  /**
   * Sends reply buttons (zixflow.txt, the whole page). Limits are checked before the request (see
   * `mapping.ts` `toSendRequest`). Zixflow returns no message id, so the result's id is a local
   * UUID that identifies this send in whatsgraph only.
   * @throws GraphError BAD_USER_INPUT naming the field, before any request
   * @throws ProviderError by HTTP status; PROVIDER_ERROR when Zixflow answers `status: false` (`errors.ts`)
   */
  private async sendButtons(input: SendButtonsInput): Promise<SentMessage> {
    const request = toSendRequest(input, this.config.phoneId);
    const refused = sendAnswerError(await this.client.sendMessage(request), 'campaign-whatsapp-message-send');
    if (refused) throw refused;
    return toSentMessage(request, randomUUID(), this.now());
  }
}
