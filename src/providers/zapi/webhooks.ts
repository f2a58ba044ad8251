import type { z } from 'zod';
import { stableEventId, WebhookPayloadError, type InboundWebhook, type WebhookSamples } from '../contract.js';
import type { DomainEvent, GroupParticipantsAction, Message, MessageStatusChangedEvent, ParticipantRef } from '../model.js';
import { num, occurredAt, rec, str, toBool, toConnectionState, toMessageContent, toMessageStatus, toNumber, toPresence } from './mapping.js';
import type { WireBool } from './wire/common.js';
import {
  connectedCallbackSchema,
  deliveryCallbackSchema,
  disconnectedCallbackSchema,
  messageStatusCallbackSchema,
  presenceChatCallbackSchema,
  receivedCallbackSchema,
  ZAPI_WEBHOOK_TYPES,
  type ZapiMessageStatusCallback,
  type ZapiReceivedCallback,
  type ZapiWebhookType,
} from './wire/webhooks.js';

/**
 * Z-API webhook payloads → domain events (z-api.txt 11137-13402, "Webhooks").
 *
 * Ids come from Z-API's own ids through {@link stableEventId}, so a redelivered payload maps to
 * the same event ids and the event pipeline dedupes it:
 * - message received: (instance, `MESSAGE_RECEIVED`, `messageId`), plus `momment` when
 *   `isEdit` (an edit re-sends the same `messageId` and must not be swallowed as a duplicate)
 *   and `waiting` for a "waiting for message" placeholder (the real message replaces it under
 *   the same `messageId`); the phone's `fromMe` copy and the API's `fromApi` echo share it;
 * - status: (instance, `MESSAGE_STATUS_CHANGED`, message id, domain status[, participant]),
 *   one per id of `ids`, so each status of one message has its own id while a
 *   `DeliveryCallback` SENT and a `MessageStatusCallback` SENT of the same message collapse
 *   into one event; a group or status@broadcast receipt naming its participant is per participant;
 * - `READ_BY_ME`: (instance, `CHAT_READ`, chat, ids, `momment`);
 * - notification (`CALL_RECEIVED`, `MESSAGE_DELETED`, `GROUP_PARTICIPANTS_CHANGED`,
 *   `CHANNEL_ADMIN_CHANGED`, `PROFILE_UPDATED`, `CHAT_LABELS_CHANGED`, or `INSTANCE_EVENT`
 *   for the rest): (instance, `INSTANCE_EVENT`, notification, `messageId`, `callId`, `phone`, `momment`);
 * - a payload the parser cannot read: its content (see `unreadable`);
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
 * What a Z-API payload the parser cannot read becomes (never a refusal, so Z-API does not
 * retry it for ever and nothing is dropped): a `ReceivedCallback` naming a message id and a
 * chat → that message with `UnsupportedContent` (`type` `unreadable`, the whole body as
 * `raw`); anything else → an `INSTANCE_EVENT` `UNREADABLE_PAYLOAD` with the body as `raw`,
 * its id from the body's content (a redelivery dedupes).
 */
function unreadable(instanceId: string, type: string, body: Record<string, unknown>, receivedAt: number): DomainEvent {
  const at = occurredAt(num(body.momment), receivedAt);
  const messageId = str(body.messageId);
  const phone = str(body.phone);
  if (type === 'ReceivedCallback' && messageId && phone && !str(body.notification)) {
    return {
      id: stableEventId(instanceId, 'MESSAGE_RECEIVED', messageId, 'unreadable', JSON.stringify(body)),
      type: 'MESSAGE_RECEIVED',
      instanceId,
      occurredAt: at,
      message: { id: messageId, instanceId, chatId: phone, fromMe: toBool(bool(body.fromMe)), timestamp: at, content: { kind: 'unsupported', type: 'unreadable', raw: body } },
    };
  }
  return {
    id: stableEventId(instanceId, 'INSTANCE_EVENT', 'UNREADABLE_PAYLOAD', JSON.stringify(body)),
    type: 'INSTANCE_EVENT',
    instanceId,
    occurredAt: at,
    kind: 'UNREADABLE_PAYLOAD',
    chatId: phone,
    raw: body,
  };
}

