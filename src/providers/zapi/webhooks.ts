import type { z } from 'zod';
import { stableEventId, WebhookPayloadError, type InboundWebhook, type WebhookSamples } from '../contract.js';
import type { DomainEvent, Message, MessageStatusChangedEvent } from '../model.js';
import { occurredAt, toBool, toConnectionState, toMessageContent, toMessageStatus, toPresence } from './mapping.js';
import {
  connectedCallbackSchema,
  deliveryCallbackSchema,
  disconnectedCallbackSchema,
  messageStatusCallbackSchema,
  presenceChatCallbackSchema,
  receivedCallbackSchema,
  ZAPI_WEBHOOK_TYPES,
  type ZapiReceivedCallback,
  type ZapiWebhookType,
} from './wire/webhooks.js';

/**
 * Z-API webhook payloads → domain events (z-api.txt 11137-13402, "Webhooks").
 *
 * Ids come from Z-API's own ids through {@link stableEventId}, so a redelivered payload maps to
 * the same event ids and the event pipeline dedupes it:
 * - message received: (instance, `MESSAGE_RECEIVED`, `messageId`), plus `momment` when
 *   `isEdit` (an edit re-sends the same `messageId` and must not be swallowed as a duplicate);
 * - status: (instance, `MESSAGE_STATUS_CHANGED`, message id, domain status), one per id of
 *   `ids`, so each status of one message has its own id while a `DeliveryCallback` SENT and a
 *   `MessageStatusCallback` SENT of the same message collapse into one event;
 * - notification (`INSTANCE_EVENT`): (instance, kind, `messageId`, `callId`, `phone`, `momment`);
 * - connection: (instance, `CONNECTION_CHANGED`, state, `momment`);
 * - presence: `PresenceChatCallback` has no id and no timestamp (z-api.txt 13280-13341), so its
 *   id is its content (phone, status, `lastSeen`) within a time bucket: `receivedAt` rounded
 *   down to {@link PRESENCE_BUCKET_MS}. A redelivery of the same presence within the bucket
 *   gets the same id and the pipeline publishes it once; a later, real "COMPOSING" (another
 *   bucket) is still a new event. One straddling a bucket boundary publishes twice (harmless:
 *   the same presence again); leaving time out entirely would drop real repeats.
 */

/** The time bucket of a presence event's id, ms: redeliveries of one presence within it dedupe. */
export const PRESENCE_BUCKET_MS = 5_000;

/** Parses `schema` or throws {@link WebhookPayloadError} naming the payload type and the first bad field (never its value). */
function read<S extends z.ZodType>(schema: S, body: unknown, type: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new WebhookPayloadError(`z-api ${type}: invalid field ${issue?.path.join('.') || '(root)'}`);
  }
  return result.data;
}

/**
 * Turns one Z-API delivery into domain events.
 * @param instanceId the graph's instance id (stamped on every event and part of every id)
 * @param delivery the parsed JSON body, headers and receipt time (epoch ms)
 * @returns one event, or one per id of a `MessageStatusCallback`; never an empty list for a documented payload
 * @throws WebhookPayloadError when the body is not a Z-API payload: not an object, no or an
 *   unknown `type`, a field of the wrong type, or a status/presence value the doc does not list
 */
