import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import type { CapabilityMethod } from '../providers/contract.js';
import { keepSent } from './conversation.resolver.js';
import {
  ACTION_BUTTON_LABEL_MAX,
  ACTION_BUTTONS_MAX,
  ACTION_BUTTONS_MIN,
  CAROUSEL_CARD_TEXT_MAX,
  CAROUSEL_CARDS_MAX,
  CAROUSEL_CARDS_MIN,
  EVENT_DESCRIPTION_MAX,
  EVENT_NAME_MAX,
  LINK_PREVIEW_TEXT_MAX,
  ORDER_ITEM_NAME_MAX,
  ORDER_ITEMS_MAX,
  OTP_CODE_MAX,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  STATUS_TEXT_MAX,
} from '../providers/limits-rich.js';
import {
  INTERACTIVE_BODY_MAX,
  INTERACTIVE_FOOTER_MAX,
  INTERACTIVE_HEADER_TEXT_MAX,
  MAX_CAPTION_LENGTH,
  MAX_ID_LENGTH,
  MAX_MESSAGE_ID_LENGTH,
  MAX_TEXT_LENGTH,
  REPLY_BUTTON_ID_MAX,
  checkLength,
  checkMediaRef,
} from '../providers/limits.js';
import type { ActionButton, ChatEventDetails, Order } from '../providers/model-rich.js';
import type { MessageContent, SendOptions, SentMessage } from '../providers/model.js';
import {
  type ActionButtonInput,
  type ChatEventInput,
  EditEventInput,
  EditMessageInput,
  ForwardMessageInput,
  type OrderInput,
  PinMessageInput,
  ReplyToStatusInput,
  RespondToEventInput,
  SendActionButtonsInput,
  SendCallInput,
  SendCarouselInput,
  SendCatalogInput,
  SendCatalogProductInput,
  SendChannelAdminInviteInput,
  SendEventInput,
  SendGifInput,
  SendLinkInput,
  SendOrderInput,
  SendOtpButtonInput,
  SendPixButtonInput,
  SendPollInput,
  SendPollVoteInput,
  SendPtvInput,
  SendStatusInput,
  SendStickerInput,
  UnpinMessageInput,
  UpdateOrderInput,
} from '../schema/send-rich.inputs.js';
import { SendMessagePayload } from '../schema/send.inputs.js';
import { withIdempotency } from './idempotency.js';
import { Requires, instanceCall } from './instance-call.js';
import { recipientOf } from './phone.js';
import { readableSend, sentToMessage } from './send-path.js';

/** The capabilities of the rich sends: each port method takes one input and resolves with a `SentMessage`. */
type RichCapability =
  | 'SEND_STICKER'
  | 'SEND_GIF'
  | 'SEND_PTV'
  | 'SEND_LINK'
  | 'SEND_FORWARD'
  | 'EDIT_MESSAGE'
  | 'SEND_ACTION_BUTTONS'
  | 'SEND_OTP_BUTTON'
  | 'SEND_PIX_BUTTON'
  | 'SEND_CAROUSEL'
  | 'SEND_POLL'
  | 'SEND_POLL_VOTE'
  | 'SEND_CATALOG_PRODUCT'
  | 'SEND_CATALOG'
  | 'SEND_ORDER'
  | 'SEND_ORDER_STATUS'
  | 'SEND_ORDER_PAYMENT'
  | 'PIN_MESSAGE'
  | 'SEND_EVENT'
  | 'EDIT_EVENT'
  | 'SEND_EVENT_RESPONSE'
  | 'SEND_CHANNEL_ADMIN_INVITE'
  | 'SEND_CALL'
  | 'SEND_STATUS'
  | 'SEND_STATUS_REPLY';

/** What every rich send input may carry besides its own fields (all of `SendInputBase`, or the few an action or a status takes). */
interface RichSendBase {
  instanceId: string;
  idempotencyKey?: string | null;
  replyToMessageId?: string | null;
  delaySeconds?: number | null;
  typingSeconds?: number | null;
  clientReference?: string | null;
}

/** The send options of an input (null where not given). */
function optionsOf(input: RichSendBase): SendOptions {
  return {
    replyToMessageId: input.replyToMessageId ?? null,
    delaySeconds: input.delaySeconds ?? null,
    typingSeconds: input.typingSeconds ?? null,
    clientReference: input.clientReference ?? null,
  };
}

