import { Field, ObjectType } from 'type-graphql';
import { Connection } from './connection.types.js';
import { MessageStatusEnum } from './enums.js';
import { Message } from './message.types.js';
import { DateTimeScalar } from './scalars.js';

/** The conversation types: what the message store keeps beside a message (see `conversations/store.ts`). */

@ObjectType({ description: 'A reaction to a message: the latest of one reactor (a removed reaction is not listed).' })
export class MessageReaction {
  @Field(() => String, { description: 'Who reacted: their phone or id (the participant in a group), or `me` for this account.' }) reactorId!: string;
  @Field(() => Boolean, { description: 'Whether this account reacted.' }) fromMe!: boolean;
  @Field(() => String) emoji!: string;
  @Field(() => DateTimeScalar, { description: 'When the reaction was made.' }) reactedAt!: number;
}

@ObjectType({ description: 'A status a message reached, and when (statuses never go backwards, so the list is in status order).' })
export class MessageStatusEntry {
  @Field(() => MessageStatusEnum) status!: string;
  @Field(() => DateTimeScalar) at!: number;
}

/** `MessageConnection`: a chat's stored messages, newest first. */
export const MessageConnection = Connection(Message, 'Message');
