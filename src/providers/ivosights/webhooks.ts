import { timingSafeEqual, createHash } from 'node:crypto';
import { stableEventId, WebhookPayloadError, type InboundWebhook, type WebhookPort, type WebhookSamples } from '../contract.js';
import type { DomainEvent, MessageStatusChangedEvent } from '../model.js';
import type { IvosightsClient } from './client.js';
import { secondsToMs, toMessage, toMessageStatus } from './mapping.js';
import type { WireInboundMessage, WireNotification, WireStatus } from './wire.js';

/**
 * IVOWBA notifications → domain events (ivosights-ivowba.txt lines 2794-3135). The same
 * function reads webhook deliveries and pulled pending notifications (lines 2756-2761), so
 * both give the same event ids and the pipeline dedupes whichever arrives second.
 *
 * Event ids come from the provider's own ids: a message's `id`; a status's message `id`,
 * `status` and error code. A redelivery therefore yields the same ids.
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readMessage(instanceId: string, m: WireInboundMessage, names: Map<string, string>, receivedAt: number): DomainEvent {
  if (!isObject(m) || typeof m.id !== 'string' || typeof m.from !== 'string') throw new WebhookPayloadError('ivosights: a message without id or from');
  const occurredAt = secondsToMs(m.timestamp, receivedAt);
  if (m.type === 'system') {
    // A system notice is not a chat message. user_changed_number (lines 3002-3018): the
    // contact `from` moved to `system.new_wa_id` → PROFILE_UPDATED PHONE_NUMBER, as a Z-API
    // profile change; any other notice an instance event, raw kept.
    const newPhone = m.system?.new_wa_id;
    if (m.system?.type === 'user_changed_number' && typeof newPhone === 'string' && newPhone !== '') {
      return {
        type: 'PROFILE_UPDATED',
        id: stableEventId('ivosights', instanceId, 'system', m.id),
        instanceId,
        occurredAt,
        contactId: m.from,
        change: 'PHONE_NUMBER',
        newPhone,
      };
    }
    return {
      type: 'INSTANCE_EVENT',
      id: stableEventId('ivosights', instanceId, 'system', m.id),
      instanceId,
      occurredAt,
      kind: String(m.system?.type ?? 'system').toUpperCase(),
      chatId: m.from,
      raw: m,
    };
  }
  return {
    type: 'MESSAGE_RECEIVED',
    id: stableEventId('ivosights', instanceId, 'message', m.id),
    instanceId,
    occurredAt,
    message: toMessage(instanceId, m, names.get(m.from) ?? (names.size === 1 ? [...names.values()][0]! : null), receivedAt),
  };
}

function readStatus(instanceId: string, s: WireStatus, receivedAt: number): DomainEvent {
  if (!isObject(s) || typeof s.id !== 'string' || typeof s.status !== 'string') throw new WebhookPayloadError('ivosights: a status without id or status');
  const occurredAt = secondsToMs(s.timestamp, receivedAt);
  const status = toMessageStatus(s.status);
  const firstError = Array.isArray(s.errors) && isObject(s.errors[0]) ? s.errors[0] : undefined;
  if (!status) {
    return {
      type: 'INSTANCE_EVENT',
      id: stableEventId('ivosights', instanceId, 'status', s.id, s.status),
      instanceId,
      occurredAt,
      kind: `STATUS_${s.status.toUpperCase()}`,
      chatId: s.recipient_id ?? null,
      raw: s,
    };
  }
  if (status === 'DELETED') {
    // "Message the user sent to your business was deleted by the user" (lines 3080-3090): an
    // inbound message deleted for everyone, the same MESSAGE_DELETED a Z-API REVOKE gives.
    return {
      type: 'MESSAGE_DELETED',
      id: stableEventId('ivosights', instanceId, 'status', s.id, s.status),
      instanceId,
      occurredAt,
      messageId: s.id,
      chatId: s.recipient_id ?? null,
      participantId: null,
      fromMe: false,
    };
  }
  // Statuses carry ids, recipient and error only: never a message body (DESIGN.md, "Events").
  const event: MessageStatusChangedEvent = {
    type: 'MESSAGE_STATUS_CHANGED',
    id: stableEventId('ivosights', instanceId, 'status', s.id, s.status, firstError?.code),
    instanceId,
    occurredAt,
    messageId: s.id,
    chatId: s.recipient_id ?? null,
    status,
  };
  if (status === 'FAILED') {
    // `errors[0]` {code, title, href?} (lines 3097-3100, 3111-3115, 3126-3129): `detail` is WhatsApp's `details` when sent, else the `href` to its error reference.
    event.error = firstError
      ? { code: String(firstError.code), title: String(firstError.title ?? ''), detail: firstError.details ?? firstError.href ?? null }
      : { code: 'UNKNOWN', title: 'failed without a reason', detail: null };
  }
  return event;
}

/**
 * Parses one IVOWBA notification body: `messages[]` (with the sender names of `contacts[]`)
 * and/or `statuses[]`.
 * - text, location, contacts, image, document, voice, sticker and replies (`context`) →
 *   `MESSAGE_RECEIVED` (types the graph does not type → `UnsupportedContent`);
 * - `system` user_changed_number → `PROFILE_UPDATED` (`PHONE_NUMBER`, `newPhone`); another
 *   system notice → `INSTANCE_EVENT` of its kind;
 * - status deleted (the user deleted their message) → `MESSAGE_DELETED`;
 * - statuses sent / delivered / read / failed → `MESSAGE_STATUS_CHANGED`, FAILED with
 *   `error {code, title, detail}` (470, 480…); an unknown status → `INSTANCE_EVENT`.
 * @param receivedAt epoch ms, used when a timestamp is missing
 * @throws WebhookPayloadError when the body is not an IVOWBA notification (no `messages` or `statuses` array)
 */
