/**
 * Provider-neutral domain types. Every provider port speaks these; every provider's
 * `mapping.ts` converts its wire shapes to and from them, and nothing outside
 * `src/providers/<provider>/` ever sees a provider's own spelling.
 *
 * Conventions of every type here:
 * - Timestamps are epoch **milliseconds** (`number`); durations carry their unit in their
 *   name (`…Ms`, `…Seconds`, `…Minutes`) or in their docstring; lengths are in characters
 *   (Unicode code points, as `charLength` in `limits.ts` counts them).
 * - Phones are international digits without `+` (E.164 digits: `5511999999999`); chat and
 *   group ids are the provider's own, as strings.
 * - Optional fields are `null` (or absent) when the provider does not say, never a guess.
 */

/** The provider kinds whatsgraph speaks (DESIGN.md, "Providers"). */
export const PROVIDER_KINDS = ['zapi', 'ivosights', 'zivo', 'zixflow'] as const;
/** One of {@link PROVIDER_KINDS}. */
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * A message's delivery status, in the order it may advance. `FAILED` and `DELETED` are
 * terminal and rank above `PLAYED` so that nothing moves a message out of them.
 */
export const MESSAGE_STATUSES = ['PENDING', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'DELETED'] as const;
/** One of {@link MESSAGE_STATUSES}. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * The rank of a status: a status may only replace one of lower rank ("statuses never go
 * backwards", DESIGN.md). READ then a late SENT stays READ.
 */
export function statusRank(status: MessageStatus): number {
  return MESSAGE_STATUSES.indexOf(status);
}

/** Whether no later status can follow this one (a status poller stops polling a message on these). */
export function isFinalStatus(status: MessageStatus): boolean {
  return status === 'READ' || status === 'PLAYED' || status === 'FAILED' || status === 'DELETED';
}

/** The connection state of an instance's WhatsApp session. */
export const CONNECTION_STATES = ['CONNECTED', 'DISCONNECTED', 'CONNECTING', 'UNKNOWN'] as const;
/** One of {@link CONNECTION_STATES}. */
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** A chat participant's presence (WhatsApp's "online", "typing…", "recording audio…"). */
export const PRESENCE_STATES = ['AVAILABLE', 'UNAVAILABLE', 'COMPOSING', 'RECORDING', 'PAUSED'] as const;
/** One of {@link PRESENCE_STATES}. */
export type PresenceState = (typeof PRESENCE_STATES)[number];

// ---------------------------------------------------------------------------------------
// Message content: a tagged union; `unsupported` keeps the raw JSON so nothing is dropped.
// ---------------------------------------------------------------------------------------

/** Plain text (`body`, as written, with WhatsApp's `*bold*`/`_italic_` markers kept), possibly shown with a link preview. */
export interface TextContent {
  kind: 'text';
  body: string;
  /** The preview WhatsApp shows under a link in the text, when the provider sends one. */
  linkPreview?: LinkPreview | null;
  /** The ad the chat started from ("click to WhatsApp" ads), when the message came from one. */
  adAttribution?: AdAttribution | null;
}
/** A link preview: the link's `url`, `title`, `description` and a `thumbnailUrl`, as the provider gives them. */
export interface LinkPreview {
  url?: string | null;
  title?: string | null;
  description?: string | null;
  thumbnailUrl?: string | null;
}
/**
 * The ad a message answers ("click to WhatsApp" ad attribution): its `title` and `body`, the
 * `sourceType` (`ad`), `sourceId` (the ad's id) and `sourceUrl`, a `thumbnailUrl`, and the
 * click id (`ctwaClid`) advertisers use to attribute the conversation.
 */
export interface AdAttribution {
  title?: string | null;
  body?: string | null;
  sourceType?: string | null;
  sourceId?: string | null;
  sourceUrl?: string | null;
  thumbnailUrl?: string | null;
  mediaUrl?: string | null;
  ctwaClid?: string | null;
}
/**
 * Media shared by the media kinds: `url` is a URL the client can fetch, or absent when only an
 * id is known; `mediaId` is the provider's id of the file (what `MediaPort.getMedia` takes);
 * `mimeType` as given (`image/jpeg`); `caption` the text shown under the media.
 */
