import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MessageContent } from '../providers/model.js';
import { MessageStatusEnum } from './enums.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { Node } from './node.types.js';

/**
 * `Message` and its content union. The resolver layer hands these types the domain objects
 * of `providers/model.ts` unchanged: field names here are the model's.
 */

@ObjectType({ description: 'The preview WhatsApp shows under a link.' })
export class LinkPreview {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) thumbnailUrl?: string | null;
}

@ObjectType({ description: 'The ad a conversation started from ("click to WhatsApp" ad attribution).' })
export class AdAttribution {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the click came from (`ad`).' }) sourceType?: string | null;
  @Field(() => String, { nullable: true, description: "The ad's id." }) sourceId?: string | null;
  @Field(() => String, { nullable: true }) sourceUrl?: string | null;
  @Field(() => String, { nullable: true }) thumbnailUrl?: string | null;
  @Field(() => String, { nullable: true }) mediaUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'The click id advertisers use to attribute the conversation.' }) ctwaClid?: string | null;
}

@ObjectType({ description: 'Plain text, possibly with a link preview, possibly answering an ad.' })
export class TextContent {
  @Field(() => String, { description: 'The text, with WhatsApp formatting marks as sent.' }) body!: string;
  @Field(() => LinkPreview, { nullable: true }) linkPreview?: LinkPreview | null;
  @Field(() => AdAttribution, { nullable: true, description: 'Set when the message came from a "click to WhatsApp" ad.' }) adAttribution?: AdAttribution | null;
}

@ObjectType({ description: 'An image.' })
export class ImageContent {
  @Field(() => String, { nullable: true, description: 'A URL the client can fetch the image from with no header (see `expiresAt`).' }) url?: string | null;
  @Field(() => String, { nullable: true, description: "The provider's media id, when media are fetched by id." }) mediaId?: string | null;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => Int, { nullable: true, description: 'Pixels.' }) width?: number | null;
  @Field(() => Int, { nullable: true, description: 'Pixels.' }) height?: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When `url` (a link to this server's media route) stops working; null when there is no such link." }) expiresAt?:
    number | null;
}

@ObjectType({ description: 'An audio clip or a voice note.' })
export class AudioContent {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) mediaId?: string | null;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True for a push-to-talk voice note.' }) voice?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Duration in seconds.' }) seconds?: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When `url` (a link to this server's media route) stops working; null when there is no such link." }) expiresAt?:
    number | null;
}

@ObjectType({ description: 'A video, a GIF or a round video note.' })
export class VideoContent {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) mediaId?: string | null;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => Int, { nullable: true, description: 'Duration in seconds.' }) seconds?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True for a GIF (a looping video without sound); null when the provider does not say.' }) gif?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True for a round video note (PTV); null when the provider does not say.' }) ptv?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When `url` (a link to this server's media route) stops working; null when there is no such link." }) expiresAt?:
    number | null;
}

@ObjectType({ description: 'A document.' })
export class DocumentContent {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) mediaId?: string | null;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => String, { nullable: true }) fileName?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => Int, { nullable: true }) pageCount?: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When `url` (a link to this server's media route) stops working; null when there is no such link." }) expiresAt?:
    number | null;
}

@ObjectType({ description: 'A sticker.' })
export class StickerContent {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) mediaId?: string | null;
  @Field(() => String, { nullable: true }) mimeType?: string | null;
  @Field(() => Boolean, { nullable: true }) animated?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "When `url` (a link to this server's media route) stops working; null when there is no such link." }) expiresAt?:
    number | null;
}

@ObjectType({ description: 'A location pin.' })
export class LocationContent {
  @Field(() => Float, { description: 'Degrees.' }) latitude!: number;
  @Field(() => Float, { description: 'Degrees.' }) longitude!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

@ObjectType({ description: 'A shared contact card.' })
export class SharedContactCard {
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'Phone numbers as on the card.' }) phones!: string[];
  @Field(() => String, { nullable: true, description: 'The vCard text.' }) vcard?: string | null;
}

@ObjectType({ description: 'One or more shared contact cards.' })
export class ContactContent {
  @Field(() => [SharedContactCard]) contacts!: SharedContactCard[];
}

@ObjectType({ description: 'A reaction to another message; an empty emoji removes the reaction.' })
export class ReactionContent {
  @Field(() => String) emoji!: string;
  @Field(() => String) targetMessageId!: string;
}