/** A boolean JSON value, or undefined. */
function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * Turns one Z-API delivery into domain events.
 * @param instanceId the graph's instance id (stamped on every event and part of every id)
 * @param delivery the parsed JSON body, headers and receipt time (epoch ms)
 * @returns one event, or one per id of a `MessageStatusCallback`; never an empty list. A
 *   payload of a known `type` whose fields cannot be read becomes an unreadable event
 *   (see {@link unreadable}), not an error; an object with another string `type` (a webhook
 *   Z-API added since) an `INSTANCE_EVENT` of that kind with the raw body
 * @throws WebhookPayloadError only when the body is not a Z-API payload at all: not an
 *   object, or no string `type`
 */
export function parseZapiWebhook(instanceId: string, delivery: InboundWebhook): DomainEvent[] {
  const body = delivery.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WebhookPayloadError('z-api webhook: body is not a JSON object');
  const record = body as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || type === '') throw new WebhookPayloadError('z-api webhook: missing type');
  // The field table says "ReceivedCallBack" (z-api.txt 11265) while every example says
  // "ReceivedCallback" (11297…): both spellings are accepted.
  const normalisedType = type === 'ReceivedCallBack' ? 'ReceivedCallback' : type;
  const { receivedAt } = delivery;
  if (!(ZAPI_WEBHOOK_TYPES as readonly string[]).includes(normalisedType)) {
    return [
      {
        id: stableEventId(instanceId, 'INSTANCE_EVENT', type, JSON.stringify(body)),
        type: 'INSTANCE_EVENT',
        instanceId,
        occurredAt: occurredAt(num(record.momment), receivedAt),
        kind: type,
        chatId: str(record.phone),
        raw: body,
      },
    ];
  }
  let input: object = normalisedType === type ? body : { ...body, type: normalisedType };
  // MessageStatusCallback's field table names a single `id` ("Message identifier(s)",
  // z-api.txt 13099) while every example sends an `ids` array (13108): both are read.
  if (normalisedType === 'MessageStatusCallback' && record.ids === undefined && typeof record.id === 'string') input = { ...input, ids: [record.id] };
  try {
    return parseKnown(instanceId, normalisedType as ZapiWebhookType, input, receivedAt);
  } catch (err) {
    if (err instanceof WebhookPayloadError) return [unreadable(instanceId, normalisedType, record, receivedAt)];
    throw err;
  }
}

/**
 * A group receipt's participant (not in the field table, z-api.txt 13090-13104: real traffic
 * names who read a group message as `participant`, `participantPhone` or `participantLid`).
 */
function receiptParticipant(p: ZapiMessageStatusCallback): string | null {
  return str(p.participantPhone) ?? str(p.participant) ?? str(p.participantLid);
}

