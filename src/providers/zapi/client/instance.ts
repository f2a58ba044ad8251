import type { AccountPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import type { AccountProfile, InstanceStatus } from '../../model.js';
import { toAccountProfile, toInstanceStatus } from '../mapping.js';
import type { ZapiDevice, ZapiMe, ZapiStatus } from '../wire/instance.js';

/**
 * Z-API's instance operations as documented (z-api.txt 831-990), on the instance's
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
