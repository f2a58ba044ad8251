import type { WireBool, WireNumber } from './common.js';

/** Z-API's chat shapes: the chat list and metadata (z-api.txt 6186-6333) and chat management (6335-6679). */

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

/** The `action` values of `POST /modify-chat` (z-api.txt 6335-6637: read/unread, archive/unarchive, pin/unpin, mute/unmute, clear, delete). */
export type ZapiChatAction = 'read' | 'unread' | 'archive' | 'unarchive' | 'pin' | 'unpin' | 'mute' | 'unmute' | 'clear' | 'delete';

/**
 * `POST /modify-chat` body (z-api.txt 6335-6382). The attribute table types `phone` as an
 * integer (6349, 6398, …), every example sends a string (6355, 6380): the examples win, a string
 * keeps group ids (`…-group`) and leading digits intact.
 */
export interface ZapiModifyChatBody {
  phone: string;
  action: ZapiChatAction;
}

/** The `chatExpiration` values (z-api.txt 6662). */
export type ZapiChatExpiration = '24_HOURS' | '7_DAYS' | '90_DAYS' | 'OFF';

/** `POST /send-chat-expiration` body (z-api.txt 6639-6679; `phone` a string as in its example, see {@link ZapiModifyChatBody}). */
export interface ZapiChatExpirationBody {
  phone: string;
  chatExpiration: ZapiChatExpiration;
}
