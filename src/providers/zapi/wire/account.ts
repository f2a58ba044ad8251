import type { WireBool, WireNumber } from './common.js';

/** Z-API's shapes for connecting a number, privacy, the address book, the send queue and webhook registration (z-api.txt 504-944, 5055-6180, 9351-9532, 13403-13461). */

/** `{"value": …}` body of the instance settings and profile PUTs (z-api.txt 504-730, 899-944). */
export interface ZapiValueBody<T> {
  value: T;
}

/**
 * The answer of `GET /qr-code/image` (z-api.txt 750-755: "returns a base64 image") and
 * `GET /qr-code` ("returns the QRCode bytes", 743-748). The doc shows no example: this client
 * reads `value` (a `data:image/png;base64,…` URI for the image, the QR text for the bytes) and
 * `connected: true` when the session is already connected ("If you call the method and are
 * already connected, it will not allow you to connect again", 806).
 */
export interface ZapiQrCode {
  value?: string | null;
  connected?: WireBool;
}

/** The answer of `GET /phone-code/{phone}` (z-api.txt 757-781, no example given): the pairing code in `code` (or `value`). */
export interface ZapiPhoneCode {
  code?: string | null;
  value?: string | null;
}

/** Visibility scopes of the privacy POSTs (z-api.txt 5136-5142, 5391-5396; `SAME_LAST_SEEN` for `online` only, 5466-5470). */
export type ZapiVisualization = 'ALL' | 'NONE' | 'CONTACTS' | 'CONTACT_BLACKLIST' | 'SAME_LAST_SEEN';

/** One change to a privacy setting's exception list (z-api.txt 5144-5150). */
export interface ZapiBlacklistChange {
  action: 'add' | 'remove';
  phone: string;
}

/** Body of `POST /privacy/last-seen`, `/photo`, `/description`, `/online` (z-api.txt 5115-5514). */
export interface ZapiVisualizationBody {
  visualizationType: ZapiVisualization;
  contactsBlacklist?: ZapiBlacklistChange[];
}

/** Body of `POST /privacy/group-add` (z-api.txt 5370-5452): `type`, not `visualizationType`. */
export interface ZapiGroupAddBody {
  type: Exclude<ZapiVisualization, 'NONE' | 'SAME_LAST_SEEN'>;
  contactsBlacklist?: ZapiBlacklistChange[];
}

/** `GET /privacy/disallowed-contacts?type=` (z-api.txt 5055-5113). */
export interface ZapiDisallowedContacts {
  disallowedContacts?: string[] | null;
}

/** The `type` of `disallowed-contacts` (z-api.txt 5071-5078). */
export type ZapiDisallowedScope = 'lastSeen' | 'photo' | 'description' | 'groupAdd';

/** `value` of `POST /privacy/messages-duration` (z-api.txt 5588-5594). */
export type ZapiMessagesDuration = 'days90' | 'days7' | 'hours24' | 'disable';

/** One contact of `POST /contacts/add` (z-api.txt 5702-5773). */
export interface ZapiNewContact {
  firstName: string;
  lastName?: string;
  phone: string;
}

/** Answer of `POST /contacts/add` and `DELETE /contacts/remove` (z-api.txt 5750-5760, 5805-5815). */
export interface ZapiContactsChangeResponse {
  success?: WireBool;
  errors?: unknown[] | null;
}

/** Body of `POST /contacts/modify-blocked` (z-api.txt 6073-6125). */
export interface ZapiModifyBlockedBody {
  phone: string;
  action: 'block' | 'unblock';
}

/** One queued message of `GET /queue` (z-api.txt 9381-9396; Z-API's own capitalised names). */
export interface ZapiQueuedMessage {
  _id?: string | null;
  DelayMessage?: WireNumber;
  Message?: string | null;
  IsTrial?: WireBool;
  InstanceId?: string | null;
  Phone?: string | null;
  ZaapId?: string | null;
  DelayTyping?: WireNumber;
  MessageId?: string | null;
  Created?: WireNumber;
}

/**
 * `GET /queue` (z-api.txt 9379-9425): the attribute table names the array `messages`; the
 * example wraps a bare array in braces (not JSON). Both readings are accepted.
 */
export type ZapiQueue = { messages?: ZapiQueuedMessage[] | null } | ZapiQueuedMessage[];

/** `GET /queue/count` (z-api.txt 9376-9378; no example): the count in `count` (or `value`). */
export interface ZapiQueueCount {
  count?: WireNumber;
  value?: WireNumber;
}

/** Body of `PUT /update-every-webhooks` (z-api.txt 13403-13433). */
export interface ZapiEveryWebhooksBody {
  value: string;
  notifySentByMe?: boolean;
}

/** Body of `PUT /update-notify-sent-by-me` (z-api.txt 13434-13461). */
export interface ZapiNotifySentByMeBody {
  notifySentByMe: boolean;
}
