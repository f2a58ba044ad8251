import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Group } from './chat.types.js';

/**
 * Group management results, shaped as `providers/model.ts` (`GroupInvitation`). Each payload
 * carries `instanceId` and the group id, so its `group` field (a field resolver) can read the
 * group as the provider shows it after the change. No logic here.
 */

@ObjectType({ description: 'A group seen through its invitation link, before joining.' })
export class GroupInvitation extends Group {
  @Field(() => Int, { nullable: true, description: 'How many participants the group has.' }) participantsCount?: number | null;
}

@ObjectType({ description: 'The result of a group action (create, update, participants, leave, invite link, join).' })
export class GroupActionPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true, description: 'The group acted on (null after joinGroup when the provider does not say which group).' }) groupId?: string | null;
  @Field(() => Boolean, { description: 'True when the provider made the change (a refused change is an error, not `ok: false`).' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'The invitation link, when the action produced one (createGroup, resetGroupInviteLink).' }) invitationLink?: string | null;
}