interface MediaFields {
  url?: string | null;
  mediaId?: string | null;
  mimeType?: string | null;
  caption?: string | null;
}
/** An image; `width` and `height` in pixels when given. */
export interface ImageContent extends MediaFields {
  kind: 'image';
  width?: number | null;
  height?: number | null;
}
/** An audio clip or voice note (`voice: true` for a push-to-talk note); `seconds` its length when given. */
export interface AudioContent extends MediaFields {
  kind: 'audio';
  voice?: boolean;
  seconds?: number | null;
}
/** A video (`gif: true` for a GIF, `ptv: true` for a round video note; null when the provider does not say); `seconds` its length when given. */
export interface VideoContent extends MediaFields {
  kind: 'video';
  seconds?: number | null;
  gif?: boolean | null;
  ptv?: boolean | null;
}
/** A document with its file name (as the recipient sees it), title and number of pages when given. */
export interface DocumentContent extends MediaFields {
  kind: 'document';
  fileName?: string | null;
  title?: string | null;
  pageCount?: number | null;
}
/** A sticker. */
export interface StickerContent extends MediaFields {
  kind: 'sticker';
  animated?: boolean;
}
/** A location pin: `latitude` (-90..90) and `longitude` (-180..180) in decimal degrees (WGS 84), with optional name/address/url. */
export interface LocationContent {
  kind: 'location';
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
  url?: string | null;
}
/** One or more shared contacts (vCard). */
export interface ContactContent {
  kind: 'contact';
  contacts: SharedContact[];
}
/** A shared contact card: the display name, its phones as written on the card, and the vCard text when given. */
export interface SharedContact {
  name: string;
  phones: string[];
  vcard?: string | null;
}
/** A reaction (`emoji`: one emoji, empty when the reaction was removed) to the message `targetMessageId`. */
export interface ReactionContent {
  kind: 'reaction';
  emoji: string;
  targetMessageId: string;
}
/** A reply to an interactive message: the button or list row the user chose (`replyId` the id the sender gave it, `title` its text). */
export interface InteractiveReplyContent {
  kind: 'interactiveReply';
  replyId?: string | null;
  title: string;
  description?: string | null;
}
/** A button of a received interactive or template message: `type` REPLY (quick reply, `id` given back), URL (`url`), CALL (`phoneNumber`), COPY (`code`-less copy button) or OTHER; `index` its position. */
export interface ReceivedButton {
  type: 'REPLY' | 'URL' | 'CALL' | 'COPY' | 'OTHER';
  text: string;
  id?: string | null;
  url?: string | null;
  phoneNumber?: string | null;
  index?: number | null;
}
/** A message with reply buttons (`body` text, optional media header `imageUrl` or `videoUrl`, `footer`). */
export interface ButtonsContent {
  kind: 'buttons';
  body: string;
  title?: string | null;
  footer?: string | null;
  imageUrl?: string | null;
  videoUrl?: string | null;
  buttons: ReceivedButton[];
}
/** A list message: `body`, the `buttonText` that opens the list, and its sections of rows. */
export interface ListContent {
  kind: 'list';
  body: string;
  title?: string | null;
  footer?: string | null;
  buttonText?: string | null;
  sections: ListSection[];
}
/** The header of a template or carousel card: a text, or one media (image, video, document) or a location. */
export interface ReceivedHeader {
  text?: string | null;
  image?: ImageContent | null;
  video?: VideoContent | null;
  document?: DocumentContent | null;
  location?: LocationContent | null;
}
/** A template message ("HSM", WhatsApp's hydrated template) as received: `templateId` when given, header, `title`, `body`, `footer` and buttons (URL, call, quick reply, one-time password copy). */
export interface TemplateMessageContent {
  kind: 'template';
  templateId?: string | null;
  title?: string | null;
  body: string;
  footer?: string | null;
  header?: ReceivedHeader | null;
  buttons: ReceivedButton[];
}
/** One card of a carousel: a media header, `body`, `title`, `footer` and its buttons. */
export interface CarouselCard {
  header?: ReceivedHeader | null;
  body: string;
  title?: string | null;
  footer?: string | null;
  buttons: ReceivedButton[];
}
/** A carousel: a `body` text and its cards, scrolled sideways. */
export interface CarouselContent {
  kind: 'carousel';
  body: string;
  cards: CarouselCard[];
}
/** A PIX payment key shared to be paid (Brazil's instant payments): the `key`, its `keyType` (`EVP`, `CPF`, `EMAIL`, `PHONE`…), `merchantName`, `currency` (ISO 4217) and the `referenceId`. */
export interface PixKeyContent {
  kind: 'pixKey';
  key: string;
  keyType?: string | null;
  merchantName?: string | null;
  currency?: string | null;
  referenceId?: string | null;
}
/**
 * A WhatsApp payment: a request (`REQUEST`), a declined request (`DECLINED`) or a payment sent
 * (`RECEIVED`). `amount` in the currency's unit as the provider gives it; `currency` ISO 4217;
 * `expiresAt` epoch ms; `requesterId`/`receiverId` phone digits; `status` and
 * `transactionStatus` as the provider says them (`WAITING`, `COMPLETE`, `SUCCESS`…).
 */
export interface PaymentContent {
  kind: 'payment';
  action: 'REQUEST' | 'DECLINED' | 'RECEIVED';
  amount?: number | null;
  currency?: string | null;
  expiresAt?: number | null;
  requesterId?: string | null;
  receiverId?: string | null;
  status?: string | null;
  transactionStatus?: string | null;
}
/** A catalog product shared in a chat: the provider's `productId`, `title`, price (`price` in the provider's unit, `currency` ISO 4217), image, the business that owns it. */
export interface ProductContent {
  kind: 'product';
  productId: string;
  title?: string | null;
  description?: string | null;
  price?: number | null;
  currency?: string | null;
  imageUrl?: string | null;
  imageCount?: number | null;
  url?: string | null;
  retailerId?: string | null;
  businessOwnerId?: string | null;
}
/** One line of an order: the product, its quantity and unit `price` in the provider's unit (`isCustomItem` for an item outside the catalog). */
export interface OrderItem {
  productId?: string | null;
  retailerId?: string | null;
  name?: string | null;
  quantity: number;
  price?: number | null;
  currency?: string | null;
  isCustomItem?: boolean | null;
}
/** A shopping-cart order a customer sent: `orderId`, title, note (`message`), seller, totals in the provider's unit and its items. The order's access token is never exposed. */
export interface OrderContent {
  kind: 'order';
  orderId: string;
  title?: string | null;
  message?: string | null;
  itemCount?: number | null;
  sellerId?: string | null;
  thumbnailUrl?: string | null;
  currency?: string | null;
  total?: number | null;
  subTotal?: number | null;
  items: OrderItem[];
}
/**
 * An order's details sent by the business: `REVIEW_AND_PAY` (asking the customer to review
 * and pay) or `UPDATE` (its new status). Amounts in the provider's unit (the examples give
 * whole units in cents-like integers, e.g. `605`), statuses as the provider says them.
 */
export interface OrderDetailsContent {
  kind: 'orderDetails';
  stage: 'REVIEW_AND_PAY' | 'UPDATE';
  referenceId?: string | null;
  orderRequestId?: string | null;
  orderType?: string | null;
  orderStatus?: string | null;
  paymentStatus?: string | null;
  currency?: string | null;
  total?: number | null;
  subTotal?: number | null;
  discount?: number | null;
  shipping?: number | null;
  tax?: number | null;
  items: OrderItem[];
}
/** A poll: its `question`, the `options` to choose from and `maxSelections` (0 or null: any number). */
export interface PollContent {
  kind: 'poll';
  question: string;
  options: string[];
  maxSelections?: number | null;
}
/** A vote on the poll message `pollMessageId`: the option names chosen (empty when the vote was withdrawn). */
export interface PollVoteContent {
  kind: 'pollVote';
  pollMessageId: string;
  selectedOptions: string[];
}
/** A message pinned (`PIN`, for `durationSeconds`) or unpinned (`UNPIN`) in the chat: `targetMessageId` the pinned message. */
export interface PinContent {
  kind: 'pin';
  action: 'PIN' | 'UNPIN';
  targetMessageId: string;
  durationSeconds?: number | null;
}
/** A WhatsApp event (a scheduled gathering or call): `name`, `description`, `startsAt` epoch ms, `joinLink` for a call, `location` when given, `canceled`. */
export interface EventMessageContent {
  kind: 'event';
  name: string;
  description?: string | null;
  startsAt?: number | null;
  joinLink?: string | null;
  location?: LocationContent | null;
  canceled: boolean;
}
/** An answer to the event message `eventMessageId`: `response` GOING, NOT_GOING or MAYBE (the provider's own word otherwise), by `respondentId` at `respondedAt` (epoch ms). */
export interface EventResponseContent {
  kind: 'eventResponse';
  eventMessageId: string;
  response: string;
  respondentId?: string | null;
  respondedAt?: number | null;
}
/** An invitation to become an admin of a WhatsApp channel (`channelId`, `channelName`), with its `text`; `expiresAt` epoch ms. */
export interface ChannelAdminInviteContent {
  kind: 'channelAdminInvite';
  channelId: string;
  channelName?: string | null;
  text?: string | null;
  expiresAt?: number | null;
}
/**
 * A message WhatsApp could not decrypt yet ("Waiting for this message"): its content arrives
 * later, as a message with the same id that replaces this one.
 */
