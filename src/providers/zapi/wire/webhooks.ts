import { z } from 'zod';

/**
 * Z-API's own JSON shapes, spelled exactly as `provider-docs/z-api.txt` spells them
 * (`momment`, `descritpion`, `device_model`, `vname`… are the provider's, not ours).
 * Nothing here normalises: `mapping.ts` is the only place that turns these into domain
 * types. Z-API returns many booleans and numbers as strings (`"false"`, `"0"`,
 * `"1622991687"`), so the read shapes below type those fields as `string | boolean` /
 * `string | number` as the doc examples show them.
 */

// ---------------------------------------------------------------------------------------
// Common
// ---------------------------------------------------------------------------------------

/** A boolean as Z-API may send it: `true`, `"true"`, `"false"`, `"1"`, `"0"`. */
export type WireBool = boolean | string | number | null | undefined;
/** A number as Z-API may send it: `0`, `"0"`, `"1622991687"`. */
export type WireNumber = number | string | null | undefined;

/**
 * The answer of every send operation (z-api.txt 1764-1849 "Send plain text" and each
 * `send-*` section): `zaapId` is Z-API's queue id, `messageId` WhatsApp's, `id` a copy of
 * `messageId` "added for compatibility with Zapier".
 */
export interface ZapiSendResponse { zaapId: string; messageId: string; id?: string }

/** Error body Z-API documents: `{"error": "null not allowed"}` (z-api.txt 472-475), `"[IP da chamada] not allowed"` (394-397), `"Invalid phone"` (6158-6161). */
export interface ZapiErrorBody { error: string }

// ---------------------------------------------------------------------------------------
// Instance (z-api.txt 831-990)
// ---------------------------------------------------------------------------------------

/** `GET /status` (z-api.txt 831-859): `error` explains a false attribute ("You are not connected."). */
export interface ZapiStatus { connected: WireBool; error?: string | null; smartphoneConnected?: WireBool }

/** `GET /me` (z-api.txt 946-990). `token` is the instance token: never copied anywhere. */
export interface ZapiMe {
  id?: string;
  token?: string;
  name?: string | null;
  /** "Timestamp with the instance expiration date (unix timestamp)". */
  due?: WireNumber;
  connected?: WireBool;
  paymentStatus?: string | null;
  created?: string | number | null;
  connectedCallbackUrl?: string | null;
  deliveryCallbackUrl?: string | null;
  disconnectedCallbackUrl?: string | null;
  messageStatusCallbackUrl?: string | null;
  presenceChatCallbackUrl?: string | null;
  receivedCallbackUrl?: string | null;
  receiveCallbackSentByMe?: WireBool;
  callRejectAuto?: WireBool;
  callRejectMessage?: string | null;
  autoReadMessage?: WireBool;
  initialDataCallbackUrl?: string | null;
}

/** `GET /device` (z-api.txt 861-897); `originalDevice` is one of `iphone`, `smbi`, `android`, `smba`. */
export interface ZapiDevice {
  phone?: string | null;
  imgUrl?: string | null;
  name?: string | null;
  device?: { sessionName?: string | null; device_model?: string | null } | null;
  originalDevice?: string | null;
  sessionId?: WireNumber;
  isBusiness?: WireBool;
}

// ---------------------------------------------------------------------------------------
// Messages (z-api.txt 1764-4117): request bodies, field names as documented
// ---------------------------------------------------------------------------------------

/** Fields every send accepts (`delayMessage` 1..15 s, z-api.txt 1800). */
export interface ZapiSendBase { phone: string; delayMessage?: number }

/** `POST /send-text` (1764-1849; reply 4041-4117; mentions 7394-7469). */
export interface ZapiSendTextBody extends ZapiSendBase {
  message: string;
  delayTyping?: number;
  editMessageId?: string;
  /** The quoted message (reply variant, z-api.txt 4041). */
  messageId?: string;
  mentioned?: string[];
}
/** `POST /send-image` (2052-2150). */
export interface ZapiSendImageBody extends ZapiSendBase { image: string; caption?: string; messageId?: string; viewOnce?: boolean }
/** `POST /send-video` (2423-2512). */
export interface ZapiSendVideoBody extends ZapiSendBase { video: string; caption?: string; messageId?: string; viewOnce?: boolean }
/** `POST /send-audio` (2332-2421): no caption and no reply documented; `delayTyping` shows "Recording audio...". */
export interface ZapiSendAudioBody extends ZapiSendBase { audio: string; delayTyping?: number; viewOnce?: boolean; waveform?: boolean }
/** `POST /send-document/{extension}` (2600-2684). */
export interface ZapiSendDocumentBody extends ZapiSendBase { document: string; fileName?: string; caption?: string; messageId?: string }
/** `POST /send-location` (2765-2836): latitude and longitude are strings; title and address are mandatory. */
export interface ZapiSendLocationBody extends ZapiSendBase { title: string; address: string; latitude: string; longitude: string; messageId?: string }
/** `POST /send-reaction` (1918-1984): `messageId` is the message reacted to. */
export interface ZapiSendReactionBody extends ZapiSendBase { reaction: string; messageId: string }
/** `POST /send-remove-reaction` (1986-2050). */
export interface ZapiSendRemoveReactionBody extends ZapiSendBase { messageId: string }
/** `POST /send-contact` (2976-3044). */
export interface ZapiSendContactBody extends ZapiSendBase { contactName: string; contactPhone: string; contactBusinessDescription?: string; messageId?: string }
/** `POST /send-contacts` (3046-3130). */
export interface ZapiSendContactsBody extends ZapiSendBase { contacts: Array<{ name: string; phones: string[]; businessDescription?: string }>; messageId?: string }
/** `POST /send-button-list` (3246-3531): text, image or video variant. */
export interface ZapiSendButtonListBody extends ZapiSendBase {
  message: string;
  buttonList: { image?: string; video?: string; buttons: Array<{ id?: string; label: string }> };
}
/** `POST /send-option-list` (3534-3626). */
export interface ZapiSendOptionListBody extends ZapiSendBase {
  message: string;
  optionList: { title: string; buttonLabel: string; options: Array<{ id?: string; title: string; description: string }> };
}
/** `POST /read-message` (3981-4039). */
export interface ZapiReadMessageBody { phone: string; messageId: string }
/** `DELETE /messages` query (3919-3979): parameters go in the query string. */
export interface ZapiDeleteMessageQuery { messageId: string; phone: string; owner: boolean }