/**
 * The path of every rich send, as `runSend` for the core sends: `richCall` finds the instance
 * and requires the capability first (no request, and no input check, for a provider without
 * it); the mutation then checks its input and calls the returned function, which normalises
 * the recipient (`field` names the error; none for a status) and, under the idempotency key,
 * builds the port input from the normalised recipient, calls the port and shapes the payload.
 * The sent message is kept in its conversation (`keepSent`, as the core sends), except what
 * is not a new message of the chat: a call (not message content) and the edits of a message
 * already there (`editMessage`, `editEvent`: their echoes update the edited message).
 * @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT (the recipient, or what `build` or the port checks), or a ProviderError
 */
function richCall<C extends RichCapability>(ctx: GraphContext, input: RichSendBase, capability: C) {
  const { entry, call } = instanceCall(ctx, input.instanceId, capability);
  const send = call as unknown as (input: Parameters<CapabilityMethod<C>>[0]) => Promise<SentMessage>;
  return async (
    recipient: { value: string; field: string } | null,
    build: (to: string, entry: InstanceEntry) => Parameters<CapabilityMethod<C>>[0] | Promise<Parameters<CapabilityMethod<C>>[0]>,
  ): Promise<SendMessagePayload> => {
    const to = recipient ? recipientOf(entry, recipient.value, recipient.field) : '';
    const { idempotencyKey, ...rest } = input;
    const message = await withIdempotency(ctx.services.stores.idempotency, { instanceId: entry.id, operation: capability, key: idempotencyKey, input: rest }, async () =>
      sentToMessage(entry.id, readableSend(entry, capability, await send(await build(to, entry)))),
    );
    if (!NOT_KEPT.has(capability)) await keepSent(ctx, message);
    return { message };
  };
}

/** The rich sends whose result is not a new message of the conversation (see {@link richCall}). */
const NOT_KEPT: ReadonlySet<RichCapability> = new Set<RichCapability>(['SEND_CALL', 'EDIT_MESSAGE', 'EDIT_EVENT']);

/**
 * The content of a stored message (the conversation store), or null when the graph has not
 * seen it, only a placeholder of it, or the store fails (a forward does not fail for that).
 */
async function storedContent(ctx: GraphContext, instanceId: string, messageId: string): Promise<MessageContent | null> {
  const record = await ctx.services.stores.messages.get(instanceId, messageId).catch(() => null);
  return record && !record.stub ? record.message.content : null;
}

/** The recipient `input.to` of a send. */
const toOf = (input: { to: string }) => ({ value: input.to, field: 'input.to' });

/** An http(s) URL. @throws GraphError BAD_USER_INPUT naming `field` */
function checkHttpUrl(value: string, field: string): void {
  let ok = false;
  try {
    const url = new URL(value);
    ok = url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok) throw badInput(field, 'must be an http or https URL');
}

/**
 * Action buttons (`field`: `input.buttons`): within the count, labels 1..20 characters, ids
 * unique, a URL button with an http(s) `url`, a CALL button with a phone (normalised), and no
 * field that its type does not use.
 * @throws GraphError BAD_USER_INPUT naming the button field
 */
function actionButtons(entry: InstanceEntry, buttons: readonly ActionButtonInput[], field: string, min: number): ActionButton[] {
  if (buttons.length < min || buttons.length > ACTION_BUTTONS_MAX) throw badInput(field, `must have ${min} to ${ACTION_BUTTONS_MAX} buttons`);
  const ids = new Set<string>();
  return buttons.map((b, i) => {
    const at = `${field}[${i}]`;
    checkLength(b.label, `${at}.label`, ACTION_BUTTON_LABEL_MAX, 1);
    checkLength(b.id, `${at}.id`, REPLY_BUTTON_ID_MAX, 1);
    if (b.id) {
      if (ids.has(b.id)) throw badInput(`${at}.id`, 'must be unique within the message');
      ids.add(b.id);
    }
    const out: ActionButton = { type: b.type, label: b.label, id: b.id ?? null };
    if (b.type === 'URL') {
      if (!b.url) throw badInput(`${at}.url`, 'required for a URL button');
      checkHttpUrl(b.url, `${at}.url`);
      out.url = b.url;
    } else if (b.url) throw badInput(`${at}.url`, 'only a URL button has a url');
    if (b.type === 'CALL') {
      if (!b.phone) throw badInput(`${at}.phone`, 'required for a CALL button');
      out.phone = recipientOf(entry, b.phone, `${at}.phone`);
    } else if (b.phone) throw badInput(`${at}.phone`, 'only a CALL button has a phone');
    return out;
  });
}

