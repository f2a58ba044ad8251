/** Z-API's message request and answer shapes (z-api.txt 1764-4117), field names as documented. */

/**
 * The answer of every send operation (z-api.txt 1764-1849 "Send plain text" and each
 * `send-*` section): `zaapId` is Z-API's queue id, `messageId` WhatsApp's, `id` a copy of
 * `messageId` "added for compatibility with Zapier".
 */
export interface ZapiSendResponse {
  zaapId: string;
  messageId: string;
  id?: string;
}

/** Fields every send accepts (`delayMessage` 1..15 s, z-api.txt 1800). */
export interface ZapiSendBase {
  phone: string;
  delayMessage?: number;
}

/** `POST /send-text` (1764-1849; reply 4041-4117; mentions 7394-7469). */
export interface ZapiSendTextBody extends ZapiSendBase {
  message: string;
  delayTyping?: number;
  editMessageId?: string;
  /** The quoted message (reply variant, z-api.txt 4041). */
  messageId?: string;
  mentioned?: string[];
  /** Groups mentioned (7470-7549). */
  groupMentioned?: Array<{ phone: string; subject: string }>;
  /** Reply privately to a group message's sender (4068). */
  privateAnswer?: boolean;
}
/** `POST /send-image` (2052-2150). */
export interface ZapiSendImageBody extends ZapiSendBase {
  image: string;
  caption?: string;
  messageId?: string;
  viewOnce?: boolean;
}
/** `POST /send-video` (2423-2512). */
export interface ZapiSendVideoBody extends ZapiSendBase {
  video: string;
  caption?: string;
  messageId?: string;
  viewOnce?: boolean;
}
/** `POST /send-audio` (2332-2421): no caption and no reply documented; `delayTyping` shows "Recording audio...". */
export interface ZapiSendAudioBody extends ZapiSendBase {
  audio: string;
  delayTyping?: number;
  viewOnce?: boolean;
  waveform?: boolean;
}
/** `POST /send-document/{extension}` (2600-2684). */
export interface ZapiSendDocumentBody extends ZapiSendBase {
  document: string;
  fileName?: string;
  caption?: string;
  messageId?: string;
}
/** `POST /send-location` (2765-2836): latitude and longitude are strings; title and address are mandatory. */
export interface ZapiSendLocationBody extends ZapiSendBase {
  title: string;
  address: string;
  latitude: string;
  longitude: string;
  messageId?: string;
}
/** `POST /send-reaction` (1918-1984): `messageId` is the message reacted to. */
export interface ZapiSendReactionBody extends ZapiSendBase {
  reaction: string;
  messageId: string;
}
/** `POST /send-remove-reaction` (1986-2050). */
export interface ZapiSendRemoveReactionBody extends ZapiSendBase {
  messageId: string;
}
/** `POST /send-contact` (2976-3044). */
export interface ZapiSendContactBody extends ZapiSendBase {
  contactName: string;
  contactPhone: string;
  contactBusinessDescription?: string;
  messageId?: string;
}
/** `POST /send-contacts` (3046-3130). */
export interface ZapiSendContactsBody extends ZapiSendBase {
  contacts: Array<{ name: string; phones: string[]; businessDescription?: string }>;
  messageId?: string;
}
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
export interface ZapiReadMessageBody {
  phone: string;
  messageId: string;
}
/** `DELETE /messages` query (3919-3979): parameters go in the query string. */
export interface ZapiDeleteMessageQuery {
  messageId: string;
  phone: string;
  owner: boolean;
}
