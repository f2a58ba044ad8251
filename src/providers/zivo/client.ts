import type { Dispatcher } from 'undici';
import { ProviderHttpClient } from '../http.js';
import type { ResilienceOptions } from '../resilience.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import { mapZivoError } from './errors.js';
import type { ZivoAccountResponse, ZivoAuth, ZivoDlrResponse, ZivoMessageItem, ZivoSendBulkRequest, ZivoSendResponse, ZivoSendWhatsappRequest } from './wire.js';

/** The documented path prefix of every Zivo operation (zivo.txt line 15; README: base `https://zivo.co.ke/api/zivo/zchat/services`). */
export const ZIVO_PATH_PREFIX = '/api/zivo/zchat/services';

/** Most messages in one `sendbulk` request (zivo.txt line 71: "Send up to 100 WhatsApp messages in one request"). */
export const ZIVO_BULK_MAX_PER_REQUEST = 100;

/** What {@link ZivoClient} needs. */
export interface ZivoClientOptions {
  /** Origin the documented paths are appended to (default `https://zivo.co.ke`). */
  baseUrl: string;
  partnerId: string;
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
 * One method per documented Zivo operation (zivo.txt), on the shared HTTP client. Credentials go
 * where the doc's examples put them: `partnerID` + `apikey` as JSON body fields on the POSTs
 * (lines 34-40, 75-77) and as query parameters on the GETs (lines 98, 106). The doc also allows
 * the key as a Bearer token (line 24); whatsgraph follows the examples, which every endpoint shows.
 *
 * Errors: `ProviderError`, mapped by {@link mapZivoError} (401 → PROVIDER_UNAUTHORIZED, 422/400 →
 * BAD_USER_INPUT, 404 → NOT_FOUND), 429 → PROVIDER_RATE_LIMITED, 5xx/timeout → PROVIDER_UNAVAILABLE.
 */
export class ZivoClient {
  private readonly http: ProviderHttpClient;
  private readonly auth: ZivoAuth;

  constructor(options: ZivoClientOptions) {
    this.auth = { partnerID: options.partnerId, apikey: options.apiKey };
    this.http = new ProviderHttpClient({
      provider: 'zivo',
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      ...(options.resilience ? { resilience: options.resilience } : {}),
      secrets: [options.apiKey],
      mapError: mapZivoError,
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
   * Send a WhatsApp message — `POST /api/zivo/zchat/services/sendwhatsapp` (zivo.txt lines 26-65).
   * @returns the `responses` envelope (one entry, lines 44-58)
   */
  sendWhatsapp(item: ZivoMessageItem): Promise<ZivoSendResponse> {
    const body: ZivoSendWhatsappRequest = { ...this.auth, ...item };
    return this.http.request<ZivoSendResponse>({ operation: 'sendwhatsapp', method: 'POST', path: `${ZIVO_PATH_PREFIX}/sendwhatsapp`, body });
  }

  /**
   * Bulk WhatsApp send — `POST /api/zivo/zchat/services/sendbulk` (zivo.txt lines 67-90), at most
   * {@link ZIVO_BULK_MAX_PER_REQUEST} items in `whatsapplist` (the caller chunks).
   * @throws RangeError when given more than {@link ZIVO_BULK_MAX_PER_REQUEST} items (a programming error: the adapter chunks)
   */
  sendBulk(items: ZivoMessageItem[]): Promise<ZivoSendResponse> {
    if (items.length > ZIVO_BULK_MAX_PER_REQUEST) throw new RangeError(`sendbulk takes at most ${ZIVO_BULK_MAX_PER_REQUEST} items`);
    const body: ZivoSendBulkRequest = { ...this.auth, whatsapplist: items };
    return this.http.request<ZivoSendResponse>({ operation: 'sendbulk', method: 'POST', path: `${ZIVO_PATH_PREFIX}/sendbulk`, body });
  }

  /**
   * Delivery report — `GET /api/zivo/zchat/services/getdlr?partnerID&apikey&messageID` (zivo.txt
   * lines 92-98). `messageId` is the send answer's `messageid`; the query spells it `messageID`.
   * @throws ProviderError NOT_FOUND (404, line 114) when Zivo does not know the message
   */
  getDlr(messageId: string): Promise<ZivoDlrResponse> {
    return this.http.request<ZivoDlrResponse>({ operation: 'getdlr', method: 'GET', path: `${ZIVO_PATH_PREFIX}/getdlr`, query: { ...this.auth, messageID: messageId } });
  }

  /** Account status — `GET /api/zivo/zchat/services/account?partnerID&apikey` (zivo.txt lines 100-106). */
  account(): Promise<ZivoAccountResponse> {
    return this.http.request<ZivoAccountResponse>({ operation: 'account', method: 'GET', path: `${ZIVO_PATH_PREFIX}/account`, query: { ...this.auth } });
  }
}
