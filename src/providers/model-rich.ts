import type { MessageContent, SendMediaInput, SendOptions } from './model.js';

/**
 * Provider-neutral request types of the rich sends (issue 8, item 1): stickers, GIFs, round
 * videos, link previews, forwards, action/OTP/PIX buttons, carousels, polls, products and
 * catalogs by phone, orders, pins, events, channel-admin invites, calls, message edits and
 * status (stories). Each is the input of one `MessagingPort` method (providers/contract.ts);
 * `to` is always the recipient as the graph normalised it (phone digits or a group id).
 */

/** A sticker: `media` an http(s) URL or base64 `data:` URI of a WebP image; `author` the sticker's author name, where the provider carries one. */
export interface SendStickerInput extends SendOptions {
  to: string;
  media: string;
  author?: string | null;
}

/** A GIF: `media` an http(s) URL or `data:` URI of an MP4 file (WhatsApp plays GIFs as looping MP4s), with an optional caption. */
export type SendGifInput = SendMediaInput;

/** A PTV (round "video note"): `media` an http(s) URL or `data:` URI of a video; it carries no caption. */
export type SendPtvInput = SendMediaInput;

/** The size of a link preview card. */
export const LINK_PREVIEW_SIZES = ['SMALL', 'MEDIUM', 'LARGE'] as const;
/** One of {@link LINK_PREVIEW_SIZES}. */
export type LinkPreviewSize = (typeof LINK_PREVIEW_SIZES)[number];

/** A text with a link preview card: `text` ends with `url`; the card shows `title`, `description` and the `image` (an http(s) URL). */
export interface SendLinkInput extends SendOptions {
  to: string;
  text: string;
  url: string;
  title: string;
  description: string;
  image: string;
  previewSize?: LinkPreviewSize | null;
}

/**
 * Forward the message `messageId`, found in the chat `fromChatId` (phone digits or group id), to
 * `to`. `content` is the forwarded message's content when the graph has it stored (the sent
 * message's content then), null when it does not know it.
 */
export interface ForwardMessageInput extends SendOptions {
  to: string;
  messageId: string;
  fromChatId: string;
  content?: MessageContent | null;
}

/** The kinds of action button: open a URL, call a phone, or send a quick reply. */
export const ACTION_BUTTON_TYPES = ['URL', 'CALL', 'REPLY'] as const;
/** One of {@link ACTION_BUTTON_TYPES}. */
export type ActionButtonType = (typeof ACTION_BUTTON_TYPES)[number];

/** An action button: `label` shown; `url` (http(s)) for URL, `phone` (digits) for CALL; `id` returned with a REPLY. */
export interface ActionButton {
  type: ActionButtonType;
  label: string;
  id?: string | null;
  url?: string | null;
  phone?: string | null;
}

/** A text with action buttons, an optional `title` above and `footer` below. */
export interface SendActionButtonsInput extends SendOptions {
  to: string;
  text: string;
  buttons: ActionButton[];
  title?: string | null;
  footer?: string | null;
}

/** A text with a button that copies `code` (a one-time password); `image` an optional http(s) URL or `data:` URI; `buttonText` the button's label. */
export interface SendOtpButtonInput extends SendOptions {
  to: string;
  text: string;
  code: string;
  image?: string | null;
  buttonText?: string | null;
}

/** Kinds of PIX key (Brazil's instant payments): a CPF or CNPJ number, a phone, an e-mail, or a random key (EVP). */
export const PIX_KEY_TYPES = ['CPF', 'CNPJ', 'PHONE', 'EMAIL', 'RANDOM'] as const;
/** One of {@link PIX_KEY_TYPES}. */
export type PixKeyType = (typeof PIX_KEY_TYPES)[number];

/** A PIX key to pay to: the key, its type, and the receiver's name shown. */
export interface PixKey {
  key: string;
  keyType: PixKeyType;
  name?: string | null;
}

/** A button that copies a PIX key (`merchantName` the button's title). */
export interface SendPixButtonInput extends SendOptions {
  to: string;
  pixKey: string;
  keyType: PixKeyType;
  merchantName?: string | null;
}

/** A carousel card: its text, an image (http(s) URL or `data:` URI) and its action buttons. */
export interface CarouselCard {
  text: string;
  image: string;
  buttons: ActionButton[];
}

/** A carousel: a text followed by horizontally scrolling cards. */
export interface SendCarouselInput extends SendOptions {
  to: string;
  text: string;
  cards: CarouselCard[];
}

/** A poll: the `question`, its `options` (distinct names) and how many options one person may choose (`maxSelections`, absent: any number). */
export interface SendPollInput extends SendOptions {
  to: string;
  question: string;
  options: string[];
  maxSelections?: number | null;
}

/** A vote on the poll `pollMessageId` of the chat `to`: the names of the chosen options. */
export interface SendPollVoteInput extends SendOptions {
  to: string;
  pollMessageId: string;
  options: string[];
}

/** A product card of a WhatsApp Business catalog named by its owner's phone (`catalogPhone`, digits) and the product's id. */
export interface SendCatalogProductInput extends SendOptions {
  to: string;
  catalogPhone: string;
  productId: string;
}

