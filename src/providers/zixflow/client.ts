import type { Dispatcher } from 'undici';
import { ProviderHttpClient } from '../http.js';
import type { ResilienceOptions } from '../resilience.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import type { ZixflowSendRequest, ZixflowSendResponse } from './wire.js';

/** The one documented path (zixflow.txt lines 1-13). */
export const ZIXFLOW_SEND_PATH = '/api/v1/campaign/whatsapp/message/send';

/** What {@link ZixflowClient} needs. */
export interface ZixflowClientOptions {
  /** Origin (default `https://api.zixflow.com`). */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** The instance's outbound resilience settings (breaker, read retries, `Retry-After`, pacing). */
  resilience?: ResilienceOptions;
  logger?: Logger;
  metrics?: Metrics;
  /** Replaces the shared connection pool (tests answer with a mock agent). */
  dispatcher?: Dispatcher;
}

/**
 * The Zixflow client. zixflow.txt gives no host and no authentication section (catalog: "The doc
 * has no … base URL, no authentication section"); whatsgraph uses the public Zixflow API's host
 * `https://api.zixflow.com` and `Authorization: Bearer <apiKey>`, as the rest of Zixflow's API
 * reference does (zixflow.txt lines 1-10 give no origin or authentication). Errors: `ProviderError` by HTTP status (Zixflow documents
 * no error table); a 2xx answer saying `status: false` is read by `errors.ts`.
 */
export class ZixflowClient {
  private readonly http: ProviderHttpClient;

  constructor(options: ZixflowClientOptions) {
    this.http = new ProviderHttpClient({
      provider: 'zixflow',
      baseUrl: options.baseUrl,
      headers: { authorization: `Bearer ${options.apiKey}` },
      timeoutMs: options.timeoutMs,
      ...(options.resilience ? { resilience: options.resilience } : {}),
      secrets: [options.apiKey],
      logger: options.logger,
      metrics: options.metrics,
      dispatcher: options.dispatcher,
    });
  }

  /** Closes this instance's own connection pool once its requests in flight are done (called from the adapter's `stop()`). */
  close(): Promise<void> {
    return this.http.close();
  }

  /**
   * Send a reply-button message — `POST /api/v1/campaign/whatsapp/message/send` (zixflow.txt
   * lines 1-194).
   * @returns `{status, message}` (lines 184-194)
   */
  sendMessage(body: ZixflowSendRequest): Promise<ZixflowSendResponse> {
    return this.http.request<ZixflowSendResponse>({ operation: 'campaign-whatsapp-message-send', method: 'POST', path: ZIXFLOW_SEND_PATH, body });
  }
}
