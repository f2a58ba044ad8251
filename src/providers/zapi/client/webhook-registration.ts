import type { WebhookRegistration } from '../../account.model.js';
import type { WebhookRegistrationPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import { expectDone } from '../errors.js';
import { toBool } from '../mapping.js';
import type { ZapiValueResponse } from '../wire/common.js';
import type { ZapiEveryWebhooksBody, ZapiNotifySentByMeBody } from '../wire/account.js';
import type { ZapiMe } from '../wire/instance.js';

/** The callback URLs of `GET /me` (z-api.txt 946-990) that `update-every-webhooks` sets, by the webhook's name. */
const CALLBACKS = {
  connected: 'connectedCallbackUrl',
  delivery: 'deliveryCallbackUrl',
  disconnected: 'disconnectedCallbackUrl',
  messageStatus: 'messageStatusCallbackUrl',
  chatPresence: 'presenceChatCallbackUrl',
  received: 'receivedCallbackUrl',
} as const satisfies Record<string, keyof ZapiMe>;

/**
 * Z-API's webhook registration (z-api.txt 13403-13461), on the instance's {@link ProviderHttpClient}.
 * Each method sends exactly the documented method, path and body; it throws `ProviderError` only.
 */
export class ZapiWebhookRegistrationClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /me` (z-api.txt 946-990): the callback URLs set now. */
  me(): Promise<ZapiMe | null> {
    return this.http.request<ZapiMe | null>({ operation: 'me', method: 'GET', path: '/me' });
  }

  /** `PUT /update-every-webhooks` `{value, notifySentByMe}` (z-api.txt 13403-13433). */
  updateEveryWebhooks(body: ZapiEveryWebhooksBody): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'update-every-webhooks', method: 'PUT', path: '/update-every-webhooks', body });
  }

  /** `PUT /update-notify-sent-by-me` `{notifySentByMe}` (z-api.txt 13434-13461). */
  updateNotifySentByMe(body: ZapiNotifySentByMeBody): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'update-notify-sent-by-me', method: 'PUT', path: '/update-notify-sent-by-me', body });
  }
}

/**
 * The Z-API {@link WebhookRegistrationPort}: reads `/me`; when a callback URL differs from `url`
 * it sets them all with `update-every-webhooks` (which also asks for the account's own sends,
 * `notifySentByMe: true`); when "sent by me" is off it sets it with `update-notify-sent-by-me`
 * (z-api.txt 13434-13461: messages sent from the phone then reach the graph). Nothing else is
 * sent when both already hold, so a second run changes nothing.
 * @throws ProviderError from the calls; PROVIDER_ERROR (`FAILED`) when Z-API answers `value: false`
 */
export function createZapiWebhookRegistrationPorts(client: ZapiWebhookRegistrationClient): WebhookRegistrationPort {
  return {
    async registerWebhooks(url: string): Promise<WebhookRegistration> {
      const me = (await client.me()) ?? {};
      const stale = Object.entries(CALLBACKS).filter(([, field]) => me[field] !== url);
      const registered: string[] = [];
      if (stale.length) {
        expectDone('update-every-webhooks', (await client.updateEveryWebhooks({ value: url, notifySentByMe: true }))?.value);
        registered.push(...Object.keys(CALLBACKS));
      }
      if (!toBool(me.receiveCallbackSentByMe)) {
        expectDone('update-notify-sent-by-me', (await client.updateNotifySentByMe({ notifySentByMe: true }))?.value);
        registered.push('notifySentByMe');
      }
      return { registered, changed: registered.length > 0 };
    },
  };
}
