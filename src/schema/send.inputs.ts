import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Message } from './message.types.js';

/**
 * Inputs and payloads of the core send/manage mutations. Every mutation takes one `input`
 * (with `instanceId`) and returns a payload object (DESIGN.md, "The graph").
 */

@InputType({ description: 'Fields every send takes.' })
export class SendInputBase {
  @Field(() => ID, { description: 'The instance to send from.' }) instanceId!: string;
  @Field(() => String, { description: "Recipient: a phone number in any common format (`+55 (11) 98765-4321`, national numbers read in the provider's country), or a group id." })
  to!: string;
  @Field(() => String, { nullable: true, description: 'Quote (reply to) this message id.' }) replyToMessageId?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds to wait before sending, where the provider supports it (see Instance.capabilities; providers that support it take 1 to 15).',
  })
  delaySeconds?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds to show "typing…" first, where the provider supports it (see Instance.capabilities; providers that support it take 1 to 15).',
  })
  typingSeconds?: number | null;
  @Field(() => String, { nullable: true, description: 'Your own reference for the message, echoed back where the provider supports it.' }) clientReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Repeat a send with the same key within 24 hours and get the first result back without sending again.' }) idempotencyKey?:
    string | null;
}

@InputType({ description: 'A group mentioned in a text.' })
export class GroupMentionInput {
  @Field(() => String, { description: 'The group id.' }) groupId!: string;
  @Field(() => String, { description: "The group's name as the mention shows it." }) subject!: string;
}

@InputType({ description: 'A text message.' })
export class SendTextInput extends SendInputBase {
  @Field(() => String, { description: 'The text (at most 4096 characters).' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Edit this previously sent message instead of sending a new one, where the provider supports editing.' }) editMessageId?:
    string | null;
  @Field(() => [String], { nullable: true, description: 'Phone numbers mentioned in a group message (the text should contain @number for each).' }) mentions?: string[] | null;
  @Field(() => [GroupMentionInput], {
    nullable: true,
    description: 'Groups mentioned in a group message (the text should contain @groupId for each), where the provider supports it.',
  })
  groupMentions?: GroupMentionInput[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "With replyToMessageId on a group message: send the reply to the sender's private chat instead of the group, where the provider supports it.",
  })
  privateReply?: boolean | null;
}

@InputType({ description: 'An image message.' })
export class SendImageInput extends SendInputBase {
  @Field(() => String, { description: 'The image: an https URL or a base64 data URI.' }) image!: string;
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'View once: the recipient can open it one time, where the provider supports it.' }) viewOnce?: boolean | null;
}

@InputType({ description: 'A video message.' })
export class SendVideoInput extends SendInputBase {
  @Field(() => String, { description: 'The video: an https URL or a base64 data URI.' }) video!: string;
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'View once: the recipient can open it one time, where the provider supports it.' }) viewOnce?: boolean | null;
}

@InputType({ description: 'An audio message.' })
export class SendAudioInput extends SendInputBase {
  @Field(() => String, { description: 'The audio: an https URL or a base64 data URI.' }) audio!: string;
  @Field(() => Boolean, { nullable: true, description: 'View once: the recipient can open it one time, where the provider supports it.' }) viewOnce?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Show the clip as a voice note with its sound wave, where the provider supports it.' }) waveform?: boolean | null;
}

@InputType({ description: 'A document message.' })
export class SendDocumentInput extends SendInputBase {
  @Field(() => String, { description: 'The document: an https URL or a base64 data URI.' }) document!: string;
  @Field(() => String, { nullable: true, description: 'File extension without the dot (`pdf`); read from `fileName` or the URL when omitted.' }) extension?: string | null;
  @Field(() => String, { nullable: true, description: 'The file name the recipient sees.' }) fileName?: string | null;
  @Field(() => String, { nullable: true }) caption?: string | null;
}

@InputType({ description: 'A location pin.' })
export class SendLocationInput extends SendInputBase {
  @Field(() => Float, { description: 'Degrees, -90 to 90.' }) latitude!: number;
  @Field(() => Float, { description: 'Degrees, -180 to 180.' }) longitude!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}

@InputType({ description: 'A reaction to a message; an empty emoji removes your reaction.' })
export class SendReactionInput extends SendInputBase {
  @Field(() => String, { description: 'The message reacted to.' }) messageId!: string;
  @Field(() => String) emoji!: string;
}

@InputType({ description: 'Mark a received message as read.' })
export class ReadMessageInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The chat (phone number or group id).' }) chatId!: string;
  @Field(() => String) messageId!: string;
}

@InputType({ description: 'Delete a message.' })
export class DeleteMessageInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The chat (phone number or group id).' }) chatId!: string;
  @Field(() => String) messageId!: string;
  @Field(() => Boolean, { defaultValue: true, description: 'True when the message was sent by this account (deletes it for everyone).' }) owner!: boolean;
}

@ObjectType({ description: 'The result of a send.' })
export class SendMessagePayload {
  @Field(() => Message) message!: Message;
}

@ObjectType({ description: 'The result of a message action (read, delete).' })
export class MessageActionPayload {
  @Field(() => String) messageId!: string;
  @Field(() => Boolean, { description: 'True when the provider accepted the action.' }) ok!: boolean;
}
