import type {
  AccountProfile,
  AdAttribution,
  DocumentContent,
  ImageContent,
  LinkPreview,
  ListContent,
  LocationContent,
  OrderDetailsContent,
  OrderItem,
  PaymentContent,
  ReceivedButton,
  ReceivedHeader,
  VideoContent,
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
import type { WireBool, WireLong, WireNumber } from './wire/common.js';
import type { ZapiCommunityMetadata, ZapiCommunitySummary, ZapiCreateCommunityResponse, ZapiSubGroup } from './wire/communities.js';
import type { ZapiContact, ZapiPhoneExists, ZapiProfilePicture } from './wire/contacts.js';
import type { ZapiGroupInvitationMetadata, ZapiGroupMetadata, ZapiGroupParticipant, ZapiUpdateGroupSettingsBody } from './wire/groups.js';
import type { ZapiDevice, ZapiMe, ZapiStatus } from './wire/instance.js';
import type { ZapiTag, ZapiTagColors } from './wire/labels.js';
import type { ZapiReceivedCallback } from './wire/webhooks.js';

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

/** Whether a value is a protobuf Long as JSON (`{low, high, unsigned}`, see {@link WireLong}). */
function isLong(value: unknown): value is WireLong {
  return typeof value === 'object' && value !== null && typeof (value as WireLong).low === 'number' && typeof (value as WireLong).high === 'number';
}

/**
 * A protobuf Long's value: `high` × 2³² + `low` (both 32-bit halves; `high` signed unless
 * `unsigned`). Exact up to 2⁵³, beyond any timestamp or duration WhatsApp sends.
 */
export function longToNumber(value: WireLong): number {
  const low = value.low >>> 0;
  const high = value.unsigned ? value.high >>> 0 : value.high | 0;
  return high * 0x1_0000_0000 + low;
}

/** Reads a Z-API number (`0`, `"0"`, `"1622991687"`, a protobuf Long `{low, high, unsigned}`). @returns null when absent or not a finite number */
export function toNumber(value: WireNumber): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (isLong(value)) return longToNumber(value);
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
 * A chat's mute (z-api.txt 6219, 6802: `muteEndTime` "-1 is forever"): `isMuted` from the
 * chat's flag or a `-1` end; `mutedForever` for `-1` or a muted chat without an end;
 * `mutedUntil` the end as epoch ms, only while muted and not forever (`-1` is never read as a
 * time: it used to come back as 1969-12-31).
 */
export function toMute(isMutedFlag: WireBool, muteEndTime: WireNumber): { isMuted: boolean; mutedUntil: number | null; mutedForever: boolean } {
  const end = toNumber(muteEndTime);
  const forever = end !== null && end < 0;
  const isMuted = toBool(isMutedFlag) || forever;
  if (!isMuted) return { isMuted, mutedUntil: null, mutedForever: false };
  const until = forever ? null : toEpochMs(muteEndTime);
  return { isMuted, mutedUntil: until, mutedForever: until === null };
}

/**
 * A `/chats` entry or `/chats/{phone}` body → {@link Chat} (z-api.txt 6186-6333).
 * `unread` is read before `messagesUnread`: the field table marks `messagesUnread`
 * discontinued (z-api.txt 6216-6222), so it only fills in when `unread` is absent.
 * `muteEndTime` is epoch ms, -1 forever ({@link toMute}).
 */
export function toChat(wire: ZapiChat): Chat {
  const { isMuted, mutedUntil, mutedForever } = toMute(wire.isMuted, wire.muteEndTime);
  return {
    id: wire.phone,
    name: text(wire.name),
    isGroup: wire.isGroup === undefined || wire.isGroup === null ? isGroupId(wire.phone) : toBool(wire.isGroup),
    archived: toBool(wire.archived),
    pinned: toBool(wire.pinned),
    unreadCount: toNumber(wire.unread) ?? toNumber(wire.messagesUnread) ?? 0,
    lastMessageAt: toEpochMs(wire.lastMessageTime),
    mutedUntil,
    mutedForever,
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

/** A `/contacts` entry → {@link Contact} (z-api.txt 5640-5889): `short`, `notify`, `vname` (the verified name) and `imgUrl`; a `lid` when the answer carries one. */
export function toContact(wire: ZapiContact): Contact {
  return {
    id: wire.phone,
    phone: wire.phone,
    lid: text(wire.lid),
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

/** A `group-metadata` participant → {@link GroupParticipant}. */
function toGroupParticipant(p: ZapiGroupParticipant): GroupParticipant {
  return { id: p.phone, phone: p.phone, isAdmin: toBool(p.isAdmin), isSuperAdmin: toBool(p.isSuperAdmin), name: text(p.name) ?? text(p.short) };
}

/**
 * A `/groups` entry → {@link Group} (z-api.txt 6769-6841). The documented entry carries no
 * participants (they come from `group-metadata`); an entry that does carry a `participants`
 * array has them read, so none is dropped.
 */
export function toGroupSummary(wire: ZapiChat & { participants?: ZapiGroupParticipant[] | null }): Group {
  return {
    id: wire.phone,
    name: text(wire.name) ?? wire.phone,
    participants: Array.isArray(wire.participants) ? wire.participants.filter((p) => typeof p?.phone === 'string').map(toGroupParticipant) : [],
    archived: toBool(wire.archived),
    pinned: toBool(wire.pinned),
    unreadCount: toNumber(wire.unread) ?? toNumber(wire.messagesUnread) ?? 0,
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
    participants: (wire.participants ?? []).map(toGroupParticipant),
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

// ---------------------------------------------------------------------------------------
// Webhook message content (ReceivedCallback, z-api.txt 11276-12961)
// ---------------------------------------------------------------------------------------

/** A JSON object as a record, or null. */
export function rec(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
/** A JSON array, or `[]`. */
function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
/** A non-empty string (a number is written as digits), or null: tolerant reading of a webhook field. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
/** A number (a numeric string, a protobuf Long), or null: tolerant reading of a webhook field. */
export function num(value: unknown): number | null {
  if (typeof value === 'number' || typeof value === 'string' || isLong(value)) return toNumber(value);
  return null;
}
/** A boolean (`"true"`, `1`…), or null when absent or unreadable. */
function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return toBool(value);
  return null;
}

/** An image object (`imageUrl`, `thumbnailUrl`, `caption`, `mimeType`, `width`, `height`) → {@link ImageContent}. */
function imageOf(o: Record<string, unknown>): ImageContent {
  return { kind: 'image', url: str(o.imageUrl), mimeType: str(o.mimeType), caption: str(o.caption), width: num(o.width) || null, height: num(o.height) || null };
}
/**
 * A video object → {@link VideoContent}. The doc's video, PTV and GIF examples (z-api.txt
 * 11841, 11915, 12146) carry the same `video` object, with no field telling them apart: `gif`
 * and `ptv` are read from WhatsApp's own flags when a payload has them (`isGif`/`gifPlayback`,
 * `ptv`/`isPtv`), and are null (not said) otherwise.
 */
function videoOf(o: Record<string, unknown>): VideoContent {
  const gif = bool(o.isGif) ?? bool(o.gifPlayback);
  const ptv = bool(o.ptv) ?? bool(o.isPtv);
  return { kind: 'video', url: str(o.videoUrl), mimeType: str(o.mimeType), caption: str(o.caption), seconds: num(o.seconds) || null, gif, ptv };
}
/** A document object → {@link DocumentContent}. */
function documentOf(o: Record<string, unknown>): DocumentContent {
  return {
    kind: 'document',
    url: str(o.documentUrl),
    mimeType: str(o.mimeType),
    caption: str(o.caption),
    fileName: str(o.fileName),
    title: str(o.title),
    pageCount: num(o.pageCount) || null,
  };
}
/** A location object → {@link LocationContent}, or null without both coordinates. */
function locationOf(o: Record<string, unknown>): LocationContent | null {
  const latitude = num(o.latitude);
  const longitude = num(o.longitude);
  if (latitude === null || longitude === null) return null;
  return { kind: 'location', latitude, longitude, name: str(o.name), address: str(o.address), url: str(o.url) };
}
/** A template or carousel `header` (`{}`, `{image}`, `{video}`, `{document}`, `{location}`, or a text under `title`/`text`) → {@link ReceivedHeader}, null when empty. */
function headerOf(value: unknown): ReceivedHeader | null {
  const h = rec(value);
  if (!h) return null;
  const image = rec(h.image);
  const video = rec(h.video);
  const document = rec(h.document);
  const location = rec(h.location);
  const header: ReceivedHeader = {
    text: str(h.text) ?? str(h.title),
    image: image ? imageOf(image) : null,
    video: video ? videoOf(video) : null,
    document: document ? documentOf(document) : null,
    location: location ? locationOf(location) : null,
  };
  return Object.values(header).some((v) => v !== null) ? header : null;
}
/**
 * A `hydratedButtons` entry (z-api.txt 11405-11444, 11601-11687): `urlButton` {displayText,
 * url} → URL (COPY when it is WhatsApp's one-time-password copy link, `…/otp/code/?otp_type=COPY_CODE`),
 * `callButton` {displayText, phoneNumber} → CALL, `quickReplyButton` {displayText, id} →
 * REPLY; `index` its position. A `buttonsMessage` button {buttonId, buttonText.displayText}
 * (11478-11522) → REPLY.
 */
function buttonOf(value: unknown, position: number): ReceivedButton {
  const b = rec(value) ?? {};
  const index = num(b.index) ?? position;
  const url = rec(b.urlButton);
  if (url) {
    const link = str(url.url);
    const copy = link !== null && /\/otp\/code\/?\?.*otp_type=COPY_CODE/i.test(link);
    return { type: copy ? 'COPY' : 'URL', text: str(url.displayText) ?? '', url: link, index };
  }
  const call = rec(b.callButton);
  if (call) return { type: 'CALL', text: str(call.displayText) ?? '', phoneNumber: str(call.phoneNumber), index };
  const reply = rec(b.quickReplyButton);
  if (reply) return { type: 'REPLY', text: str(reply.displayText) ?? '', id: str(reply.id), index };
  if (b.buttonId !== undefined || b.buttonText !== undefined) {
    return { type: 'REPLY', text: str(rec(b.buttonText)?.displayText) ?? str(b.label) ?? '', id: str(b.buttonId) ?? str(b.id), index };
  }
  return { type: 'OTHER', text: str(b.displayText) ?? str(b.text) ?? str(b.label) ?? '', id: str(b.id), index };
}
/** An order's `products` entry → {@link OrderItem}: `price` (cart order) or `value` (review and pay). */
function orderItemOf(value: unknown): OrderItem {
  const p = rec(value) ?? {};
  return {
    productId: str(p.productId),
    retailerId: str(p.retailerId),
    name: str(p.name),
    quantity: num(p.quantity) ?? 1,
    price: num(p.price) ?? num(p.value),
    currency: str(p.currencyCode) ?? str(p.currency),
    isCustomItem: bool(p.isCustomItem),
  };
}
/** A `paymentInfo` object's fields for {@link PaymentContent}. */
function paymentInfoOf(value: unknown): Pick<PaymentContent, 'amount' | 'currency' | 'receiverId' | 'status' | 'transactionStatus'> {
  const i = rec(value) ?? {};
  return { amount: num(i.value), currency: str(i.currencyCode), receiverId: str(i.receiverPhone), status: str(i.status), transactionStatus: str(i.transactionStatus) };
}
/** `reviewAndPay` / `reviewOrder` (z-api.txt 12621-12724) → {@link OrderDetailsContent}. */
function orderDetailsOf(o: Record<string, unknown>, stage: OrderDetailsContent['stage']): OrderDetailsContent {
  return {
    kind: 'orderDetails',
    stage,
    referenceId: str(o.referenceId),
    orderRequestId: str(o.orderRequestId),
    orderType: str(o.type),
    orderStatus: str(o.orderStatus),
    paymentStatus: str(o.paymentStatus),
    currency: str(o.currency),
    total: num(o.total),
    subTotal: num(o.subTotal),
    discount: num(o.discount),
    shipping: num(o.shipping),
    tax: num(o.tax),
    items: arr(o.products).map(orderItemOf),
  };
}
/** A `text` object's link preview (`title`, `description` or the doc's `descritpion`, `url`, `thumbnailUrl`), null when it has none. */
function linkPreviewOf(t: Record<string, unknown>): LinkPreview | null {
  const preview: LinkPreview = { url: str(t.url), title: str(t.title), description: str(t.description) ?? str(t.descritpion), thumbnailUrl: str(t.thumbnailUrl) };
  return Object.values(preview).some((v) => v !== null) ? preview : null;
}
/** `externalAdReply` (the "text from ad" example, z-api.txt 11689-11731) → {@link AdAttribution}, null when absent. */
function adAttributionOf(value: unknown): AdAttribution | null {
  const a = rec(value);
  if (!a) return null;
  return {
    title: str(a.title),
    body: str(a.body),
    sourceType: str(a.sourceType),
    sourceId: str(a.sourceId),
    sourceUrl: str(a.sourceUrl),
    thumbnailUrl: str(a.thumbnailUrl),
    mediaUrl: str(a.mediaUrl),
    ctwaClid: str(a.ctwaClid),
  };
}
/** A list message's sections: `sections[{title, rows|options[{id|rowId, title, description}]}]`, or a flat `options` list (the send-option-list shape, z-api.txt 3565-3585). */
function listSectionsOf(o: Record<string, unknown>): ListContent['sections'] {
  const row = (value: unknown, i: number) => {
    const r = rec(value) ?? {};
    return { id: str(r.id) ?? str(r.rowId) ?? String(i + 1), title: str(r.title) ?? '', description: str(r.description) };
  };
  if (Array.isArray(o.sections)) {
    return o.sections.map((value) => {
      const section = rec(value) ?? {};
      return { title: str(section.title), rows: arr(section.rows ?? section.options).map(row) };
    });
  }
  return [{ title: null, rows: arr(o.options).map(row) }];
}

/**
 * The typed content of a structured `ReceivedCallback` message, by its content key, or null
 * when it carries none of them. Checked before `text`: a buttons or list message the account
 * sent echoes back with its text as well, and used to arrive as plain text.
 */
function structuredContent(wire: ZapiReceivedCallback): MessageContent | null {
  const template = rec(wire.hydratedTemplate);
  if (template) {
    // z-api.txt 11307-11444, 11767-11808, 11872-11913, 12005-12116: text, OTP, image, video, document and location templates.
    return {
      kind: 'template',
      templateId: str(template.templateId),
      title: str(template.title),
      body: str(template.message) ?? '',
      footer: str(template.footer),
      header: headerOf(template.header),
      buttons: arr(template.hydratedButtons).map(buttonOf),
    };
  }
  const buttons = rec(wire.buttonsMessage);
  if (buttons) {
    // z-api.txt 11478-11568: buttons under an image or a video.
    return {
      kind: 'buttons',
      body: str(buttons.message) ?? str(buttons.text) ?? '',
      title: str(buttons.title),
      footer: str(buttons.footer) ?? str(buttons.footerText),
      imageUrl: str(buttons.imageUrl),
      videoUrl: str(buttons.videoUrl),
      buttons: arr(buttons.buttons).map(buttonOf),
    };
  }
  const list = rec(wire.listMessage);
  if (list) {
    // Not documented as received: the echo of a sent option list, read in the send's own terms (z-api.txt 3540-3585).
    return {
      kind: 'list',
      body: str(list.message) ?? str(list.description) ?? str(list.text) ?? '',
      title: str(list.title),
      footer: str(list.footer) ?? str(list.footerText),
      buttonText: str(list.buttonText) ?? str(list.buttonLabel),
      sections: listSectionsOf(list),
    };
  }
  const carousel = rec(wire.carouselMessage);
  if (carousel) {
    // z-api.txt 11601-11687.
    return {
      kind: 'carousel',
      body: str(carousel.text) ?? '',
      cards: arr(carousel.cards).map((value) => {
        const card = rec(value) ?? {};
        return { header: headerOf(card.header), body: str(card.message) ?? '', title: str(card.title), footer: str(card.footer), buttons: arr(card.hydratedButtons).map(buttonOf) };
      }),
    };
  }
  const pix = rec(wire.pixKeyMessage);
  if (pix) {
    // z-api.txt 11446-11476.
    return {
      kind: 'pixKey',
      key: str(pix.key) ?? '',
      keyType: str(pix.keyType),
      merchantName: str(pix.merchantName),
      currency: str(pix.currency),
      referenceId: str(pix.referenceId),
    };
  }
  const request = rec(wire.requestPayment);
  if (request) {
    // z-api.txt 12175-12210: `value` and `currencyCode` of the request; `paymentInfo` its state.
    const info = paymentInfoOf(request.paymentInfo);
    return {
      kind: 'payment',
      action: 'REQUEST',
      ...info,
      amount: num(request.value) ?? info.amount,
      currency: str(request.currencyCode) ?? info.currency,
      expiresAt: toEpochMs(num(request.expiration)),
      requesterId: str(request.requestPhone),
    };
  }
  const paid = rec(wire.sendPayment);
  if (paid) return { kind: 'payment', action: 'RECEIVED', ...paymentInfoOf(paid.paymentInfo) }; // z-api.txt 12236-12267
  const product = rec(wire.product);
  if (product) {
    // z-api.txt 12473-12507.
    return {
      kind: 'product',
      productId: str(product.productId) ?? '',
      title: str(product.title),
      description: str(product.description),
      price: num(product.price),
      currency: str(product.currencyCode),
      imageUrl: str(product.productImage),
      imageCount: num(product.productImageCount),
      url: str(product.url),
      retailerId: str(product.retailerId),
      businessOwnerId: str(product.businessOwnerJid),
    };
  }
  const order = rec(wire.order);
  if (order) {
    // z-api.txt 12509-12552; the order's `token` (its access token) is never copied.
    return {
      kind: 'order',
      orderId: str(order.orderId) ?? '',
      title: str(order.orderTitle),
      message: str(order.message),
      itemCount: num(order.itemCount),
      sellerId: str(order.sellerID) ?? str(order.sellerId),
      thumbnailUrl: str(order.thumbnailUrl),
      currency: str(order.currency),
      total: num(order.total),
      subTotal: num(order.subTotal),
      items: arr(order.products).map(orderItemOf),
    };
  }
  const review = rec(wire.reviewAndPay);
  if (review) return orderDetailsOf(review, 'REVIEW_AND_PAY'); // z-api.txt 12621-12672
  const update = rec(wire.reviewOrder);
  if (update) return orderDetailsOf(update, 'UPDATE'); // z-api.txt 12674-12724
  const poll = rec(wire.poll);
  if (poll) {
    // z-api.txt 12554-12588: `pollMaxOptions` 0 is "any number".
    const max = num(poll.pollMaxOptions);
    return { kind: 'poll', question: str(poll.question) ?? '', options: arr(poll.options).map((o) => str(rec(o)?.name) ?? str(o) ?? ''), maxSelections: max ? max : null };
  }
  const vote = rec(wire.pollVote);
  if (vote) {
    // z-api.txt 12590-12619.
    return { kind: 'pollVote', pollMessageId: str(vote.pollMessageId) ?? '', selectedOptions: arr(vote.options).map((o) => str(rec(o)?.name) ?? str(o) ?? '') };
  }
  const invite = rec(wire.newsletterAdminInvite);
  if (invite) {
    // z-api.txt 12726-12754: `inviteExpiration` in seconds.
    return {
      kind: 'channelAdminInvite',
      channelId: str(invite.newsletterId) ?? '',
      channelName: str(invite.newsletterName),
      text: str(invite.text),
      expiresAt: toEpochMs(num(invite.inviteExpiration)),
    };
  }
  const pin = rec(wire.pinMessage);
  if (pin) {
    // z-api.txt 12756-12788: `action` "pin" (or "unpin"), `pinDurationInSecs`.
    return {
      kind: 'pin',
      action: str(pin.action)?.toLowerCase() === 'unpin' ? 'UNPIN' : 'PIN',
      targetMessageId: str(rec(pin.referencedMessage)?.messageId) ?? '',
      durationSeconds: num(pin.pinDurationInSecs),
    };
  }
  const event = rec(wire.event);
  if (event) {
    // z-api.txt 12790-12820: `scheduleTime` in seconds; `location` `{}` when none.
    const location = rec(event.location);
    return {
      kind: 'event',
      name: str(event.name) ?? '',
      description: str(event.description),
      startsAt: toEpochMs(num(event.scheduleTime)),
      joinLink: str(event.joinLink),
      location: location ? locationOf(location) : null,
      canceled: bool(event.canceled) ?? false,
    };
  }
  const response = rec(wire.eventResponse);
  if (response) {
    // z-api.txt 12822-12855: `time` in ms.
    return {
      kind: 'eventResponse',
      eventMessageId: str(rec(response.referencedMessage)?.messageId) ?? '',
      response: str(response.response) ?? '',
      respondentId: str(response.responseFrom),
      respondedAt: toEpochMs(num(response.time)),
    };
  }
  return null;
}

/**
 * The typed content of a `ReceivedCallback` message (z-api.txt 11276-12875): the structured
 * kinds first (templates, buttons, lists, carousels, PIX keys, payments, products, orders,
 * polls, channel invites, pins, events), then `text` (with its link preview and ad
 * attribution), `image`, `audio` (`ptt` → voice note), `video`, `document`, `sticker`,
 * `location`, `contact`, `reaction`, `buttonsResponseMessage` and `listResponseMessage`
 * (→ `interactiveReply`); a `waitingMessage` without content → {@link PendingContent}. A
 * payload with none of them becomes `UnsupportedContent` (`unknown`, the whole payload as
 * `raw`), so nothing is dropped.
 */
export function toMessageContent(wire: ZapiReceivedCallback): MessageContent {
  const structured = structuredContent(wire);
  if (structured) return structured;
  if (wire.text) {
    const t = wire.text as Record<string, unknown>;
    return { kind: 'text', body: wire.text.message ?? '', linkPreview: linkPreviewOf(t), adAttribution: adAttributionOf(wire.externalAdReply) };
  }
  if (wire.image) return imageOf(wire.image);
  if (wire.audio) {
    return { kind: 'audio', url: text(wire.audio.audioUrl), mimeType: text(wire.audio.mimeType), voice: toBool(wire.audio.ptt), seconds: toNumber(wire.audio.seconds) };
  }
  if (wire.video) return videoOf(wire.video);
  if (wire.document) return documentOf(wire.document);
  if (wire.sticker) return { kind: 'sticker', url: text(wire.sticker.stickerUrl), mimeType: text(wire.sticker.mimeType) };
  if (wire.location) return locationOf(wire.location) ?? { kind: 'unsupported', type: 'location', raw: wire };
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
  // z-api.txt 12857-12875: "waiting for message", the content follows under the same messageId.
  if (toBool(wire.waitingMessage)) return { kind: 'pending', waiting: true };
  return { kind: 'unsupported', type: 'unknown', raw: wire };
}
