import { z } from 'zod';

/**
 * Z-API's webhook payloads (z-api.txt 11137-13402), checked with zod so a body that is not
 * Z-API's fails loudly. Only the fields the mapping reads are typed; the rest is kept raw.
 */

const str = z.string();
const optStr = z.string().nullish();
const wireBool = z.union([z.boolean(), z.string(), z.number()]).nullish();
/** A protobuf Long as JSON (see `WireLong`). */
const wireLong = z.looseObject({ low: z.number(), high: z.number(), unsigned: z.boolean().nullish() });
const wireNum = z.union([z.number(), z.string(), wireLong]).nullish();

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
  // Not in the field table (z-api.txt 13090-13104): a group receipt of real traffic names the participant it comes from.
  participant: optStr,
  participantPhone: optStr,
  participantLid: optStr,
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
/** A content object the mapping reads field by field, tolerating absent, null or differently typed values (`mapping.ts` `rec`, `str`, `num`). */
const content = obj.nullish();

/**
 * `ReceivedCallback` (z-api.txt 11186-12961): a message (one content key: `text`, `image`,
 * `audio`, `video`, `document`, `sticker`, `location`, `contact`, `reaction`,
 * `buttonsResponseMessage`, `listResponseMessage`, `hydratedTemplate`, `buttonsMessage`,
 * `carouselMessage`, `poll`, `order`… or one nobody documents) or a
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
  chatLid: optStr,
  senderLid: optStr,
  participantLid: optStr,
  referenceMessageId: optStr,
  forwarded: wireBool,
  fromApi: wireBool,
  isStatusReply: wireBool,
  viewOnce: wireBool,
  messageExpirationSeconds: wireNum,
  externalAdReply: content,
  requestMethod: optStr,
  profileName: optStr,
  updatedPhoto: optStr,
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
  video: z
    .looseObject({
      videoUrl: optStr,
      caption: optStr,
      mimeType: optStr,
      seconds: wireNum,
      viewOnce: wireBool,
      isGif: wireBool,
      gifPlayback: wireBool,
      ptv: wireBool,
      isPtv: wireBool,
    })
    .nullish(),
  document: z.looseObject({ documentUrl: optStr, mimeType: optStr, title: optStr, pageCount: wireNum, fileName: optStr, caption: optStr, thumbnailUrl: optStr }).nullish(),
  sticker: z.looseObject({ stickerUrl: optStr, mimeType: optStr }).nullish(),
  location: z.looseObject({ latitude: wireNum, longitude: wireNum, name: optStr, address: optStr, url: optStr, thumbnailUrl: optStr }).nullish(),
  contact: z.looseObject({ displayName: optStr, vCard: optStr, phones: z.array(str).nullish() }).nullish(),
  reaction: z.looseObject({ value: z.string().nullish(), time: wireNum, reactionBy: optStr, referencedMessage }).nullish(),
  buttonsResponseMessage: z.looseObject({ buttonId: optStr, message: optStr }).nullish(),
  listResponseMessage: z.looseObject({ message: optStr, title: optStr, selectedRowId: optStr }).nullish(),
  hydratedTemplate: content,
  buttonsMessage: content,
  listMessage: content,
  pixKeyMessage: content,
  carouselMessage: content,
  requestPayment: content,
  sendPayment: content,
  product: content,
  order: content,
  poll: content,
  pollVote: content,
  reviewAndPay: content,
  reviewOrder: content,
  newsletterAdminInvite: content,
  pinMessage: content,
  event: content,
  eventResponse: content,
});
/** A `ReceivedCallback` payload. */
export type ZapiReceivedCallback = z.infer<typeof receivedCallbackSchema>;

/** The six webhook types Z-API posts (its `type` field). */
export const ZAPI_WEBHOOK_TYPES = ['ReceivedCallback', 'MessageStatusCallback', 'DeliveryCallback', 'PresenceChatCallback', 'ConnectedCallback', 'DisconnectedCallback'] as const;
/** One of {@link ZAPI_WEBHOOK_TYPES}. */
export type ZapiWebhookType = (typeof ZAPI_WEBHOOK_TYPES)[number];
