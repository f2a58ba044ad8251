import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CHAT_EXPIRATIONS } from '../providers/model.js';

/**
 * Inputs and payloads of the chat-management mutations (`archiveChat`, `pinChat`, …;
 * DESIGN.md "Mutations"): one `input` with `instanceId` and the chat.
 */

/** `ChatExpiration`: how long new messages in a chat live. */
export const ChatExpirationEnum = Object.fromEntries(CHAT_EXPIRATIONS.map((v) => [v, v])) as { [K in (typeof CHAT_EXPIRATIONS)[number]]: K };
registerEnumType(ChatExpirationEnum, { name: 'ChatExpiration', description: 'How long new messages in a chat live before they disappear; OFF keeps them.' });

@InputType({ description: 'A chat to act on.' })
export class ChatActionInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'Phone number (any common format) or group id.' }) chatId!: string;
}

@InputType({ description: 'Set how long new messages in a chat live (disappearing messages).' })
export class SetChatExpirationInput extends ChatActionInput {
  @Field(() => ChatExpirationEnum) expiration!: (typeof CHAT_EXPIRATIONS)[number];
}

@ObjectType({ description: 'The result of a chat-management mutation.' })
export class ChatActionPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The chat, normalised (phone digits or group id).' }) chatId!: string;
  @Field(() => Boolean, { description: "The provider's confirmation: false when it says the action did not happen (no such chat)." }) ok!: boolean;
}