/** A non-negative, finite amount. @throws GraphError BAD_USER_INPUT */
function checkAmount(value: number | null | undefined, field: string): void {
  if (value != null && !(Number.isFinite(value) && value >= 0)) throw badInput(field, 'must be a number of at least 0');
}

/** An order: an ISO 4217 currency, 1..999 items each named with a price ≥ 0 and a whole quantity ≥ 1, amounts ≥ 0. @throws GraphError BAD_USER_INPUT naming the field */
function orderOf(o: OrderInput, field: string): Order {
  if (!/^[A-Z]{3}$/.test(o.currency)) throw badInput(`${field}.currency`, 'must be an ISO 4217 currency code such as BRL');
  if (o.items.length < 1 || o.items.length > ORDER_ITEMS_MAX) throw badInput(`${field}.items`, `must have 1 to ${ORDER_ITEMS_MAX} items`);
  checkAmount(o.discount, `${field}.discount`);
  checkAmount(o.tax, `${field}.tax`);
  checkAmount(o.shipping, `${field}.shipping`);
  return {
    currency: o.currency,
    discount: o.discount ?? null,
    tax: o.tax ?? null,
    shipping: o.shipping ?? null,
    items: o.items.map((item, i) => {
      checkLength(item.name, `${field}.items[${i}].name`, ORDER_ITEM_NAME_MAX, 1);
      checkAmount(item.price, `${field}.items[${i}].price`);
      if (!Number.isInteger(item.quantity) || item.quantity < 1) throw badInput(`${field}.items[${i}].quantity`, 'must be a whole number of at least 1');
      checkLength(item.productId, `${field}.items[${i}].productId`, MAX_ID_LENGTH, 1);
      return { name: item.name, price: item.price, quantity: item.quantity, productId: item.productId ?? null, isCustomItem: item.isCustomItem ?? null };
    }),
  };
}

/** An ISO 8601 date-time with seconds optional and a `Z` or `±hh:mm` offset. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An event: name 1..256, description ≤ 2048, a valid start. @throws GraphError BAD_USER_INPUT naming the field */
function eventOf(e: ChatEventInput): ChatEventDetails {
  checkLength(e.name, 'input.event.name', EVENT_NAME_MAX, 1);
  checkLength(e.description, 'input.event.description', EVENT_DESCRIPTION_MAX);
  checkLength(e.locationName, 'input.event.locationName', EVENT_NAME_MAX, 1);
  // An instant needs its offset: without one, "09:30" would be read in the server's time zone.
  if (!ISO_DATE_TIME.test(e.startsAt) || Number.isNaN(Date.parse(e.startsAt)))
    throw badInput('input.event.startsAt', 'must be an ISO 8601 date-time with its offset (Z or ±hh:mm)');
  return {
    name: e.name,
    startsAt: new Date(e.startsAt).toISOString(),
    description: e.description ?? null,
    locationName: e.locationName ?? null,
    callType: e.callType ?? null,
    canceled: e.canceled,
  };
}

/** Exactly one of the named fields is set; returns its name. @throws GraphError BAD_USER_INPUT (`input`) */
function exactlyOne<K extends string>(input: Partial<Record<K, string | null>>, keys: readonly K[]): K {
  const set = keys.filter((k) => input[k] != null);
  if (set.length !== 1) throw badInput('input', `give exactly one of ${keys.join(', ')}`);
  return set[0] as K;
}

/**
 * The rich send mutations (issue 8): stickers, GIFs, round videos, link previews, forwards,
 * edits, action/OTP/PIX buttons, carousels, polls and votes, catalog products and catalogs,
 * orders and their updates, pins, events, channel-admin invites, calls and status. Each
 * checks WhatsApp's limits (providers/limits-rich.ts, limits.ts) and media references, then
 * goes through {@link richCall}; a provider without the capability refuses before any request.
 */