export interface PendingContent {
  kind: 'pending';
  waiting: true;
}
/** Anything else: the provider's kind name (`type`) and its raw JSON (`raw`), so no payload is dropped. */
export interface UnsupportedContent {
  kind: 'unsupported';
  type: string;
  raw: unknown;
}

/** The content of a message: one of the typed contents, or {@link UnsupportedContent}. */
export type MessageContent =
  | TextContent
  | ImageContent
  | AudioContent
  | VideoContent
  | DocumentContent
  | StickerContent
  | LocationContent
  | ContactContent
  | ReactionContent
  | InteractiveReplyContent
  | ButtonsContent
  | ListContent
  | TemplateMessageContent
  | CarouselContent
  | PixKeyContent
  | PaymentContent
  | ProductContent
  | OrderContent
  | OrderDetailsContent
  | PollContent
  | PollVoteContent
  | PinContent
  | EventMessageContent
  | EventResponseContent
  | ChannelAdminInviteContent
  | PendingContent
  | UnsupportedContent;

/** A WhatsApp message as the graph sees it. */
export interface Message {
  /** The provider's (WhatsApp's) message id. */
  id: string;
  /** The graph's instance id the message belongs to. */
  instanceId: string;
  /** The chat: a phone number (digits, wa_id), a group id, or a JID, as the provider names it. */
  chatId: string;
  /** Whether the account sent it (from the API, the phone or another device). */
  fromMe: boolean;
  /** Epoch ms at which it was sent, as the provider says. */
  timestamp: number;
  /** Sender's phone / id (in a group, the participant). */
  senderId?: string | null;
  /** The sender's name as WhatsApp shows it (push name), when given. */
  senderName?: string | null;
  content: MessageContent;
  /** The last known delivery status, for a message the account sent; null when not known. */
  status?: MessageStatus | null;
  /** Id of the quoted message, when this one replies to another. */
  replyToMessageId?: string | null;
  /** Whether `chatId` is a group. */
  isGroup?: boolean;
  /** The sender's own reference for the message, echoed by providers that carry one. */
  clientReference?: string | null;
  /** The chat's LID (WhatsApp's privacy id, `…@lid`), when the provider gives one. */
  chatLid?: string | null;
  /** The sender's LID (`…@lid`; in a group, the participant's), when the provider gives one. */
  senderLid?: string | null;
  /** Whether the text was edited after it was sent (this is the edited version). */
  edited?: boolean | null;
  /** Whether the message was forwarded. */
  forwarded?: boolean | null;
  /** Whether the media can be seen once only. */
  viewOnce?: boolean | null;
  /** Seconds after which the message disappears (disappearing messages); null or 0 when off. */
  expirationSeconds?: number | null;
  /** Whether the account sent it through the provider's API (the graph or another API client) rather than from the phone; null when not said. */
  sentFromApi?: boolean | null;
  /** Whether it answers a status (story) the other side posted. */
  isStatusReply?: boolean | null;
}

/** The result of a send: the id the provider gave and what is known of the message (see `MessagingPort` for each field's obligation). */
export interface SentMessage {
  /** WhatsApp's (or the provider's) message id: what later status events carry; a local UUID when the provider answers none. */
  id: string;
  /** The provider's secondary id for the send (its queue or gateway id) when it has one besides `id`. */
  providerId?: string | null;
  /** The recipient: phone digits or group id, as sent or as the provider echoes it. */
  chatId: string;
  /** `PENDING` when only queued, `SENT` when the provider says it went out. */
  status: MessageStatus;
  /** Epoch ms at which the provider accepted the send (the answer's arrival). */
  timestamp: number;
  /** What was sent. */
  content: MessageContent;
  /** The caller's `clientReference`, echoed. */
  clientReference?: string | null;
}

// ---------------------------------------------------------------------------------------
// Chats, contacts, groups
// ---------------------------------------------------------------------------------------

/** A chat (conversation) on the account. */
export interface Chat {
  /** Phone number digits for a 1:1 chat, the group id for a group. */
  id: string;
  /** The contact's or group's name as the account sees it. */
  name?: string | null;
  isGroup: boolean;
  archived: boolean;
  pinned: boolean;
  /** Number of unread messages (0 when the provider does not say). */
  unreadCount: number;
  /** Epoch ms of the last message, when known. */
  lastMessageAt?: number | null;
  /** Epoch ms until which notifications are muted; null when not muted or muted forever ({@link Chat.mutedForever}). */
  mutedUntil?: number | null;
  /** Whether notifications are muted with no end. */
  mutedForever?: boolean;
  isMuted: boolean;
  /** Whether the chat was reported as spam, when the provider says. */
  isSpam?: boolean;
  /** A URL of the chat's picture, when given (it may expire). */
  profilePictureUrl?: string | null;
}

/** A contact: a WhatsApp user known to the account. */
export interface Contact {
  /** Phone number digits (wa_id) or JID/LID as the provider gives it. */
  id: string;
  /** International digits. */
  phone: string;
  /** The name saved in the account's address book. */
  name?: string | null;
  /** The short (first) name saved in the account's address book. */
  shortName?: string | null;
  /** The contact's LID (WhatsApp's privacy id, `…@lid`), when the provider gives one. */
  lid?: string | null;
  /** The contact's own push name. */
  notifyName?: string | null;
  /** Verified business name. */
  businessName?: string | null;
  /** The contact's "about" text. */
  about?: string | null;
  /** A URL of the contact's profile picture, when given (it may expire). */
  profilePictureUrl?: string | null;
}

