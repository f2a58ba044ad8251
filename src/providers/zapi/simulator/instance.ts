import type { SimRoute } from '../../sim-kit.js';
import type { ZapiAccountSimState } from './account.js';
import { zapiSimProfilePictureUrl } from './contacts.js';

/** What the instance routes share with the rest of the Z-API simulator. */
export interface ZapiInstanceSimState {
  /** The route prefix (`/instances/:instanceId/token/:token`). */
  prefix: string;
  /** The sandbox's instance id and token (`GET /me` shows them, as Z-API does). */
  credentials: { instanceId: string; token: string };
  /** The simulated connected number. */
  ownPhone: string;
  /** The webhook URL set now (every callback URL of `GET /me`). */
  webhookUrl: () => string | null;
  /** The session, name, profile and settings (changed by the account routes). */
  account: ZapiAccountSimState;
}

/**
 * The simulator routes of the Z-API instance (z-api.txt 831-990): the session's state,
 * `/me` with the sandbox's plan, name, settings and callback URLs, `/device` with the
 * connected number and profile.
 */
export function zapiInstanceRoutes(state: ZapiInstanceSimState): SimRoute[] {
  const { prefix, credentials, ownPhone, webhookUrl, account } = state;
  return [
    {
      method: 'GET',
      pattern: `${prefix}/status`,
      handler: () => ({
        status: 200,
        body: account.connected ? { connected: true, error: null, smartphoneConnected: true } : { connected: false, error: 'You are not connected.', smartphoneConnected: false },
      }),
    },
    {
      method: 'GET',
      pattern: `${prefix}/me`,
      handler: () => ({
        status: 200,
        body: {
          id: credentials.instanceId,
          token: credentials.token,
          name: account.instanceName,
          due: Date.now() + 30 * 86_400_000,
          connected: account.connected,
          paymentStatus: 'RECEIVED',
          created: '2024-01-01T00:00:00.000Z',
          connectedCallbackUrl: webhookUrl(),
          deliveryCallbackUrl: webhookUrl(),
          disconnectedCallbackUrl: webhookUrl(),
          messageStatusCallbackUrl: webhookUrl(),
          presenceChatCallbackUrl: webhookUrl(),
          receivedCallbackUrl: webhookUrl(),
          receiveCallbackSentByMe: account.notifySentByMe,
          callRejectAuto: account.settings.callRejectAuto,
          callRejectMessage: account.settings.callRejectMessage,
          autoReadMessage: account.settings.autoReadMessage,
          initialDataCallbackUrl: null,
        },
      }),
    },
    {
      method: 'GET',
      pattern: `${prefix}/device`,
      handler: () => ({
        status: 200,
        body: {
          phone: ownPhone,
          imgUrl: account.profile.pictureUrl ?? zapiSimProfilePictureUrl(ownPhone),
          name: account.profile.name,
          device: { sessionName: 'Z-API', device_model: 'Z-API' },
          originalDevice: 'android',
          sessionId: 175,
          isBusiness: false,
        },
      }),
    },
  ];
}
