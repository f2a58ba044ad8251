import type { SimRoute } from '../../sim-kit.js';
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
}

/**
 * The simulator routes of the Z-API instance (z-api.txt 831-990): always connected, `/me`
 * with the sandbox's plan and callback URLs, `/device` with the connected number.
 */
export function zapiInstanceRoutes(state: ZapiInstanceSimState): SimRoute[] {
  const { prefix, credentials, ownPhone, webhookUrl } = state;
  return [
    { method: 'GET', pattern: `${prefix}/status`, handler: () => ({ status: 200, body: { connected: true, error: null, smartphoneConnected: true } }) },
    {
      method: 'GET',
      pattern: `${prefix}/me`,
      handler: () => ({
        status: 200,
        body: {
          id: credentials.instanceId,
          token: credentials.token,
          name: 'Z-API sandbox',
          due: Date.now() + 30 * 86_400_000,
          connected: true,
          paymentStatus: 'RECEIVED',
          created: '2024-01-01T00:00:00.000Z',
          connectedCallbackUrl: webhookUrl(),
          deliveryCallbackUrl: webhookUrl(),
          disconnectedCallbackUrl: webhookUrl(),
          messageStatusCallbackUrl: webhookUrl(),
          presenceChatCallbackUrl: webhookUrl(),
          receivedCallbackUrl: webhookUrl(),
          receiveCallbackSentByMe: false,
          callRejectAuto: false,
          callRejectMessage: null,
          autoReadMessage: false,
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
          imgUrl: zapiSimProfilePictureUrl(ownPhone),
          name: 'Z-API Sandbox',
          device: { sessionName: 'Z-API', device_model: 'Z-API' },
          originalDevice: 'android',
          sessionId: 175,
          isBusiness: false,
        },
      }),
    },
  ];
}