/** One of the six documented payloads → events; throws WebhookPayloadError on a field it cannot read. */
function parseKnown(instanceId: string, type: ZapiWebhookType, input: object, receivedAt: number): DomainEvent[] {
  switch (type) {
    case 'ReceivedCallback':
      return [receivedEvent(instanceId, read(receivedCallbackSchema, input, 'ReceivedCallback'), receivedAt)];
    case 'MessageStatusCallback': {
      const p = read(messageStatusCallbackSchema, input, 'MessageStatusCallback');
      if (p.ids.length === 0) throw new WebhookPayloadError('z-api MessageStatusCallback: empty ids');
      const at = occurredAt(p.momment, receivedAt);
      if (p.status === 'READ_BY_ME') {
        // "READ_BY_ME - if it was read by you (number connected to your instance)" (z-api.txt
        // 13098): the account read these inbound messages on another device. Not a receipt of a
        // sent message: the chat is read up to them.
        return [
          {
            id: stableEventId(instanceId, 'CHAT_READ', p.phone ?? '', p.ids.join(','), toNumber(p.momment) ?? ''),
            type: 'CHAT_READ',
            instanceId,
            occurredAt: at,
            chatId: p.phone ?? null,
            messageIds: p.ids,
          },
        ];
      }
      const status = toMessageStatus(p.status);
      if (!status) throw new WebhookPayloadError('z-api MessageStatusCallback: undocumented status');
      // A group receipt naming its participant is that participant's only: it keeps who, and
      // its id (and the pipeline's never-backwards key) is per participant. So is a receipt of
      // a status (story) the account posted (`status@broadcast`): one per viewer.
      const perParticipant = toBool(p.isGroup) || (p.phone ?? '').endsWith('-group') || p.phone === 'status@broadcast';
      const participantId = perParticipant ? receiptParticipant(p) : null;
      return p.ids.map((messageId): MessageStatusChangedEvent => ({
        id: participantId
          ? stableEventId(instanceId, 'MESSAGE_STATUS_CHANGED', messageId, status, participantId)
          : stableEventId(instanceId, 'MESSAGE_STATUS_CHANGED', messageId, status),
        type: 'MESSAGE_STATUS_CHANGED',
        instanceId,
        occurredAt: at,
        messageId,
        chatId: p.phone ?? null,
        ...(participantId ? { participantId } : {}),
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
      const lastSeen = toNumber(p.lastSeen);
      return [
        {
          id: stableEventId(instanceId, 'PRESENCE_CHANGED', p.phone, p.status, lastSeen ?? '', Math.floor(receivedAt / PRESENCE_BUCKET_MS)),
          type: 'PRESENCE_CHANGED',
          instanceId,
          occurredAt: receivedAt,
          chatId: p.phone,
          participantId: null,
          presence,
          lastSeenAt: lastSeen === null ? null : occurredAt(lastSeen, receivedAt),
        },
      ];
    }
    case 'ConnectedCallback': {
      const p = read(connectedCallbackSchema, input, 'ConnectedCallback');
      // A ConnectedCallback without `connected` still reports a connection (z-api.txt 13356: "triggered when the Z-API connects").
      const state = toConnectionState(p.connected === undefined || p.connected === null ? true : toBool(p.connected));
      return [
        {
          id: stableEventId(instanceId, 'CONNECTION_CHANGED', state, toNumber(p.momment) ?? ''),
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
          id: stableEventId(instanceId, 'CONNECTION_CHANGED', state, toNumber(p.momment) ?? ''),
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

/** A notification parameter or participant id → {@link ParticipantRef}: `…@lid` is a LID; `…@s.whatsapp.net`/`@c.us` or digits a phone. */
export function participantRef(id: string): ParticipantRef {
  if (id.endsWith('@lid')) return { id, phone: null, lid: id };
  const phone = id.replace(/@(s\.whatsapp\.net|c\.us)$/, '');
  return { id, phone: /^\d+$/.test(phone) ? phone : null, lid: null };
}

/** The string entries of `notificationParameters`. */
function stringParameters(p: ZapiReceivedCallback): string[] {
  return (p.notificationParameters ?? []).map((v) => str(v)).filter((v): v is string => v !== null);
}

/**
 * The group notifications (z-api.txt 12325-12413 and the notification list, 12972-13014):
 * `MEMBERSHIP_APPROVAL_REQUEST`, `REVOKED_MEMBERSHIP_REQUESTS`, `GROUP_PARTICIPANT_ADD`,
 * `GROUP_PARTICIPANT_REMOVE`, `GROUP_PARTICIPANT_LEAVE`; `GROUP_PARTICIPANT_PROMOTE` and
 * `GROUP_PARTICIPANT_DEMOTE` are WhatsApp's names for admin changes, which the list omits.
 */
const GROUP_ACTIONS: Readonly<Record<string, GroupParticipantsAction>> = {
  MEMBERSHIP_APPROVAL_REQUEST: 'JOIN_REQUESTED',
  REVOKED_MEMBERSHIP_REQUESTS: 'JOIN_REQUEST_REVOKED',
  GROUP_PARTICIPANT_ADD: 'ADDED',
  GROUP_PARTICIPANT_REMOVE: 'REMOVED',
  GROUP_PARTICIPANT_LEAVE: 'LEFT',
  GROUP_PARTICIPANT_PROMOTE: 'PROMOTED',
  GROUP_PARTICIPANT_DEMOTE: 'DEMOTED',
};

/** The calls (z-api.txt 12269-12323 and the list, 12991-12996): voice or video, ringing or missed. */
const CALLS: Readonly<Record<string, { video: boolean; missed: boolean }>> = {
  CALL_VOICE: { video: false, missed: false },
  CALL_VIDEO: { video: true, missed: false },
  CALL_MISSED_VOICE: { video: false, missed: true },
  CALL_MISSED_VIDEO: { video: true, missed: true },
};

/**
 * A `ReceivedCallback` notification → its typed event: calls → `CALL_RECEIVED`; `REVOKE`
 * (a message deleted for everyone) → `MESSAGE_DELETED`; group membership →
 * `GROUP_PARTICIPANTS_CHANGED`; channel admin promote/demote → `CHANNEL_ADMIN_CHANGED`;
 * profile name/picture → `PROFILE_UPDATED`; chat label association → `CHAT_LABELS_CHANGED`;
 * a declined payment request → a message with {@link PaymentContent} `DECLINED`. Any other
 * (`E2E_ENCRYPTED`, `GROUP_CREATE`, `BLUE_MSG_…`) stays an `INSTANCE_EVENT` with its raw payload.
 * Ids are (instance, kind, `messageId`, `callId`, `phone`, `momment`), as before.
 */
function notificationEvent(instanceId: string, p: ZapiReceivedCallback, notification: string, at: number): DomainEvent {
  const base = {
    id: stableEventId(instanceId, 'INSTANCE_EVENT', notification, p.messageId, p.callId, p.phone, toNumber(p.momment) ?? ''),
    instanceId,
    occurredAt: at,
  };
  const params = stringParameters(p);
  const call = CALLS[notification];
  if (call) return { ...base, type: 'CALL_RECEIVED', chatId: p.phone, callId: p.callId ?? null, callerId: p.participantPhone ?? p.phone, ...call };
  if (notification === 'REVOKE') {
    // The list's REVOKE ("You deleted a message", z-api.txt 13012) has no example: the deleted
    // message is `referenceMessageId` when given, else the notification's own `messageId`.
    const messageId = p.referenceMessageId ?? p.messageId;
    if (messageId) return { ...base, type: 'MESSAGE_DELETED', messageId, chatId: p.phone, participantId: p.participantPhone ?? null, fromMe: toBool(p.fromMe) };
  }
  const action = GROUP_ACTIONS[notification];
  if (action) {
    // MEMBERSHIP_APPROVAL_REQUEST by `non_admin_add` (z-api.txt 12384-12413) lists the member
    // who added first (`participantPhone`) then who was added: the actor is not a participant of the request.
    const actorId = p.participantPhone ?? p.participantLid ?? null;
    const ids = p.requestMethod === 'non_admin_add' && params.length > 1 && params[0] === actorId ? params.slice(1) : params;
    return { ...base, type: 'GROUP_PARTICIPANTS_CHANGED', groupId: p.phone, action, participants: ids.map(participantRef), actorId, requestMethod: p.requestMethod ?? null };
  }
  if (notification === 'NEWSLETTER_ADMIN_PROMOTE' || notification === 'NEWSLETTER_ADMIN_DEMOTE') {
    // z-api.txt 12415-12471: parameters [participant, new role].
    return {
      ...base,
      type: 'CHANNEL_ADMIN_CHANGED',
      channelId: p.phone,
      promoted: notification === 'NEWSLETTER_ADMIN_PROMOTE',
      role: params[1] ?? null,
      participantId: params[0] ?? p.participantPhone ?? null,
    };
  }
  if (notification === 'PROFILE_NAME_UPDATED') return { ...base, type: 'PROFILE_UPDATED', contactId: p.phone, change: 'NAME', name: p.profileName ?? null }; // z-api.txt 12877-12900
  if (notification === 'PROFILE_PICTURE_UPDATED') return { ...base, type: 'PROFILE_UPDATED', contactId: p.phone, change: 'PICTURE', pictureUrl: p.updatedPhoto ?? null }; // 12902-12925
  if (notification === 'CHAT_LABEL_ASSOCIATION') {
    // z-api.txt 12927-12961: parameters [{phone, label, assigned}].
    const changes = (p.notificationParameters ?? []).flatMap((v) => {
      const o = rec(v);
      const chatId = str(o?.phone);
      const labelId = str(o?.label);
      return o && chatId && labelId ? [{ chatId, labelId, assigned: toBool(o.assigned as WireBool) }] : [];
    });
    return { ...base, type: 'CHAT_LABELS_CHANGED', changes };
  }
  if (notification === 'PAYMENT_ACTION_REQUEST_DECLINED' && p.messageId) {
    // z-api.txt 12212-12234: parameters [requester phone, currency, amount × 1000] (WhatsApp's
    // `amount1000`: "1000" is the 1 BRL of the payment-request example, 12175-12210).
    const amount1000 = num(params[2]);
    return {
      ...base,
      type: 'MESSAGE_RECEIVED',
      message: {
        ...messageOf(instanceId, p, at),
        content: { kind: 'payment', action: 'DECLINED', requesterId: params[0] ?? null, currency: params[1] ?? null, amount: amount1000 === null ? null : amount1000 / 1000 },
      },
    };
  }
  return { ...base, type: 'INSTANCE_EVENT', kind: notification, chatId: p.phone, raw: p };
}

/** The {@link Message} of a `ReceivedCallback` (content included). */
function messageOf(instanceId: string, p: ZapiReceivedCallback, at: number): Message {
  const fromMe = toBool(p.fromMe);
  const isGroup = p.isGroup === undefined || p.isGroup === null ? p.phone.endsWith('-group') : toBool(p.isGroup);
  const media = [p.image, p.video, p.audio].find((m) => m !== undefined && m !== null);
  const sentFromApi = p.fromApi === undefined || p.fromApi === null ? null : toBool(p.fromApi);
  return {
    id: p.messageId ?? '',
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
    chatLid: p.chatLid ?? null,
    // `senderLid` is "WhatsApp Contact ID" (z-api.txt 11230); in a group the sender is the participant (`participantLid`, 11237).
    senderLid: (isGroup ? (p.participantLid ?? null) : null) ?? p.senderLid ?? null,
    edited: toBool(p.isEdit),
    forwarded: toBool(p.forwarded),
    viewOnce: toBool(p.viewOnce) || toBool(media?.viewOnce),
    expirationSeconds: toNumber(p.messageExpirationSeconds) || null,
    sentFromApi,
    isStatusReply: toBool(p.isStatusReply),
  };
}

/**
 * A `ReceivedCallback`: a notification (`notification` set) → its typed event
 * ({@link notificationEvent}); anything else → `MESSAGE_RECEIVED`. Its id is (instance,
 * `MESSAGE_RECEIVED`, `messageId`): the message sent from the phone (`fromMe`) and the echo
 * of the graph's own send (`fromApi`) carry the same `messageId` and are one event; an edit
 * (`isEdit`) adds its `momment`; a "waiting for message" placeholder (`waitingMessage`, no
 * content) adds `waiting`, so the real message that replaces it (same `messageId`) is still
 * published.
 */
function receivedEvent(instanceId: string, p: ZapiReceivedCallback, receivedAt: number): DomainEvent {
  const at = occurredAt(p.momment, receivedAt);
  if (p.notification) return notificationEvent(instanceId, p, p.notification, at);
  if (!p.messageId) throw new WebhookPayloadError('z-api ReceivedCallback: message without messageId');
  const message = messageOf(instanceId, p, at);
  const marker = message.content.kind === 'pending' ? 'waiting' : toBool(p.isEdit) ? (toNumber(p.momment) ?? '') : '';
  return {
    id: stableEventId(instanceId, 'MESSAGE_RECEIVED', p.messageId, marker),
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