@Resolver()
export class SendRichResolver {
  @Mutation(() => SendMessagePayload, { description: 'Sends a sticker.' })
  @Requires('SEND_STICKER')
  async sendSticker(@Arg('input', () => SendStickerInput) input: SendStickerInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_STICKER');
    checkMediaRef(input.sticker, 'input.sticker');
    checkLength(input.author, 'input.author', MAX_ID_LENGTH, 1);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, media: input.sticker, author: input.author ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a GIF (an MP4 that loops).' })
  @Requires('SEND_GIF')
  async sendGif(@Arg('input', () => SendGifInput) input: SendGifInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_GIF');
    checkMediaRef(input.gif, 'input.gif');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, media: input.gif, caption: input.caption ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a PTV: a round video note.' })
  @Requires('SEND_PTV')
  async sendPtv(@Arg('input', () => SendPtvInput) input: SendPtvInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_PTV');
    checkMediaRef(input.video, 'input.video');
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, media: input.video }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a text with a link preview card (title, description, image).' })
  @Requires('SEND_LINK')
  async sendLink(@Arg('input', () => SendLinkInput) input: SendLinkInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_LINK');
    checkLength(input.text, 'input.text', MAX_TEXT_LENGTH, 1);
    checkHttpUrl(input.url, 'input.url');
    checkLength(input.title, 'input.title', LINK_PREVIEW_TEXT_MAX, 1);
    checkLength(input.description, 'input.description', LINK_PREVIEW_TEXT_MAX, 1);
    checkHttpUrl(input.image, 'input.image');
    return send(toOf(input), (to) => ({
      ...optionsOf(input),
      to,
      text: input.text,
      url: input.url,
      title: input.title,
      description: input.description,
      image: input.image,
      previewSize: input.previewSize ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Forwards a message to another chat.' })
  @Requires('SEND_FORWARD')
  async forwardMessage(@Arg('input', () => ForwardMessageInput) input: ForwardMessageInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_FORWARD');
    checkLength(input.messageId, 'input.messageId', MAX_MESSAGE_ID_LENGTH, 1);
    return send(toOf(input), async (to, entry) => {
      const fromChatId = recipientOf(entry, input.fromChatId, 'input.fromChatId');
      // the forwarded message's content when the graph has it: the forward shows the same
      return { ...optionsOf(input), to, messageId: input.messageId, fromChatId, content: await storedContent(ctx, entry.id, input.messageId) };
    });
  }

  @Mutation(() => SendMessagePayload, { description: 'Replaces the text of a message this account sent.' })
  @Requires('EDIT_MESSAGE')
  async editMessage(@Arg('input', () => EditMessageInput) input: EditMessageInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'EDIT_MESSAGE');
    checkLength(input.messageId, 'input.messageId', MAX_MESSAGE_ID_LENGTH, 1);
    checkLength(input.text, 'input.text', MAX_TEXT_LENGTH, 1);
    return send(toOf(input), (to) => ({ to, messageId: input.messageId, text: input.text, clientReference: input.clientReference ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a text with 1 to 3 action buttons: open a URL, call a number, or a quick reply.' })
  @Requires('SEND_ACTION_BUTTONS')
  async sendActionButtons(@Arg('input', () => SendActionButtonsInput) input: SendActionButtonsInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_ACTION_BUTTONS');
    checkLength(input.text, 'input.text', INTERACTIVE_BODY_MAX, 1);
    checkLength(input.title, 'input.title', INTERACTIVE_HEADER_TEXT_MAX, 1);
    checkLength(input.footer, 'input.footer', INTERACTIVE_FOOTER_MAX, 1);
    return send(toOf(input), (to, entry) => ({
      ...optionsOf(input),
      to,
      text: input.text,
      buttons: actionButtons(entry, input.buttons, 'input.buttons', ACTION_BUTTONS_MIN),
      title: input.title ?? null,
      footer: input.footer ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a text with a button that copies a one-time code.' })
  @Requires('SEND_OTP_BUTTON')
  async sendOtpButton(@Arg('input', () => SendOtpButtonInput) input: SendOtpButtonInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_OTP_BUTTON');
    checkLength(input.text, 'input.text', INTERACTIVE_BODY_MAX, 1);
    checkLength(input.code, 'input.code', OTP_CODE_MAX, 1);
    checkLength(input.buttonText, 'input.buttonText', ACTION_BUTTON_LABEL_MAX, 1);
    if (input.image) checkMediaRef(input.image, 'input.image');
    return send(toOf(input), (to) => ({
      ...optionsOf(input),
      to,
      text: input.text,
      code: input.code,
      image: input.image ?? null,
      buttonText: input.buttonText ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a button that copies a PIX key.' })
  @Requires('SEND_PIX_BUTTON')
  async sendPixButton(@Arg('input', () => SendPixButtonInput) input: SendPixButtonInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_PIX_BUTTON');
    checkLength(input.pixKey, 'input.pixKey', MAX_ID_LENGTH, 1);
    checkLength(input.merchantName, 'input.merchantName', INTERACTIVE_HEADER_TEXT_MAX, 1);
    return send(toOf(input), (to) => ({
      ...optionsOf(input),
      to,
      pixKey: input.pixKey,
      keyType: input.keyType,
      merchantName: input.merchantName ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a carousel: a text followed by 1 to 10 cards with an image, a text and action buttons.' })
  @Requires('SEND_CAROUSEL')
  async sendCarousel(@Arg('input', () => SendCarouselInput) input: SendCarouselInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_CAROUSEL');
    checkLength(input.text, 'input.text', INTERACTIVE_BODY_MAX, 1);
    if (input.cards.length < CAROUSEL_CARDS_MIN || input.cards.length > CAROUSEL_CARDS_MAX)
      throw badInput('input.cards', `must have ${CAROUSEL_CARDS_MIN} to ${CAROUSEL_CARDS_MAX} cards`);
    input.cards.forEach((c, i) => {
      checkLength(c.text, `input.cards[${i}].text`, CAROUSEL_CARD_TEXT_MAX, 1);
      checkMediaRef(c.image, `input.cards[${i}].image`);
    });
    return send(toOf(input), (to, entry) => ({
      ...optionsOf(input),
      to,
      text: input.text,
      cards: input.cards.map((c, i) => ({ text: c.text, image: c.image, buttons: actionButtons(entry, c.buttons ?? [], `input.cards[${i}].buttons`, 0) })),
    }));
  }

  /**
   * Sends a poll: question 1..255 characters, 2..12 distinct options of 1..100 characters, and
   * `maxSelections` from 1 to the number of options.
   * @throws GraphError BAD_USER_INPUT naming the field, NOT_FOUND, CAPABILITY_NOT_SUPPORTED, or a ProviderError
   */
  @Mutation(() => SendMessagePayload, { description: 'Sends a poll.' })
  @Requires('SEND_POLL')
  async sendPoll(@Arg('input', () => SendPollInput) input: SendPollInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_POLL');
    checkLength(input.question, 'input.question', POLL_QUESTION_MAX, 1);
    if (input.options.length < POLL_OPTIONS_MIN || input.options.length > POLL_OPTIONS_MAX)
      throw badInput('input.options', `must have ${POLL_OPTIONS_MIN} to ${POLL_OPTIONS_MAX} options`);
    input.options.forEach((o, i) => checkLength(o, `input.options[${i}]`, POLL_OPTION_MAX, 1));
    if (new Set(input.options).size !== input.options.length) throw badInput('input.options', 'must be distinct');
    const max = input.maxSelections;
    if (max != null && (max < 1 || max > input.options.length)) throw badInput('input.maxSelections', `must be from 1 to the number of options (${input.options.length})`);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, question: input.question, options: input.options, maxSelections: max ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Votes on a poll (by option names).' })
  @Requires('SEND_POLL_VOTE')
  async sendPollVote(@Arg('input', () => SendPollVoteInput) input: SendPollVoteInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_POLL_VOTE');
    checkLength(input.pollMessageId, 'input.pollMessageId', MAX_MESSAGE_ID_LENGTH, 1);
    if (input.options.length < 1 || input.options.length > POLL_OPTIONS_MAX) throw badInput('input.options', `must have 1 to ${POLL_OPTIONS_MAX} options`);
    input.options.forEach((o, i) => checkLength(o, `input.options[${i}]`, POLL_OPTION_MAX, 1));
    if (new Set(input.options).size !== input.options.length) throw badInput('input.options', 'must be distinct');
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, pollMessageId: input.pollMessageId, options: input.options }));
  }

  @Mutation(() => SendMessagePayload, {
    description: "Sends a product card of a WhatsApp Business catalog named by its owner's phone (for a Commerce catalog id, see sendProduct).",
  })
  @Requires('SEND_CATALOG_PRODUCT')
  async sendCatalogProduct(@Arg('input', () => SendCatalogProductInput) input: SendCatalogProductInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_CATALOG_PRODUCT');
    checkLength(input.productId, 'input.productId', MAX_ID_LENGTH, 1);
    return send(toOf(input), (to, entry) => ({
      ...optionsOf(input),
      to,
      catalogPhone: recipientOf(entry, input.catalogPhone, 'input.catalogPhone'),
      productId: input.productId,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: "Sends a card that opens a WhatsApp Business account's catalog." })
  @Requires('SEND_CATALOG')
  async sendCatalog(@Arg('input', () => SendCatalogInput) input: SendCatalogInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_CATALOG');
    checkLength(input.text, 'input.text', INTERACTIVE_BODY_MAX, 1);
    checkLength(input.title, 'input.title', INTERACTIVE_HEADER_TEXT_MAX, 1);
    checkLength(input.description, 'input.description', INTERACTIVE_BODY_MAX, 1);
    return send(toOf(input), (to, entry) => ({
      ...optionsOf(input),
      to,
      catalogPhone: recipientOf(entry, input.catalogPhone, 'input.catalogPhone'),
      text: input.text ?? null,
      title: input.title ?? null,
      description: input.description ?? null,
      language: input.language ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: "Sends an order for the customer's approval, with its payment settings (a PIX key, cards)." })
  @Requires('SEND_ORDER')
  async sendOrder(@Arg('input', () => SendOrderInput) input: SendOrderInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_ORDER');
    const order = orderOf(input.order, 'input.order');
    if (input.pix) checkLength(input.pix.key, 'input.pix.key', MAX_ID_LENGTH, 1);
    return send(toOf(input), (to) => ({
      ...optionsOf(input),
      to,
      order,
      pix: input.pix ? { key: input.pix.key, keyType: input.pix.keyType, name: input.pix.name ?? null } : null,
      cardPayment: input.cardPayment ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: "Tells the customer an order's new status." })
  @Requires('SEND_ORDER_STATUS')
  async updateOrderStatus(@Arg('input', () => UpdateOrderInput) input: UpdateOrderInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_ORDER_STATUS');
    return send(toOf(input), orderUpdate(input));
  }

  @Mutation(() => SendMessagePayload, { description: "Tells the customer an order's new payment status." })
  @Requires('SEND_ORDER_PAYMENT')
  async updateOrderPayment(@Arg('input', () => UpdateOrderInput) input: UpdateOrderInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_ORDER_PAYMENT');
    return send(toOf(input), orderUpdate(input));
  }

  @Mutation(() => SendMessagePayload, { description: 'Pins a message in its chat.' })
  @Requires('PIN_MESSAGE')
  async pinMessage(@Arg('input', () => PinMessageInput) input: PinMessageInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'PIN_MESSAGE');
    checkLength(input.messageId, 'input.messageId', MAX_MESSAGE_ID_LENGTH, 1);
    return send({ value: input.chatId, field: 'input.chatId' }, (to) => ({ to, messageId: input.messageId, pin: true, duration: input.duration }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Unpins a message.' })
  @Requires('PIN_MESSAGE')
  async unpinMessage(@Arg('input', () => UnpinMessageInput) input: UnpinMessageInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'PIN_MESSAGE');
    checkLength(input.messageId, 'input.messageId', MAX_MESSAGE_ID_LENGTH, 1);
    return send({ value: input.chatId, field: 'input.chatId' }, (to) => ({ to, messageId: input.messageId, pin: false, duration: null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends an event (name, start, place, call link).' })
  @Requires('SEND_EVENT')
  async sendEvent(@Arg('input', () => SendEventInput) input: SendEventInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_EVENT');
    const event = eventOf(input.event);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, event }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Edits an event sent earlier.' })
  @Requires('EDIT_EVENT')
  async editEvent(@Arg('input', () => EditEventInput) input: EditEventInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'EDIT_EVENT');
    checkLength(input.eventMessageId, 'input.eventMessageId', MAX_MESSAGE_ID_LENGTH, 1);
    const event = eventOf(input.event);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, eventMessageId: input.eventMessageId, event }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Answers an event: going or not.' })
  @Requires('SEND_EVENT_RESPONSE')
  async respondToEvent(@Arg('input', () => RespondToEventInput) input: RespondToEventInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_EVENT_RESPONSE');
    checkLength(input.eventMessageId, 'input.eventMessageId', MAX_MESSAGE_ID_LENGTH, 1);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, eventMessageId: input.eventMessageId, going: input.going }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Invites someone to become an admin of a channel.' })
  @Requires('SEND_CHANNEL_ADMIN_INVITE')
  async sendChannelAdminInvite(@Arg('input', () => SendChannelAdminInviteInput) input: SendChannelAdminInviteInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_CHANNEL_ADMIN_INVITE');
    checkLength(input.channelId, 'input.channelId', MAX_ID_LENGTH, 1);
    checkLength(input.caption, 'input.caption', INTERACTIVE_BODY_MAX, 1);
    return send(toOf(input), (to) => ({ ...optionsOf(input), to, channelId: input.channelId, caption: input.caption }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Rings a phone for a few seconds and hangs up.' })
  @Requires('SEND_CALL')
  async sendCall(@Arg('input', () => SendCallInput) input: SendCallInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_CALL');
    return send(toOf(input), (to) => ({ to, durationSeconds: input.durationSeconds ?? null, clientReference: input.clientReference ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: "Posts a status (story) on this account: a text, an image or a video. The message's chatId is status@broadcast." })
  @Requires('SEND_STATUS')
  async sendStatus(@Arg('input', () => SendStatusInput) input: SendStatusInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_STATUS');
    const kind = exactlyOne(input, ['text', 'image', 'video'] as const);
    const clientReference = input.clientReference ?? null;
    if (kind === 'text') {
      if (input.caption != null) throw badInput('input.caption', 'a text status has no caption');
      checkLength(input.text, 'input.text', STATUS_TEXT_MAX, 1);
      return send(null, () => ({ kind: 'text' as const, text: input.text as string, clientReference }));
    }
    const media = input[kind] as string;
    checkMediaRef(media, `input.${kind}`);
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    return send(null, () => ({ kind, media, caption: input.caption ?? null, clientReference }));
  }

  @Mutation(() => SendMessagePayload, { description: "Replies to someone's status with a text, a GIF or a sticker." })
  @Requires('SEND_STATUS_REPLY')
  async replyToStatus(@Arg('input', () => ReplyToStatusInput) input: ReplyToStatusInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const send = richCall(ctx, input, 'SEND_STATUS_REPLY');
    checkLength(input.statusMessageId, 'input.statusMessageId', MAX_MESSAGE_ID_LENGTH, 1);
    const kind = exactlyOne(input, ['text', 'gif', 'sticker'] as const);
    const base = { statusMessageId: input.statusMessageId, clientReference: input.clientReference ?? null };
    if (kind === 'text') {
      checkLength(input.text, 'input.text', MAX_TEXT_LENGTH, 1);
      return send(toOf(input), (to) => ({ ...base, to, kind: 'text' as const, text: input.text as string }));
    }
    const media = input[kind] as string;
    checkMediaRef(media, `input.${kind}`);
    return send(toOf(input), (to) => ({ ...base, to, kind, media }));
  }
}

/** The port input builder of an order update (both mutations), its order checked first. @throws GraphError BAD_USER_INPUT naming the field */
function orderUpdate(input: UpdateOrderInput) {
  checkLength(input.orderMessageId, 'input.orderMessageId', MAX_MESSAGE_ID_LENGTH, 1);
  checkLength(input.referenceId, 'input.referenceId', MAX_ID_LENGTH, 1);
  checkLength(input.orderRequestId, 'input.orderRequestId', MAX_ID_LENGTH, 1);
  checkLength(input.text, 'input.text', INTERACTIVE_BODY_MAX, 1);
  const order = orderOf(input.order, 'input.order');
  return (to: string) => ({
    ...optionsOf(input),
    to,
    orderMessageId: input.orderMessageId,
    referenceId: input.referenceId,
    orderRequestId: input.orderRequestId,
    orderStatus: input.orderStatus,
    paymentStatus: input.paymentStatus,
    order,
    text: input.text ?? null,
  });
}
