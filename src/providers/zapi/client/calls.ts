import { badInput } from '../../../errors.js';
import type { CallsPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import { zapiFailed } from '../errors.js';
import type { ZapiSendResponse } from '../wire/messages.js';

/** Longest call Z-API places, seconds (z-api.txt 6709-6710: "by default … 5 seconds, … up to 15 seconds"). */
export const ZAPI_MAX_CALL_SECONDS = 15;

/** Body of `POST /send-call` (z-api.txt 6692-6753). */
export interface ZapiSendCallBody {
  phone: string;
  callDuration?: number;
}

/**
 * Z-API's call operation (z-api.txt 6692-6753), on the instance's {@link ProviderHttpClient}:
 * the documented method, path and body; it throws `ProviderError` only.
 */
export class ZapiCallsClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /send-call` `{phone, callDuration}`: answered like a send (`zaapId`, `messageId`, `id`). */
  sendCall(body: ZapiSendCallBody): Promise<ZapiSendResponse | null> {
    return this.http.request<ZapiSendResponse | null>({ operation: 'send-call', method: 'POST', path: '/send-call', body });
  }
}

/**
 * The Z-API {@link CallsPort}: 1 to {@link ZAPI_MAX_CALL_SECONDS} seconds (`callDuration` left
 * out for Z-API's default of 5 s); the call's id is the answer's `messageId`.
 * @throws GraphError BAD_USER_INPUT (`input.durationSeconds`) before any request; ProviderError PROVIDER_ERROR when the answer has no id
 */
export function createZapiCallsPorts(client: ZapiCallsClient): CallsPort {
  return {
    async makeCall(phone: string, durationSeconds: number | null): Promise<string> {
      if (durationSeconds !== null && (!Number.isInteger(durationSeconds) || durationSeconds < 1 || durationSeconds > ZAPI_MAX_CALL_SECONDS))
        throw badInput('input.durationSeconds', `zapi calls last 1 to ${ZAPI_MAX_CALL_SECONDS} whole seconds (z-api.txt 6709-6710)`);
      const wire = await client.sendCall({ phone, ...(durationSeconds !== null ? { callDuration: durationSeconds } : {}) });
      const id = wire?.messageId ?? wire?.id;
      if (!id) throw zapiFailed('send-call', 'zapi answered the call without an id');
      return String(id);
    },
  };
}
