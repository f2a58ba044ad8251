import { z } from 'zod';

/**
 * Z-API's webhook payloads (z-api.txt 11137-13402), checked with zod so a body that is not
 * Z-API's fails loudly. Only the fields the mapping reads are typed; the rest is kept raw.
 */

const str = z.string();
const optStr = z.string().nullish();
const wireBool = z.union([z.boolean(), z.string(), z.number()]).nullish();
const wireNum = z.union([z.number(), z.string()]).nullish();

/** `DeliveryCallback` (z-api.txt 11165-11179). `error` is read when present: the doc's intro (line 37) says this webhook reports "that it was sent or that there was a failure", but its example carries no failure field. */
export const deliveryCallbackSchema = z.looseObject({
  type: z.literal('DeliveryCallback'),
  instanceId: optStr,
  phone: optStr,
  zaapId: optStr,
  messageId: optStr,
  error: optStr,
  momment: wireNum,
});
/** A `DeliveryCallback` payload. */
export type ZapiDeliveryCallback = z.infer<typeof deliveryCallbackSchema>;

/** `MessageStatusCallback` (z-api.txt 13090-13251): one status for every id in `ids`. */
export const messageStatusCallbackSchema = z.looseObject({
  type: z.literal('MessageStatusCallback'),
  instanceId: optStr,
  status: str,
  ids: z.array(str),
  momment: wireNum,
  phoneDevice: wireNum,
  phone: optStr,
  isGroup: wireBool,
});
/** A `MessageStatusCallback` payload. */
export type ZapiMessageStatusCallback = z.infer<typeof messageStatusCallbackSchema>;

/** `PresenceChatCallback` (z-api.txt 13280-13341). */
export const presenceChatCallbackSchema = z.looseObject({
  type: z.literal('PresenceChatCallback'),
  instanceId: optStr,
  phone: str,
  status: str,
  lastSeen: wireNum,
});
/** A `PresenceChatCallback` payload. */
export type ZapiPresenceChatCallback = z.infer<typeof presenceChatCallbackSchema>;

/** `ConnectedCallback` (z-api.txt 13380-13396; `momment` is documented as a string, shown as a number). */
export const connectedCallbackSchema = z.looseObject({
  type: z.literal('ConnectedCallback'),
  instanceId: optStr,
  connected: wireBool,
  momment: wireNum,
  phone: optStr,
});
/** A `ConnectedCallback` payload. */
export type ZapiConnectedCallback = z.infer<typeof connectedCallbackSchema>;

/** `DisconnectedCallback` (z-api.txt 13044-13059; its `momment` example is in seconds). */
export const disconnectedCallbackSchema = z.looseObject({
  type: z.literal('DisconnectedCallback'),
  instanceId: optStr,
  momment: wireNum,
  error: optStr,
  disconnected: wireBool,
});
/** A `DisconnectedCallback` payload. */
export type ZapiDisconnectedCallback = z.infer<typeof disconnectedCallbackSchema>;

const obj = z.looseObject({});
const referencedMessage = z.looseObject({ messageId: str, fromMe: wireBool, phone: optStr, participant: optStr });

/**
 * `ReceivedCallback` (z-api.txt 11186-12961): a message (one content key: `text`, `image`,
 * `audio`, `video`, `document`, `sticker`, `location`, `contact`, `reaction`,
 * `buttonsResponseMessage`, `listResponseMessage`, or one the graph does not type) or a
 * notification (`notification`: `CALL_VOICE`, `MEMBERSHIP_APPROVAL_REQUEST`,
 * `PROFILE_NAME_UPDATED`…). Only the fields the mapping reads are typed; the rest is kept raw.
 */
export const receivedCallbackSchema = z.looseObject({
  type: z.literal('ReceivedCallback'),
  instanceId: optStr,
  messageId: optStr,
  phone: str,
  fromMe: wireBool,
  momment: wireNum,
  status: optStr,
  chatName: optStr,
  senderName: optStr,
  senderPhoto: optStr,
  photo: optStr,
  connectedPhone: optStr,
  participantPhone: optStr,
  referenceMessageId: optStr,
  isGroup: wireBool,
  isNewsletter: wireBool,
  isEdit: wireBool,
  waitingMessage: wireBool,
  notification: optStr,
  notificationParameters: z.array(z.unknown()).nullish(),
  callId: optStr,
  text: z.looseObject({ message: z.string().nullish(), descritpion: optStr, description: optStr, title: optStr, url: optStr, thumbnailUrl: optStr }).nullish(),
  image: z.looseObject({ imageUrl: optStr, thumbnailUrl: optStr, caption: optStr, mimeType: optStr, width: wireNum, height: wireNum, viewOnce: wireBool }).nullish(),
  audio: z.looseObject({ audioUrl: optStr, mimeType: optStr, ptt: wireBool, seconds: wireNum, viewOnce: wireBool }).nullish(),
  video: z.looseObject({ videoUrl: optStr, caption: optStr, mimeType: optStr, seconds: wireNum, viewOnce: wireBool }).nullish(),
  document: z.looseObject({ documentUrl: optStr, mimeType: optStr, title: optStr, pageCount: wireNum, fileName: optStr, caption: optStr, thumbnailUrl: optStr }).nullish(),
  sticker: z.looseObject({ stickerUrl: optStr, mimeType: optStr }).nullish(),
  location: z.looseObject({ latitude: wireNum, longitude: wireNum, name: optStr, address: optStr, url: optStr, thumbnailUrl: optStr }).nullish(),
  contact: z.looseObject({ displayName: optStr, vCard: optStr, phones: z.array(str).nullish() }).nullish(),
  reaction: z.looseObject({ value: z.string().nullish(), time: wireNum, reactionBy: optStr, referencedMessage }).nullish(),
  buttonsResponseMessage: z.looseObject({ buttonId: optStr, message: optStr }).nullish(),
  listResponseMessage: z.looseObject({ message: optStr, title: optStr, selectedRowId: optStr }).nullish(),
  hydratedTemplate: obj.nullish(),
});
/** A `ReceivedCallback` payload. */
export type ZapiReceivedCallback = z.infer<typeof receivedCallbackSchema>;

/**
 * The `ReceivedCallback` content keys the graph does not type yet, in the order they are
 * looked for (z-api.txt 11307-12875). A message carrying one becomes `UnsupportedContent`
 * with this key as its `type` and the whole payload as `raw`.
 */
export const ZAPI_UNTYPED_CONTENT_KEYS = [
  'hydratedTemplate',
  'buttonsMessage',
  'pixKeyMessage',
  'carouselMessage',
  'requestPayment',
  'sendPayment',
  'product',
  'order',
  'poll',
  'pollVote',
  'reviewAndPay',
  'reviewOrder',
  'newsletterAdminInvite',
  'pinMessage',
  'event',
  'eventResponse',
] as const;

/** The six webhook types Z-API posts (its `type` field). */
export const ZAPI_WEBHOOK_TYPES = ['ReceivedCallback', 'MessageStatusCallback', 'DeliveryCallback', 'PresenceChatCallback', 'ConnectedCallback', 'DisconnectedCallback'] as const;
/** One of {@link ZAPI_WEBHOOK_TYPES}. */
export type ZapiWebhookType = (typeof ZAPI_WEBHOOK_TYPES)[number];