export function parseZapiWebhook(instanceId: string, delivery: InboundWebhook): DomainEvent[] {
  const body = delivery.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WebhookPayloadError('z-api webhook: body is not a JSON object');
  const type = (body as { type?: unknown }).type;
  // The field table says "ReceivedCallBack" (z-api.txt 11265) while every example says
  // "ReceivedCallback" (11297…): both spellings are accepted.
  const normalisedType = type === 'ReceivedCallBack' ? 'ReceivedCallback' : type;
  if (typeof normalisedType !== 'string' || !(ZAPI_WEBHOOK_TYPES as readonly string[]).includes(normalisedType)) {
    throw new WebhookPayloadError('z-api webhook: missing or unknown type');
  }
  let input: object = normalisedType === type ? body : { ...body, type: normalisedType };
  // MessageStatusCallback's field table names a single `id` ("Message identifier(s)",
  // z-api.txt 13099) while every example sends an `ids` array (13108): both are read.
  const single = (body as { id?: unknown; ids?: unknown }).id;
  if (normalisedType === 'MessageStatusCallback' && (body as { ids?: unknown }).ids === undefined && typeof single === 'string') {
    input = { ...input, ids: [single] };
  }
  const { receivedAt } = delivery;
  switch (normalisedType as ZapiWebhookType) {
    case 'ReceivedCallback':
      return [receivedEvent(instanceId, read(receivedCallbackSchema, input, 'ReceivedCallback'), receivedAt)];
    case 'MessageStatusCallback': {
      const p = read(messageStatusCallbackSchema, input, 'MessageStatusCallback');
      const status = toMessageStatus(p.status);
      if (!status) throw new WebhookPayloadError('z-api MessageStatusCallback: undocumented status');
      if (p.ids.length === 0) throw new WebhookPayloadError('z-api MessageStatusCallback: empty ids');
      const at = occurredAt(p.momment, receivedAt);
      return p.ids.map((messageId): MessageStatusChangedEvent => ({
        id: stableEventId(instanceId, 'MESSAGE_STATUS_CHANGED', messageId, status),
        type: 'MESSAGE_STATUS_CHANGED',
        instanceId,
        occurredAt: at,
        messageId,
        chatId: p.phone ?? null,
        status,
      }));
    }
    case 'DeliveryCallback': {
      const p = read(deliveryCallbackSchema, input, 'DeliveryCallback');
      // The doc names `zaapId` "Message identifier in the conversation" (z-api.txt 11170)
      // but sends both; `messageId` is the WhatsApp id the send answered with and the one
      // MessageStatusCallback's `ids` carry, so it is preferred.
      const messageId = p.messageId || p.zaapId;
      if (!messageId) throw new WebhookPayloadError('z-api DeliveryCallback: no messageId or zaapId');
      const failed = typeof p.error === 'string' && p.error !== '';
      const status = failed ? 'FAILED' : 'SENT';
      return [
        {
          id: stableEventId(instanceId, 'MESSAGE_STATUS_CHANGED', messageId, status),
          type: 'MESSAGE_STATUS_CHANGED',
          instanceId,
          occurredAt: occurredAt(p.momment, receivedAt),
          messageId,
          chatId: p.phone ?? null,
          status,
          error: failed ? { code: 'DELIVERY_FAILED', title: 'Z-API could not send the message', detail: p.error ?? null } : null,
        },
      ];
    }
    case 'PresenceChatCallback': {
      const p = read(presenceChatCallbackSchema, input, 'PresenceChatCallback');
      const presence = toPresence(p.status);
      if (!presence) throw new WebhookPayloadError('z-api PresenceChatCallback: undocumented status');
      return [
        {
          id: stableEventId(instanceId, 'PRESENCE_CHANGED', p.phone, p.status, p.lastSeen ?? '', Math.floor(receivedAt / PRESENCE_BUCKET_MS)),
          type: 'PRESENCE_CHANGED',
          instanceId,
          occurredAt: receivedAt,
          chatId: p.phone,
          participantId: null,
          presence,
          lastSeenAt: p.lastSeen === null || p.lastSeen === undefined ? null : occurredAt(p.lastSeen, receivedAt),
        },
      ];
    }
    case 'ConnectedCallback': {
      const p = read(connectedCallbackSchema, input, 'ConnectedCallback');
      // A ConnectedCallback without `connected` still reports a connection (z-api.txt 13356: "triggered when the Z-API connects").
      const state = toConnectionState(p.connected === undefined || p.connected === null ? true : toBool(p.connected));
      return [
        {
          id: stableEventId(instanceId, 'CONNECTION_CHANGED', state, p.momment ?? ''),
          type: 'CONNECTION_CHANGED',
          instanceId,
          occurredAt: occurredAt(p.momment, receivedAt),
          state,
          detail: null,
        },
      ];
    }
    case 'DisconnectedCallback': {
      const p = read(disconnectedCallbackSchema, input, 'DisconnectedCallback');
      const state = toConnectionState(p.disconnected === undefined || p.disconnected === null ? false : !toBool(p.disconnected));
      return [
        {
          id: stableEventId(instanceId, 'CONNECTION_CHANGED', state, p.momment ?? ''),
          type: 'CONNECTION_CHANGED',
          instanceId,
          occurredAt: occurredAt(p.momment, receivedAt),
          state,
          detail: p.error ?? null,
        },
      ];
    }
  }
}

