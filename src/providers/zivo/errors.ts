import { GraphError, type ErrorCode } from '../../errors.js';
import { ProviderError, type MappedProviderError } from '../http.js';
import { entryCode } from './mapping.js';
import type { ZivoErrorBody, ZivoResponseEntry } from './wire.js';

/**
 * Zivo's documented error answers → the graph's `ProviderError` kinds (zivo.txt "Error
 * responses", lines 108-114). One table, read both for HTTP answers (`mapZivoError`, given to
 * the shared HTTP client) and for the per-message entries of a send answer, whose
 * `response-code` (or the doc's misspelled `respose-code`, line 48) uses the same statuses.
 * Zivo's own status is kept as `providerCode`; its text never is (it may echo the message or the
 * key). 429 and 5xx are left to the shared mapping of `http.ts` (`Retry-After` honoured).
 */

/** One documented error answer: the graph code, a constant safe message and its doc line. */
export interface ZivoErrorRow {
  code: ErrorCode;
  /** Constant, the doc's "Meaning" in whatsgraph's words; never Zivo's text. */
  message: string;
  /** The zivo.txt line documenting the status. */
  line: number;
}

/**
 * The Zivo error table (zivo.txt "Error responses", lines 108-114), keyed by HTTP status (or
 * send-entry `response-code`).
 */
export const ZIVO_ERROR_TABLE: Readonly<Record<number, ZivoErrorRow>> = {
  // line 111: "Invalid partnerID or apikey."
  401: { code: 'PROVIDER_UNAUTHORIZED', message: 'zivo rejected the partnerID or apikey', line: 111 },
  // line 112: "Required field missing or invalid. Send mobile and message."
  422: { code: 'BAD_USER_INPUT', message: 'zivo: a required field is missing or invalid', line: 112 },
  // line 113: "WhatsApp send failed after authentication." The caller must fix the recipient, the
  // service window or the WhatsApp Cloud setup: input-side, so BAD_USER_INPUT, not PROVIDER_ERROR.
  400: { code: 'BAD_USER_INPUT', message: 'zivo: the WhatsApp send failed (check the recipient and the 24-hour service window)', line: 113 },
  // line 114: "Delivery report message was not found."
  404: { code: 'NOT_FOUND', message: 'zivo: no message with this messageid', line: 114 },
};

/** The request fields a 422 may name (zivo.txt line 112: "Send mobile and message"), reported without echoing Zivo's text. */
const ZIVO_FIELDS = ['mobile', 'message', 'messageID', 'whatsapplist', 'partnerID'] as const;

/**
 * `mapError` for the shared HTTP client: the {@link ZIVO_ERROR_TABLE} statuses; anything else
 * falls back to the status-based mapping (429, 5xx…). For 422 the safe message names the Zivo
 * field that `response-description` mentions (from a fixed list), never its text.
 * @param status the HTTP status (or a send entry's code)
 * @param body the parsed answer (`ZivoErrorBody`, or a send entry)
 * @returns the mapped error with `providerCode` = the status, or undefined to fall back
 */
export function mapZivoError(status: number, body: unknown): MappedProviderError | undefined {
  const row = ZIVO_ERROR_TABLE[status];
  if (!row) return undefined;
  let message = row.message;
  if (status === 422) {
    const description = String((body as ZivoErrorBody | null)?.['response-description'] ?? '');
    const named = ZIVO_FIELDS.filter((f) => new RegExp(`\\b${f}\\b`, 'i').test(description));
    if (named.length) message += ` (${named.join(', ')})`;
  }
  return { code: row.code, message, providerCode: String(status) };
}

/**
 * A rejected send entry (zivo.txt lines 44-58) → its BulkResult error: the table's code and
 * message for its `response-code` (422 when it claims success without a `messageid`), never
 * Zivo's text.
 */
export function entryError(entry: ZivoResponseEntry): { code: string; message: string } {
  const code = entryCode(entry);
  const mapped = mapZivoError(code >= 200 && code < 300 ? 422 : code, entry) ?? { code: 'PROVIDER_ERROR', message: `zivo refused the message (code ${code})` };
  return { code: mapped.code, message: mapped.message };
}

/**
 * The error of a `sendwhatsapp` answer that did not accept the message (zivo.txt lines 44-58):
 * no result entry → PROVIDER_ERROR; a rejected entry → {@link entryError}'s code, with Zivo's
 * `response-code` (or `respose-code`) kept as `providerCode`.
 */
export function sendEntryError(entry: ZivoResponseEntry | undefined): ProviderError {
  if (!entry) return new ProviderError('PROVIDER_ERROR', 'zivo', 'sendwhatsapp', 'zivo answered without a result entry');
  const e = entryError(entry);
  return new ProviderError(e.code as ProviderError['code'], 'zivo', 'sendwhatsapp', e.message, { providerCode: String(entry['response-code'] ?? entry['respose-code'] ?? '') });
}

/**
 * A bulk item's error from whatever a `sendbulk` request threw: GraphErrors keep their (safe)
 * code and message; anything else is masked.
 */
export function bulkItemError(err: unknown): { code: string; message: string } {
  if (err instanceof GraphError) return { code: err.code, message: err.message };
  return { code: 'PROVIDER_ERROR', message: 'zivo bulk request failed' };
}