@ObjectType({ description: 'The reply button or list row a user chose.' })
export class InteractiveReplyContent {
  @Field(() => String, { nullable: true }) replyId?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

/** `ButtonKind` of a received button. */
export const ButtonKindEnum = { REPLY: 'REPLY', URL: 'URL', CALL: 'CALL', COPY: 'COPY', OTHER: 'OTHER' } as const;
registerEnumType(ButtonKindEnum, { name: 'ButtonKind', description: 'A quick-reply button, a link, a call button, a copy-code button, or another kind.' });

@ObjectType({ description: 'A button of a received interactive or template message.' })
export class ReceivedButton {
  @Field(() => ButtonKindEnum) type!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'REPLY: the id given back when chosen.' }) id?: string | null;
  @Field(() => String, { nullable: true, description: 'URL: the link (a one-time-password button carries its code in it).' }) url?: string | null;
  @Field(() => String, { nullable: true, description: 'CALL: the number called.' }) phoneNumber?: string | null;
  @Field(() => Int, { nullable: true, description: 'Position, from 0.' }) index?: number | null;
}

@ObjectType({ description: 'A message with reply buttons, possibly under an image or a video.' })
export class ButtonsContent {
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => String, { nullable: true }) imageUrl?: string | null;
  @Field(() => String, { nullable: true }) videoUrl?: string | null;
  @Field(() => [ReceivedButton]) buttons!: ReceivedButton[];
}

@ObjectType({ description: 'A row of a list message.' })
export class ListRowView {
  @Field(() => String) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType({ description: 'A section of a list message.' })
export class ListSectionView {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => [ListRowView]) rows!: ListRowView[];
}

@ObjectType({ description: 'A list message: a button opens sections of rows to choose from.' })
export class ListContent {
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => String, { nullable: true, description: 'The text of the button that opens the list.' }) buttonText?: string | null;
  @Field(() => [ListSectionView]) sections!: ListSectionView[];
}

@ObjectType({ description: 'The header of a template message or carousel card: a text, one media, or a location.' })
export class ReceivedHeader {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => ImageContent, { nullable: true }) image?: ImageContent | null;
  @Field(() => VideoContent, { nullable: true }) video?: VideoContent | null;
  @Field(() => DocumentContent, { nullable: true }) document?: DocumentContent | null;
  @Field(() => LocationContent, { nullable: true }) location?: LocationContent | null;
}

@ObjectType({ description: 'A template message (WhatsApp "HSM") as received: text, media or location header, and buttons (link, call, quick reply, one-time password).' })
export class TemplateMessageContent {
  @Field(() => String, { nullable: true }) templateId?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => ReceivedHeader, { nullable: true }) header?: ReceivedHeader | null;
  @Field(() => [ReceivedButton]) buttons!: ReceivedButton[];
}

@ObjectType({ description: 'One card of a carousel.' })
export class CarouselCard {
  @Field(() => ReceivedHeader, { nullable: true }) header?: ReceivedHeader | null;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => [ReceivedButton]) buttons!: ReceivedButton[];
}

@ObjectType({ description: 'A carousel: a text and cards scrolled sideways.' })
export class CarouselContent {
  @Field(() => String) body!: string;
  @Field(() => [CarouselCard]) cards!: CarouselCard[];
}

@ObjectType({ description: 'A PIX key (Brazil instant payments) shared to be paid.' })
export class PixKeyContent {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true, description: '`EVP`, `CPF`, `CNPJ`, `EMAIL`, `PHONE`, as the provider says.' }) keyType?: string | null;
  @Field(() => String, { nullable: true }) merchantName?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217.' }) currency?: string | null;
  @Field(() => String, { nullable: true }) referenceId?: string | null;
}

/** `PaymentAction`: request, declined request, payment received. */
export const PaymentActionEnum = { REQUEST: 'REQUEST', DECLINED: 'DECLINED', RECEIVED: 'RECEIVED' } as const;
registerEnumType(PaymentActionEnum, { name: 'PaymentAction', description: 'A payment request, a declined payment request, or a payment sent.' });

@ObjectType({ description: 'A WhatsApp payment: a request, a declined request or a payment.' })
export class PaymentContent {
  @Field(() => PaymentActionEnum) action!: string;
  @Field(() => Float, { nullable: true, description: "In the currency's unit as the provider gives it." }) amount?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217.' }) currency?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt?: number | null;
  @Field(() => String, { nullable: true }) requesterId?: string | null;
  @Field(() => String, { nullable: true }) receiverId?: string | null;
  @Field(() => String, { nullable: true, description: 'As the provider says it (`WAITING`, `COMPLETE`…).' }) status?: string | null;
  @Field(() => String, { nullable: true }) transactionStatus?: string | null;
}