/**
 * A `ReceivedCallback`: a notification (`notification` set: calls, group join requests,
 * profile changes, label associations, payment declines…) → `INSTANCE_EVENT` with that
 * kind; anything else → `MESSAGE_RECEIVED` with typed or unsupported content.
 */
function receivedEvent(instanceId: string, p: ZapiReceivedCallback, receivedAt: number): DomainEvent {
  const at = occurredAt(p.momment, receivedAt);
  if (p.notification) {
    return {
      id: stableEventId(instanceId, 'INSTANCE_EVENT', p.notification, p.messageId, p.callId, p.phone, p.momment ?? ''),
      type: 'INSTANCE_EVENT',
      instanceId,
      occurredAt: at,
      kind: p.notification,
      chatId: p.phone,
      raw: p,
    };
  }
  if (!p.messageId) throw new WebhookPayloadError('z-api ReceivedCallback: message without messageId');
  const fromMe = toBool(p.fromMe);
  const isGroup = p.isGroup === undefined || p.isGroup === null ? p.phone.endsWith('-group') : toBool(p.isGroup);
  const message: Message = {
    id: p.messageId,
    instanceId,
    chatId: p.phone,
    fromMe,
    timestamp: at,
    // In a group the sender is the participant; in a 1:1 chat it is the chat's phone, or the
    // connected phone for a message sent from it (`fromMe`).
    senderId: isGroup ? (p.participantPhone ?? null) : fromMe ? (p.connectedPhone ?? null) : p.phone,
    senderName: p.senderName ?? null,
    content: toMessageContent(p),
    status: toMessageStatus(p.status),
    replyToMessageId: p.referenceMessageId ?? null,
    isGroup,
  };
  return {
    id: stableEventId(instanceId, 'MESSAGE_RECEIVED', p.messageId, toBool(p.isEdit) ? (p.momment ?? '') : ''),
    type: 'MESSAGE_RECEIVED',
    instanceId,
    occurredAt: at,
    message,
  };
}

/**
 * Z-API's documented payloads: the `on-message-received` text payload (ReceivedCallback
 * `text`, z-api.txt 11165-11300) with the ids and times a test chooses.
 */
export const ZAPI_WEBHOOK_SAMPLES: WebhookSamples = {
  inboundText(messageId, options = {}) {
    return {
      isStatusReply: false,
      senderLid: '81896604192873@lid',
      connectedPhone: '554499999999',
      waitingMessage: false,
      isEdit: false,
      isGroup: false,
      isNewsletter: false,
      instanceId: 'A20DA9C0183A2D35A260F53F5D2B9244',
      messageId,
      phone: options.phone ?? '5544999999999',
      fromMe: false,
      momment: options.occurredAt ?? Date.now(),
      status: 'RECEIVED',
      chatName: 'name',
      senderPhoto: null,
      senderName: 'name',
      participantPhone: null,
      photo: null,
      broadcast: false,
      type: 'ReceivedCallback',
      text: { message: options.text ?? 'test' },
    };
  },
};
