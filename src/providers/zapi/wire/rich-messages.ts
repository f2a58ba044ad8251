/** Z-API's rich send request shapes (z-api.txt 1851-5047, 6692-6753, 7470-7549, 13811-14189), field names as documented. */

import type { ZapiSendBase } from './messages.js';

/** `POST /send-sticker` (2152-2247). */
export interface ZapiSendStickerBody extends ZapiSendBase {
  sticker: string;
  stickerAuthor?: string;
  messageId?: string;
}
/** `POST /send-gif` (2250-2330): `gif` is an MP4. */
export interface ZapiSendGifBody extends ZapiSendBase {
  gif: string;
  caption?: string;
  messageId?: string;
}
/** `POST /send-ptv` (2514-2598). */
export interface ZapiSendPtvBody extends ZapiSendBase {
  ptv: string;
  messageId?: string;
}
/** `POST /send-link` (2686-2763): `message` must end with `linkUrl`. */
export interface ZapiSendLinkBody extends ZapiSendBase {
  message: string;
  image: string;
  linkUrl: string;
  title: string;
  linkDescription: string;
  delayTyping?: number;
  linkType?: 'SMALL' | 'MEDIUM' | 'LARGE';
}
/** `POST /forward-message` (1851-1916). */
export interface ZapiForwardMessageBody extends ZapiSendBase {
  messageId: string;
  messagePhone: string;
}
/** A `buttonActions` entry (3132-3244; carousel cards 3782-3917). */
export interface ZapiButtonAction {
  id?: string;
  type: 'CALL' | 'URL' | 'REPLY';
  label: string;
  phone?: string;
  url?: string;
}
/** `POST /send-button-actions` (3132-3244). */
export interface ZapiSendButtonActionsBody extends ZapiSendBase {
  message: string;
  buttonActions: ZapiButtonAction[];
  title?: string;
  footer?: string;
}
/** `POST /send-button-otp` (3628-3706). */
export interface ZapiSendButtonOtpBody extends ZapiSendBase {
  message: string;
  code: string;
  image?: string;
  buttonText?: string;
}
/** `POST /send-button-pix` (3708-3780). */
export interface ZapiSendButtonPixBody extends ZapiSendBase {
  pixKey: string;
  type: 'CPF' | 'CNPJ' | 'PHONE' | 'EMAIL' | 'EVP';
  merchantName?: string;
}
/** `POST /send-carousel` (3782-3917). */
export interface ZapiSendCarouselBody extends ZapiSendBase {
  message: string;
  carousel: Array<{ text: string; image: string; buttons?: ZapiButtonAction[] }>;
}
/** `POST /send-poll` (4119-4206). */
export interface ZapiSendPollBody extends ZapiSendBase {
  message: string;
  poll: Array<{ name: string }>;
  pollMaxOptions?: number;
}
/** `POST /send-poll-vote` (4208-4274). */
export interface ZapiSendPollVoteBody extends ZapiSendBase {
  pollMessageId: string;
  pollVote: Array<{ name: string }>;
}
/** `POST /send-product` (2838-2901). */
export interface ZapiSendProductBody extends ZapiSendBase {
  catalogPhone: string;
  productId: string;
}
/** `POST /send-catalog` (2903-2974). */
export interface ZapiSendCatalogBody extends ZapiSendBase {
  catalogPhone: string;
  translation?: 'EN' | 'PT';
  message?: string;
  title?: string;
  catalogDescription?: string;
}
/** An order's product (4276-4671). */
export interface ZapiOrderProduct {
  productId?: string;
  name: string;
  value: number;
  quantity: number;
  isCustomItem?: boolean;
}
/** An `order` object (4276-4671). */
export interface ZapiOrder {
  currency: string;
  discount?: number;
  tax?: number;
  shipping?: number;
  products: ZapiOrderProduct[];
}
/** `POST /send-order` (4276-4419). */
export interface ZapiSendOrderBody extends ZapiSendBase {
  order: ZapiOrder;
  paymentSettings: {
    pix?: { key: string; keyType: 'cpf' | 'cnpj' | 'phone' | 'email' | 'randomKey'; name?: string };
    card?: { enabled: boolean };
  };
}
/** `POST /order-status-update` and `POST /order-payment-update` (4421-4671): the same body. */
export interface ZapiOrderUpdateBody extends ZapiSendBase {
  messageId: string;
  message?: string;
  referenceId: string;
  orderRequestId: string;
  orderStatus: 'pending' | 'processing' | 'shipped' | 'completed' | 'canceled';
  paymentStatus: 'pending' | 'paid';
  order: ZapiOrder;
}
/** `POST /pin-message` (4673-4738). */
export interface ZapiPinMessageBody extends ZapiSendBase {
  messageId: string;
  messageAction: 'pin' | 'unpin';
  pinMessageDuration: '24_hours' | '7_days' | '30_days';
}
/** An `event` object (4816-4979). */
export interface ZapiEvent {
  name: string;
  description?: string;
  dateTime: string;
  location?: { name: string };
  callLinkType?: 'voice' | 'video';
  canceled: boolean;
}
/** `POST /send-event` (4816-4894). */
export interface ZapiSendEventBody extends ZapiSendBase {
  event: ZapiEvent;
}
/** `POST /send-edit-event` (4896-4979). */
export interface ZapiSendEditEventBody extends ZapiSendEventBody {
  eventMessageId: string;
}
/** `POST /send-event-response` (4981-5047). */
export interface ZapiSendEventResponseBody extends ZapiSendBase {
  eventMessageId: string;
  eventResponse: 'GOING' | 'NOT_GOING';
}
/** `POST /send-newsletter-admin-invite` (4740-4814). */
export interface ZapiSendNewsletterAdminInviteBody extends ZapiSendBase {
  adminInviteMessage: { newsletterId: string; caption: string };
}
/** `POST /send-call` (6692-6753): `callDuration` in seconds. */
export interface ZapiSendCallBody extends ZapiSendBase {
  callDuration?: number;
}
/** `POST /send-text` with `groupMentioned` (7470-7549). */
export interface ZapiGroupMention {
  phone: string;
  subject: string;
}
/** `POST /send-text-status` (13811-13870). */
export interface ZapiSendTextStatusBody {
  message: string;
}
/** `POST /send-image-status` (13871-13937). */
export interface ZapiSendImageStatusBody {
  image: string;
  caption?: string;
}
/** `POST /send-video-status` (14125-14189). */
export interface ZapiSendVideoStatusBody {
  video: string;
  caption?: string;
}
/** `POST /reply-status-text` (13938-13999). */
export interface ZapiReplyStatusTextBody {
  phone: string;
  message: string;
  statusMessageId: string;
}
/** `POST /reply-status-gif` (14000-14062). */
export interface ZapiReplyStatusGifBody {
  phone: string;
  gif: string;
  statusMessageId: string;
}
/** `POST /reply-status-sticker` (14063-14124). */
export interface ZapiReplyStatusStickerBody {
  phone: string;
  sticker: string;
  statusMessageId: string;
}