/** The answer to "is this number on WhatsApp?" for one input phone. */
export interface PhoneCheck {
  /** The phone as asked (normalised digits). */
  input: string;
  /** Whether the number has a WhatsApp account. */
  exists: boolean;
  /** WhatsApp's id for it (wa_id), which may differ from the input (Brazil's ninth digit). */
  waId?: string | null;
}

/** A group participant: `id` as the provider names it (phone digits or LID), `phone` international digits; `isSuperAdmin` for the group's creator. */
export interface GroupParticipant {
  id: string;
  phone: string;
  isAdmin: boolean;
  isSuperAdmin: boolean;
  name?: string | null;
}

/** A WhatsApp group. */
export interface Group {
  /** The provider's group id. */
  id: string;
  /** The group's subject (its id when the provider gives no name). */
  name: string;
  description?: string | null;
  /** The creator's phone digits or id. */
  ownerId?: string | null;
  /** Epoch ms. */
  createdAt?: number | null;
  /** Every participant; empty in a listing whose provider does not carry them. */
  participants: GroupParticipant[];
  /** `https://chat.whatsapp.com/…`, when given. */
  invitationLink?: string | null;
  /** Only admins may send messages. */
  onlyAdminsSend?: boolean | null;
  /** Only admins may edit the group's name, photo and description. */
  onlyAdminsEdit?: boolean | null;
  /** The community the group is linked to. */
  communityId?: string | null;
  archived?: boolean;
  pinned?: boolean;
  /** Number of unread messages. */
  unreadCount?: number;
}

/** A page request: `page` 1-based, `pageSize` items per page (≥ 1); providers that page by number use it as is. */
export interface PageRequest {
  page: number;
  pageSize: number;
}
/** One page of results: at most `pageSize` items; `hasNextPage` is true when the provider may have more; empty past the end. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** Items in the whole list, when the provider says (absent: it does not). */
  total?: number | null;
}

// ---------------------------------------------------------------------------------------
// Account
// ---------------------------------------------------------------------------------------

/** An instance's connection to WhatsApp, as its provider reports it. */
export interface InstanceStatus {
  /** `UNKNOWN` when the provider's answer does not say. */
  state: ConnectionState;
  /** Whether the phone itself is online, for providers that run over the phone's session; null when not said. */
  phoneConnected?: boolean | null;
  /** The provider's explanation when not connected. */
  detail?: string | null;
  /** Remaining account balance, in the account's currency as the provider counts it, when the provider reports one. */
  balance?: number | null;
}

/** The account's own WhatsApp profile / device. */
export interface AccountProfile {
  /** The connected number, international digits. */
  phone?: string | null;
  /** The account's profile name. */
  name?: string | null;
  /** The account's "about" text. */
  about?: string | null;
  /** A URL of the account's profile picture (it may expire). */
  profilePictureUrl?: string | null;
  /** Whether it is a WhatsApp Business account. */
  isBusiness?: boolean | null;
  /** The phone running the session: model, manufacturer, OS and WhatsApp versions as given. */
  device?: { model?: string | null; manufacturer?: string | null; osVersion?: string | null; waVersion?: string | null } | null;
  /** Provider-specific details kept as JSON (plan, due date…). */
  extra?: unknown;
}

// ---------------------------------------------------------------------------------------
// Send inputs (already validated and normalised by the resolver layer)
// ---------------------------------------------------------------------------------------

/** Options every send may carry. */
export interface SendOptions {
  /** Quote (reply to) this message id. */
  replyToMessageId?: string | null;
  /** Whole seconds to wait before sending, within the provider's documented range (1..15 where documented); refused where not supported. */
  delaySeconds?: number | null;
  /** Whole seconds to show "typing…" before sending, within the provider's documented range; refused where not supported. */
  typingSeconds?: number | null;
  /** The caller's own reference for the message, passed to providers that carry one and echoed in the result. */
  clientReference?: string | null;
}

/** A text. `to` is the recipient: phone digits (normalised E.164 without `+`) or a group id; `mentions` phone digits; `editMessageId` the sent message whose text this replaces. */
export interface SendTextInput extends SendOptions {
  to: string;
  text: string;
  previewUrl?: boolean | null;
  editMessageId?: string | null;
  mentions?: string[] | null;
  /** Groups mentioned in the text (`@groupId` in it): each group's id and its name as shown. */
  groupMentions?: Array<{ groupId: string; subject: string }> | null;
  /** With `replyToMessageId` on a group message: send the reply to the sender's private chat instead of the group. */
  privateReply?: boolean | null;
}
/** A media send: `media` is an http(s) URL or a base64 `data:` URI; `mimeType` as `image/png`. */
export interface SendMediaInput extends SendOptions {
  to: string;
  media: string;
  caption?: string | null;
  mimeType?: string | null;
  /** View once: the recipient can open it one time (images, videos, audio where the provider documents it). */
  viewOnce?: boolean | null;
  /** Audio only: show the clip as a voice note with its sound wave. */
  waveform?: boolean | null;
}
/** A document: `extension` without the dot (`pdf`); `fileName` as the recipient sees it. */
export interface SendDocumentInput extends SendMediaInput {
  extension: string;
  fileName?: string | null;
}
/** A location pin: `latitude` (-90..90) and `longitude` (-180..180) in decimal degrees. */
export interface SendLocationInput extends SendOptions {
  to: string;
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
}
/** A reaction to `messageId`; an empty emoji removes it. */
export interface SendReactionInput extends SendOptions {
  to: string;
  messageId: string;
  emoji: string;
}
/** Shared contact cards (at least one). */
export interface SendContactInput extends SendOptions {
  to: string;
  contacts: SharedContact[];
}
/** A reply button (WhatsApp: 1..3 per message, title ≤ 20 characters, ids unique). */
export interface ReplyButton {
  id: string;
  title: string;
}
/** An interactive message header: one of `text`, or an http(s) URL of an `image`, `video` or `document` (`documentFileName` as the recipient sees it). */
export interface InteractiveHeader {
  text?: string | null;
  image?: string | null;
  video?: string | null;
  document?: string | null;
  documentFileName?: string | null;
}
/** A reply-buttons message: `body` text and optional header and `footer` (WhatsApp's limits in `limits.ts`: at most 1024 and 60 characters); `extra` provider fields, refused by providers that take none. */
export interface SendButtonsInput extends SendOptions {
  to: string;
  body: string;
  buttons: ReplyButton[];
  header?: InteractiveHeader | null;
  footer?: string | null;
  extra?: Record<string, unknown> | null;
}
/** A list message row: `id` returned in the reply, `title` and `description` shown. */
export interface ListRow {
  id: string;
  title: string;
  description?: string | null;
}
/** A list message section: an optional title and its rows. */
export interface ListSection {
  title?: string | null;
  rows: ListRow[];
}
/** A list message: `buttonText` opens the list; `header` and `footer` texts. */
export interface SendListInput extends SendOptions {
  to: string;
  body: string;
  buttonText: string;
  sections: ListSection[];
  header?: string | null;
  footer?: string | null;
}