// ---------------------------------------------------------------------------------------
// Chats, contacts, groups (z-api.txt 5640-7909)
// ---------------------------------------------------------------------------------------

/** An entry of `GET /chats` (6186-6267) and the body of `GET /chats/{phone}` (6269-6333). */
export interface ZapiChat {
  phone: string;
  name?: string | null;
  archived?: WireBool;
  pinned?: WireBool;
  unread?: WireNumber;
  messagesUnread?: WireNumber;
  /** Seconds in `/chats` ("1622991687"), milliseconds in `/groups` ("1730918668000"). */
  lastMessageTime?: WireNumber;
  /** Epoch ms (1655953774000 in the doc example). */
  muteEndTime?: WireNumber;
  /** "0 or 1 indicates whether or not you muted this chat". */
  isMuted?: WireBool;
  isMarketSpam?: WireBool;
  isGroup?: WireBool;
  profileThumbnail?: string | null;
  about?: string | null;
}

/** An entry of `GET /contacts` (5640-5700) and `GET /contacts/{phone}` (5827-5889). */
export interface ZapiContact { phone: string; name?: string | null; short?: string | null; vname?: string | null; notify?: string | null; imgUrl?: string | null }

/** `GET /profile-picture` (5891-5942): documented as an array of `{link}`. */
export type ZapiProfilePicture = Array<{ link?: string | null }> | { link?: string | null };

/** `POST /phone-exists-batch` body (6002-6071). */
export interface ZapiPhoneExistsBatchBody { phones: string[] }
/** One answer of `POST /phone-exists-batch`. */
export interface ZapiPhoneExists { exists: WireBool; inputPhone: string; outputPhone?: string | null }

/** A participant of `GET /group-metadata/{phone}` (7785-7909). */
export interface ZapiGroupParticipant { phone: string; isAdmin?: WireBool; isSuperAdmin?: WireBool; short?: string | null; name?: string | null }
/** `GET /group-metadata/{phone}` (7785-7909). */
export interface ZapiGroupMetadata {
  phone: string;
  description?: string | null;
  owner?: string | null;
  subject?: string | null;
  /** Epoch ms (1588721491000). */
  creation?: WireNumber;
  invitationLink?: string | null;
  communityId?: string | null;
  adminOnlyMessage?: WireBool;
  adminOnlySettings?: WireBool;
  requireAdminApproval?: WireBool;
  isGroupAnnouncement?: WireBool;
  participants?: ZapiGroupParticipant[];
  subjectTime?: WireNumber;
  subjectOwner?: string | null;
}

// ---------------------------------------------------------------------------------------
// Webhooks (z-api.txt 11137-13402): checked with zod so a body that is not Z-API's fails loudly
// ---------------------------------------------------------------------------------------

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
  'hydratedTemplate', 'buttonsMessage', 'pixKeyMessage', 'carouselMessage', 'requestPayment', 'sendPayment',
  'product', 'order', 'poll', 'pollVote', 'reviewAndPay', 'reviewOrder', 'newsletterAdminInvite', 'pinMessage',
  'event', 'eventResponse',
] as const;

/** The six webhook types Z-API posts (its `type` field). */
export const ZAPI_WEBHOOK_TYPES = ['ReceivedCallback', 'MessageStatusCallback', 'DeliveryCallback', 'PresenceChatCallback', 'ConnectedCallback', 'DisconnectedCallback'] as const;
/** One of {@link ZAPI_WEBHOOK_TYPES}. */
export type ZapiWebhookType = (typeof ZAPI_WEBHOOK_TYPES)[number];
