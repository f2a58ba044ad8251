import { badInput } from '../../../errors.js';
import type { MessagingPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import type { MessageContent, OrderDetailsContent, OrderItem, ReceivedButton, SendMediaInput, SendOptions, SentMessage } from '../../model.js';
import {
  STATUS_CHAT_ID,
  type ActionButton,
  type ChatEventDetails,
  type EditEventInput,
  type EditMessageInput,
  type ForwardMessageInput,
  type Order,
  type PinMessageInput,
  type PixKeyType,
  type PostStatusInput,
  type ReplyToStatusInput,
  type RespondToEventInput,
  type SendActionButtonsInput,
  type SendCallInput,
  type SendCarouselInput,
  type SendCatalogInput,
  type SendCatalogProductInput,
  type SendChannelAdminInviteInput,
  type SendEventInput,
  type SendLinkInput,
  type SendOrderInput,
  type SendOtpButtonInput,
  type SendPixButtonInput,
  type SendPollInput,
  type SendPollVoteInput,
  type SendStickerInput,
  type UpdateOrderInput,
} from '../../model-rich.js';
import type { ZapiSendResponse, ZapiSendTextBody } from '../wire/messages.js';
import type {
  ZapiButtonAction,
  ZapiEvent,
  ZapiForwardMessageBody,
  ZapiOrder,
  ZapiOrderUpdateBody,
  ZapiPinMessageBody,
  ZapiReplyStatusGifBody,
  ZapiReplyStatusStickerBody,
  ZapiReplyStatusTextBody,
  ZapiSendButtonActionsBody,
  ZapiSendButtonOtpBody,
  ZapiSendButtonPixBody,
  ZapiSendCallBody,
  ZapiSendCarouselBody,
  ZapiSendCatalogBody,
  ZapiSendEditEventBody,
  ZapiSendEventBody,
  ZapiSendEventResponseBody,
  ZapiSendGifBody,
  ZapiSendImageStatusBody,
  ZapiSendLinkBody,
  ZapiSendNewsletterAdminInviteBody,
  ZapiSendOrderBody,
  ZapiSendPollBody,
  ZapiSendPollVoteBody,
  ZapiSendProductBody,
  ZapiSendPtvBody,
  ZapiSendStickerBody,
  ZapiSendTextStatusBody,
  ZapiSendVideoStatusBody,
} from '../wire/rich-messages.js';
import { sendOptions, sent } from './messages.js';

/** Shortest call Z-API rings, seconds ("by default the call will last 5 seconds, but you can increase it up to 15", z-api.txt 6709). */
export const ZAPI_MIN_CALL_SECONDS = 1;
/** Longest call Z-API rings, seconds (z-api.txt 6685, 6709). */
export const ZAPI_MAX_CALL_SECONDS = 15;

// ---------------------------------------------------------------------------------------
// Wire-level client: one method per documented operation
// ---------------------------------------------------------------------------------------

/**
 * Z-API's rich send operations as documented (stickers to events, z-api.txt 1851-5047; calls
 * 6692-6753; status 13811-14189) on the instance's {@link ProviderHttpClient}. Each method sends
 * exactly the documented method, path and body and returns the wire answer (`zaapId`, and
 * `messageId`/`id` where documented); it throws `ProviderError` only.
 */
export class ZapiRichMessagesClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /send-sticker` (z-api.txt 2152-2247). */
  sendSticker(body: ZapiSendStickerBody): Promise<ZapiSendResponse> {
    return this.post('send-sticker', '/send-sticker', body);
  }
  /** `POST /send-gif` (z-api.txt 2250-2330). */
  sendGif(body: ZapiSendGifBody): Promise<ZapiSendResponse> {
    return this.post('send-gif', '/send-gif', body);
  }
  /** `POST /send-ptv` (z-api.txt 2514-2598). */
  sendPtv(body: ZapiSendPtvBody): Promise<ZapiSendResponse> {
    return this.post('send-ptv', '/send-ptv', body);
  }
  /** `POST /send-link` (z-api.txt 2686-2763). */
  sendLink(body: ZapiSendLinkBody): Promise<ZapiSendResponse> {
    return this.post('send-link', '/send-link', body);
  }
  /** `POST /forward-message` (z-api.txt 1851-1916): answers `zaapId` only. */
  forwardMessage(body: ZapiForwardMessageBody): Promise<ZapiSendResponse> {
    return this.post('forward-message', '/forward-message', body);
  }
  /** `POST /send-text` with `editMessageId` (z-api.txt 1764-1849, attribute `editMessageId`). */
  editText(body: ZapiSendTextBody & { editMessageId: string }): Promise<ZapiSendResponse> {
    return this.post('send-text', '/send-text', body);
  }
  /** `POST /send-button-actions` (z-api.txt 3132-3244). */
  sendButtonActions(body: ZapiSendButtonActionsBody): Promise<ZapiSendResponse> {
    return this.post('send-button-actions', '/send-button-actions', body);
  }
  /** `POST /send-button-otp` (z-api.txt 3628-3706). */
  sendButtonOtp(body: ZapiSendButtonOtpBody): Promise<ZapiSendResponse> {
    return this.post('send-button-otp', '/send-button-otp', body);
  }
  /** `POST /send-button-pix` (z-api.txt 3708-3780). */
  sendButtonPix(body: ZapiSendButtonPixBody): Promise<ZapiSendResponse> {
    return this.post('send-button-pix', '/send-button-pix', body);
  }
  /** `POST /send-carousel` (z-api.txt 3782-3917). */
  sendCarousel(body: ZapiSendCarouselBody): Promise<ZapiSendResponse> {
    return this.post('send-carousel', '/send-carousel', body);
  }
  /** `POST /send-poll` (z-api.txt 4119-4206). */
  sendPoll(body: ZapiSendPollBody): Promise<ZapiSendResponse> {
    return this.post('send-poll', '/send-poll', body);
  }
  /** `POST /send-poll-vote` (z-api.txt 4208-4274). */
  sendPollVote(body: ZapiSendPollVoteBody): Promise<ZapiSendResponse> {
    return this.post('send-poll-vote', '/send-poll-vote', body);
  }
  /** `POST /send-product` (z-api.txt 2838-2901). */
  sendProduct(body: ZapiSendProductBody): Promise<ZapiSendResponse> {
    return this.post('send-product', '/send-product', body);
  }
  /** `POST /send-catalog` (z-api.txt 2903-2974). */
  sendCatalog(body: ZapiSendCatalogBody): Promise<ZapiSendResponse> {
    return this.post('send-catalog', '/send-catalog', body);
  }
  /** `POST /send-order` (z-api.txt 4276-4419). */
  sendOrder(body: ZapiSendOrderBody): Promise<ZapiSendResponse> {
    return this.post('send-order', '/send-order', body);
  }
  /** `POST /order-status-update` (z-api.txt 4421-4545). */
  orderStatusUpdate(body: ZapiOrderUpdateBody): Promise<ZapiSendResponse> {
    return this.post('order-status-update', '/order-status-update', body);
  }
  /** `POST /order-payment-update` (z-api.txt 4547-4671). */
  orderPaymentUpdate(body: ZapiOrderUpdateBody): Promise<ZapiSendResponse> {
    return this.post('order-payment-update', '/order-payment-update', body);
  }
  /** `POST /pin-message` (z-api.txt 4673-4738). */
  pinMessage(body: ZapiPinMessageBody): Promise<ZapiSendResponse> {
    return this.post('pin-message', '/pin-message', body);
  }
  /** `POST /send-event` (z-api.txt 4816-4894). */
  sendEvent(body: ZapiSendEventBody): Promise<ZapiSendResponse> {
    return this.post('send-event', '/send-event', body);
  }
  /** `POST /send-edit-event` (z-api.txt 4896-4979). */
  sendEditEvent(body: ZapiSendEditEventBody): Promise<ZapiSendResponse> {
    return this.post('send-edit-event', '/send-edit-event', body);
  }
  /** `POST /send-event-response` (z-api.txt 4981-5047). */
  sendEventResponse(body: ZapiSendEventResponseBody): Promise<ZapiSendResponse> {
    return this.post('send-event-response', '/send-event-response', body);
  }
  /** `POST /send-newsletter-admin-invite` (z-api.txt 4740-4814). */
  sendNewsletterAdminInvite(body: ZapiSendNewsletterAdminInviteBody): Promise<ZapiSendResponse> {
    return this.post('send-newsletter-admin-invite', '/send-newsletter-admin-invite', body);
  }
  /** `POST /send-call` (z-api.txt 6692-6753). */
  sendCall(body: ZapiSendCallBody): Promise<ZapiSendResponse> {
    return this.post('send-call', '/send-call', body);
  }
  /** `POST /send-text-status` (z-api.txt 13811-13870): answers `zaapId` and `messageId`. */
  sendTextStatus(body: ZapiSendTextStatusBody): Promise<ZapiSendResponse> {
    return this.post('send-text-status', '/send-text-status', body);
  }
  /** `POST /send-image-status` (z-api.txt 13871-13937). */
  sendImageStatus(body: ZapiSendImageStatusBody): Promise<ZapiSendResponse> {
    return this.post('send-image-status', '/send-image-status', body);
  }
  /** `POST /send-video-status` (z-api.txt 14125-14189). */
  sendVideoStatus(body: ZapiSendVideoStatusBody): Promise<ZapiSendResponse> {
    return this.post('send-video-status', '/send-video-status', body);
  }
  /** `POST /reply-status-text` (z-api.txt 13938-13999). */
  replyStatusText(body: ZapiReplyStatusTextBody): Promise<ZapiSendResponse> {
    return this.post('reply-status-text', '/reply-status-text', body);
  }
  /** `POST /reply-status-gif` (z-api.txt 14000-14062). */
  replyStatusGif(body: ZapiReplyStatusGifBody): Promise<ZapiSendResponse> {
    return this.post('reply-status-gif', '/reply-status-gif', body);
  }
  /** `POST /reply-status-sticker` (z-api.txt 14063-14124). */
  replyStatusSticker(body: ZapiReplyStatusStickerBody): Promise<ZapiSendResponse> {
    return this.post('reply-status-sticker', '/reply-status-sticker', body);
  }

  private post(operation: string, path: string, body: object): Promise<ZapiSendResponse> {
    return this.http.request<ZapiSendResponse>({ operation, method: 'POST', path, body });
  }
}

// ---------------------------------------------------------------------------------------
// Ports: domain inputs → documented requests → domain results
// ---------------------------------------------------------------------------------------

/** Which options an operation documents: a quote (`messageId`), `delayMessage`, `delayTyping` (each section's attribute table). */
interface RichSupport {
  reply: boolean;
  delay: boolean;
  typing: boolean;
}
const NONE: RichSupport = { reply: false, delay: false, typing: false };
const DELAY: RichSupport = { reply: false, delay: true, typing: false };
const REPLY_DELAY: RichSupport = { reply: true, delay: true, typing: false };

/**
 * The documented options of a rich send, checked: none an operation does not document (a
 * delay on `send-poll-vote`, a quote on `send-link`…), and delays within 1..15 s.
 * @throws GraphError BAD_USER_INPUT (`input.delaySeconds`, `input.typingSeconds`, `input.replyToMessageId`)
 */
function options(input: SendOptions, support: RichSupport, what: string): { delayMessage?: number; delayTyping?: number; messageId?: string } {
  if (!support.delay && input.delaySeconds != null) throw badInput('input.delaySeconds', `zapi documents no delay for ${what}`);
  if (!support.typing && input.typingSeconds != null) throw badInput('input.typingSeconds', `zapi documents no typing delay for ${what}`);
  if (!support.reply && input.replyToMessageId) throw badInput('input.replyToMessageId', `zapi documents no replies for ${what}`);
  return sendOptions(input, { reply: support.reply, typing: support.typing });
}

/** The `SentMessage` of a send whose content model.ts does not type: `unsupported` with the sent structure (the body without the recipient) as `raw`. */
function sentRaw(res: ZapiSendResponse, to: string, type: string, body: object, clientReference?: string | null): SentMessage {
  const { phone: _phone, ...raw } = body as Record<string, unknown>;
  return sent(res, to, { kind: 'unsupported', type, raw }, clientReference);
}

/** A media reference as a sent content's URL: an http(s) URL as given; a `data:` URI (Base64, which Z-API also takes) is not a link, so null. */
function linkOf(media: string | null | undefined): string | null {
  return media && /^https?:\/\//i.test(media) ? media : null;
}

/** Action buttons as the received message shows them (`ReceivedButton`, as `buttonOf` in mapping.ts reads `hydratedButtons`): type, label, id, URL or phone, position. */
function receivedButtons(buttons: ActionButton[]): ReceivedButton[] {
  return buttons.map((b, index) => ({
    type: b.type,
    text: b.label,
    id: b.id ?? null,
    url: b.type === 'URL' ? (b.url ?? null) : null,
    phoneNumber: b.type === 'CALL' ? (b.phone ?? null) : null,
    index,
  }));
}

/** Order products as the order webhooks list them (`OrderItem`; `value`, the unit price, as `price`), in the order's currency. */
function orderItems(o: ZapiOrder): OrderItem[] {
  return o.products.map((p) => ({
    productId: p.productId ?? null,
    name: p.name,
    quantity: p.quantity,
    price: p.value,
    currency: o.currency,
    isCustomItem: p.isCustomItem ?? null,
  }));
}

/**
 * The `OrderDetailsContent` of a sent order: `REVIEW_AND_PAY` for `send-order`, which the
 * customer receives as the `reviewAndPay` message (z-api.txt 12621-12672), `UPDATE` for the
 * status and payment updates, which echo as `reviewOrder` (12674-12724), with the statuses in
 * the wire's words as the webhook gives them back. Totals are Z-API's to compute: null here.
 */
function orderDetails(stage: OrderDetailsContent['stage'], o: ZapiOrder, update?: ZapiOrderUpdateBody): OrderDetailsContent {
  return {
    kind: 'orderDetails',
    stage,
    referenceId: update?.referenceId ?? null,
    orderRequestId: update?.orderRequestId ?? null,
    orderStatus: update?.orderStatus ?? null,
    paymentStatus: update?.paymentStatus ?? null,
    currency: o.currency,
    total: null,
    subTotal: null,
    discount: o.discount ?? null,
    shipping: o.shipping ?? null,
    tax: o.tax ?? null,
    items: orderItems(o),
  };
}

/**
 * The `EventMessageContent` of a sent or edited event, as the `event` webhook reads (z-api.txt
 * 12790-12820). The join link is WhatsApp's to create (unknown at send); a location sent by
 * name only has no coordinates, and the parser keeps a location only with them, so none here.
 */
function eventContent(e: ChatEventDetails): MessageContent {
  return { kind: 'event', name: e.name, description: e.description ?? null, startsAt: new Date(e.startsAt).getTime(), joinLink: null, location: null, canceled: e.canceled };
}

/** Pin durations in seconds, as the pin webhook's `pinDurationInSecs` gives them (604800 for 7 days, z-api.txt 12756-12788). */
const PIN_SECONDS: Record<NonNullable<PinMessageInput['duration']>, number> = { HOURS_24: 86_400, DAYS_7: 604_800, DAYS_30: 2_592_000 };

/**
 * Refuses a group id where the operation documents a phone number only ("Recipient's phone
 * number in DDI DDD NUMBER format", without the "(or group ID …)" of the other sends: z-api.txt
 * 4295 send-order, 4440 and 4566 the order updates, 4756 channel-admin invites, 6706 calls).
 * @throws GraphError BAD_USER_INPUT (`input.to`)
 */
function phoneOnly(to: string, what: string): void {
  if (!/^\d+$/.test(to)) throw badInput('input.to', `zapi sends ${what} to a phone number only, not to a group`);
}

/** `buttonActions` entries (z-api.txt 3155-3165): `phone` for CALL, `url` for URL, `id` when given. */
function buttonActions(buttons: ActionButton[], field: string): ZapiButtonAction[] {
  // z-api.txt 3170: "sending all three button types simultaneously generates an error on
  // WhatsApp Web": refused before the request. Two types together are fine (the carousel
  // example itself pairs URL and REPLY, z-api.txt 3830-3860).
  if (new Set(buttons.map((b) => b.type)).size === 3) throw badInput(field, 'zapi cannot send CALL, URL and REPLY buttons in one message (send the REPLY buttons separately)');
  return buttons.map((b) => {
    const out: ZapiButtonAction = { type: b.type, label: b.label };
    if (b.id) out.id = b.id;
    if (b.type === 'CALL' && b.phone) out.phone = b.phone;
    if (b.type === 'URL' && b.url) out.url = b.url;
    return out;
  });
}

/** PIX key types as `send-button-pix` names them (CPF, CNPJ, PHONE, EMAIL, EVP; z-api.txt 3729). */
const PIX_BUTTON_TYPE: Record<PixKeyType, ZapiSendButtonPixBody['type']> = { CPF: 'CPF', CNPJ: 'CNPJ', PHONE: 'PHONE', EMAIL: 'EMAIL', RANDOM: 'EVP' };
/** PIX key types as `send-order` names them (cpf, cnpj, phone, email, randomKey; z-api.txt 4329, 4356). */
const PIX_ORDER_TYPE: Record<PixKeyType, NonNullable<ZapiSendOrderBody['paymentSettings']['pix']>['keyType']> = {
  CPF: 'cpf',
  CNPJ: 'cnpj',
  PHONE: 'phone',
  EMAIL: 'email',
  RANDOM: 'randomKey',
};

/** The documented `order` object (z-api.txt 4293-4335): products with `value` (the unit price) and `quantity`. */
function order(o: Order): ZapiOrder {
  const out: ZapiOrder = {
    currency: o.currency,
    products: o.items.map((i) => {
      const p: ZapiOrder['products'][number] = { name: i.name, value: i.price, quantity: i.quantity };
      if (i.productId) p.productId = i.productId;
      if (i.isCustomItem != null) p.isCustomItem = i.isCustomItem;
      return p;
    }),
  };
  if (o.discount != null) out.discount = o.discount;
  if (o.tax != null) out.tax = o.tax;
  if (o.shipping != null) out.shipping = o.shipping;
  return out;
}

/** The order-update body shared by `order-status-update` and `order-payment-update` (z-api.txt 4421-4671): both require every product's `productId` and `isCustomItem`. */
function orderUpdate(input: UpdateOrderInput): ZapiOrderUpdateBody {
  phoneOnly(input.to, 'order updates');
  input.order.items.forEach((item, i) => {
    if (!item.productId) throw badInput(`input.order.items[${i}].productId`, 'zapi requires the product id of every item in an order update (the one its webhook gave)');
    if (item.isCustomItem == null) throw badInput(`input.order.items[${i}].isCustomItem`, 'zapi requires isCustomItem for every item in an order update');
  });
  const body: ZapiOrderUpdateBody = {
    phone: input.to,
    messageId: input.orderMessageId,
    referenceId: input.referenceId,
    orderRequestId: input.orderRequestId,
    orderStatus: input.orderStatus.toLowerCase() as ZapiOrderUpdateBody['orderStatus'],
    paymentStatus: input.paymentStatus.toLowerCase() as ZapiOrderUpdateBody['paymentStatus'],
    order: order(input.order),
  };
  if (input.text) body.message = input.text;
  options(input, NONE, 'order updates');
  return body;
}

/**
 * The documented `event` object (z-api.txt 4830-4860). The attribute table says `dateTime` is
 * "Date and time of event (no timezone)" (4838) while the example sends an ISO instant with `Z`
 * ("2024-04-29T09:30:53.309Z", 4848): the example wins, the graph sends the instant in UTC.
 */
function zapiEvent(e: ChatEventDetails): ZapiEvent {
  const out: ZapiEvent = { name: e.name, dateTime: new Date(e.startsAt).toISOString(), canceled: e.canceled };
  if (e.description) out.description = e.description;
  if (e.locationName) out.location = { name: e.locationName };
  if (e.callType) out.callLinkType = e.callType === 'VOICE' ? 'voice' : 'video';
  return out;
}

/** Pin durations as `pin-message` names them (z-api.txt 4698: 24_hours, 7_days, 30_days). */
const PIN_DURATION: Record<NonNullable<PinMessageInput['duration']>, ZapiPinMessageBody['pinMessageDuration']> = { HOURS_24: '24_hours', DAYS_7: '7_days', DAYS_30: '30_days' };

/** The rich methods of {@link MessagingPort} that Z-API implements. */
export type ZapiRichMessagingPorts = Pick<
  MessagingPort,
  | 'sendSticker'
  | 'sendGif'
  | 'sendPtv'
  | 'sendLink'
  | 'forwardMessage'
  | 'editMessage'
  | 'sendActionButtons'
  | 'sendOtpButton'
  | 'sendPixButton'
  | 'sendCarousel'
  | 'sendPoll'
  | 'sendPollVote'
  | 'sendCatalogProduct'
  | 'sendCatalog'
  | 'sendOrder'
  | 'updateOrderStatus'
  | 'updateOrderPayment'
  | 'pinMessage'
  | 'sendEvent'
  | 'editEvent'
  | 'respondToEvent'
  | 'sendChannelAdminInvite'
  | 'sendCall'
  | 'postStatus'
  | 'replyToStatus'
>;

/**
 * The Z-API rich send port methods on {@link ZapiRichMessagesClient}: each refuses the options
 * and combinations its operation does not document, sends the documented request and maps the
 * answer to a `SentMessage` (queued: `PENDING`).
 * @throws GraphError BAD_USER_INPUT before any request when an input breaks a Z-API rule; ProviderError from the call
 */
export function createZapiRichMessagingPorts(client: ZapiRichMessagesClient): ZapiRichMessagingPorts {
  return {
    async sendSticker(input: SendStickerInput) {
      const body: ZapiSendStickerBody = { phone: input.to, sticker: input.media, ...options(input, REPLY_DELAY, 'stickers') };
      if (input.author) body.stickerAuthor = input.author;
      return sent(await client.sendSticker(body), input.to, { kind: 'sticker', url: input.media }, input.clientReference);
    },

    async sendGif(input: SendMediaInput) {
      const body: ZapiSendGifBody = { phone: input.to, gif: input.media, ...options(input, REPLY_DELAY, 'GIFs') };
      if (input.caption) body.caption = input.caption;
      return sent(await client.sendGif(body), input.to, { kind: 'video', url: input.media, caption: input.caption ?? null, gif: true }, input.clientReference);
    },

    async sendPtv(input: SendMediaInput) {
      // send-ptv documents no caption (z-api.txt 2540-2550).
      if (input.caption) throw badInput('input.caption', 'zapi round videos (PTV) have no caption');
      const body: ZapiSendPtvBody = { phone: input.to, ptv: input.media, ...options(input, REPLY_DELAY, 'round videos') };
      return sent(await client.sendPtv(body), input.to, { kind: 'video', url: input.media, ptv: true }, input.clientReference);
    },

    async sendLink(input: SendLinkInput) {
      // "Don't forget to include the same linkURL value at the end of this text" (z-api.txt 2706).
      if (!input.text.trimEnd().endsWith(input.url)) throw badInput('input.text', 'zapi requires the text to end with the link (input.url)');
      const body: ZapiSendLinkBody = {
        phone: input.to,
        message: input.text,
        image: input.image,
        linkUrl: input.url,
        title: input.title,
        linkDescription: input.description,
        ...options(input, { reply: false, delay: true, typing: true }, 'links'),
      };
      if (input.previewSize) body.linkType = input.previewSize;
      // The text arrives with its preview (`text.title`/`description`/`url`/`thumbnailUrl`, as `linkPreviewOf` in mapping.ts reads it).
      const linkPreview = { url: input.url, title: input.title, description: input.description, thumbnailUrl: linkOf(input.image) };
      return sent(await client.sendLink(body), input.to, { kind: 'text', body: input.text, linkPreview }, input.clientReference);
    },

    async forwardMessage(input: ForwardMessageInput) {
      const body: ZapiForwardMessageBody = { phone: input.to, messageId: input.messageId, messagePhone: input.fromChatId, ...options(input, DELAY, 'forwards') };
      // A forward is the forwarded message itself: its content when the graph knows it (the
      // resolver passes the stored one). Otherwise the graph cannot tell what was forwarded
      // (the request names only the message id, and forward-message answers only a zaapId,
      // z-api.txt 1888-1890): `unsupported` (type `forward`) until the echo brings the content.
      const res = await client.forwardMessage(body);
      if (input.content && input.content.kind !== 'unsupported') return sent(res, input.to, input.content, input.clientReference);
      return sentRaw(res, input.to, 'forward', body, input.clientReference);
    },

    async editMessage(input: EditMessageInput) {
      const body = { phone: input.to, message: input.text, editMessageId: input.messageId };
      return sent(await client.editText(body), input.to, { kind: 'text', body: input.text }, input.clientReference);
    },

    async sendActionButtons(input: SendActionButtonsInput) {
      const body: ZapiSendButtonActionsBody = {
        phone: input.to,
        message: input.text,
        buttonActions: buttonActions(input.buttons, 'input.buttons'),
        ...options(input, DELAY, 'action buttons'),
      };
      if (input.title) body.title = input.title;
      if (input.footer) body.footer = input.footer;
      // Buttons with a title, footer and URL/call/reply actions are WhatsApp's hydrated template
      // buttons: received as `hydratedTemplate` with `urlButton`/`callButton`/`quickReplyButton`
      // (z-api.txt 11307-11444), which the parser types as a template (mapping.ts).
      const content: MessageContent = {
        kind: 'template',
        templateId: null,
        title: input.title ?? null,
        body: input.text,
        footer: input.footer ?? null,
        header: null,
        buttons: receivedButtons(input.buttons),
      };
      return sent(await client.sendButtonActions(body), input.to, content, input.clientReference);
    },

    async sendOtpButton(input: SendOtpButtonInput) {
      const body: ZapiSendButtonOtpBody = { phone: input.to, message: input.text, code: input.code, ...options(input, NONE, 'OTP buttons') };
      if (input.image) body.image = input.image;
      if (input.buttonText) body.buttonText = input.buttonText;
      // Received as the OTP template (`hydratedTemplate`, one `urlButton` whose URL carries the
      // code, z-api.txt 11767-11808), which the parser types as a template with a COPY button.
      // The code is a secret: the content keeps the text and the button, never the code (nor that URL).
      // The button's default text is "Copy code" (z-api.txt 3653).
      const image = linkOf(input.image);
      const content: MessageContent = {
        kind: 'template',
        templateId: null,
        title: null,
        body: input.text,
        footer: null,
        header: image ? { image: { kind: 'image', url: image } } : null,
        buttons: [{ type: 'COPY', text: input.buttonText || 'Copy code', url: null, index: 0 }],
      };
      return sent(await client.sendButtonOtp(body), input.to, content, input.clientReference);
    },

    async sendPixButton(input: SendPixButtonInput) {
      const body: ZapiSendButtonPixBody = { phone: input.to, pixKey: input.pixKey, type: PIX_BUTTON_TYPE[input.keyType], ...options(input, NONE, 'PIX buttons') };
      if (input.merchantName) body.merchantName = input.merchantName;
      // Received as `pixKeyMessage` with the key type in the same words (EVP for a random key, z-api.txt 11446-11476).
      const content: MessageContent = { kind: 'pixKey', key: input.pixKey, keyType: body.type, merchantName: input.merchantName ?? null, currency: null, referenceId: null };
      return sent(await client.sendButtonPix(body), input.to, content, input.clientReference);
    },

    async sendCarousel(input: SendCarouselInput) {
      const body: ZapiSendCarouselBody = {
        phone: input.to,
        message: input.text,
        carousel: input.cards.map((c, i) => ({ text: c.text, image: c.image, ...(c.buttons.length ? { buttons: buttonActions(c.buttons, `input.cards[${i}].buttons`) } : {}) })),
        ...options(input, DELAY, 'carousels'),
      };
      // Received as `carouselMessage` (z-api.txt 11601-11687): text, and cards with an image header, a message and hydrated buttons.
      const content: MessageContent = {
        kind: 'carousel',
        body: input.text,
        cards: input.cards.map((c) => {
          const image = linkOf(c.image);
          return { header: image ? { image: { kind: 'image' as const, url: image } } : null, body: c.text, buttons: receivedButtons(c.buttons) };
        }),
      };
      return sent(await client.sendCarousel(body), input.to, content, input.clientReference);
    },

    async sendPoll(input: SendPollInput) {
      const body: ZapiSendPollBody = { phone: input.to, message: input.question, poll: input.options.map((name) => ({ name })), ...options(input, DELAY, 'polls') };
      if (input.maxSelections != null) body.pollMaxOptions = input.maxSelections;
      // As the `poll` webhook reads (z-api.txt 12554-12588): no maximum (or 0) is "any number", null.
      const content: MessageContent = { kind: 'poll', question: input.question, options: [...input.options], maxSelections: input.maxSelections ? input.maxSelections : null };
      return sent(await client.sendPoll(body), input.to, content, input.clientReference);
    },

    async sendPollVote(input: SendPollVoteInput) {
      const body: ZapiSendPollVoteBody = {
        phone: input.to,
        pollMessageId: input.pollMessageId,
        pollVote: input.options.map((name) => ({ name })),
        ...options(input, NONE, 'poll votes'),
      };
      // As the `pollVote` webhook reads (z-api.txt 12590-12619).
      const content: MessageContent = { kind: 'pollVote', pollMessageId: input.pollMessageId, selectedOptions: [...input.options] };
      return sent(await client.sendPollVote(body), input.to, content, input.clientReference);
    },

    async sendCatalogProduct(input: SendCatalogProductInput) {
      const body: ZapiSendProductBody = { phone: input.to, catalogPhone: input.catalogPhone, productId: input.productId, ...options(input, NONE, 'products') };
      // Received as `product` (z-api.txt 12473-12507), whose `businessOwnerJid` is the catalog's phone; the title,
      // price and image are the catalog's and arrive with the echo.
      const content: MessageContent = { kind: 'product', productId: input.productId, businessOwnerId: input.catalogPhone };
      return sent(await client.sendProduct(body), input.to, content, input.clientReference);
    },

    async sendCatalog(input: SendCatalogInput) {
      const body: ZapiSendCatalogBody = { phone: input.to, catalogPhone: input.catalogPhone, ...options(input, NONE, 'catalogs') };
      if (input.language) body.translation = input.language;
      if (input.text) body.message = input.text;
      if (input.title) body.title = input.title;
      if (input.description) body.catalogDescription = input.description;
      // A catalog is sent as a "catalog card" (z-api.txt 2903-2930): the message with a preview
      // of the catalog's title and description. No webhook section shows it received; a card is
      // a text with a link preview, so it is typed as the text the parser would read. The link
      // is WhatsApp's and the default text (when none is given) Z-API's: unknown until the echo.
      const preview = input.title || input.description ? { title: input.title ?? null, description: input.description ?? null } : null;
      return sent(await client.sendCatalog(body), input.to, { kind: 'text', body: input.text ?? '', linkPreview: preview }, input.clientReference);
    },

    async sendOrder(input: SendOrderInput) {
      // paymentSettings is mandatory (z-api.txt 4297): at least one way to pay.
      phoneOnly(input.to, 'orders');
      if (!input.pix && !input.cardPayment) throw badInput('input.pix', 'zapi orders need a way to pay: a PIX key or cardPayment');
      const paymentSettings: ZapiSendOrderBody['paymentSettings'] = {};
      if (input.pix) paymentSettings.pix = { key: input.pix.key, keyType: PIX_ORDER_TYPE[input.pix.keyType], ...(input.pix.name ? { name: input.pix.name } : {}) };
      if (input.cardPayment != null) paymentSettings.card = { enabled: input.cardPayment };
      const body: ZapiSendOrderBody = { phone: input.to, order: order(input.order), paymentSettings, ...options(input, NONE, 'orders') };
      return sent(await client.sendOrder(body), input.to, orderDetails('REVIEW_AND_PAY', body.order), input.clientReference);
    },

    async updateOrderStatus(input: UpdateOrderInput) {
      const body = orderUpdate(input);
      return sent(await client.orderStatusUpdate(body), input.to, orderDetails('UPDATE', body.order, body), input.clientReference);
    },

    async updateOrderPayment(input: UpdateOrderInput) {
      const body = orderUpdate(input);
      return sent(await client.orderPaymentUpdate(body), input.to, orderDetails('UPDATE', body.order, body), input.clientReference);
    },

    async pinMessage(input: PinMessageInput) {
      options(input, NONE, 'pins');
      // pinMessageDuration is mandatory but "has no effect if you unpin a message" (z-api.txt 4692): 24 hours is sent then.
      const body: ZapiPinMessageBody = {
        phone: input.to,
        messageId: input.messageId,
        messageAction: input.pin ? 'pin' : 'unpin',
        pinMessageDuration: PIN_DURATION[input.duration ?? 'HOURS_24'],
      };
      // As the `pinMessage` webhook reads (z-api.txt 12756-12788); an unpin has no duration.
      const content: MessageContent = {
        kind: 'pin',
        action: input.pin ? 'PIN' : 'UNPIN',
        targetMessageId: input.messageId,
        durationSeconds: input.pin ? PIN_SECONDS[input.duration ?? 'HOURS_24'] : null,
      };
      return sent(await client.pinMessage(body), input.to, content, input.clientReference);
    },

    async sendEvent(input: SendEventInput) {
      const body: ZapiSendEventBody = { phone: input.to, event: zapiEvent(input.event), ...options(input, NONE, 'events') };
      return sent(await client.sendEvent(body), input.to, eventContent(input.event), input.clientReference);
    },

    async editEvent(input: EditEventInput) {
      const body: ZapiSendEditEventBody = { phone: input.to, eventMessageId: input.eventMessageId, event: zapiEvent(input.event), ...options(input, NONE, 'event edits') };
      // The edit is the event as it now stands.
      return sent(await client.sendEditEvent(body), input.to, eventContent(input.event), input.clientReference);
    },

    async respondToEvent(input: RespondToEventInput) {
      const body: ZapiSendEventResponseBody = {
        phone: input.to,
        eventMessageId: input.eventMessageId,
        eventResponse: input.going ? 'GOING' : 'NOT_GOING',
        ...options(input, NONE, 'event responses'),
      };
      // As the `eventResponse` webhook reads (z-api.txt 12822-12855); the respondent is this account, its time the send's.
      const content: MessageContent = { kind: 'eventResponse', eventMessageId: input.eventMessageId, response: body.eventResponse, respondentId: null, respondedAt: null };
      return sent(await client.sendEventResponse(body), input.to, content, input.clientReference);
    },

    async sendChannelAdminInvite(input: SendChannelAdminInviteInput) {
      // The channel id ends in `@newsletter` ("Ex: 999999999999999999@newsletter", z-api.txt 4761).
      phoneOnly(input.to, 'channel admin invites');
      if (!/^\d+@newsletter$/.test(input.channelId)) throw badInput('input.channelId', 'must be a channel id such as 120363166555745933@newsletter');
      const body: ZapiSendNewsletterAdminInviteBody = {
        phone: input.to,
        adminInviteMessage: { newsletterId: input.channelId, caption: input.caption },
        ...options(input, NONE, 'channel admin invites'),
      };
      // As the `newsletterAdminInvite` webhook reads (z-api.txt 12726-12754); the channel's name and the expiry are WhatsApp's.
      const content: MessageContent = { kind: 'channelAdminInvite', channelId: input.channelId, channelName: null, text: input.caption, expiresAt: null };
      return sent(await client.sendNewsletterAdminInvite(body), input.to, content, input.clientReference);
    },

    async sendCall(input: SendCallInput) {
      phoneOnly(input.to, 'calls');
      const body: ZapiSendCallBody = { phone: input.to, ...options(input, NONE, 'calls') };
      if (input.durationSeconds != null) {
        const d = input.durationSeconds;
        if (!Number.isInteger(d) || d < ZAPI_MIN_CALL_SECONDS || d > ZAPI_MAX_CALL_SECONDS)
          throw badInput('input.durationSeconds', `must be a whole number of seconds from ${ZAPI_MIN_CALL_SECONDS} to ${ZAPI_MAX_CALL_SECONDS}`);
        body.callDuration = d;
      }
      // A call is not message content: WhatsApp shows it in the call log, and calls arrive as
      // call events, never as messages (issue 8 item 3). No content kind is made for it; the
      // payload keeps `unsupported` (type `call`, raw `{callDuration}`) and the graph does
      // not keep it in the conversation (send-rich.resolver.ts).
      return sentRaw(await client.sendCall(body), input.to, 'call', body, input.clientReference);
    },

    async postStatus(input: PostStatusInput) {
      let res: ZapiSendResponse;
      let content: MessageContent;
      if (input.kind === 'text') {
        res = await client.sendTextStatus({ message: input.text });
        content = { kind: 'text', body: input.text };
      } else {
        const caption = input.caption ? { caption: input.caption } : {};
        res = input.kind === 'image' ? await client.sendImageStatus({ image: input.media, ...caption }) : await client.sendVideoStatus({ video: input.media, ...caption });
        content = { kind: input.kind, url: input.media, caption: input.caption ?? null };
      }
      return sent(res, STATUS_CHAT_ID, content, input.clientReference);
    },

    async replyToStatus(input: ReplyToStatusInput) {
      const base = { phone: input.to, statusMessageId: input.statusMessageId };
      if (input.kind === 'text') return sent(await client.replyStatusText({ ...base, message: input.text }), input.to, { kind: 'text', body: input.text }, input.clientReference);
      if (input.kind === 'gif')
        return sent(await client.replyStatusGif({ ...base, gif: input.media }), input.to, { kind: 'video', url: input.media, gif: true }, input.clientReference);
      return sent(await client.replyStatusSticker({ ...base, sticker: input.media }), input.to, { kind: 'sticker', url: input.media }, input.clientReference);
    },
  };
}
