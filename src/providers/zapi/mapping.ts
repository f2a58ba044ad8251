import type {
  AccountProfile,
  Chat,
  ChatExpiration,
  Collection,
  Community,
  CommunityGroup,
  CommunityGroupAdders,
  ConnectionState,
  Contact,
  Group,
  GroupInvitation,
  GroupParticipant,
  GroupSettings,
  InstanceStatus,
  Label,
  LabelColor,
  MessageContent,
  MessageStatus,
  PhoneCheck,
  Page,
  PageRequest,
  PresenceState,
  Product,
  SharedContact,
} from '../model.js';
import type { ZapiCollection, ZapiProduct } from './wire/catalog.js';
import type { ZapiChat, ZapiChatExpiration } from './wire/chats.js';
import type { WireBool, WireNumber } from './wire/common.js';
import type { ZapiCommunityMetadata, ZapiCommunitySummary, ZapiCreateCommunityResponse, ZapiSubGroup } from './wire/communities.js';
import type { ZapiContact, ZapiPhoneExists, ZapiProfilePicture } from './wire/contacts.js';
import type { ZapiGroupInvitationMetadata, ZapiGroupMetadata, ZapiUpdateGroupSettingsBody } from './wire/groups.js';
import type { ZapiDevice, ZapiMe, ZapiStatus } from './wire/instance.js';
import type { ZapiTag, ZapiTagColors } from './wire/labels.js';
import { ZAPI_UNTYPED_CONTENT_KEYS, type ZapiReceivedCallback } from './wire/webhooks.js';

/**
 * Wire ↔ model for Z-API: the only place where Z-API's strings-as-booleans, seconds-or-
 * milliseconds timestamps, string prices and colour indexes and its field names become the
 * graph's domain types (instance, chats, contacts, groups, communities, labels, catalog and
 * webhook values).
 */

// ---------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------

/**
 * Reads a Z-API boolean: `true`/`false`, `"true"`/`"false"`, `"1"`/`"0"`, `1`/`0` (the
 * `/chats` example, z-api.txt 6230-6260, sends `"archived": "false"`, `"isMuted": "0"`).
 * @returns `fallback` when absent or unreadable
 */
export function toBool(value: WireBool, fallback = false): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0' || v === '') return false;
  }
  return fallback;
}

/** Reads a Z-API number (`0`, `"0"`, `"1622991687"`). @returns null when absent or not a finite number */
export function toNumber(value: WireNumber): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * Below this a Z-API timestamp is read as seconds, above it as milliseconds (1e11 s is the
 * year 5138; 1e11 ms is 1973). Z-API mixes both: `/chats` `lastMessageTime` "1622991687"
 * (s, z-api.txt 6240) vs `/groups` "1730918668000" (ms, 6830); `DisconnectedCallback`
 * `momment` 1580163342 (s, 13054) vs every `ReceivedCallback` `momment` (ms, 11290).
 */
export const SECONDS_MS_BOUNDARY = 1e11;

/**
 * Reads a Z-API timestamp (seconds or milliseconds, number or string) as epoch ms.
 * @returns null when absent, zero, negative or unreadable
 */
export function toEpochMs(value: WireNumber): number | null {
  const n = toNumber(value);
  if (n === null || n <= 0) return null;
  return n < SECONDS_MS_BOUNDARY ? Math.round(n * 1000) : Math.round(n);
}

/** Epoch ms of 2009-01-01, before which no WhatsApp event can have happened. */
const WHATSAPP_EPOCH_MS = Date.UTC(2009, 0, 1);
/** How far in the future a provider clock may run before its timestamp is distrusted, ms. */
const MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000;

/**
 * A webhook's `momment` as `occurredAt`, or `receivedAt` when the payload has none or an
 * impossible one: the doc's `ConnectedCallback` example (z-api.txt 13390) sends
 * `"momment": 26151515154`, which is neither a past second nor a past millisecond.
 */
export function occurredAt(momment: WireNumber, receivedAt: number): number {
  const ms = toEpochMs(momment);
  if (ms === null || ms < WHATSAPP_EPOCH_MS || ms > receivedAt + MAX_CLOCK_SKEW_MS) return receivedAt;
  return ms;
}

