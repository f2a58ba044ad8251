import { badInput } from '../../errors.js';
import type { BulkItem, InstanceStatus, MessageStatus, SendTextInput, SentMessage } from '../model.js';
import type { ZivoAccountResponse, ZivoDlrResponse, ZivoMessageItem, ZivoResponseEntry } from './wire.js';

/**
 * Zivo wire <-> model: the only place that normalises Zivo's shapes.
 */

/** Shortest and longest phone accepted, digits (E.164 allows at most 15). */
export const ZIVO_PHONE_MIN_DIGITS = 8;
/** Longest phone accepted, digits (E.164). */
export const ZIVO_PHONE_MAX_DIGITS = 15;

/**
 * The phone as Zivo's `mobile` (zivo.txt line 63: "international format such as 2547…"). The
 * resolver layer already turned a Kenyan `07…` into `2547…` with the instance's default country;
 * here only digits are accepted, so nothing unnormalised reaches Zivo.
 * @param field the input path reported on error (`input.to`, `input.messages[3].to`)
 * @throws GraphError `BAD_USER_INPUT` when `to` is not 8..15 digits
 */
export function toMobile(to: string, field = 'input.to'): string {
  if (!/^\d+$/.test(to) || to.length < ZIVO_PHONE_MIN_DIGITS || to.length > ZIVO_PHONE_MAX_DIGITS) {
    throw badInput(field, `must be a phone number in international format, ${ZIVO_PHONE_MIN_DIGITS} to ${ZIVO_PHONE_MAX_DIGITS} digits`);
  }
  return to;
}

/**
 * A text send (single or one bulk item) as a Zivo message item (zivo.txt lines 60-65):
 * `to` → `mobile`, `text` → `message`, `clientReference` → `clientwhatsappid` (omitted when absent).
 * @param field the input path prefix for errors (`input`, `input.messages[3]`)
 * @throws GraphError `BAD_USER_INPUT` (`<field>.to`, `<field>.text`)
 */
export function toMessageItem(input: Pick<SendTextInput, 'to' | 'text' | 'clientReference'> | BulkItem, field = 'input'): ZivoMessageItem {
  const mobile = toMobile(input.to, `${field}.to`);
  if (typeof input.text !== 'string' || !input.text.trim()) throw badInput(`${field}.text`, 'must not be empty');
  const item: ZivoMessageItem = { mobile, message: input.text };
  if (input.clientReference) item.clientwhatsappid = input.clientReference;
  return item;
}

/**
 * The result code of a send entry: `response-code`, or the doc's misspelled duplicate
 * `respose-code` (zivo.txt lines 47-48) when only that one is present; 200 when neither is.
 */
export function entryCode(entry: ZivoResponseEntry): number {
  return entry['response-code'] ?? entry['respose-code'] ?? 200;
}

/** Whether a send entry reports success: a 2xx code and a `messageid`. */
export function entryAccepted(entry: ZivoResponseEntry): boolean {
  const code = entryCode(entry);
  return code >= 200 && code < 300 && typeof entry.messageid === 'string' && entry.messageid !== '';
}

/**
 * A Zivo local send status (the send answer's `status`, line 55, and the delivery report's)
 * → MessageStatus; null for a word Zivo has not used (the poller then keeps asking).
 */
export function toMessageStatus(status: string | undefined | null): MessageStatus | null {
  switch ((status ?? '').trim().toLowerCase()) {
    case 'queued':
    case 'pending':
    case 'accepted':
    case 'processing':
      return 'PENDING';
    case 'sent':
    case 'submitted':
      return 'SENT';
    case 'delivered':
      return 'DELIVERED';
    case 'read':
    case 'seen':
      return 'READ';
    case 'failed':
    case 'undelivered':
    case 'rejected':
    case 'error':
      return 'FAILED';
    default:
      return null;
  }
}

/**
 * An accepted send entry → SentMessage. `id` is Zivo's `messageid` (what `getdlr` takes),
 * `providerId` WhatsApp's `provider_message_id`.
 * @param item the item that was sent (its `mobile` is the chat, its text the content)
 * @param now epoch ms of acceptance
 */
export function toSentMessage(entry: ZivoResponseEntry, item: ZivoMessageItem, now: number): SentMessage {
  return {
    id: String(entry.messageid),
    providerId: entry.provider_message_id ?? null,
    chatId: entry.mobile ?? item.mobile,
    status: toMessageStatus(entry.status) ?? 'SENT',
    timestamp: now,
    content: { kind: 'text', body: item.message },
    clientReference: item.clientwhatsappid ?? entry.clientwhatsappid ?? null,
  };
}

/**
 * The delivery report's status (undocumented shape, see `ZivoDlrResponse`): the flat `status`
 * (or `dlr`), or that of the first `responses` entry.
 * @returns the mapped status, or null when the report names none Zivo is known to use
 */
export function dlrStatus(report: ZivoDlrResponse | null): MessageStatus | null {
  if (!report || typeof report !== 'object') return null;
  const entry = Array.isArray(report.responses) && report.responses[0] ? report.responses[0] : report;
  return toMessageStatus(entry.status ?? report.dlr);
}

/**
 * The account answer (undocumented shape, see `ZivoAccountResponse`) → InstanceStatus: a valid
 * key with WhatsApp enabled is CONNECTED, disabled is DISCONNECTED; `balance` is read as a number
 * when given (numbers or numeric strings).
 */
export function toInstanceStatus(account: ZivoAccountResponse | null): InstanceStatus {
  const a = account ?? {};
  const enabled = a.whatsapp_enabled ?? (a.whatsapp_status ? /^(enabled|online|connected|active)$/i.test(a.whatsapp_status) : undefined);
  const balance = a.balance === undefined || a.balance === null || a.balance === '' ? null : Number(a.balance);
  return {
    state: enabled === true ? 'CONNECTED' : enabled === false ? 'DISCONNECTED' : 'UNKNOWN',
    phoneConnected: null,
    detail: enabled === false ? 'WhatsApp is not enabled for this Zivo business' : null,
    balance: balance !== null && Number.isFinite(balance) ? balance : null,
  };
}
