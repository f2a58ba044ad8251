import { createUnionType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { MessageContent } from '../providers/model.js';
import { MessageStatusEnum } from './enums.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';

/**
 * `Message` and its content union. The resolver layer hands these types the domain objects
 * of `providers/model.ts` unchanged: field names here are the model's.
 */

@ObjectType({ description: 'Plain text.' })
export class TextContent {
  @Field(() => String, { description: 'The text, with WhatsApp formatting marks as sent.' }) body!: string;
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
  @Field(() => Boolean, { nullable: true }) gif?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True for a round video note (PTV).' }) ptv?: boolean | null;
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
  unsupported: UnsupportedContent,
} as const satisfies Record<MessageContent['kind'], unknown>;

/** `MessageContent`: the union of typed contents, resolved by the model's `kind`. */
export const MessageContentUnion = createUnionType({
  name: 'MessageContent',
  description: 'What a message carries. `UnsupportedContent` holds any kind not typed yet, with its raw JSON.',
  types: () => Object.values(CONTENT_CLASSES),
  resolveType: (value) => CONTENT_CLASSES[(value as MessageContent).kind]?.name ?? 'UnsupportedContent',
});

@ObjectType({ description: 'A WhatsApp message.' })
export class Message {
  @Field(() => ID, { description: "WhatsApp's (or the provider's) message id." }) id!: string;
  @Field(() => String) instanceId!: string;
  @Field(() => Boolean, { description: 'Sent by this account (from the graph, the phone, or another device).' }) fromMe!: boolean;
  @Field(() => DateTimeScalar) timestamp!: number;
  @Field(() => String, { nullable: true, description: 'The sender (in a group: the participant).' }) senderId?: string | null;
  @Field(() => String, { nullable: true }) senderName?: string | null;
  @Field(() => MessageContentUnion) content!: MessageContent;
  @Field(() => MessageStatusEnum, { nullable: true, description: 'Last known status (sent messages).' }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'The quoted message, when this one replies to another.' }) replyToMessageId?: string | null;
  @Field(() => String, { nullable: true, description: "The caller's own reference, when the provider echoes one." }) clientReference?: string | null;
  /** The chat id (resolved into `chat` by the message resolver). */
  chatId!: string;
  isGroup?: boolean;
}
