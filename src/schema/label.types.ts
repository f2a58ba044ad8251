import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from './node.types.js';

/** Labels (WhatsApp Business chat labels), their colours, and the label mutations' inputs and payloads. */

@ObjectType({ implements: Node, description: 'A chat label (WhatsApp Business).' })
export class Label {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true, description: 'Index into `Instance.labelColors`.' }) colorIndex?: number | null;
  /** The instance whose label this is (set by the resolvers), so `chats` reaches it. */
  instanceId?: string;
}

@ObjectType({ description: 'A colour a label can take.' })
export class LabelColor {
  @Field(() => Int, { description: 'What `colorIndex` stores.' }) index!: number;
  @Field(() => String, { description: 'Hex code (`#64C4FF`); colours may look different on other platforms.' }) hex!: string;
}

@InputType({ description: 'Create a label.' })
export class CreateLabelInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true, description: 'Index into `Instance.labelColors`.' }) colorIndex?: number | null;
}

@InputType({ description: "Change a label's name and colour." })
export class UpdateLabelInput extends CreateLabelInput {
  @Field(() => ID) labelId!: string;
}

@InputType({ description: 'Delete a label.' })
export class DeleteLabelInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => ID) labelId!: string;
}

@InputType({ description: 'Put a label on a chat, or take it off.' })
export class AssignLabelInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'Phone number (any common format) or group id.' }) chatId!: string;
  @Field(() => ID) labelId!: string;
}

@ObjectType({ description: 'The result of createLabel.' })
export class CreateLabelPayload {
  @Field(() => Label) label!: Label;
}

@ObjectType({ description: 'The result of updateLabel / deleteLabel.' })
export class LabelActionPayload {
  @Field(() => ID) labelId!: string;
  @Field(() => Boolean, { description: "The provider's confirmation: false when it says the action failed (no such label)." }) ok!: boolean;
}

@ObjectType({ description: 'The result of assignLabel / unassignLabel.' })
export class AssignLabelPayload {
  @Field(() => String) chatId!: string;
  @Field(() => ID) labelId!: string;
  @Field(() => Boolean, { description: "The provider's confirmation: false when it says nothing changed (no such chat or label, or the label was not on the chat)." }) ok!: boolean;
}