/** One message of a bulk send: `to` phone digits, `text`, and the caller's optional reference. */
export interface BulkItem {
  to: string;
  text: string;
  clientReference?: string | null;
}
/** One result of a bulk send, in input order: `message` when accepted, else `error` (`code` a graph error code, `message` safe text). */
export interface BulkResult {
  message?: SentMessage | null;
  error?: { code: string; message: string } | null;
}

/** Mark `messageId` in `chatId` as read. */
export interface ReadMessageInput {
  chatId: string;
  messageId: string;
}
/** Delete `messageId` in `chatId`; `owner` is true when the account sent it (it is then deleted for everyone). */
export interface DeleteMessageInput {
  chatId: string;
  messageId: string;
  owner: boolean;
}

// ---------------------------------------------------------------------------------------
// Domain events: what a provider's webhook (or poller) turns into, and what subscribers get
// ---------------------------------------------------------------------------------------

/** The event types, as `events(types:)` filters them. */
export const EVENT_TYPES = [
  'MESSAGE_RECEIVED',
  'MESSAGE_STATUS_CHANGED',
  'PRESENCE_CHANGED',
  'CONNECTION_CHANGED',
  'INSTANCE_EVENT',
  'CALL_RECEIVED',
  'MESSAGE_DELETED',
  'CHAT_READ',
  'GROUP_PARTICIPANTS_CHANGED',
  'CHANNEL_ADMIN_CHANGED',
  'PROFILE_UPDATED',
  'CHAT_LABELS_CHANGED',
] as const;
/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** Fields every event carries. `id` is stable: derived from the provider's own ids, so a redelivered webhook maps to the same id. */
interface EventBase {
  /** Stable id (`stableEventId`, 22 characters). */
  id: string;
  /** The graph's instance id. */
  instanceId: string;
  /** Epoch ms at which the provider says it happened (or receipt time when it says nothing). */
  occurredAt: number;
  /** The event log's opaque cursor; set when the event is appended, absent before. */
  cursor?: string;
}
/** A message arrived in a chat (or was sent from the phone / another device: `fromMe`). */
export interface MessageReceivedEvent extends EventBase {
  type: 'MESSAGE_RECEIVED';
  message: Message;
}
/**
 * A sent message's status advanced. `error` on FAILED when the provider says why (WhatsApp's
 * error `code`, such as 470 or 480, its `title` and `detail`). `participantId` set: the
 * receipt of that one group participant only (not the whole group).
 */
export interface MessageStatusChangedEvent extends EventBase {
  type: 'MESSAGE_STATUS_CHANGED';
  messageId: string;
  chatId?: string | null;
  participantId?: string | null;
  status: MessageStatus;
  error?: { code: string; title: string; detail?: string | null } | null;
}
/** A chat participant's presence changed; `lastSeenAt` epoch ms when given. */
export interface PresenceChangedEvent extends EventBase {
  type: 'PRESENCE_CHANGED';
  chatId: string;
  participantId?: string | null;
  presence: PresenceState;
  lastSeenAt?: number | null;
}
/** The instance's WhatsApp session connected or disconnected; `detail` the provider's explanation. */
export interface ConnectionChangedEvent extends EventBase {
  type: 'CONNECTION_CHANGED';
  state: ConnectionState;
  detail?: string | null;
}
/** A notification none of the typed events fits (an encryption notice, a group created, a payload the parser could not read…): `kind` the provider's name for it, `raw` the payload, so nothing is dropped. */
export interface InstanceEvent extends EventBase {
  type: 'INSTANCE_EVENT';
  kind: string;
  chatId?: string | null;
  raw: unknown;
}

/** A call: `chatId` the caller (or group), `callId` the provider's, `video` for a video call (null when not said), `missed` when it went unanswered. */
export interface CallReceivedEvent extends EventBase {
  type: 'CALL_RECEIVED';
  chatId: string;
  callId?: string | null;
  callerId?: string | null;
  video?: boolean | null;
  missed: boolean;
}
/** A message was deleted for everyone (by its sender): `messageId` the deleted message, `fromMe` when the account deleted it. */
export interface MessageDeletedEvent extends EventBase {
  type: 'MESSAGE_DELETED';
  messageId: string;
  chatId?: string | null;
  participantId?: string | null;
  fromMe?: boolean | null;
}
/** The account read inbound messages (on the phone or another device): `messageIds` of the chat `chatId` are read. Never a receipt of an outbound message. */
export interface ChatReadEvent extends EventBase {
  type: 'CHAT_READ';
  chatId?: string | null;
  messageIds: string[];
}
/** Who a notification is about: `id` as given (phone digits or a LID `…@lid`), with `phone` or `lid` when the id is one. */
export interface ParticipantRef {
  id: string;
  phone?: string | null;
  lid?: string | null;
}
/**
 * What happened to group participants: JOIN_REQUESTED (asked to join: `requestMethod`
 * `invite_link` or `non_admin_add`), JOIN_REQUEST_REVOKED, ADDED, REMOVED, LEFT, PROMOTED
 * (made admin), DEMOTED (admin removed).
 */