export function parseNotification(instanceId: string, body: unknown, receivedAt: number): DomainEvent[] {
  if (!isObject(body)) throw new WebhookPayloadError('ivosights: the body is not a JSON object');
  const n = body as WireNotification;
  const hasMessages = Array.isArray(n.messages);
  const hasStatuses = Array.isArray(n.statuses);
  if (!hasMessages && !hasStatuses) throw new WebhookPayloadError('ivosights: the body has neither messages nor statuses');
  const names = new Map<string, string>();
  for (const c of Array.isArray(n.contacts) ? n.contacts : []) {
    if (isObject(c) && typeof c.wa_id === 'string' && typeof c.profile?.name === 'string') names.set(c.wa_id, c.profile.name);
  }
  const events: DomainEvent[] = [];
  for (const m of n.messages ?? []) events.push(readMessage(instanceId, m, names, receivedAt));
  for (const s of n.statuses ?? []) events.push(readStatus(instanceId, s, receivedAt));
  return events;
}

/**
 * The notifications of a pull-pending-notifications answer (lines 2756-2793). Its shape is
 * not documented; choice: it holds the webhook payloads themselves, either as a JSON array or
 * under `data` (the list envelope every other IVOWBA list uses, e.g. lines 116, 2738). Anything
 * else counts as none pending.
 */
export function pendingPayloads(answer: unknown): unknown[] {
  if (Array.isArray(answer)) return answer;
  if (isObject(answer) && Array.isArray(answer.data)) return answer.data;
  return [];
}

/**
 * Pulls the pending notifications of the given webhooks (GET webhooks/{id}/pull-pending-notifications,
 * lines 2756-2793; every webhook the account lists, lines 2702-2755, when `webhookId` is absent)
 * and reads them with {@link parseNotification}. A pulled payload that cannot be read becomes an
 * `INSTANCE_EVENT` `UNREADABLE_NOTIFICATION` (id from its content), so nothing is dropped.
 * @param webhookId one webhook to pull, or null/empty for all listed
 * @throws ProviderError when a list or pull request fails (the events of earlier webhooks are lost with it; the next pull finds them again)
 */
export async function pullPendingEvents(
  client: Pick<IvosightsClient, 'webhooks' | 'pullPendingNotifications'>,
  instanceId: string,
  webhookId?: string | null,
): Promise<DomainEvent[]> {
  const ids = webhookId ? [webhookId] : ((await client.webhooks())?.data ?? []).map((w) => String(w.id));
  const events: DomainEvent[] = [];
  const now = Date.now();
  for (const id of ids) {
    for (const payload of pendingPayloads(await client.pullPendingNotifications(id))) {
      try {
        events.push(...parseNotification(instanceId, payload, now));
      } catch {
        events.push({
          type: 'INSTANCE_EVENT',
          id: stableEventId('ivosights', instanceId, 'pending', JSON.stringify(payload)),
          instanceId,
          occurredAt: now,
          kind: 'UNREADABLE_NOTIFICATION',
          raw: payload,
        });
      }
    }
  }
  return events;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Checks the HTTP Basic credentials IVOWBA sends when a webhook has `http_auth` on
 * (lines 2746-2750): `Authorization: Basic base64(username:password)`, compared in constant
 * time (over digests, so lengths leak nothing).
 * @returns false when no credentials are configured or the header does not match
 */
export function checkBasicAuth(headers: InboundWebhook['headers'], username: string | undefined, password: string | undefined): boolean {
  if (!username || password === undefined || password === '') return false;
  const raw = headers.authorization;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return false;
  const m = /^Basic\s+(.+)$/i.exec(value.trim());
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'base64').toString('utf8');
  return timingSafeEqual(digest(given), digest(`${username}:${password}`));
}

/** The WebhookPort of one IVOWBA instance: {@link parseNotification} plus Basic-auth checking. */
export function createWebhookPort(instanceId: string, auth: { username?: string; password?: string }): WebhookPort {
  return {
    parse: (delivery) => parseNotification(instanceId, delivery.body, delivery.receivedAt),
    authenticate: (headers) => checkBasicAuth(headers, auth.username, auth.password),
  };
}

/**
 * Ivosights' documented payloads: the inbound text notification (`messages.text`,
 * ivosights-ivowba.txt 2796-2814) with the ids and times a test chooses. `timestamp` is in
 * seconds as documented, so `occurredAt` loses its milliseconds.
 */
export const IVOSIGHTS_WEBHOOK_SAMPLES: WebhookSamples = {
  inboundText(messageId, options = {}) {
    const from = options.phone ?? '16315551234';
    return {
      contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: from }],
      messages: [
        { from, id: messageId, timestamp: String(Math.floor((options.occurredAt ?? Date.now()) / 1000)), text: { body: options.text ?? 'Hello this is an answer' }, type: 'text' },
      ],
    };
  },
};
