import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Message } from './message.types.js';

/**
 * `sendBulk`: many text messages in one mutation, one result per message in input order
 * (DESIGN.md, "Mutations"; providers send them in requests of their own documented size).
 */

@InputType({ description: 'One message of a bulk send.' })
export class SendBulkMessageInput {
  @Field(() => String, { description: "Recipient phone number in any common format (national numbers read in the provider's country)." }) to!: string;
  @Field(() => String, { description: 'The text.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Your own reference for this message, echoed back where the provider supports it.' }) clientReference?: string | null;
}

@InputType({ description: 'A bulk text send.' })
export class SendBulkInput {
  @Field(() => ID, { description: 'The instance to send from.' }) instanceId!: string;
  @Field(() => [SendBulkMessageInput], { description: 'The messages, sent in this order (at most 10000 per call).' }) messages!: SendBulkMessageInput[];
  @Field(() => String, { nullable: true, description: 'Repeat the call with the same key within 24 hours and get the first results back without sending again.' }) idempotencyKey?:
    string | null;
}

@ObjectType({ description: 'Why one message of a bulk send was not sent.' })
export class BulkItemError {
  @Field(() => String, { description: 'An error code of the graph (BAD_USER_INPUT, PROVIDER_ERROR, PROVIDER_UNAVAILABLE…).' }) code!: string;
  @Field(() => String, { description: 'A safe explanation (never the message text).' }) message!: string;
}

@ObjectType({ description: 'The result of one message of a bulk send: the sent message, or the error.' })
export class BulkItemResult {
  @Field(() => Message, { nullable: true, description: 'The message, when sent.' }) message?: Message | null;
  @Field(() => BulkItemError, { nullable: true, description: 'Why it was not sent.' }) error?: BulkItemError | null;
}

@ObjectType({ description: 'The result of a bulk send.' })
export class SendBulkPayload {
  @Field(() => [BulkItemResult], { description: 'One result per input message, in input order.' }) results!: BulkItemResult[];
}