/** The languages of a catalog card's default text. */
export const CATALOG_LANGUAGES = ['EN', 'PT'] as const;
/** One of {@link CATALOG_LANGUAGES}. */
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];

/** A catalog card of the WhatsApp Business catalog owned by `catalogPhone` (digits). */
export interface SendCatalogInput extends SendOptions {
  to: string;
  catalogPhone: string;
  text?: string | null;
  title?: string | null;
  description?: string | null;
  language?: CatalogLanguage | null;
}

/** One line of an order: `name`, unit `price` (in the currency's major unit, e.g. 10.5 BRL), `quantity` (whole, ≥ 1), the catalog `productId` when it is one, `isCustomItem` when it is not. */
export interface OrderItem {
  name: string;
  price: number;
  quantity: number;
  productId?: string | null;
  isCustomItem?: boolean | null;
}

/** An order: ISO 4217 `currency`, its items, and the `discount`, `tax` and `shipping` amounts (major units). */
export interface Order {
  currency: string;
  items: OrderItem[];
  discount?: number | null;
  tax?: number | null;
  shipping?: number | null;
}

/** An order sent for the customer's approval, with how it may be paid (a PIX key, cards). */
export interface SendOrderInput extends SendOptions {
  to: string;
  order: Order;
  pix?: PixKey | null;
  cardPayment?: boolean | null;
}

/** Where an order stands. */
export const ORDER_STATUSES = ['PENDING', 'PROCESSING', 'SHIPPED', 'COMPLETED', 'CANCELED'] as const;
/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Whether an order is paid. */
export const PAYMENT_STATUSES = ['PENDING', 'PAID'] as const;
/** One of {@link PAYMENT_STATUSES}. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * An update of an order sent earlier (`orderMessageId`, with the `referenceId` and
 * `orderRequestId` its webhook gave): its order and payment status, the order as it now
 * stands, and an optional `text`.
 */
export interface UpdateOrderInput extends SendOptions {
  to: string;
  orderMessageId: string;
  referenceId: string;
  orderRequestId: string;
  orderStatus: OrderStatus;
  paymentStatus: PaymentStatus;
  order: Order;
  text?: string | null;
}

/** How long a message stays pinned. */
export const PIN_DURATIONS = ['HOURS_24', 'DAYS_7', 'DAYS_30'] as const;
/** One of {@link PIN_DURATIONS}. */
export type PinDuration = (typeof PIN_DURATIONS)[number];

/** Pin (`pin: true`, for `duration`) or unpin the message `messageId` of the chat `to`. */
export interface PinMessageInput extends SendOptions {
  to: string;
  messageId: string;
  pin: boolean;
  duration?: PinDuration | null;
}

/** The kind of call link an event carries. */
export const EVENT_CALL_TYPES = ['VOICE', 'VIDEO'] as const;
/** One of {@link EVENT_CALL_TYPES}. */
export type EventCallType = (typeof EVENT_CALL_TYPES)[number];

/** A WhatsApp event: `name`, start (`startsAt`, an ISO 8601 date-time), optional description, place name and call link, and whether it is canceled. */
export interface ChatEventDetails {
  name: string;
  startsAt: string;
  description?: string | null;
  locationName?: string | null;
  callType?: EventCallType | null;
  canceled: boolean;
}

/** An event sent to a chat (usually a group). */
export interface SendEventInput extends SendOptions {
  to: string;
  event: ChatEventDetails;
}

/** A new version of the event message `eventMessageId`. */
export interface EditEventInput extends SendEventInput {
  eventMessageId: string;
}

/** An answer to the event `eventMessageId`: going or not. */
export interface RespondToEventInput extends SendOptions {
  to: string;
  eventMessageId: string;
  going: boolean;
}

/** An invitation to `to` to become an admin of the channel `channelId` (`…@newsletter`), with its `caption`. */
export interface SendChannelAdminInviteInput extends SendOptions {
  to: string;
  channelId: string;
  caption: string;
}

/** A voice call to `to` that rings for `durationSeconds` (provider's documented range) and hangs up. */
export interface SendCallInput extends SendOptions {
  to: string;
  durationSeconds?: number | null;
}

/** A new text for the message `messageId` the account sent to `to`. */
export interface EditMessageInput {
  to: string;
  messageId: string;
  text: string;
  clientReference?: string | null;
}

/** A status (story) the account posts: a text, or an image or video (http(s) URL or `data:` URI) with an optional caption. It has no recipient. */
export type PostStatusInput =
  { kind: 'text'; text: string; clientReference?: string | null } | { kind: 'image' | 'video'; media: string; caption?: string | null; clientReference?: string | null };

/** A reply, sent to `to` (the status's author), to the status `statusMessageId`: a text, or a GIF (MP4) or sticker (http(s) URL or `data:` URI). */
export type ReplyToStatusInput = { to: string; statusMessageId: string; clientReference?: string | null } & (
  { kind: 'text'; text: string } | { kind: 'gif' | 'sticker'; media: string }
);

/** The chat id WhatsApp gives the account's status (stories) broadcast. */
export const STATUS_CHAT_ID = 'status@broadcast';
