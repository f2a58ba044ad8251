import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  ACTION_BUTTON_TYPES,
  CATALOG_LANGUAGES,
  EVENT_CALL_TYPES,
  LINK_PREVIEW_SIZES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  PIN_DURATIONS,
  PIX_KEY_TYPES,
  type ActionButtonType,
  type CatalogLanguage,
  type EventCallType,
  type LinkPreviewSize,
  type OrderStatus,
  type PaymentStatus,
  type PinDuration,
  type PixKeyType,
} from '../providers/model-rich.js';
import { SendInputBase } from './send.inputs.js';

/**
 * Inputs of the rich send mutations (issue 8): one input per kind of message, each on
 * `SendInputBase` (instance, recipient, quote, delays, reference, idempotency key) unless the
 * kind has no recipient (a status) or is an action on a message (pin, edit). Payload: the
 * `SendMessagePayload` every send returns.
 */

function enumObject<T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

/** `ActionButtonType`: URL, CALL, REPLY. */
export const ActionButtonTypeEnum = enumObject(ACTION_BUTTON_TYPES);
registerEnumType(ActionButtonTypeEnum, { name: 'ActionButtonType', description: 'What an action button does: open a URL, call a phone number, or send a quick reply.' });
/** `PixKeyType`: CPF, CNPJ, PHONE, EMAIL, RANDOM. */
export const PixKeyTypeEnum = enumObject(PIX_KEY_TYPES);
registerEnumType(PixKeyTypeEnum, { name: 'PixKeyType', description: 'The kind of a PIX key (Brazilian instant payments); RANDOM is a random key (EVP).' });
/** `LinkPreviewSize`: SMALL, MEDIUM, LARGE. */
export const LinkPreviewSizeEnum = enumObject(LINK_PREVIEW_SIZES);
registerEnumType(LinkPreviewSizeEnum, { name: 'LinkPreviewSize', description: 'How large the link preview card is shown.' });
/** `CatalogLanguage`: EN, PT. */
export const CatalogLanguageEnum = enumObject(CATALOG_LANGUAGES);
registerEnumType(CatalogLanguageEnum, { name: 'CatalogLanguage', description: "The language of a catalog card's default text." });
/** `OrderStatus`. */
export const OrderStatusEnum = enumObject(ORDER_STATUSES);
registerEnumType(OrderStatusEnum, { name: 'OrderStatus', description: 'Where an order stands.' });
/** `PaymentStatus`. */
export const PaymentStatusEnum = enumObject(PAYMENT_STATUSES);
registerEnumType(PaymentStatusEnum, { name: 'PaymentStatus', description: 'Whether an order is paid.' });
/** `PinDuration`. */
export const PinDurationEnum = enumObject(PIN_DURATIONS);
registerEnumType(PinDurationEnum, { name: 'PinDuration', description: 'How long a pinned message stays pinned: 24 hours, 7 days or 30 days.' });
/** `EventCallType`. */
export const EventCallTypeEnum = enumObject(EVENT_CALL_TYPES);
registerEnumType(EventCallTypeEnum, { name: 'EventCallType', description: 'The kind of call link an event carries.' });

@InputType({ description: 'A sticker.' })
export class SendStickerInput extends SendInputBase {
  @Field(() => String, { description: 'The sticker (a WebP image): an https URL or a base64 data URI.' }) sticker!: string;
  @Field(() => String, { nullable: true, description: "The sticker's author name, where the provider carries one." }) author?: string | null;
}

@InputType({ description: 'A GIF: an MP4 video that plays in a loop without sound.' })
export class SendGifInput extends SendInputBase {
  @Field(() => String, { description: 'The GIF as an MP4 file: an https URL or a base64 data URI.' }) gif!: string;
  @Field(() => String, { nullable: true }) caption?: string | null;
}

@InputType({ description: 'A PTV: a round video note.' })
export class SendPtvInput extends SendInputBase {
  @Field(() => String, { description: 'The video: an https URL or a base64 data URI.' }) video!: string;
}

