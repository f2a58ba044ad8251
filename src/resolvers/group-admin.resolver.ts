import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import { requireCapability } from '../providers/contract.js';
import type { GroupInvitation as GroupInvitationModel, ParticipantAction } from '../providers/model.js';
import { Group } from '../schema/chat.types.js';
import {
  AddGroupParticipantsInput, CreateGroupInput, GroupParticipantsInput, GroupRefInput, JoinGroupInput, UpdateGroupInput,
} from '../schema/group-admin.inputs.js';
import { GroupActionPayload, GroupInvitation } from '../schema/group-admin.types.js';
import { Instance } from '../schema/instance.types.js';
import type { GraphContext } from './context.js';
import type { InstanceRoot } from './instance.resolver.js';
import { checkLength, checkMediaRef } from './message.resolver.js';
import { normalizeRecipient } from './phone.js';

/** WhatsApp's longest group name (subject), characters. */
export const MAX_GROUP_NAME_LENGTH = 100;
/** WhatsApp's longest group description, characters. */
export const MAX_GROUP_DESCRIPTION_LENGTH = 2048;
/** WhatsApp's largest group, participants: the most one change can name. */
export const MAX_GROUP_PARTICIPANTS = 1024;
/** Longest invitation link accepted, characters. */
const MAX_INVITE_URL_LENGTH = 200;

/**
 * Phone numbers of a participant change, normalised to international digits.
 * @throws GraphError BAD_USER_INPUT (`input.participants`, `input.participants[i]`) when empty, too many or not a phone
 */
export function participantPhones(phones: string[], entry: InstanceEntry): string[] {
  if (phones.length === 0) throw badInput('input.participants', 'at least one participant is required');
  if (phones.length > MAX_GROUP_PARTICIPANTS) throw badInput('input.participants', `at most ${MAX_GROUP_PARTICIPANTS} participants per change`);
  return [...new Set(phones.map((p, i) => normalizeRecipient(p, entry.defaultCountry, `input.participants[${i}]`)))];
}

/**
 * Group management: `createGroup`, `updateGroup`, the participant mutations, `leaveGroup`,
 * `resetGroupInviteLink`, `joinGroup`, and `Instance.groupInviteLink` /
 * `Instance.groupInvitation`. Thin: find the instance, require the capability (before any
 * check or call), check the graph's limits, normalise phones and group ids, call the port.
 */
@Resolver(() => Instance)
export class GroupAdminResolver {
  @FieldResolver(() => String, { description: "A group's current invitation link." })
  async groupInviteLink(@Root() root: InstanceRoot, @Arg('groupId', () => String) groupId: string): Promise<string> {
    const get = requireCapability(root.entry.adapter, 'GROUP_INVITE_LINK');
    return get(normalizeRecipient(groupId, root.entry.defaultCountry, 'groupId'));
  }

  @FieldResolver(() => GroupInvitation, { nullable: true, description: 'The group an invitation link leads to, without joining it; null when the link leads nowhere.' })
  async groupInvitation(@Root() root: InstanceRoot, @Arg('url', () => String) url: string): Promise<GroupInvitation | null> {
    const get = requireCapability(root.entry.adapter, 'GROUP_INVITATION');
    checkLength(url, 'url', MAX_INVITE_URL_LENGTH, 1);
    const found: GroupInvitationModel | null = await get(url.trim());
    return found ? ({ ...found, instanceId: root.id } as GroupInvitation) : null;
  }

  @Mutation(() => GroupActionPayload, { description: 'Creates a group with its first participants.' })
  async createGroup(@Arg('input', () => CreateGroupInput) input: CreateGroupInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const create = requireCapability(entry.adapter, 'CREATE_GROUP');
    checkLength(input.name, 'input.name', MAX_GROUP_NAME_LENGTH, 1);
    const participants = participantPhones(input.participants, entry);
    const created = await create({ name: input.name, participants, autoInvite: input.autoInvite });
    return { instanceId: input.instanceId, groupId: created.id, ok: true, invitationLink: created.invitationLink ?? null };
  }

