import { Field, InputType } from 'type-graphql';
import { SendInputBase } from './send.inputs.js';

/**
 * `sendButtons`: an interactive message with reply buttons (WhatsApp's rules: 1 to 3 buttons,
 * titles of at most 20 characters, unique ids; header text 60, body 1024, footer 60 characters —
 * `providers/limits.ts`).
 */

@InputType({ description: 'A reply button.' })
export class ReplyButtonInput {
  @Field(() => String, { description: 'Your id for the button, returned when the user taps it (unique within the message).' }) id!: string;
  @Field(() => String, { description: 'The button label (at most 20 characters).' }) title!: string;
}

@InputType({ description: 'The header of an interactive message: exactly one of text, image, video or document.' })
export class InteractiveHeaderInput {
  @Field(() => String, { nullable: true, description: 'Header text (at most 60 characters).' }) text?: string | null;
  @Field(() => String, { nullable: true, description: 'An http(s) URL of an image.' }) image?: string | null;
  @Field(() => String, { nullable: true, description: 'An http(s) URL of a video.' }) video?: string | null;
  @Field(() => String, { nullable: true, description: 'An http(s) URL of a document.' }) document?: string | null;
  @Field(() => String, { nullable: true, description: 'The document file name the recipient sees, where the provider supports it.' }) documentFileName?: string | null;
}

@InputType({ description: 'A reply-buttons message.' })
export class SendButtonsInput extends SendInputBase {
  @Field(() => String, { description: 'The message body (at most 1024 characters).' }) body!: string;
  @Field(() => [ReplyButtonInput], { description: '1 to 3 reply buttons.' }) buttons!: ReplyButtonInput[];
  @Field(() => InteractiveHeaderInput, { nullable: true }) header?: InteractiveHeaderInput | null;
  @Field(() => String, { nullable: true, description: 'Footer text (at most 60 characters).' }) footer?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the message comes from when it is linked with a record, where the provider supports it (default "API").' }) source?:
    string | null;
  @Field(() => Boolean, { nullable: true, description: "Link the message with a record and show it in the provider's inbox, where supported." }) linkWithRecord?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Wait for the submission status before answering, where the provider supports it.' }) submissionStatus?: boolean | null;
}
