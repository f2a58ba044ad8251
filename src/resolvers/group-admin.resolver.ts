import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { MAX_GROUP_DESCRIPTION_LENGTH, MAX_GROUP_NAME_LENGTH, MAX_INVITE_URL_LENGTH, checkLength, checkMediaRef } from '../providers/limits.js';
import type { GroupInvitation as GroupInvitationModel, ParticipantAction } from '../providers/model.js';
import { Group } from '../schema/chat.types.js';
import { AddGroupParticipantsInput, CreateGroupInput, GroupParticipantsInput, GroupRefInput, JoinGroupInput, UpdateGroupInput } from '../schema/group-admin.inputs.js';
import { GroupActionPayload, GroupInvitation } from '../schema/group-admin.types.js';
import { Instance } from '../schema/instance.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, optionalPortCall, portCall } from './instance-call.js';
import { changeParticipants, participantPhones } from './participants.js';
import { recipientOf } from './phone.js';

/**
 * Group management: `createGroup`, `updateGroup`, the participant mutations, `leaveGroup`,
 * `resetGroupInviteLink`, `joinGroup`, and `Instance.groupInviteLink` /
 * `Instance.groupInvitation`. Thin: find the instance, require the capability (before any
 * check or call), check the graph's limits, normalise phones and group ids, call the port.
 */
@Resolver(() => Instance)
export class GroupAdminResolver {
  @FieldResolver(() => String, { description: "A group's current invitation link." })
  @Requires('GROUP_INVITE_LINK')
  async groupInviteLink(@Root() root: InstanceRoot, @Arg('groupId', () => String) groupId: string): Promise<string> {
    const get = portCall(root.entry, 'GROUP_INVITE_LINK');
    return get(recipientOf(root.entry, groupId, 'groupId'));
  }

  @FieldResolver(() => GroupInvitation, { nullable: true, description: 'The group an invitation link leads to, without joining it; null when the link leads nowhere.' })
  @Requires('GROUP_INVITATION')
  async groupInvitation(@Root() root: InstanceRoot, @Arg('url', () => String) url: string): Promise<(GroupInvitation & { invitationUrl: string }) | null> {
    const get = portCall(root.entry, 'GROUP_INVITATION');
    checkLength(url, 'url', MAX_INVITE_URL_LENGTH, 1);
    const invitationUrl = url.trim();
    const found: GroupInvitationModel | null = await get(invitationUrl);
    // the link is the invitation's identity (node(id) reads it again by the link: no read takes a group id)
    return found ? { ...found, instanceId: root.id, invitationUrl } : null;
  }

  @Mutation(() => GroupActionPayload, { description: 'Creates a group with its first participants.' })
  @Requires('CREATE_GROUP')
  async createGroup(@Arg('input', () => CreateGroupInput) input: CreateGroupInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const { entry, call: create } = instanceCall(ctx, input.instanceId, 'CREATE_GROUP');
    checkLength(input.name, 'input.name', MAX_GROUP_NAME_LENGTH, 1);
    const participants = participantPhones(input.participants, entry);
    const created = await create({ name: input.name, participants, autoInvite: input.autoInvite });
    return { instanceId: input.instanceId, groupId: created.id, ok: true, invitationLink: created.invitationLink ?? null };
  }

