import type { ErrorCode } from '../../errors.js';
import { ProviderError, type MappedProviderError } from '../http.js';
import { toBool } from './mapping.js';
import type { WireBool, ZapiErrorBody } from './wire/common.js';

/**
 * Z-API's documented error answers → the graph's `ProviderError` kinds, in one table (the
 * style of Prisma's driver-adapter `errors.ts`: the provider's answer in, a kind and the
 * provider's own code out).
 *
 * What Z-API documents (z-api.txt):
 * - an `{"error": "…"}` body with no status given: `"null not allowed"` when the account
 *   security token (`Client-Token`) is missing (468-475), `"[IP da chamada] not allowed"` when
 *   the caller's IP is not on the allowed list (392-397), `"Invalid phone"` (400, 6158-6161),
 *   and the `/status` texts `"You are not connected."` / `"You need to restore the session."`
 *   (845);
 * - `400` "Invalid request" (e.g. 1076-1077), `405` wrong method (e.g. 527-529) and `415`
 *   missing `Content-Type` (e.g. 531) with no body: these keep the status-based meaning of
 *   `http.ts` (`PROVIDER_ERROR`);
 * - `{"value": false}` / `{"success": false}` with a 200: "false if it failed" (e.g.
 *   6976-6984, 8385-8393), read by {@link expectDone}.
 * Z-API documents no 429 and no 5xx: those always keep their status-based meaning (`Retry-After`
 * honoured by `http.ts`), whatever the body says.
 *
 * Messages are fixed strings: the provider's own text is never passed on (the IP-restriction
 * body names the caller's IP). The provider's code survives as `providerCode`.
 */

/** One documented `{"error": …}` answer and the kind it is read as. */
export interface ZapiErrorRule {
  /** The documented `error` text, exactly; or a pattern for the texts that carry a value (`<ip> not allowed`), tested on the trimmed text. */
  error: string | RegExp;
  /** Where Z-API documents the answer (`z-api.txt NNN-MMM`). */
  doc: string;
  /** The graph error code. */
  code: ErrorCode;
  /** A stable name for the provider's answer (Z-API has no error codes of its own), kept as `providerCode`. */
  providerCode: string;
  /** The safe message shown instead of the provider's text. */
  message: string;
}

/** Z-API's documented `{"error": …}` answers, first match wins. */
export const ZAPI_ERROR_TABLE: readonly ZapiErrorRule[] = [
  {
    // Missing or wrong Client-Token ("null not allowed") and IP restriction ("<ip> not allowed").
    error: /not allowed$/i,
    doc: 'z-api.txt 392-397, 468-475',
    code: 'PROVIDER_UNAUTHORIZED',
    providerCode: 'NOT_ALLOWED',
    message: 'zapi refused the request: Client-Token or caller IP not allowed',
  },
  // The instance's WhatsApp session is down: nothing the caller can fix by changing the request.
  { error: 'You are not connected.', doc: 'z-api.txt 845', code: 'PROVIDER_UNAVAILABLE', providerCode: 'NOT_CONNECTED', message: 'the zapi instance is not connected to WhatsApp' },
  {
    error: 'You need to restore the session.',
    doc: 'z-api.txt 845',
    code: 'PROVIDER_UNAVAILABLE',
    providerCode: 'RESTORE_SESSION',
    message: 'the zapi instance must restore its WhatsApp session',
  },
  { error: 'Invalid phone', doc: 'z-api.txt 6158-6161', code: 'PROVIDER_ERROR', providerCode: 'INVALID_PHONE', message: 'zapi rejected the phone number' },
];

/**
 * Reads a non-2xx Z-API answer with {@link ZAPI_ERROR_TABLE}; the `mapError` of the instance's
 * `ProviderHttpClient`.
 * @param status the HTTP status
 * @param body the parsed body (JSON, text or null)
 * @returns the kind, safe message and `providerCode`; `undefined` for a 429 or a 5xx, for a
 *   body that is not `{"error": string}`, and for an error text the table does not list, so
 *   `http.ts` maps by status
 */
export function mapZapiError(status: number, body: unknown): MappedProviderError | undefined {
  if (status === 429 || status >= 500) return undefined;
  const error = body && typeof body === 'object' ? (body as Partial<ZapiErrorBody>).error : undefined;
  if (typeof error !== 'string') return undefined;
  const rule = ZAPI_ERROR_TABLE.find((r) => (typeof r.error === 'string' ? error === r.error : r.error.test(error.trim())));
  return rule ? { code: rule.code, message: rule.message, providerCode: rule.providerCode } : undefined;
}

/**
 * A Z-API answer that is 2xx but says the operation did not happen (no id, no link, `false`):
 * `PROVIDER_ERROR` with `providerCode: FAILED`.
 * @param operation the documented operation (`create-group`)
 * @param message the safe message
 */
export function zapiFailed(operation: string, message: string): ProviderError {
  return new ProviderError('PROVIDER_ERROR', 'zapi', operation, message, { providerCode: 'FAILED' });
}

/**
 * Reads a `{"value": …}` / `{"success": …}` answer: Z-API documents `false` as "it failed"
 * (e.g. z-api.txt 6976-6984, 8385-8393) with no reason, so it becomes `PROVIDER_ERROR`
 * (`providerCode: FAILED`) rather than a payload that looks like success.
 * @throws ProviderError PROVIDER_ERROR when the flag is not true
 */
export function expectDone(operation: string, flag: WireBool): void {
  if (toBool(flag)) return;
  throw zapiFailed(operation, `zapi reported that ${operation} failed`);
}

/**
 * `null` for a 404 (no such chat, contact, group, community, product or invitation), the
 * error otherwise: Z-API answers a lookup of something that is not there with a 404.
 * @throws the call's error when it is not a 404
 */
export async function orNull<T>(call: Promise<T | null>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ProviderError && err.extensions.httpStatus === 404) return null;
    throw err;
  }
}

/**
 * A lookup by phone or group id (chat, contact, group, invitation): the mapped answer, or null
 * when Z-API answers 404 or an answer without the `phone` that names what was found.
 * @throws the call's error when it is not a 404
 */
export async function orNullByPhone<W extends { phone?: string | null }, T>(call: Promise<W | null>, map: (wire: W) => T): Promise<T | null> {
  const wire = await orNull(call);
  return wire?.phone ? map(wire) : null;
}
