import { randomBytes } from 'node:crypto';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { GraphError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import { DEFAULT_TIMEOUT_MS, encodePath, ProviderError, ProviderHttpClient, type ProviderRequest } from '../http.js';
import type { ResilienceOptions } from '../resilience.js';
import { mapIvosightsError, SandboxRefusedError, toIvosightsError } from './errors.js';
import type {
  WireAboutRequest,
  WireAboutResponse,
  WireBusinessProfile,
  WireBusinessProfileResponse,
  WireContactCheckRequest,
  WireContactCheckResponse,
  WireCountriesResponse,
  WireNamedOptionsResponse,
  WirePhotoResponse,
  WireSendContact,
  WireSendFlow,
  WireSendList,
  WireSendLocation,
  WireSendMedia,
  WireSendMultiProduct,
  WireSendReplyButton,
  WireSendResponse,
  WireSendSingleProduct,
  WireSendTemplate,
  WireSendText,
  WireTemplate,
  WireTemplateListResponse,
  WireTemplateRequest,
  WireWebhooksResponse,
} from './wire.js';

/**
 * The IVOWBA HTTP client: one method per documented operation of ivosights-ivowba.txt,
 * exact method, path, headers and body, built on the shared {@link ProviderHttpClient}. It
 * takes and returns wire shapes; `adapter.ts` validates and maps.
 *
 * Every request carries the documented headers (lines 11-12, 22-26): `X-API-KEY`,
 * `Content-Type: application/json`, `Accept: application/json`.
 */

/** Prefix of the Sandbox copies of the endpoints (lines 3136-3150). */
export const SANDBOX_PREFIX = '/sandbox';

/**
 * The operations the doc lists as supported in the Sandbox (lines 3137-3145): seven sends and
 * media. On a `sandbox: true` instance these go to `/sandbox/api/v1/…`; every other operation
 * is refused before any request (see `errors.ts` `SandboxRefusedError`).
 */
export const SANDBOX_OPERATIONS: ReadonlySet<string> = new Set([
  'send-text-message',
  'send-template-message',
  'send-media-message',
  'send-location-message',
  'send-contact-message',
  'send-list-message',
  'send-reply-button-message',
  'media',
]);

/** Options of {@link IvosightsClient}. */
export interface IvosightsClientOptions {
  /** Origin the documented paths are appended to (`https://waba.ivosights.com`). Never logged. */
  baseUrl: string;
  apiKey: string;
  /** Use the Sandbox copies of the endpoints (lines 3136-3240). */
  sandbox?: boolean;
  timeoutMs?: number;
  /** The instance's outbound resilience settings (breaker, read retries, `Retry-After`, pacing). */
  resilience?: ResilienceOptions;
  logger?: Logger;
  metrics?: Metrics;
  dispatcher?: Dispatcher;
}

/** A binary answer: the bytes and the Content-Type. */
export interface BinaryResponse {
  bytes: Uint8Array;
  contentType: string | null;
}

/** One method per documented IVOWBA operation (the method comments give the doc lines). */
export class IvosightsClient {
  private readonly http: ProviderHttpClient;

  constructor(private readonly options: IvosightsClientOptions) {
    this.http = new ProviderHttpClient({
      provider: 'ivosights',
      baseUrl: options.baseUrl,
      headers: { 'x-api-key': options.apiKey, 'content-type': 'application/json', accept: 'application/json' },
      timeoutMs: options.timeoutMs,
      ...(options.resilience ? { resilience: options.resilience } : {}),
      secrets: [options.apiKey],
      mapError: mapIvosightsError,
      logger: options.logger,
      metrics: options.metrics,
      dispatcher: options.dispatcher,
    });
  }

  /** Closes this instance's own connection pool once its requests in flight are done (called from the adapter's `stop()`). */
  close(): Promise<void> {
    return this.http.close();
  }

  /** Whether this client talks to the Sandbox. */
  get sandbox(): boolean {
    return this.options.sandbox === true;
  }

  /**
   * The path of `operation`: `/sandbox` + path on a sandbox instance for the Sandbox
   * operations; refused for the others.
   * @throws SandboxRefusedError before any request
   */
  private path(operation: string, path: string): string {
    if (!this.sandbox) return path;
    if (!SANDBOX_OPERATIONS.has(operation)) throw new SandboxRefusedError(operation);
    return SANDBOX_PREFIX + path;
  }

  private call<T>(req: ProviderRequest): Promise<T> {
    return this.http.request<T>({ ...req, path: this.path(req.operation, req.path) });
  }

  /** POST /api/v1/contacts/check (lines 18-79). */
  checkContacts(body: WireContactCheckRequest): Promise<WireContactCheckResponse> {
    return this.call({ operation: 'contacts-check', method: 'POST', path: '/api/v1/contacts/check', body });
  }

  /** GET /api/v1/countries (lines 80-134). */
  countries(): Promise<WireCountriesResponse> {
    return this.call({ operation: 'countries', method: 'GET', path: '/api/v1/countries' });
  }

  /** GET /api/v1/media/{id} (lines 135-176; Sandbox copy lines 3201-3240): the binary file. */
  media(mediaId: string): Promise<BinaryResponse> {
    return this.raw('media', 'GET', encodePath`/api/v1/media/${mediaId}`);
  }

  /**
   * GET /api/v1/media/{id} (lines 135-176; Sandbox copy lines 3201-3240) as a stream, with the
   * client's `Range` passed on (the doc says nothing of ranges; the answer tells whether it
   * honoured one: 206 and `Content-Range`).
   * @returns the 2xx answer with its body unread
   * @throws ProviderError (404 → NOT_FOUND mapping of `errors.ts`) / SandboxRefusedError
   */
  openMedia(mediaId: string, range: string | undefined, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
    return this.open('media', 'GET', encodePath`/api/v1/media/${mediaId}`, { range, signal });
  }

  /** GET /api/v1/message-templates: the account's templates (lines 177-274). */
  myTemplates(): Promise<WireTemplateListResponse> {
    return this.call({ operation: 'my-templates', method: 'GET', path: '/api/v1/message-templates' });
  }

  /** GET /api/v1/message-templates/all-templates (lines 275-397). */
  allTemplates(): Promise<WireTemplateListResponse> {
    return this.call({ operation: 'all-templates', method: 'GET', path: '/api/v1/message-templates/all-templates' });
  }

  /** POST /api/v1/message-templates (lines 398-768); no response is documented. */
  createTemplate(body: WireTemplateRequest): Promise<unknown> {
    return this.call({ operation: 'create-template', method: 'POST', path: '/api/v1/message-templates', body });
  }

  /** GET /api/v1/message-templates/{id} (lines 769-852): the template, unwrapped. */
  showTemplate(templateId: string): Promise<WireTemplate> {
    return this.call({ operation: 'show-template', method: 'GET', path: encodePath`/api/v1/message-templates/${templateId}` });
  }

  /** PUT /api/v1/message-templates/{id} (lines 853-945); no response is documented. */
  updateTemplate(templateId: string, body: WireTemplateRequest): Promise<unknown> {
    return this.call({ operation: 'update-template', method: 'PUT', path: encodePath`/api/v1/message-templates/${templateId}`, body });
  }

  /** POST /api/v1/message-templates/{id}/propose, no body (lines 946-979). */
  proposeTemplate(templateId: string): Promise<unknown> {
    return this.call({ operation: 'propose-template', method: 'POST', path: encodePath`/api/v1/message-templates/${templateId}/propose` });
  }

  /** GET /api/v1/template-categories (lines 980-1029). */
  templateCategories(): Promise<WireNamedOptionsResponse> {
    return this.call({ operation: 'template-categories', method: 'GET', path: '/api/v1/template-categories' });
  }

  /** GET /api/v1/template-languages (lines 1030-1079). */
  templateLanguages(): Promise<WireNamedOptionsResponse> {
    return this.call({ operation: 'template-languages', method: 'GET', path: '/api/v1/template-languages' });
  }

  /** POST /api/v1/messages/send-contact-message (lines 1081-1215). */
  sendContactMessage(body: WireSendContact): Promise<WireSendResponse> {
    return this.call({ operation: 'send-contact-message', method: 'POST', path: '/api/v1/messages/send-contact-message', body });
  }

  /** POST /api/v1/messages/send-location-message (lines 1216-1274). */
  sendLocationMessage(body: WireSendLocation): Promise<WireSendResponse> {
    return this.call({ operation: 'send-location-message', method: 'POST', path: '/api/v1/messages/send-location-message', body });
  }

  /** POST /api/v1/messages/send-media-message (lines 1275-1330). */
  sendMediaMessage(body: WireSendMedia): Promise<WireSendResponse> {
    return this.call({ operation: 'send-media-message', method: 'POST', path: '/api/v1/messages/send-media-message', body });
  }

  /** POST /api/v1/messages/send-template-message (lines 1331-1891). */
  sendTemplateMessage(body: WireSendTemplate): Promise<WireSendResponse> {
    return this.call({ operation: 'send-template-message', method: 'POST', path: '/api/v1/messages/send-template-message', body });
  }

  /** POST /api/v1/messages/send-text-message (lines 1892-1944; Sandbox copy lines 3146-3200). */
  sendTextMessage(body: WireSendText): Promise<WireSendResponse> {
    return this.call({ operation: 'send-text-message', method: 'POST', path: '/api/v1/messages/send-text-message', body });
  }

  /** POST /api/v1/messages/send-reply-button-message (lines 1945-2023). */
  sendReplyButtonMessage(body: WireSendReplyButton): Promise<WireSendResponse> {
    return this.call({ operation: 'send-reply-button-message', method: 'POST', path: '/api/v1/messages/send-reply-button-message', body });
  }

  /** POST /api/v1/messages/send-list-message (lines 2024-2117). */
  sendListMessage(body: WireSendList): Promise<WireSendResponse> {
    return this.call({ operation: 'send-list-message', method: 'POST', path: '/api/v1/messages/send-list-message', body });
  }

  /** POST /api/v1/messages/send-single-product-message (lines 2118-2180). */
  sendSingleProductMessage(body: WireSendSingleProduct): Promise<WireSendResponse> {
    return this.call({ operation: 'send-single-product-message', method: 'POST', path: '/api/v1/messages/send-single-product-message', body });
  }

  /** POST /api/v1/messages/send-multi-product-message (lines 2181-2265). */
  sendMultiProductMessage(body: WireSendMultiProduct): Promise<WireSendResponse> {
    return this.call({ operation: 'send-multi-product-message', method: 'POST', path: '/api/v1/messages/send-multi-product-message', body });
  }

  /** POST /api/v1/messages/send-flow-message (lines 2266-2350). */
  sendFlowMessage(body: WireSendFlow): Promise<WireSendResponse> {
    return this.call({ operation: 'send-flow-message', method: 'POST', path: '/api/v1/messages/send-flow-message', body });
  }

  /** PUT /api/v1/messages/{id}/read, no body; answers the JSON literal `null` (lines 2351-2387). */
  markRead(messageId: string): Promise<unknown> {
    return this.call({ operation: 'mark-read', method: 'PUT', path: encodePath`/api/v1/messages/${messageId}/read` });
  }

  /** GET /api/v1/settings/business-profile (lines 2389-2443). */
  businessProfile(): Promise<WireBusinessProfileResponse> {
    return this.call({ operation: 'business-profile', method: 'GET', path: '/api/v1/settings/business-profile' });
  }

  /** POST /api/v1/settings/business-profile (lines 2444-2504): POST, not PUT/PATCH. */
  updateBusinessProfile(body: WireBusinessProfile): Promise<unknown> {
    return this.call({ operation: 'update-business-profile', method: 'POST', path: '/api/v1/settings/business-profile', body });
  }

  /** GET /api/v1/settings/profiles/about (lines 2505-2552). */
  about(): Promise<WireAboutResponse> {
    return this.call({ operation: 'about', method: 'GET', path: '/api/v1/settings/profiles/about' });
  }

  /** PATCH /api/v1/settings/profiles/about (lines 2553-2601). */
  updateAbout(body: WireAboutRequest): Promise<unknown> {
    return this.call({ operation: 'update-about', method: 'PATCH', path: '/api/v1/settings/profiles/about', body });
  }

  /**
   * GET /api/v1/settings/profiles/photo (lines 2602-2657).
   *
   * Doc choice — the `format` parameter: the doc shows `{"format":"link"}` as the data of a
   * GET. curl's `-G` (line 2606) moves that data into the query string; the JS example passes a
   * body to a GET `fetch` (which throws); the PHP example sends a JSON body. It is sent as the
   * query `?format=link`: what the curl example actually sends, and a GET body is dropped by
   * many proxies.
   */
  profilePhoto(): Promise<WirePhotoResponse> {
    return this.call({ operation: 'photo', method: 'GET', path: '/api/v1/settings/profiles/photo', query: { format: 'link' } });
  }

  /** POST /api/v1/settings/profiles/photo, multipart/form-data with one `photo` file part (lines 2658-2701). */
  updateProfilePhoto(photo: { bytes: Uint8Array; mimeType: string; fileName: string }): Promise<BinaryResponse> {
    const boundary = `----whatsgraph${randomBytes(12).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${photo.fileName}"\r\nContent-Type: ${photo.mimeType}\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return this.raw('update-photo', 'POST', '/api/v1/settings/profiles/photo', {
      contentType: `multipart/form-data; boundary=${boundary}`,
      data: Buffer.concat([head, photo.bytes, tail]),
    });
  }

  /** GET /api/v1/webhooks (lines 2702-2755). */
  webhooks(): Promise<WireWebhooksResponse> {
    return this.call({ operation: 'webhooks', method: 'GET', path: '/api/v1/webhooks' });
  }

  /** GET /api/v1/webhooks/{id}/pull-pending-notifications (lines 2756-2793); the answer's shape is not documented. */
  pullPendingNotifications(webhookId: string): Promise<unknown> {
    return this.call({ operation: 'pull-pending-notifications', method: 'GET', path: encodePath`/api/v1/webhooks/${webhookId}/pull-pending-notifications` });
  }

  /**
   * A request whose body or answer is not JSON (media download, multipart upload), with the
   * same pool, timeout, headers and error mapping as {@link ProviderHttpClient}.
   * @throws ProviderError / SandboxRefusedError
   */
  private async raw(operation: string, method: 'GET' | 'POST', path: string, upload?: { contentType: string; data: Buffer }): Promise<BinaryResponse> {
    const res = await this.open(operation, method, path, { upload });
    const bytes = new Uint8Array(await res.body.arrayBuffer());
    return { bytes, contentType: headerValue(res.headers['content-type']) };
  }

  /**
   * Opens a non-JSON request and returns the 2xx answer with its body unread (the caller reads
   * or destroys it); a non-2xx answer is read and mapped to its error. Bounded by the
   * instance's timeout and by `signal` when given.
   * @throws ProviderError / SandboxRefusedError
   */
  private async open(
    operation: string,
    method: 'GET' | 'POST',
    path: string,
    extra: { upload?: { contentType: string; data: Buffer } | undefined; range?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<Dispatcher.ResponseData> {
    const fullPath = this.path(operation, path);
    const { logger } = this.options;
    const base = new URL(this.options.baseUrl);
    const started = performance.now();
    let outcome = 'ok';
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      let res: Dispatcher.ResponseData;
      try {
        res = await undiciRequest(base.origin + base.pathname.replace(/\/$/, '') + fullPath, {
          method,
          headers: {
            'x-api-key': this.options.apiKey,
            accept: 'application/json',
            'content-type': extra.upload?.contentType ?? 'application/json',
            ...(extra.range ? { range: extra.range } : {}),
          },
          body: extra.upload?.data,
          dispatcher: this.http.dispatcher,
          signal: extra.signal ? AbortSignal.any([timeout, extra.signal]) : timeout,
        });
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
        throw new ProviderError(
          'PROVIDER_UNAVAILABLE',
          'ivosights',
          operation,
          timedOut ? `ivosights did not answer ${operation} in time` : `ivosights could not be reached for ${operation}`,
        );
      }
      if (res.statusCode >= 200 && res.statusCode < 300) return res;
      const text = await res.body.text().catch(() => '');
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      throw toIvosightsError(operation, res.statusCode, res.headers, parsed);
    } catch (err) {
      outcome = err instanceof GraphError ? err.code : 'PROVIDER_ERROR';
      logger?.warn({ provider: 'ivosights', operation, code: outcome }, 'provider request failed');
      throw err;
    } finally {
      this.http.recordCall(operation, outcome, (performance.now() - started) / 1000);
    }
  }
}

/** The first value of a response header, or null. */
function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