  @Mutation(() => GroupActionPayload, { description: "Changes a group's name, description, photo and/or settings: only what is given." })
  @Requires('UPDATE_GROUP')
  async updateGroup(@Arg('input', () => UpdateGroupInput) input: UpdateGroupInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const { entry, call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_GROUP');
    const groupId = recipientOf(entry, input.groupId, 'input.groupId');
    if (input.name == null && input.description == null && input.photo == null && input.settings == null) {
      throw badInput('input', 'give at least one of name, description, photo, settings');
    }
    checkLength(input.name, 'input.name', MAX_GROUP_NAME_LENGTH, 1);
    checkLength(input.description, 'input.description', MAX_GROUP_DESCRIPTION_LENGTH);
    if (input.photo != null) checkMediaRef(input.photo, 'input.photo');
    await update(groupId, {
      name: input.name ?? null,
      description: input.description ?? null,
      photo: input.photo ?? null,
      settings: input.settings ? { ...input.settings } : null,
    });
    return { instanceId: input.instanceId, groupId, ok: true };
  }

  @Mutation(() => GroupActionPayload, { description: 'Adds participants to a group.' })
  @Requires('MANAGE_GROUP_PARTICIPANTS')
  addGroupParticipants(@Arg('input', () => AddGroupParticipantsInput) input: AddGroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeGroupParticipants(ctx, input, 'ADD', input.autoInvite);
  }

  @Mutation(() => GroupActionPayload, { description: 'Removes participants from a group.' })
  @Requires('MANAGE_GROUP_PARTICIPANTS')
  removeGroupParticipants(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeGroupParticipants(ctx, input, 'REMOVE');
  }

  @Mutation(() => GroupActionPayload, { description: 'Approves requests to join a group.' })
  @Requires('MANAGE_GROUP_PARTICIPANTS')
  approveGroupParticipants(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeGroupParticipants(ctx, input, 'APPROVE');
  }

  @Mutation(() => GroupActionPayload, { description: 'Rejects requests to join a group.' })
  @Requires('MANAGE_GROUP_PARTICIPANTS')
  rejectGroupParticipants(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeGroupParticipants(ctx, input, 'REJECT');
  }

  @Mutation(() => GroupActionPayload, { description: 'Makes participants group admins.' })
  @Requires('MANAGE_GROUP_PARTICIPANTS')
  promoteGroupAdmins(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeGroupParticipants(ctx, input, 'PROMOTE');
  }

  @Mutation(() => GroupActionPayload, { description: 'Takes admin rights from group admins (they stay participants).' })
  @Requires('MANAGE_GROUP_PARTICIPANTS')
  demoteGroupAdmins(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeGroupParticipants(ctx, input, 'DEMOTE');
  }

  @Mutation(() => GroupActionPayload, { description: 'The account leaves the group.' })
  @Requires('LEAVE_GROUP')
  async leaveGroup(@Arg('input', () => GroupRefInput) input: GroupRefInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const { entry, call: leave } = instanceCall(ctx, input.instanceId, 'LEAVE_GROUP');
    const groupId = recipientOf(entry, input.groupId, 'input.groupId');
    await leave(groupId);
    return { instanceId: input.instanceId, groupId, ok: true };
  }

  @Mutation(() => GroupActionPayload, { description: "Revokes a group's invitation link and returns the new one." })
  @Requires('RESET_GROUP_INVITE_LINK')
  async resetGroupInviteLink(@Arg('input', () => GroupRefInput) input: GroupRefInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const { entry, call: reset } = instanceCall(ctx, input.instanceId, 'RESET_GROUP_INVITE_LINK');
    const groupId = recipientOf(entry, input.groupId, 'input.groupId');
    const invitationLink = await reset(groupId);
    return { instanceId: input.instanceId, groupId, ok: true, invitationLink };
  }

  @Mutation(() => GroupActionPayload, { description: 'Joins a group by its invitation link.' })
  @Requires('JOIN_GROUP')
  async joinGroup(@Arg('input', () => JoinGroupInput) input: JoinGroupInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const { entry, call: join } = instanceCall(ctx, input.instanceId, 'JOIN_GROUP');
    checkLength(input.url, 'input.url', MAX_INVITE_URL_LENGTH, 1);
    const url = input.url.trim();
    await join(url);
    // The join answer names no group; when the instance can read invitations, say which one it was.
    const getInvitation = optionalPortCall(entry, 'GROUP_INVITATION');
    const invitation = getInvitation ? await getInvitation(url).catch(() => null) : null;
    return { instanceId: input.instanceId, groupId: invitation?.id ?? null, ok: true, invitationLink: url };
  }
}

/** A group participant mutation through the shared participant path (`participants.ts`). */
async function changeGroupParticipants(ctx: GraphContext, input: GroupParticipantsInput, action: ParticipantAction, autoInvite?: boolean): Promise<GroupActionPayload> {
  const groupId = await changeParticipants(ctx, input, 'MANAGE_GROUP_PARTICIPANTS', (entry) => recipientOf(entry, input.groupId, 'input.groupId'), action, autoInvite);
  return { instanceId: input.instanceId, groupId, ok: true };
}

/** `GroupActionPayload.group`: the group as the provider shows it now (one read, only when asked). */
@Resolver(() => GroupActionPayload)
export class GroupActionPayloadResolver {
  @FieldResolver(() => Group, {
    nullable: true,
    description: 'The group as the provider shows it after the change; null when it cannot be read (left, or the instance cannot read groups).',
  })
  async group(@Root() payload: GroupActionPayload, @Ctx() ctx: GraphContext): Promise<Group | null> {
    const get = optionalPortCall(ctx.services.instances.get(payload.instanceId), 'GET_GROUP');
    if (!payload.groupId || !get) return null;
    const group = await get(payload.groupId);
    return group ? { ...group, instanceId: payload.instanceId } : null;
  }
}