@InputType({ description: 'A text with a link preview card.' })
export class SendLinkInput extends SendInputBase {
  @Field(() => String, { description: 'The text; it must end with `url`.' }) text!: string;
  @Field(() => String, { description: 'The link (http or https).' }) url!: string;
  @Field(() => String, { description: "The preview's title." }) title!: string;
  @Field(() => String, { description: "The preview's description." }) description!: string;
  @Field(() => String, { description: "The preview's image: an https URL." }) image!: string;
  @Field(() => LinkPreviewSizeEnum, { nullable: true, description: 'The size of the preview card (the provider chooses when omitted).' }) previewSize?: LinkPreviewSize | null;
}

@InputType({ description: 'Forward a message to another chat.' })
export class ForwardMessageInput extends SendInputBase {
  @Field(() => String, { description: 'The message to forward.' }) messageId!: string;
  @Field(() => String, { description: 'The chat the message is in (phone number or group id).' }) fromChatId!: string;
}

@InputType({ description: 'Edit the text of a message this account sent.' })
export class EditMessageInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The chat the message was sent to (phone number or group id).' }) to!: string;
  @Field(() => String, { description: 'The message to edit.' }) messageId!: string;
  @Field(() => String, { description: 'The new text (at most 4096 characters).' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Your own reference for the edit.' }) clientReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Repeat the edit with the same key within 24 hours and get the first result back without editing again.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'An action button: a URL to open (`url`), a number to call (`phone`), or a quick reply (`id` comes back with the reply).' })
export class ActionButtonInput {
  @Field(() => ActionButtonTypeEnum) type!: ActionButtonType;
  @Field(() => String, { description: 'The button text (at most 20 characters).' }) label!: string;
  @Field(() => String, { nullable: true, description: 'Your id for the button.' }) id?: string | null;
  @Field(() => String, { nullable: true, description: 'For URL buttons: the http(s) link.' }) url?: string | null;
  @Field(() => String, { nullable: true, description: 'For CALL buttons: the phone number.' }) phone?: string | null;
}

@InputType({ description: 'A text with 1 to 3 action buttons (open a URL, call, quick reply).' })
export class SendActionButtonsInput extends SendInputBase {
  @Field(() => String, { description: 'The text (at most 1024 characters).' }) text!: string;
  @Field(() => [ActionButtonInput]) buttons!: ActionButtonInput[];
  @Field(() => String, { nullable: true, description: 'A title above the text (at most 60 characters).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'A footer below the text (at most 60 characters).' }) footer?: string | null;
}

@InputType({ description: 'A text with a button that copies a one-time code.' })
export class SendOtpButtonInput extends SendInputBase {
  @Field(() => String, { description: 'The text (at most 1024 characters).' }) text!: string;
  @Field(() => String, { description: 'The code the button copies (at most 15 characters); never echoed back.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'An image above the text: an https URL or a base64 data URI.' }) image?: string | null;
  @Field(() => String, { nullable: true, description: 'The button text (the provider shows its default, such as "Copy code", when omitted).' }) buttonText?: string | null;
}

@InputType({ description: 'A button that copies a PIX key.' })
export class SendPixButtonInput extends SendInputBase {
  @Field(() => String, { description: 'The PIX key.' }) pixKey!: string;
  @Field(() => PixKeyTypeEnum) keyType!: PixKeyType;
  @Field(() => String, { nullable: true, description: "The button's title (the receiver's name)." }) merchantName?: string | null;
}

@InputType({ description: 'A carousel card: an image, a text and its action buttons.' })
export class CarouselCardInput {
  @Field(() => String, { description: 'The card text (at most 160 characters).' }) text!: string;
  @Field(() => String, { description: 'The card image: an https URL or a base64 data URI.' }) image!: string;
  @Field(() => [ActionButtonInput], { nullable: true, description: 'The card buttons (at most 3).' }) buttons?: ActionButtonInput[] | null;
}

@InputType({ description: 'A carousel: a text followed by 1 to 10 cards.' })
export class SendCarouselInput extends SendInputBase {
  @Field(() => String, { description: 'The text above the cards (at most 1024 characters).' }) text!: string;
  @Field(() => [CarouselCardInput]) cards!: CarouselCardInput[];
}

@InputType({ description: 'A poll: a question and 2 to 12 distinct options.' })
export class SendPollInput extends SendInputBase {
  @Field(() => String, { description: 'The question (at most 255 characters).' }) question!: string;
  @Field(() => [String], { description: '2 to 12 distinct options (each at most 100 characters).' }) options!: string[];
  @Field(() => Int, { nullable: true, description: 'How many options one person may choose (1 to the number of options); any number when omitted.' }) maxSelections?: number | null;
}

@InputType({ description: 'A vote on a poll.' })
export class SendPollVoteInput extends SendInputBase {
  @Field(() => String, { description: 'The poll message.' }) pollMessageId!: string;
  @Field(() => [String], { description: 'The names of the chosen options, as the poll spells them.' }) options!: string[];
}

@InputType({ description: "A product card of a WhatsApp Business catalog named by its owner's phone number (for a Commerce catalog id, see `sendProduct`)." })
export class SendCatalogProductInput extends SendInputBase {
  @Field(() => String, { description: 'The phone number of the business account that owns the catalog.' }) catalogPhone!: string;
  @Field(() => String, { description: 'The product id in that catalog.' }) productId!: string;
}

@InputType({ description: "A card that opens a WhatsApp Business account's catalog." })
export class SendCatalogInput extends SendInputBase {
  @Field(() => String, { description: 'The phone number of the business account that owns the catalog.' }) catalogPhone!: string;
  @Field(() => String, { nullable: true, description: 'The text sent with the card.' }) text?: string | null;
  @Field(() => String, { nullable: true, description: "The card's title." }) title?: string | null;
  @Field(() => String, { nullable: true, description: "The card's description." }) description?: string | null;
  @Field(() => CatalogLanguageEnum, { nullable: true, description: "The language of the card's default text." }) language?: CatalogLanguage | null;
}

@InputType({ description: 'One line of an order.' })
export class OrderItemInput {
  @Field(() => String) name!: string;
  @Field(() => Float, { description: "Unit price in the currency's major unit (10.5 is 10.50 BRL); not negative." }) price!: number;
  @Field(() => Int, { description: 'At least 1.' }) quantity!: number;
  @Field(() => String, { nullable: true, description: 'The catalog product id, when the item is a catalog product.' }) productId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True for an item that is not a catalog product.' }) isCustomItem?: boolean | null;
}

@InputType({ description: 'An order: its currency, items and extra amounts (major units, not negative).' })
export class OrderInput {
  @Field(() => String, { description: 'ISO 4217 currency code (BRL).' }) currency!: string;
  @Field(() => [OrderItemInput]) items!: OrderItemInput[];
  @Field(() => Float, { nullable: true }) discount?: number | null;
  @Field(() => Float, { nullable: true }) tax?: number | null;
  @Field(() => Float, { nullable: true }) shipping?: number | null;
}

@InputType({ description: 'A PIX key to be paid to.' })
export class PixKeyInput {
  @Field(() => String) key!: string;
  @Field(() => PixKeyTypeEnum) keyType!: PixKeyType;
  @Field(() => String, { nullable: true, description: "The receiver's name." }) name?: string | null;
}

@InputType({ description: "An order sent for the customer's approval, with how it may be paid." })
export class SendOrderInput extends SendInputBase {
  @Field(() => OrderInput) order!: OrderInput;
  @Field(() => PixKeyInput, { nullable: true, description: 'Pay by PIX to this key.' }) pix?: PixKeyInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Accept cards (configured in the WhatsApp Business app).' }) cardPayment?: boolean | null;
}

@InputType({ description: 'An update of an order sent earlier: its status, payment status and current contents.' })
export class UpdateOrderInput extends SendInputBase {
  @Field(() => String, { description: 'The order message.' }) orderMessageId!: string;
  @Field(() => String, { description: "The order's reference id (from its webhook)." }) referenceId!: string;
  @Field(() => String, { description: "The order request's reference id (from its webhook)." }) orderRequestId!: string;
  @Field(() => OrderStatusEnum) orderStatus!: OrderStatus;
  @Field(() => PaymentStatusEnum) paymentStatus!: PaymentStatus;
  @Field(() => OrderInput) order!: OrderInput;
  @Field(() => String, { nullable: true, description: 'A text sent with the update.' }) text?: string | null;
}

@InputType({ description: 'Pin a message in its chat.' })
export class PinMessageInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The chat (phone number or group id).' }) chatId!: string;
  @Field(() => String) messageId!: string;
  @Field(() => PinDurationEnum, { defaultValue: 'HOURS_24', description: 'How long it stays pinned.' }) duration!: PinDuration;
}

@InputType({ description: 'Unpin a message.' })
export class UnpinMessageInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The chat (phone number or group id).' }) chatId!: string;
  @Field(() => String) messageId!: string;
}

@InputType({ description: 'A WhatsApp event.' })
export class ChatEventInput {
  @Field(() => String, { description: 'The name (at most 256 characters).' }) name!: string;
  @Field(() => String, { description: 'When it starts: an ISO 8601 date-time with its offset (`2024-04-29T09:30:00-03:00`).' }) startsAt!: string;
  @Field(() => String, { nullable: true, description: 'At most 2048 characters.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'The name of the place.' }) locationName?: string | null;
  @Field(() => EventCallTypeEnum, { nullable: true, description: 'Attach a voice or video call link.' }) callType?: EventCallType | null;
  @Field(() => Boolean, { defaultValue: false }) canceled!: boolean;
}

@InputType({ description: 'An event sent to a chat.' })
export class SendEventInput extends SendInputBase {
  @Field(() => ChatEventInput) event!: ChatEventInput;
}

@InputType({ description: 'A new version of an event sent earlier.' })
export class EditEventInput extends SendInputBase {
  @Field(() => String, { description: 'The event message.' }) eventMessageId!: string;
  @Field(() => ChatEventInput) event!: ChatEventInput;
}

@InputType({ description: 'An answer to an event.' })
export class RespondToEventInput extends SendInputBase {
  @Field(() => String, { description: 'The event message.' }) eventMessageId!: string;
  @Field(() => Boolean, { description: 'True: going; false: not going.' }) going!: boolean;
}

@InputType({ description: 'An invitation to become an admin of a channel.' })
export class SendChannelAdminInviteInput extends SendInputBase {
  @Field(() => String, { description: 'The channel id (`120363166555745933@newsletter`).' }) channelId!: string;
  @Field(() => String, { description: 'The invitation text (at most 1024 characters).' }) caption!: string;
}

@InputType({ description: 'A voice call that rings for a few seconds and hangs up.' })
export class SendCallInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The phone number to call.' }) to!: string;
  @Field(() => Int, { nullable: true, description: "Seconds to ring, within the provider's range (1 to 15 where documented); the provider's default when omitted." })
  durationSeconds?: number | null;
  @Field(() => String, { nullable: true }) clientReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Repeat with the same key within 24 hours and get the first result back without calling again.' }) idempotencyKey?:
    string | null;
}

@InputType({ description: "A status (story) on this account: exactly one of `text`, `image` or `video`. It has no recipient: the account's contacts see it." })
export class SendStatusInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true, description: 'A text status (at most 700 characters).' }) text?: string | null;
  @Field(() => String, { nullable: true, description: 'An image: an https URL or a base64 data URI.' }) image?: string | null;
  @Field(() => String, { nullable: true, description: 'A video: an https URL or a base64 data URI.' }) video?: string | null;
  @Field(() => String, { nullable: true, description: 'The caption of an image or video (at most 1024 characters).' }) caption?: string | null;
  @Field(() => String, { nullable: true }) clientReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Repeat with the same key within 24 hours and get the first result back without posting again.' }) idempotencyKey?:
    string | null;
}

@InputType({ description: "A reply to someone's status: exactly one of `text`, `gif` or `sticker`, sent to the status's author." })
export class ReplyToStatusInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: "The status's author (phone number)." }) to!: string;
  @Field(() => String, { description: 'The status message.' }) statusMessageId!: string;
  @Field(() => String, { nullable: true, description: 'A text reply (at most 4096 characters).' }) text?: string | null;
  @Field(() => String, { nullable: true, description: 'A GIF reply: an MP4 as an https URL or a base64 data URI.' }) gif?: string | null;
  @Field(() => String, { nullable: true, description: 'A sticker reply: an https URL or a base64 data URI.' }) sticker?: string | null;
  @Field(() => String, { nullable: true }) clientReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Repeat with the same key within 24 hours and get the first result back without replying again.' }) idempotencyKey?:
    string | null;
}
