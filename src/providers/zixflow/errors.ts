import { ProviderError } from '../http.js';
import type { ZixflowSendResponse } from './wire.js';

/**
 * Zixflow's documented error answers → the graph's `ProviderError` kinds. zixflow.txt documents
 * no error statuses and no error codes: its only error answer is the response body's
 * `status: false` with a free-text `message` (lines 184-194). So HTTP failures (401/403, 429
 * with `Retry-After`, 5xx, other 4xx) go through the shared status mapping of `http.ts` (the
 * client passes no `mapError`), and this file reads the one documented shape.
 */

/** One documented error answer: the graph code, a constant safe message and its doc lines. */
export interface ZixflowErrorRow {
  code: ProviderError['code'];
  /** Constant: Zixflow's own `message` may quote the request, so it is never shown. */
  message: string;
  /** First and last zixflow.txt line documenting the answer. */
  lines: [number, number];
}

/** The documented error answers of `POST /api/v1/campaign/whatsapp/message/send`, by the body's `status`. */
export const ZIXFLOW_ERROR_TABLE = {
  /** `status: false` — "true if successful, false if not" (line 189), `message` "success or error response message" (line 194). */
  statusFalse: { code: 'PROVIDER_ERROR', message: 'zixflow did not accept the message (status false)', lines: [184, 194] },
} as const satisfies Readonly<Record<string, ZixflowErrorRow>>;

/**
 * The error a send answer carries, if any: anything but `status: true` (a missing body
 * included) is {@link ZIXFLOW_ERROR_TABLE}`.statusFalse`.
 * @param operation the documented operation name, for the error's extensions
 * @returns the ProviderError to throw, or null when Zixflow accepted the message
 */
export function sendAnswerError(res: ZixflowSendResponse | null | undefined, operation: string): ProviderError | null {
  if (res && res.status === true) return null;
  const row = ZIXFLOW_ERROR_TABLE.statusFalse;
  return new ProviderError(row.code, 'zixflow', operation, row.message);
}
