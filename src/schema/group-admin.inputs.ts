import { Field, ID, InputType } from 'type-graphql';

/**
 * Inputs of the group-management mutations: one `input` with `instanceId` each (DESIGN.md,
 * "Mutations"). Phones take any common format; group ids are the provider's.
 */

@InputType({ description: 'Create a group.' })
export class CreateGroupInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The group name (at most 100 characters).' }) name!: string;
  @Field(() => [String], { description: "Phone numbers of the first participants (at least one; not the account's own number)." }) participants!: string[];
  @Field(() => Boolean, { defaultValue: true, description: 'Send an invitation link privately to those WhatsApp does not let the account add directly.' }) autoInvite!: boolean;
}

@InputType({ description: "A group's settings, set together." })
export class GroupSettingsInput {
  @Field(() => Boolean, { description: 'Only admins may send messages.' }) onlyAdminsSend!: boolean;
  @Field(() => Boolean, { description: "Only admins may edit the group's name, photo and description." }) onlyAdminsEdit!: boolean;
  @Field(() => Boolean, { description: 'New members need an admin to approve them.' }) requireAdminApproval!: boolean;
  @Field(() => Boolean, { description: 'Only admins may add members.' }) onlyAdminsAddMembers!: boolean;
}

@InputType({ description: 'Change a group: only the fields given are changed (at least one).' })
export class UpdateGroupInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) groupId!: string;
  @Field(() => String, { nullable: true, description: 'New name (at most 100 characters).' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'New description (at most 2048 characters; empty clears it).' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'New photo: an https URL or a base64 data URI.' }) photo?: string | null;
  @Field(() => GroupSettingsInput, { nullable: true }) settings?: GroupSettingsInput | null;
}

@InputType({ description: 'Participants of a group to remove, approve, reject, promote or demote.' })
export class GroupParticipantsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) groupId!: string;
  @Field(() => [String], { description: 'Phone numbers (any common format).' }) participants!: string[];
}

@InputType({ description: 'Participants to add to a group.' })
export class AddGroupParticipantsInput extends GroupParticipantsInput {
  @Field(() => Boolean, { defaultValue: true, description: 'Send an invitation link privately to those WhatsApp does not let the account add directly.' }) autoInvite!: boolean;
}

@InputType({ description: 'A group to act on (leave, reset its invitation link).' })
export class GroupRefInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) groupId!: string;
}

@InputType({ description: 'Join a group by its invitation link.' })
export class JoinGroupInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The invitation link (https://chat.whatsapp.com/…).' }) url!: string;
}