@ObjectType({ description: 'A catalog product shared in a chat.' })
export class ProductContent {
  @Field(() => String) productId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Float, { nullable: true, description: "In the provider's unit for the currency." }) price?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true }) imageUrl?: string | null;
  @Field(() => Int, { nullable: true }) imageCount?: number | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) retailerId?: string | null;
  @Field(() => String, { nullable: true }) businessOwnerId?: string | null;
}

@ObjectType({ description: 'A line of an order.' })
export class OrderItem {
  @Field(() => String, { nullable: true }) productId?: string | null;
  @Field(() => String, { nullable: true }) retailerId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Int) quantity!: number;
  @Field(() => Float, { nullable: true, description: "Unit price in the provider's unit." }) price?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'An item outside the catalog.' }) isCustomItem?: boolean | null;
}

@ObjectType({ description: 'A shopping-cart order a customer sent.' })
export class OrderContent {
  @Field(() => String) orderId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => Int, { nullable: true }) itemCount?: number | null;
  @Field(() => String, { nullable: true }) sellerId?: string | null;
  @Field(() => String, { nullable: true }) thumbnailUrl?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Float, { nullable: true }) total?: number | null;
  @Field(() => Float, { nullable: true }) subTotal?: number | null;
  @Field(() => [OrderItem]) items!: OrderItem[];
}

/** `OrderStage` of order details. */
export const OrderStageEnum = { REVIEW_AND_PAY: 'REVIEW_AND_PAY', UPDATE: 'UPDATE' } as const;
registerEnumType(OrderStageEnum, { name: 'OrderStage', description: 'Order details asking to review and pay, or reporting a new order status.' });

@ObjectType({ description: "An order's details sent by the business: asking to review and pay, or an update of its status." })
export class OrderDetailsContent {
  @Field(() => OrderStageEnum) stage!: string;
  @Field(() => String, { nullable: true }) referenceId?: string | null;
  @Field(() => String, { nullable: true }) orderRequestId?: string | null;
  @Field(() => String, { nullable: true, description: '`physical-goods`, `digital-goods`, as the provider says.' }) orderType?: string | null;
  @Field(() => String, { nullable: true }) orderStatus?: string | null;
  @Field(() => String, { nullable: true }) paymentStatus?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Float, { nullable: true }) total?: number | null;
  @Field(() => Float, { nullable: true }) subTotal?: number | null;
  @Field(() => Float, { nullable: true }) discount?: number | null;
  @Field(() => Float, { nullable: true }) shipping?: number | null;
  @Field(() => Float, { nullable: true }) tax?: number | null;
  @Field(() => [OrderItem]) items!: OrderItem[];
}

@ObjectType({ description: 'A poll.' })
export class PollContent {
  @Field(() => String) question!: string;
  @Field(() => [String]) options!: string[];
  @Field(() => Int, { nullable: true, description: 'How many options one may choose; 0 or null: any number.' }) maxSelections?: number | null;
}

@ObjectType({ description: 'A vote on a poll.' })
export class PollVoteContent {
  @Field(() => String, { description: 'The poll message voted on.' }) pollMessageId!: string;
  @Field(() => [String], { description: 'The options chosen (empty: the vote was withdrawn).' }) selectedOptions!: string[];
}

/** `PinAction`. */
export const PinActionEnum = { PIN: 'PIN', UNPIN: 'UNPIN' } as const;
registerEnumType(PinActionEnum, { name: 'PinAction', description: 'A message pinned or unpinned.' });

@ObjectType({ description: 'A message pinned or unpinned in the chat.' })
export class PinContent {
  @Field(() => PinActionEnum) action!: string;
  @Field(() => String) targetMessageId!: string;
  @Field(() => Int, { nullable: true, description: 'How long it stays pinned, seconds.' }) durationSeconds?: number | null;
}

@ObjectType({ description: 'A WhatsApp event: a scheduled gathering or call.' })
export class EventMessageContent {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) startsAt?: number | null;
  @Field(() => String, { nullable: true, description: 'The call link, for an event held as a call.' }) joinLink?: string | null;
  @Field(() => LocationContent, { nullable: true }) location?: LocationContent | null;
  @Field(() => Boolean) canceled!: boolean;
}

@ObjectType({ description: 'An answer to a WhatsApp event.' })
export class EventResponseContent {
  @Field(() => String) eventMessageId!: string;
  @Field(() => String, { description: "`GOING`, `NOT_GOING`, `MAYBE` (or the provider's own word)." }) response!: string;
  @Field(() => String, { nullable: true }) respondentId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) respondedAt?: number | null;
}