export type GroupParticipantsAction = 'JOIN_REQUESTED' | 'JOIN_REQUEST_REVOKED' | 'ADDED' | 'REMOVED' | 'LEFT' | 'PROMOTED' | 'DEMOTED';
/** Participants of the group `groupId` changed; `actorId` who did it, when given. */
export interface GroupParticipantsChangedEvent extends EventBase {
  type: 'GROUP_PARTICIPANTS_CHANGED';
  groupId: string;
  action: GroupParticipantsAction;
  participants: ParticipantRef[];
  actorId?: string | null;
  requestMethod?: string | null;
}
/** The account was made an admin of a channel (`promoted`) or no longer is; `role` the new role as the provider says it (`ADMIN`, `SUBSCRIBER`). */
export interface ChannelAdminChangedEvent extends EventBase {
  type: 'CHANNEL_ADMIN_CHANGED';
  channelId: string;
  promoted: boolean;
  role?: string | null;
  participantId?: string | null;
}
/** A profile changed: NAME (`name`), PICTURE (`pictureUrl`) or PHONE_NUMBER (the contact moved to `newPhone`). `contactId` whose profile. */
export interface ProfileUpdatedEvent extends EventBase {
  type: 'PROFILE_UPDATED';
  contactId: string;
  change: 'NAME' | 'PICTURE' | 'PHONE_NUMBER';
  name?: string | null;
  pictureUrl?: string | null;
  newPhone?: string | null;
}
/** Labels assigned to (`assigned`) or removed from chats. */
export interface ChatLabelsChangedEvent extends EventBase {
  type: 'CHAT_LABELS_CHANGED';
  changes: { chatId: string; labelId: string; assigned: boolean }[];
}

/** A domain event. */
export type DomainEvent =
  | MessageReceivedEvent
  | MessageStatusChangedEvent
  | PresenceChangedEvent
  | ConnectionChangedEvent
  | InstanceEvent
  | CallReceivedEvent
  | MessageDeletedEvent
  | ChatReadEvent
  | GroupParticipantsChangedEvent
  | ChannelAdminChangedEvent
  | ProfileUpdatedEvent
  | ChatLabelsChangedEvent;

/** The chat an event belongs to, if any (for the `chatId` filter). */
export function eventChatId(event: DomainEvent): string | null {
  switch (event.type) {
    case 'MESSAGE_RECEIVED':
      return event.message.chatId;
    case 'MESSAGE_STATUS_CHANGED':
      return event.chatId ?? null;
    case 'PRESENCE_CHANGED':
      return event.chatId;
    case 'INSTANCE_EVENT':
    case 'CALL_RECEIVED':
    case 'MESSAGE_DELETED':
    case 'CHAT_READ':
      return event.chatId ?? null;
    case 'GROUP_PARTICIPANTS_CHANGED':
      return event.groupId;
    case 'CHANNEL_ADMIN_CHANGED':
      return event.channelId;
    case 'PROFILE_UPDATED':
      return event.contactId;
    case 'CONNECTION_CHANGED':
    case 'CHAT_LABELS_CHANGED':
      return null;
  }
}

// ---------------------------------------------------------------------------------------
// Templates, media, business profile, webhook admin, reference data and the business-API
// sends (templates, products, flows). Names are the graph's (WhatsApp's where it has one);
// each provider's mapping.ts converts its own spelling.
// ---------------------------------------------------------------------------------------

/** A template's review status as the provider reports it (`approved`, `submitted`, `rejected`…), upper-cased. */
export type TemplateStatus = string;

/** A dynamic (`{{1}}`) or static URL button of a template; `examples` fill the dynamic part. */
export interface TemplateUrlButton {
  type: 'URL';
  text: string;
  url: string;
  dynamic: boolean;
  examples: string[];
}
/** A call button; `phoneNumber` in international format as the provider gives it (`+622122902218`), `countryCode` when given apart (`+62`). */
export interface TemplatePhoneButton {
  type: 'PHONE_NUMBER';
  text: string;
  phoneNumber: string;
  countryCode?: string | null;
}
/** A one-time-password button (`otpType` `COPY_CODE`, …) of an AUTHENTICATION template. */
export interface TemplateOtpButton {
  type: 'OTP';
  otpType: string;
  text: string;
}
/** A button kind the graph does not type yet: the provider's kind and raw JSON. */
export interface TemplateOtherButton {
  type: 'OTHER';
  providerType: string;
  text?: string | null;
  raw: unknown;
}
/** One button of a template. */
export type TemplateButton = TemplateUrlButton | TemplatePhoneButton | TemplateOtpButton | TemplateOtherButton;

/** Header format of a template: text or a media kind. */
export type TemplateHeaderFormat = 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

/** A template header: `text` for TEXT (may hold `{{1}}`), `examples` sample values or a sample media URL. */
export interface TemplateHeaderComponent {
  type: 'HEADER';
  format: TemplateHeaderFormat;
  text?: string | null;
  examples: string[];
  parameterNames: string[];
}
/** The template body text with `{{n}}` placeholders and sample values. */
export interface TemplateBodyComponent {
  type: 'BODY';
  text: string;
  examples: string[];
  parameterNames: string[];
}
/** The template footer (static text). */
export interface TemplateFooterComponent {
  type: 'FOOTER';
  text: string;
}
/** The template's buttons (URL, phone, OTP). */
export interface TemplateButtonsComponent {
  type: 'BUTTONS';
  buttons: TemplateButton[];
}
/** AUTHENTICATION template settings: security recommendation line and code expiry, minutes. */
export interface TemplateOtpSettingsComponent {
  type: 'OTP_SETTINGS';
  addSecurityRecommendation?: boolean | null;
  codeExpirationMinutes?: number | null;
}
/** A component kind the graph does not type yet: the provider's kind and raw JSON. */
export interface TemplateOtherComponent {
  type: 'OTHER';
  providerType: string;
  raw: unknown;
}
/** One component of a template. */
export type TemplateComponent =
  TemplateHeaderComponent | TemplateBodyComponent | TemplateFooterComponent | TemplateButtonsComponent | TemplateOtpSettingsComponent | TemplateOtherComponent;

/** A WhatsApp message template ("HSM") as the graph sees it. */
export interface MessageTemplate {
  /** The provider's id of the template (what sends and updates use). */
  id: string;
  /** Human label, as the account named it. */
  label: string;
  /** WhatsApp's template name (`new_project_setup_notification`), when assigned. */
  name?: string | null;
  /** WhatsApp's own numeric template id as a string, when assigned. */
  whatsappTemplateId?: string | null;
  /** Review status, upper-cased. */
  status: TemplateStatus;
  /** Category id (`UTILITY`, `MARKETING`, `AUTHENTICATION`, …). */
  category: string;
  /** Language code (`id`, `en_US`, …). */
  language: string;
  /** Header, body, footer, buttons…, in the template's order. */
  components: TemplateComponent[];
  /** Epoch ms. */
  createdAt?: number | null;
  /** Epoch ms. */
  updatedAt?: number | null;
}

/** A template category or language: the provider's id (`MARKETING`, `en_US`) and display name. */
export interface NamedOption {
  id: string;
  name: string;
}

