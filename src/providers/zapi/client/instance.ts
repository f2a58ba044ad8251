import { badInput } from '../../../errors.js';
import { QR_CODE_LIFETIME_MS, type AccountSettingsInput, type QrCode } from '../../account.model.js';
import type { AccountPort, ProfilePort, SessionPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { AccountProfile, InstanceStatus, ProfilePhotoInput } from '../../model.js';
import { expectDone, zapiFailed } from '../errors.js';
import { toAccountProfile, toBool, toInstanceStatus } from '../mapping.js';
import type { ZapiValueResponse } from '../wire/common.js';
import type { ZapiPhoneCode, ZapiQrCode, ZapiValueBody } from '../wire/account.js';
import type { ZapiDevice, ZapiMe, ZapiStatus } from '../wire/instance.js';

/** The PNG data URI prefix of the QR image (z-api.txt 750-755: "returns a base64 image"). */
const PNG_DATA_URI = 'data:image/png;base64,';

/**
 * Z-API's instance operations as documented (z-api.txt 504-990), on the instance's
 * {@link ProviderHttpClient} (whose base URL already ends in
 * `/instances/{instanceId}/token/{token}` and whose headers carry `Client-Token`). Each
 * method sends exactly the documented method and path and returns the wire answer; it throws
 * `ProviderError` only.
 */
export class ZapiInstanceClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /status` (z-api.txt 831-859). */
  status(): Promise<ZapiStatus> {
    return this.http.request<ZapiStatus>({ operation: 'status', method: 'GET', path: '/status' });
  }

  /** `GET /me` (z-api.txt 946-990). */
  me(): Promise<ZapiMe> {
    return this.http.request<ZapiMe>({ operation: 'me', method: 'GET', path: '/me' });
  }

  /** `GET /device` (z-api.txt 861-897). */
  device(): Promise<ZapiDevice> {
    return this.http.request<ZapiDevice>({ operation: 'device', method: 'GET', path: '/device' });
  }

  /** `GET /qr-code/image` (z-api.txt 750-755): the QR as a base64 image. */
  qrCodeImage(): Promise<ZapiQrCode | null> {
    return this.http.request<ZapiQrCode | null>({ operation: 'qr-code-image', method: 'GET', path: '/qr-code/image' });
  }

  /** `GET /phone-code/{phone}` (z-api.txt 757-781): a pairing code; not retried (each call asks WhatsApp for a new code). */
  phoneCode(phone: string): Promise<ZapiPhoneCode | null> {
    return this.http.request<ZapiPhoneCode | null>({ operation: 'phone-code', method: 'GET', path: encodePath`/phone-code/${phone}`, idempotent: false });
  }

  /** `GET /restart` (z-api.txt 783-812); not retried: a restart is an action, though sent as GET. */
  restart(): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'restart', method: 'GET', path: '/restart', idempotent: false });
  }

  /** `GET /disconnect` (z-api.txt 814-829; no answer documented); not retried. */
  disconnect(): Promise<unknown> {
    return this.http.request<unknown>({ operation: 'disconnect', method: 'GET', path: '/disconnect', idempotent: false });
  }

  /**
   * One of the `PUT {path}` operations whose body is `{"value": …}` and whose answer is
   * `{"value": true}` (z-api.txt 504-730: auto read, profile name/description/picture, call
   * rejection; 899-944: `update-name`).
   */
  putValue(operation: string, path: string, value: string | boolean): Promise<ZapiValueResponse | null> {
    const body: ZapiValueBody<string | boolean> = { value };
    return this.http.request<ZapiValueResponse | null>({ operation, method: 'PUT', path, body });
  }
}

/**
 * The Z-API {@link AccountPort} on {@link ZapiInstanceClient}: the status (z-api.txt 831-859),
 * and the profile from `/me` and `/device` together (861-990).
 * @throws ProviderError from the call
 */
export function createZapiInstancePorts(client: ZapiInstanceClient): AccountPort {
  return {
    async getStatus(): Promise<InstanceStatus> {
      return toInstanceStatus(await client.status());
    },

    async getProfile(): Promise<AccountProfile> {
      const [me, device] = await Promise.all([client.me(), client.device()]);
      return toAccountProfile(me ?? {}, device ?? {});
    },
  };
}

/**
 * Reads the QR answer: null when Z-API says the session is connected; the image as a PNG data
 * URI (a bare base64 answer gets the prefix) with its expiry, 20 s after `now` (z-api.txt 804).
 * @throws ProviderError PROVIDER_ERROR when the answer carries no image
 */
export function toQrCode(wire: ZapiQrCode | null, now: number): QrCode | null {
  if (wire && toBool(wire.connected)) return null;
  const value = typeof wire?.value === 'string' ? wire.value.trim() : '';
  if (!value) throw zapiFailed('qr-code-image', 'zapi answered without a QR code image');
  const image = value.startsWith('data:') ? value : `${PNG_DATA_URI}${value}`;
  if (!image.startsWith(PNG_DATA_URI)) throw zapiFailed('qr-code-image', 'zapi answered with a QR code that is not a PNG image');
  return { image, expiresAt: now + QR_CODE_LIFETIME_MS };
}

/**
 * The Z-API {@link SessionPort} (z-api.txt 732-944): the QR image, the pairing code, restart,
 * disconnect and rename.
 * @throws ProviderError from the call; PROVIDER_ERROR (`FAILED`) when Z-API answers `value: false`
 */
export function createZapiSessionPorts(client: ZapiInstanceClient): SessionPort {
  return {
    async getQrCode(): Promise<QrCode | null> {
      // Already connected: Z-API "will not allow you to connect again" (z-api.txt 806); ask the status first so no QR is requested for nothing.
      if (toBool((await client.status())?.connected)) return null;
      return toQrCode(await client.qrCodeImage(), Date.now());
    },

    async requestPairingCode(phone: string): Promise<string> {
      const wire = await client.phoneCode(phone);
      const code = wire?.code ?? wire?.value;
      if (typeof code !== 'string' || !code) throw zapiFailed('phone-code', 'zapi answered without a pairing code');
      return code;
    },

    async restart(): Promise<void> {
      expectDone('restart', (await client.restart())?.value);
    },

    async disconnect(): Promise<void> {
      await client.disconnect();
    },

    async rename(name: string): Promise<void> {
      expectDone('update-name', (await client.putValue('update-name', '/update-name', name))?.value);
    },
  };
}

/**
 * The Z-API {@link ProfilePort} (z-api.txt 504-730): name, description ("about") and picture
 * (an https URL: z-api.txt 577 "Image URL"), the settings from `/me` (946-990, which reports
 * auto read of messages and call rejection but not auto read of statuses) and their PUTs.
 * @throws GraphError BAD_USER_INPUT (`input.photo`) for a picture that is not an http(s) URL
 * @throws ProviderError from the call; PROVIDER_ERROR (`FAILED`) when Z-API answers `value: false`
 */
export function createZapiProfilePorts(client: ZapiInstanceClient): ProfilePort {
  const put = async (operation: string, value: string | boolean) => expectDone(operation, (await client.putValue(operation, `/${operation}`, value))?.value);
  return {
    updateName: (name) => put('profile-name', name),
    updateAbout: (text) => put('profile-description', text),
    async updatePicture(input: ProfilePhotoInput): Promise<void> {
      if (!/^https?:\/\//i.test(input.photo)) throw badInput('input.photo', 'zapi takes the picture as an http(s) URL (z-api.txt 577), not a data: URI');
      await put('profile-picture', input.photo);
    },
    async getSettings(): Promise<AccountSettingsInput> {
      const me = (await client.me()) ?? {};
      const flag = (v: ZapiMe['autoReadMessage']) => (v === undefined || v === null ? null : toBool(v));
      return {
        autoReadMessages: flag(me.autoReadMessage),
        autoReadStatuses: null,
        rejectCalls: flag(me.callRejectAuto),
        callRejectMessage: typeof me.callRejectMessage === 'string' ? me.callRejectMessage : null,
      };
    },
    async updateSettings(input: AccountSettingsInput): Promise<void> {
      if (input.autoReadMessages !== null && input.autoReadMessages !== undefined) await put('update-auto-read-message', input.autoReadMessages);
      if (input.autoReadStatuses !== null && input.autoReadStatuses !== undefined) await put('update-auto-read-status', input.autoReadStatuses);
      if (input.rejectCalls !== null && input.rejectCalls !== undefined) await put('update-call-reject-auto', input.rejectCalls);
      if (input.callRejectMessage !== null && input.callRejectMessage !== undefined) await put('update-call-reject-message', input.callRejectMessage);
    },
  };
}