  @Mutation(() => GroupActionPayload, { description: "Changes a group's name, description, photo and/or settings: only what is given." })
  async updateGroup(@Arg('input', () => UpdateGroupInput) input: UpdateGroupInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const update = requireCapability(entry.adapter, 'UPDATE_GROUP');
    const groupId = normalizeRecipient(input.groupId, entry.defaultCountry, 'input.groupId');
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
  addGroupParticipants(@Arg('input', () => AddGroupParticipantsInput) input: AddGroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeParticipants(ctx, input, 'ADD', input.autoInvite);
  }

  @Mutation(() => GroupActionPayload, { description: 'Removes participants from a group.' })
  removeGroupParticipants(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeParticipants(ctx, input, 'REMOVE');
  }

  @Mutation(() => GroupActionPayload, { description: 'Approves requests to join a group.' })
  approveGroupParticipants(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeParticipants(ctx, input, 'APPROVE');
  }

  @Mutation(() => GroupActionPayload, { description: 'Rejects requests to join a group.' })
  rejectGroupParticipants(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeParticipants(ctx, input, 'REJECT');
  }

  @Mutation(() => GroupActionPayload, { description: 'Makes participants group admins.' })
  promoteGroupAdmins(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeParticipants(ctx, input, 'PROMOTE');
  }

  @Mutation(() => GroupActionPayload, { description: 'Takes admin rights from group admins (they stay participants).' })
  demoteGroupAdmins(@Arg('input', () => GroupParticipantsInput) input: GroupParticipantsInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    return changeParticipants(ctx, input, 'DEMOTE');
  }

  @Mutation(() => GroupActionPayload, { description: 'The account leaves the group.' })
  async leaveGroup(@Arg('input', () => GroupRefInput) input: GroupRefInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const leave = requireCapability(entry.adapter, 'LEAVE_GROUP');
    const groupId = normalizeRecipient(input.groupId, entry.defaultCountry, 'input.groupId');
    await leave(groupId);
    return { instanceId: input.instanceId, groupId, ok: true };
  }

  @Mutation(() => GroupActionPayload, { description: "Revokes a group's invitation link and returns the new one." })
  async resetGroupInviteLink(@Arg('input', () => GroupRefInput) input: GroupRefInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const reset = requireCapability(entry.adapter, 'RESET_GROUP_INVITE_LINK');
    const groupId = normalizeRecipient(input.groupId, entry.defaultCountry, 'input.groupId');
    const invitationLink = await reset(groupId);
    return { instanceId: input.instanceId, groupId, ok: true, invitationLink };
  }

  @Mutation(() => GroupActionPayload, { description: 'Joins a group by its invitation link.' })
  async joinGroup(@Arg('input', () => JoinGroupInput) input: JoinGroupInput, @Ctx() ctx: GraphContext): Promise<GroupActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const join = requireCapability(entry.adapter, 'JOIN_GROUP');
    checkLength(input.url, 'input.url', MAX_INVITE_URL_LENGTH, 1);
    const url = input.url.trim();
    await join(url);
    // The join answer names no group; when the instance can read invitations, say which one it was.
    const invitation = entry.adapter.capabilities.has('GROUP_INVITATION') ? await requireCapability(entry.adapter, 'GROUP_INVITATION')(url).catch(() => null) : null;
    return { instanceId: input.instanceId, groupId: invitation?.id ?? null, ok: true, invitationLink: url };
  }
}

/** One participant mutation: capability first, then the group id and phones, then the port. */
async function changeParticipants(ctx: GraphContext, input: GroupParticipantsInput, action: ParticipantAction, autoInvite?: boolean): Promise<GroupActionPayload> {
  const entry = ctx.services.instances.get(input.instanceId);
  const change = requireCapability(entry.adapter, 'MANAGE_GROUP_PARTICIPANTS');
  const groupId = normalizeRecipient(input.groupId, entry.defaultCountry, 'input.groupId');
  const phones = participantPhones(input.participants, entry);
  await change(groupId, { action, phones, ...(autoInvite === undefined ? {} : { autoInvite }) });
  return { instanceId: input.instanceId, groupId, ok: true };
}

/** `GroupActionPayload.group`: the group as the provider shows it now (one read, only when asked). */
@Resolver(() => GroupActionPayload)
export class GroupActionPayloadResolver {
  @FieldResolver(() => Group, { nullable: true, description: 'The group as the provider shows it after the change; null when it cannot be read (left, or the instance cannot read groups).' })
  async group(@Root() payload: GroupActionPayload, @Ctx() ctx: GraphContext): Promise<Group | null> {
    const entry = ctx.services.instances.get(payload.instanceId);
    if (!payload.groupId || !entry.adapter.capabilities.has('GET_GROUP')) return null;
    const group = await requireCapability(entry.adapter, 'GET_GROUP')(payload.groupId);
    return group ? ({ ...group, instanceId: payload.instanceId } as Group) : null;
  }
}