@ObjectType({ description: 'An invitation to become an admin of a WhatsApp channel.' })
export class ChannelAdminInviteContent {
  @Field(() => String) channelId!: string;
  @Field(() => String, { nullable: true }) channelName?: string | null;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt?: number | null;
}

@ObjectType({ description: 'WhatsApp is still waiting for this message ("Waiting for this message"); a message with the same id replaces it when it arrives.' })
export class PendingContent {
  @Field(() => Boolean, { description: 'Always true.' }) waiting!: boolean;
}

@ObjectType({ description: "A kind of message the graph does not type yet: the provider's kind name and its raw JSON, so nothing is dropped." })
export class UnsupportedContent {
  @Field(() => String, { description: "The provider's name for the kind (e.g. `poll`, `order`)." }) type!: string;
  @Field(() => JSONScalar, { description: 'The raw provider payload.' }) raw!: unknown;
}

const CONTENT_CLASSES = {
  text: TextContent,
  image: ImageContent,
  audio: AudioContent,
  video: VideoContent,
  document: DocumentContent,
  sticker: StickerContent,
  location: LocationContent,
  contact: ContactContent,
  reaction: ReactionContent,
  interactiveReply: InteractiveReplyContent,
  buttons: ButtonsContent,
  list: ListContent,
  template: TemplateMessageContent,
  carousel: CarouselContent,
  pixKey: PixKeyContent,
  payment: PaymentContent,
  product: ProductContent,
  order: OrderContent,
  orderDetails: OrderDetailsContent,
  poll: PollContent,
  pollVote: PollVoteContent,
  pin: PinContent,
  event: EventMessageContent,
  eventResponse: EventResponseContent,
  channelAdminInvite: ChannelAdminInviteContent,
  pending: PendingContent,
  unsupported: UnsupportedContent,
} as const satisfies Record<MessageContent['kind'], unknown>;

/** `MessageContent`: the union of typed contents, resolved by the model's `kind`. */
export const MessageContentUnion = createUnionType({
  name: 'MessageContent',
  description: 'What a message carries. `UnsupportedContent` holds any kind not typed yet, with its raw JSON.',
  types: () => Object.values(CONTENT_CLASSES),
  resolveType: (value) => CONTENT_CLASSES[(value as MessageContent).kind]?.name ?? 'UnsupportedContent',
});

@ObjectType({ implements: Node, description: 'A WhatsApp message.' })
export class Message {
  /** WhatsApp's (or the provider's) message id (served as `providerMessageId`; the GraphQL `id` is global, resolvers/node-ids.ts). */
  @Field(() => ID) id!: string;
  @Field(() => String) instanceId!: string;
  @Field(() => Boolean, { description: 'Sent by this account (from the graph, the phone, or another device).' }) fromMe!: boolean;
  @Field(() => DateTimeScalar) timestamp!: number;
  @Field(() => String, { nullable: true, description: 'The sender (in a group: the participant).' }) senderId?: string | null;
  @Field(() => String, { nullable: true }) senderName?: string | null;
  @Field(() => MessageContentUnion) content!: MessageContent;
  @Field(() => MessageStatusEnum, { nullable: true, description: 'Last known status (sent messages).' }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'The quoted message, when this one replies to another.' }) replyToMessageId?: string | null;
  @Field(() => String, { nullable: true, description: "The caller's own reference, when the provider echoes one." }) clientReference?: string | null;
  @Field(() => String, { nullable: true, description: "The chat's LID (WhatsApp's privacy id, `…@lid`), when given." }) chatLid?: string | null;
  @Field(() => String, { nullable: true, description: "The sender's LID (in a group, the participant's), when given." }) senderLid?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'This is an edited version of the message; null when the provider does not say.' }) edited?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The message was forwarded; null when the provider does not say.' }) forwarded?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The media can be seen once only; null when the provider does not say.' }) viewOnce?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Disappearing messages: seconds after which it disappears; null or 0 when off.' }) expirationSeconds?: number | null;
  @Field(() => Boolean, { nullable: true, description: "Sent by the account through the provider's API rather than from the phone; null when not said." }) sentFromApi?:
    boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'It answers a status (story); null when the provider does not say.' }) isStatusReply?: boolean | null;
  /** The chat id (resolved into `chat` by the message resolver). */
  chatId!: string;
  isGroup?: boolean;
}