/** A string field, or null when absent or empty. */
function text(value: string | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * One page of a `page`/`pageSize` list (`/chats` z-api.txt 6186-6267, `/contacts` 5640-5700,
 * `/groups` 6769-6841, `/communities` 8522-8577). Z-API answers no total, so a full page may
 * have a next one; a null answer is an empty page.
 */
export function toPage<W, T>(wire: W[] | null, page: PageRequest, map: (item: W) => T): Page<T> {
  const items = wire ?? [];
  return { items: items.map((item) => map(item)), hasNextPage: items.length >= page.pageSize };
}

/** Whether a Z-API chat id is a group (`120363019502650977-group`, legacy `5511999999999-1623281429`). */
export function isGroupId(id: string): boolean {
  return id.endsWith('-group') || /^\d+-\d+$/.test(id);
}

// ---------------------------------------------------------------------------------------
// Instance
// ---------------------------------------------------------------------------------------

/** `GET /status` → {@link InstanceStatus} (z-api.txt 831-859): `error` becomes `detail`. */
export function toInstanceStatus(wire: ZapiStatus): InstanceStatus {
  return {
    state: toBool(wire.connected) ? 'CONNECTED' : 'DISCONNECTED',
    phoneConnected: wire.smartphoneConnected === undefined || wire.smartphoneConnected === null ? null : toBool(wire.smartphoneConnected),
    detail: text(wire.error ?? null),
  };
}

/**
 * `GET /me` + `GET /device` → {@link AccountProfile} (z-api.txt 861-990). `extra` keeps the
 * instance's plan data (`instanceName`, `due` as epoch ms, `paymentStatus`, `originalDevice`,
 * `sessionId`); the instance `token` and the callback URLs of `/me` are never copied.
 */
export function toAccountProfile(me: ZapiMe, device: ZapiDevice): AccountProfile {
  return {
    phone: text(device.phone),
    name: text(device.name),
    profilePictureUrl: text(device.imgUrl),
    isBusiness: device.isBusiness === undefined || device.isBusiness === null ? null : toBool(device.isBusiness),
    device: {
      model: text(device.device?.device_model),
      manufacturer: text(device.originalDevice),
      osVersion: null,
      waVersion: null,
    },
    extra: {
      instanceName: text(me.name),
      due: toEpochMs(me.due),
      paymentStatus: text(me.paymentStatus),
      connected: toBool(me.connected),
      originalDevice: text(device.originalDevice),
      sessionName: text(device.device?.sessionName),
      sessionId: toNumber(device.sessionId),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Chats, contacts, groups
// ---------------------------------------------------------------------------------------

/**
 * A `/chats` entry or `/chats/{phone}` body → {@link Chat} (z-api.txt 6186-6333).
 * `messagesUnread` (a number) is preferred over `unread` (a string) when both are sent;
 * `muteEndTime` is epoch ms; a muted chat without an end is muted forever (-1).
 */
export function toChat(wire: ZapiChat): Chat {
  const isMuted = toBool(wire.isMuted);
  const muteEnd = toEpochMs(wire.muteEndTime);
  return {
    id: wire.phone,
    name: text(wire.name),
    isGroup: wire.isGroup === undefined || wire.isGroup === null ? isGroupId(wire.phone) : toBool(wire.isGroup),
    archived: toBool(wire.archived),
    pinned: toBool(wire.pinned),
    unreadCount: toNumber(wire.messagesUnread) ?? toNumber(wire.unread) ?? 0,
    lastMessageAt: toEpochMs(wire.lastMessageTime),
    mutedUntil: isMuted ? (muteEnd ?? -1) : null,
    isMuted,
    isSpam: toBool(wire.isMarketSpam),
    profilePictureUrl: text(wire.profileThumbnail),
  };
}

/** The graph's expiration → Z-API's `chatExpiration` (z-api.txt 6662: "24_HOURS", "7_DAYS", "90_DAYS", "OFF"). */
export const ZAPI_CHAT_EXPIRATION: Readonly<Record<ChatExpiration, ZapiChatExpiration>> = {
  OFF: 'OFF',
  HOURS_24: '24_HOURS',
  DAYS_7: '7_DAYS',
  DAYS_90: '90_DAYS',
};

/** A `/contacts` entry → {@link Contact} (z-api.txt 5640-5889): `short`, `notify`, `vname` (the verified name) and `imgUrl`. */
export function toContact(wire: ZapiContact): Contact {
  return {
    id: wire.phone,
    phone: wire.phone,
    name: text(wire.name),
    shortName: text(wire.short),
    notifyName: text(wire.notify),
    businessName: text(wire.vname),
    profilePictureUrl: text(wire.imgUrl),
  };
}

/**
 * `/phone-exists-batch` answers → {@link PhoneCheck}s in the order of `phones` (z-api.txt
 * 6002-6071). Answers are matched on `inputPhone`; a phone Z-API did not answer for is
 * reported as not existing rather than dropped, so the result always has one entry per input.
 */
export function toPhoneChecks(phones: string[], wire: ZapiPhoneExists[]): PhoneCheck[] {
  const byInput = new Map(wire.map((w) => [w.inputPhone, w] as const));
  return phones.map((phone) => {
    const w = byInput.get(phone);
    return { input: phone, exists: w ? toBool(w.exists) : false, waId: w ? text(w.outputPhone) : null };
  });
}

/**
 * `/profile-picture` → the URL, or null (z-api.txt 5891-5942). The doc's example is an array
 * `[{"link": …}]` (line 5924); an object `{link}` is read too, since the field table
 * (line 5920) describes a single `link` attribute.
 */
export function toProfilePictureUrl(wire: ZapiProfilePicture | null): string | null {
  const entry = Array.isArray(wire) ? wire[0] : wire;
  return text(entry?.link ?? null);
}

/** A `/groups` entry → {@link Group} without participants (the list does not carry them, z-api.txt 6769-6841). */
export function toGroupSummary(wire: ZapiChat): Group {
  return {
    id: wire.phone,
    name: text(wire.name) ?? wire.phone,
    participants: [],
    archived: toBool(wire.archived),
    pinned: toBool(wire.pinned),
    unreadCount: toNumber(wire.messagesUnread) ?? toNumber(wire.unread) ?? 0,
  };
}

/** `/group-metadata/{phone}` → {@link Group} (z-api.txt 7785-7909); `creation` is epoch ms. */
export function toGroup(wire: ZapiGroupMetadata): Group {
  return {
    id: wire.phone,
    name: text(wire.subject) ?? wire.phone,
    description: text(wire.description),
    ownerId: text(wire.owner),
    createdAt: toEpochMs(wire.creation),
    participants: (wire.participants ?? []).map((p): GroupParticipant => ({
      id: p.phone,
      phone: p.phone,
      isAdmin: toBool(p.isAdmin),
      isSuperAdmin: toBool(p.isSuperAdmin),
      name: text(p.name) ?? text(p.short),
    })),
    invitationLink: text(wire.invitationLink),
    onlyAdminsSend: wire.adminOnlyMessage === undefined ? null : toBool(wire.adminOnlyMessage),
    onlyAdminsEdit: wire.adminOnlySettings === undefined ? null : toBool(wire.adminOnlySettings),
    communityId: text(wire.communityId),
  };
}

/** `GET /group-invitation-metadata` → {@link GroupInvitation} (z-api.txt 8009-8090): the `group-metadata` shape plus `participantsCount`. */
export function toGroupInvitation(wire: ZapiGroupInvitationMetadata): GroupInvitation {
  const group = toGroup(wire);
  return { ...group, participantsCount: toNumber(wire.participantsCount ?? null) ?? group.participants.length };
}

/** {@link GroupSettings} → the `update-group-settings` body (z-api.txt 8091-8173): the group id goes in `phone`. */
export function toGroupSettingsBody(groupId: string, settings: GroupSettings): ZapiUpdateGroupSettingsBody {
  return {
    phone: groupId,
    adminOnlyMessage: settings.onlyAdminsSend,
    adminOnlySettings: settings.onlyAdminsEdit,
    requireAdminApproval: settings.requireAdminApproval,
    adminOnlyAddMember: settings.onlyAdminsAddMembers,
  };
}

// ---------------------------------------------------------------------------------------
// Communities
// ---------------------------------------------------------------------------------------

/** A `subGroups` entry → {@link CommunityGroup}; the group id is its `phone`. */
function toCommunityGroup(wire: ZapiSubGroup): CommunityGroup {
  return { id: wire.phone, name: text(wire.name), isAnnouncement: toBool(wire.isGroupAnnouncement) };
}

/** A `GET /communities` entry → {@link Community} without groups (the list does not carry them, z-api.txt 8553-8560). */
export function toCommunitySummary(wire: ZapiCommunitySummary): Community {
  return { id: wire.id, name: wire.name || wire.id, groups: null };
}

/**
 * `GET /communities-metadata/{id}` → {@link Community} (z-api.txt 8700-8771). The doc's
 * example (8740-8748) writes the sub-group's name under a second `"phone"` key; its field
 * table (8725-8730) names it `name`, which is what is read.
 */
export function toCommunity(wire: ZapiCommunityMetadata): Community {
  return { id: wire.id, name: wire.name || wire.id, description: wire.description || null, groups: (wire.subGroups ?? []).map(toCommunityGroup) };
}

/** `POST /communities` answer → {@link Community} (z-api.txt 8493-8512): the answer has no name, so the requested one is used. */
export function toCreatedCommunity(wire: ZapiCreateCommunityResponse, name: string, description: string | null): Community {
  return { id: wire.id, name, description, groups: (wire.subGroups ?? []).map(toCommunityGroup) };
}

/** {@link CommunityGroupAdders} → `whoCanAddNewGroups` ("admins" or "all", z-api.txt 9086-9093). */
export function toWhoCanAddNewGroups(value: CommunityGroupAdders): 'admins' | 'all' {
  return value === 'ADMINS' ? 'admins' : 'all';
}

// ---------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------

/** A `GET /tags` entry → {@link Label} (z-api.txt 9851-9906); the colour index read from a number or a string. */
export function toLabel(wire: ZapiTag): Label {
  const color = toNumber(wire.color);
  return { id: String(wire.id), name: wire.name, colorIndex: color !== null && Number.isInteger(color) ? color : null };
}

/** `GET /business/tags/colors` → colours sorted by index (z-api.txt 9907-9954); keys that are not whole numbers are skipped. */
export function toLabelColors(wire: ZapiTagColors | null): LabelColor[] {
  return Object.entries(wire ?? {})
    .filter(([k, v]) => /^\d+$/.test(k) && typeof v === 'string')
    .map(([k, v]) => ({ index: Number(k), hex: v }))
    .sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------

/** A catalog product → {@link Product} (z-api.txt 9616-9808, 10456-10540). */
export function toProduct(wire: ZapiProduct): Product {
  const images = Array.isArray(wire.images) ? wire.images.filter((u): u is string => typeof u === 'string') : typeof wire.images === 'string' ? [wire.images] : [];
  const quantity = typeof wire.quantity === 'boolean' ? null : toNumber(wire.quantity);
  return {
    id: String(wire.id),
    retailerId: text(wire.retailerId),
    name: wire.name ?? '',
    description: text(wire.description),
    price: toNumber(wire.price),
    salePrice: toNumber(wire.salePrice),
    currency: text(wire.currency),
    imageUrls: images,
    isHidden: wire.isHidden === undefined || wire.isHidden === null ? null : toBool(wire.isHidden),
    url: text(wire.url),
    availability: text(wire.availability),
    quantity,
  };
}

/** A collection → {@link Collection} (z-api.txt 10293-10363). */
export function toCollection(wire: ZapiCollection): Collection {
  return { id: String(wire.id), name: wire.name, status: text(wire.status) };
}

// ---------------------------------------------------------------------------------------
// Webhook values
// ---------------------------------------------------------------------------------------

/**
 * `MessageStatusCallback.status` → {@link MessageStatus} (z-api.txt 13098): SENT → SENT,
 * RECEIVED (delivered to the phone) → DELIVERED, READ and READ_BY_ME (read on the connected
 * phone) → READ, PLAYED → PLAYED. The `ReceivedCallback.status` vocabulary (PENDING, SENT,
 * RECEIVED, READ, PLAYED; line 11262) is the same plus PENDING.
 * @returns null for a status the doc does not list
 */
export function toMessageStatus(status: string | null | undefined): MessageStatus | null {
  switch (status) {
    case 'PENDING':
      return 'PENDING';
    case 'SENT':
      return 'SENT';
    case 'RECEIVED':
      return 'DELIVERED';
    case 'READ':
    case 'READ_BY_ME':
      return 'READ';
    case 'PLAYED':
      return 'PLAYED';
    default:
      return null;
  }
}

/** `PresenceChatCallback.status` → {@link PresenceState} (z-api.txt 13280-13341). @returns null for an undocumented status */
export function toPresence(status: string): PresenceState | null {
  switch (status) {
    case 'AVAILABLE':
      return 'AVAILABLE';
    case 'UNAVAILABLE':
      return 'UNAVAILABLE';
    case 'COMPOSING':
      return 'COMPOSING';
    case 'RECORDING':
      return 'RECORDING';
    case 'PAUSED':
      return 'PAUSED';
    default:
      return null;
  }
}

/** `ConnectedCallback.connected` / `DisconnectedCallback.disconnected` → {@link ConnectionState}. */
export function toConnectionState(connected: boolean): ConnectionState {
  return connected ? 'CONNECTED' : 'DISCONNECTED';
}

/** The phones of a vCard's `TEL` lines, preferring their `waid=` (the contact example, z-api.txt 11945-11972). */
export function vcardPhones(vcard: string): string[] {
  const phones: string[] = [];
  for (const line of vcard.split(/\r?\n/)) {
    if (!/^(item\d+\.)?TEL/i.test(line)) continue;
    const waid = /waid=(\d+)/i.exec(line)?.[1];
    const digits = waid ?? line.slice(line.indexOf(':') + 1).replace(/\D/g, '');
    if (digits) phones.push(digits);
  }
  return phones;
}

/**
 * The typed content of a `ReceivedCallback` message (z-api.txt 11276-12875), by the content
 * key it carries: `text`, `image`, `audio` (`ptt` → voice note), `video`, `document`,
 * `sticker`, `location`, `contact`, `reaction`, `buttonsResponseMessage` and
 * `listResponseMessage` (→ `interactiveReply`). Any other documented key
 * ({@link ZAPI_UNTYPED_CONTENT_KEYS}, or a "waiting for message" placeholder) and any
 * unknown one becomes `UnsupportedContent` with the whole payload as `raw`, so nothing is
 * dropped.
 *
 * The doc gives no field that tells a GIF or a PTV from a plain video: its three examples
 * (video 11841, PTV 11915, GIF 12146) carry the same `video` object, so `gif`/`ptv` are
 * left unset.
 */
export function toMessageContent(wire: ZapiReceivedCallback): MessageContent {
  if (wire.text) return { kind: 'text', body: wire.text.message ?? '' };
  if (wire.image) {
    return {
      kind: 'image',
      url: text(wire.image.imageUrl),
      mimeType: text(wire.image.mimeType),
      caption: text(wire.image.caption),
      width: toNumber(wire.image.width),
      height: toNumber(wire.image.height),
    };
  }
  if (wire.audio) {
    return { kind: 'audio', url: text(wire.audio.audioUrl), mimeType: text(wire.audio.mimeType), voice: toBool(wire.audio.ptt), seconds: toNumber(wire.audio.seconds) };
  }
  if (wire.video) {
    return { kind: 'video', url: text(wire.video.videoUrl), mimeType: text(wire.video.mimeType), caption: text(wire.video.caption), seconds: toNumber(wire.video.seconds) };
  }
  if (wire.document) {
    return {
      kind: 'document',
      url: text(wire.document.documentUrl),
      mimeType: text(wire.document.mimeType),
      caption: text(wire.document.caption),
      fileName: text(wire.document.fileName),
      title: text(wire.document.title),
      pageCount: toNumber(wire.document.pageCount),
    };
  }
  if (wire.sticker) return { kind: 'sticker', url: text(wire.sticker.stickerUrl), mimeType: text(wire.sticker.mimeType) };
  if (wire.location) {
    const latitude = toNumber(wire.location.latitude);
    const longitude = toNumber(wire.location.longitude);
    if (latitude !== null && longitude !== null) {
      return { kind: 'location', latitude, longitude, name: text(wire.location.name), address: text(wire.location.address), url: text(wire.location.url) };
    }
    return { kind: 'unsupported', type: 'location', raw: wire };
  }
  if (wire.contact) {
    const vcard = text(wire.contact.vCard);
    const shared: SharedContact = {
      name: text(wire.contact.displayName) ?? '',
      phones: wire.contact.phones?.length ? wire.contact.phones : vcard ? vcardPhones(vcard) : [],
      vcard,
    };
    return { kind: 'contact', contacts: [shared] };
  }
  if (wire.reaction) {
    return { kind: 'reaction', emoji: wire.reaction.value ?? '', targetMessageId: wire.reaction.referencedMessage.messageId };
  }
  if (wire.buttonsResponseMessage) {
    return { kind: 'interactiveReply', replyId: text(wire.buttonsResponseMessage.buttonId), title: wire.buttonsResponseMessage.message ?? '' };
  }
  if (wire.listResponseMessage) {
    // The list row's own title is `title`; `message` is the row description (compare the
    // send-option-list example, z-api.txt 3580-3595, with the list response, 11590-11597).
    return {
      kind: 'interactiveReply',
      replyId: text(wire.listResponseMessage.selectedRowId),
      title: wire.listResponseMessage.title ?? '',
      description: text(wire.listResponseMessage.message),
    };
  }
  return { kind: 'unsupported', type: untypedContentKey(wire), raw: wire };
}

/** The name under which an untyped `ReceivedCallback` content is reported (`poll`, `hydratedTemplate`, `waitingMessage`…). */
export function untypedContentKey(wire: ZapiReceivedCallback): string {
  const record = wire as Record<string, unknown>;
  for (const key of ZAPI_UNTYPED_CONTENT_KEYS) if (record[key] !== undefined && record[key] !== null) return key;
  if (toBool(wire.waitingMessage)) return 'waitingMessage';
  return 'unknown';
}