/** Which templates to list: the ones assigned to this account, or every template available to it. */
export type TemplateScope = 'MINE' | 'ALL';

/** A template button to create: URL (dynamic when `url` holds `{{1}}`), PHONE_NUMBER, or OTP (`otpType`). */
export interface TemplateButtonInput {
  type: 'URL' | 'PHONE_NUMBER' | 'OTP';
  text: string;
  url?: string | null;
  examples?: string[] | null;
  phoneNumber?: string | null;
  countryCode?: string | null;
  otpType?: string | null;
}

/** A template to create or update. `header.examples` are sample values (TEXT) or a sample media URL. */
export interface TemplateInput {
  /** Human label. */
  label: string;
  /** A category id of `TemplatesPort.listTemplateCategories`. */
  category: string;
  /** A language id of `TemplatesPort.listTemplateLanguages`. */
  language: string;
  /** Submit for WhatsApp review right away. */
  propose: boolean;
  /** The header: its format; `text` for TEXT (may hold `{{1}}`); `examples` sample values or a sample media URL. */
  header?: { format: TemplateHeaderFormat; text?: string | null; examples?: string[] | null } | null;
  /** The body text with `{{n}}` placeholders and one sample value per placeholder; required unless AUTHENTICATION. */
  body?: { text: string; examples?: string[] | null } | null;
  /** Static footer text. */
  footer?: string | null;
  buttons?: TemplateButtonInput[] | null;
  /** AUTHENTICATION templates only. */
  addSecurityRecommendation?: boolean | null;
  /** AUTHENTICATION templates only, minutes. */
  codeExpirationMinutes?: number | null;
}

/** One value for a template placeholder or header media. */
export interface TemplateParameterInput {
  type: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'ACTION';
  /** TEXT: the placeholder's value. */
  text?: string | null;
  /** Media URL for IMAGE / VIDEO / DOCUMENT. */
  link?: string | null;
  /** DOCUMENT display name. */
  fileName?: string | null;
  /** ACTION (flow button): the flow token. */
  flowToken?: string | null;
}

/** Values for one component of a template being sent; buttons name their `index` (0-based) and `subType`. */
export interface TemplateComponentInput {
  type: 'HEADER' | 'BODY' | 'BUTTON';
  /** BUTTON only: `URL`, `FLOW`, `QUICK_REPLY`… */
  subType?: string | null;
  /** BUTTON only: 0-based position of the button in the template. */
  index?: number | null;
  parameters: TemplateParameterInput[];
}

/** Send an approved template (`templateId`, the provider's id) to `to`, with one entry per component that takes values. */
export interface SendTemplateInput extends SendOptions {
  to: string;
  templateId: string;
  components: TemplateComponentInput[];
}
/** Send one catalog product (`productRetailerId` of catalog `catalogId`) with a `body` text and `footer`. */
export interface SendProductInput extends SendOptions {
  to: string;
  catalogId: string;
  productRetailerId: string;
  body: string;
  footer?: string | null;
}
/** A section of a product-list message: a title and the retailer ids of its products (at least one). */
export interface ProductSection {
  title: string;
  productRetailerIds: string[];
}
/** Send several catalog products, in sections, with `header`, `body` and `footer` texts. */
export interface SendProductListInput extends SendOptions {
  to: string;
  catalogId: string;
  header: string;
  body: string;
  footer?: string | null;
  sections: ProductSection[];
}
/** Send a WhatsApp Flow: `flowCta` is the button text, `screen` the first screen when `flowAction` is `navigate`. */
export interface SendFlowInput extends SendOptions {
  to: string;
  /** The flow's id at WhatsApp. */
  flowId: string;
  /** The button text that opens the flow. */
  flowCta: string;
  /** `navigate` or `data_exchange`. */
  flowAction: string;
  /** WhatsApp's flow message version (`3`). */
  flowMessageVersion: string;
  /** The first screen's id (`navigate`). */
  screen?: string | null;
  /** Initial data for the first screen (JSON object). */
  data?: Record<string, unknown> | null;
  headerText?: string | null;
  body: string;
  footer?: string | null;
  /** An opaque token the flow's endpoint receives back. */
  flowToken?: string | null;
}

/** A media file received in a message: its id, MIME type, size in bytes, and a `url` usable by the client as is (a `data:` URI when the provider only serves it behind its credentials). */
export interface Media {
  id: string;
  mimeType?: string | null;
  sizeBytes?: number | null;
  /** The provider's own URL of the file when it has one a server may fetch without credentials; null when the file is served only by id (`MediaPort.openMedia`). */
  url?: string | null;
}

/** The business's WhatsApp profile: `vertical` the industry id as the provider names it, `websites` URLs (`[]` when none). */
export interface BusinessProfile {
  address?: string | null;
  description?: string | null;
  email?: string | null;
  vertical?: string | null;
  websites: string[];
}
/** The new business profile, replacing the old (the provider may require every field). */
export interface BusinessProfileInput {
  address?: string | null;
  description?: string | null;
  email?: string | null;
  vertical?: string | null;
  websites?: string[] | null;
  /** Opening hours, for providers that keep them. */
  hours?: BusinessHours | null;
  /** Category ids or labels (see `BUSINESS_CATEGORIES`), for providers that keep them. */
  categories?: string[] | null;
}
/** A day of the week, as WhatsApp Business names it. */
export type WeekDay = 'SUNDAY' | 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY';
/** Opening hours: an IANA `timezone`, the mode, and for `SPECIFIC_HOURS` the opening intervals (`openTime`/`closeTime` as `HH:mm`; none: closed every day). */
export interface BusinessHours {
  timezone: string;
  mode: 'SPECIFIC_HOURS' | 'OPEN_24H' | 'APPOINTMENT_ONLY';
  days: Array<{ dayOfWeek: WeekDay; openTime: string; closeTime: string }>;
}
/** A business category the provider offers (`id`, its `label` code when it has one, the `name` shown). */
export interface BusinessCategory {
  id: string;
  label: string | null;
  name: string;
}
/** A new profile photo: a `data:` URI (base64) of a JPEG or PNG. */
export interface ProfilePhotoInput {
  photo: string;
}

/** A country as the provider lists it: the provider's `id`, display `name`, ISO 3166-1 alpha-2 (`iso`) and alpha-3 (`iso3`), and the dial code (`+62`). */
export interface Country {
  id: string;
  name: string;
  dialCode: string;
  iso: string;
  iso3: string;
}

