import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { CommunityGroup as CommunityGroupModel } from '../providers/model.js';
import { Connection } from './connection.types.js';
import { Node } from './node.types.js';

/**
 * Communities (DESIGN.md, "The graph": `Community`) and the inputs/payloads of their
 * mutations, shaped as `providers/model.ts`. Each object carries `instanceId` (not a field)
 * so its field resolvers reach the right instance. No logic here.
 */

/** `CommunityGroupAdders`: who may add groups to a community. */
export const CommunityGroupAddersEnum = { ADMINS: 'ADMINS', ALL: 'ALL' } as const;
registerEnumType(CommunityGroupAddersEnum, { name: 'CommunityGroupAdders', description: 'Who may add groups to a community: its admins, or every member.' });

@ObjectType({ implements: Node, description: 'A WhatsApp community: groups around a topic, with one announcement group.' })
export class Community {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  description?: string | null;
  /** The linked groups as the provider's community answer gives them (served as `Group`s by `groups`). */
  groups?: CommunityGroupModel[] | null;
  instanceId!: string;
}

/** `CommunityConnection`. */
export const CommunityConnection = Connection(Community, 'Community');

@ObjectType({ description: 'The result of a community action.' })
export class CommunityActionPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) communityId!: string;
  @Field(() => Boolean, { description: 'True when the provider made the change (a refused change is an error, not `ok: false`).' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'The new invitation link (resetCommunityInviteLink).' }) invitationLink?: string | null;
  /** The community as created (createCommunity), served as is by the `community` field. */
  created?: Community | null;
}

@InputType({ description: 'Create a community (an announcement group with its name is created with it).' })
export class CreateCommunityInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'At most 100 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'At most 2048 characters.' }) description?: string | null;
}

@InputType({ description: 'Change a community: only the fields given are changed (at least one).' })
export class UpdateCommunityInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) communityId!: string;
  @Field(() => String, { nullable: true, description: 'New description (at most 2048 characters).' }) description?: string | null;
  @Field(() => CommunityGroupAddersEnum, { nullable: true }) whoCanAddGroups?: 'ADMINS' | 'ALL' | null;
}

@InputType({ description: 'Groups to link to or unlink from a community.' })
export class CommunityGroupsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) communityId!: string;
  @Field(() => [String], { description: 'Group ids.' }) groupIds!: string[];
}

@InputType({ description: 'Community participants to remove, promote or demote.' })
export class CommunityParticipantsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) communityId!: string;
  @Field(() => [String], { description: 'Phone numbers (any common format).' }) participants!: string[];
}

@InputType({ description: 'Participants to add to a community.' })
export class AddCommunityParticipantsInput extends CommunityParticipantsInput {
  @Field(() => Boolean, { defaultValue: true, description: 'Send an invitation link privately to those WhatsApp does not let the account add directly.' }) autoInvite!: boolean;
}

@InputType({ description: 'A community to act on (deactivate, reset its invitation link).' })
export class CommunityRefInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) communityId!: string;
}