/** A webhook endpoint configured at the provider. The HTTP-auth password is never exposed. */
export interface WebhookEndpoint {
  /** The provider's webhook id (what `WebhookAdminPort.pullPendingNotifications` takes). */
  id: string;
  name: string;
  /** Where the provider posts. */
  url: string;
  /** Event kinds it receives (empty: all). */
  events: string[];
  enabled: boolean;
  /** Whether deliveries carry HTTP Basic credentials. */
  httpAuthEnabled: boolean;
  /** Their username (the password is never read). */
  httpAuthUsername?: string | null;
}

// ---------------------------------------------------------------------------------------
// Chat management, labels and the product catalog
// (the graph's `archiveChat`…, `Label`, `Product`, `Collection`; DESIGN.md "The graph")
// ---------------------------------------------------------------------------------------

/** How long new messages in a chat live before they disappear (WhatsApp "disappearing messages"); `OFF` keeps them. */
export const CHAT_EXPIRATIONS = ['OFF', 'HOURS_24', 'DAYS_7', 'DAYS_90'] as const;
/** One of {@link CHAT_EXPIRATIONS}. */
export type ChatExpiration = (typeof CHAT_EXPIRATIONS)[number];

/** A chat label (WhatsApp Business "label"/"tag"). `colorIndex` is a key of the provider's colour list ({@link LabelColor}); null when the provider gives none. */
export interface Label {
  id: string;
  name: string;
  colorIndex: number | null;
}
/** One entry of the provider's label colour list: the index a label stores and its hex code (`#64C4FF`). */
export interface LabelColor {
  index: number;
  hex: string;
}
/** A label to create, or the new name/colour of an existing one; `colorIndex` a {@link LabelColor} index (the provider's default when absent). */
export interface LabelInput {
  name: string;
  colorIndex?: number | null;
}

/**
 * A catalog product. Prices are numbers in the provider's own unit for the currency (the
 * provider does not say whether that is a whole unit or a cent); null when not given.
 */
export interface Product {
  /** The provider's product id. */
  id: string;
  /** The business's own SKU. */
  retailerId?: string | null;
  name: string;
  description?: string | null;
  price?: number | null;
  salePrice?: number | null;
  /** ISO 4217 code (`BRL`). */
  currency?: string | null;
  /** Image URLs, first the main one (`[]` when none). */
  imageUrls: string[];
  /** Hidden from customers. */
  isHidden?: boolean | null;
  /** The product's page on the business's website. */
  url?: string | null;
  /** `in stock`, … as the provider says it. */
  availability?: string | null;
  /** Units in stock, when given. */
  quantity?: number | null;
}

/** A product to create, or the new definition of the product with the same `retailerId`; `price` and `salePrice` in the unit of {@link Product}, `currency` ISO 4217. */
export interface ProductInput {
  retailerId: string;
  name: string;
  description?: string | null;
  price: number;
  salePrice?: number | null;
  currency: string;
  imageUrls: string[];
  isHidden: boolean;
  url?: string | null;
}

/** One page of a list the provider pages by an opaque cursor; `nextCursor` null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page of a catalog, with whether its shopping cart is enabled (null when not said). */
export interface ProductPage extends CursorPage<Product> {
  cartEnabled: boolean | null;
}

/** Catalog settings: whether customers can add products to a shopping cart. */
export interface CatalogSettingsInput {
  cartEnabled: boolean;
}

/** A collection of catalog products; `status` as the provider says it (`PENDING`, `APPROVED`). */
export interface Collection {
  id: string;
  name: string;
  status?: string | null;
}

// ---------------------------------------------------------------------------------------
// Group management and communities (GroupsPort admin methods, CommunitiesPort)
// ---------------------------------------------------------------------------------------

/** A group to create: its name (subject) and first participants (phones as international digits). */
export interface CreateGroupInput {
  name: string;
  participants: string[];
  /** Invite privately (by link) the participants WhatsApp would not let the account add directly. */
  autoInvite: boolean;
}

/** A group just created: its id and invitation link (null when the provider's answer has none). */
export interface CreatedGroup {
  id: string;
  invitationLink?: string | null;
}

/** The group settings a provider sets together (it may require all of them at once). */
export interface GroupSettings {
  /** Only admins may send messages. */
  onlyAdminsSend: boolean;
  /** Only admins may edit the group's name, photo and description. */
  onlyAdminsEdit: boolean;
  /** New members need an admin's approval to join. */
  requireAdminApproval: boolean;
  /** Only admins may add members. */
  onlyAdminsAddMembers: boolean;
}

/** Changes to a group: only the given fields are sent, each by its own provider call. */
export interface GroupChanges {
  name?: string | null;
  description?: string | null;
  /** An http(s) image URL or a base64 data URI. */
  photo?: string | null;
  settings?: GroupSettings | null;
}

/** What is done to the listed participants of a group or community. */
export type ParticipantAction = 'ADD' | 'REMOVE' | 'APPROVE' | 'REJECT' | 'PROMOTE' | 'DEMOTE';

/** A participant change: `phones` as international digits; `autoInvite` only for `ADD`. */
export interface ParticipantChange {
  action: ParticipantAction;
  phones: string[];
  autoInvite?: boolean;
}

/** A group seen through its invitation link, before joining; `participantsCount` its number of members when given. */
export interface GroupInvitation extends Group {
  participantsCount?: number | null;
}

/** A group linked to a community; the announcement group is where the whole community is messaged. */
export interface CommunityGroup {
  id: string;
  name?: string | null;
  isAnnouncement: boolean;
}

/** A WhatsApp community: groups around a topic, with one announcement group. */
export interface Community {
  /** The provider's community id. */
  id: string;
  name: string;
  description?: string | null;
  /** Absent when the provider's listing does not carry them (read the community itself). */
  groups?: CommunityGroup[] | null;
}

/** A community to create: its name and optional description. */
export interface CreateCommunityInput {
  name: string;
  description?: string | null;
}

/** Who may add groups to a community. */
export type CommunityGroupAdders = 'ADMINS' | 'ALL';

/** Changes to a community: only the given fields are sent, each by its own provider call. */
export interface CommunityChanges {
  description?: string | null;
  whoCanAddGroups?: CommunityGroupAdders | null;
}

/** Whether groups are linked to or unlinked from a community. */
export type CommunityLinkAction = 'LINK' | 'UNLINK';
