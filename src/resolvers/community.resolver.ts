import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import { requireCapability } from '../providers/contract.js';
import type { Community as CommunityModel, CommunityLinkAction, ParticipantAction } from '../providers/model.js';
import {
  AddCommunityParticipantsInput, Community, CommunityActionPayload, CommunityConnection, CommunityGroup, CommunityGroupsInput,
  CommunityParticipantsInput, CommunityRefInput, CreateCommunityInput, UpdateCommunityInput,
} from '../schema/community.types.js';
import { Instance } from '../schema/instance.types.js';
import type { GraphContext } from './context.js';
import { participantPhones } from './group-admin.resolver.js';
import type { InstanceRoot } from './instance.resolver.js';
import { checkLength } from './message.resolver.js';
import { paginate } from './paging.js';
import { normalizeRecipient } from './phone.js';

/** WhatsApp's longest community name, characters. */
export const MAX_COMMUNITY_NAME_LENGTH = 100;
/** WhatsApp's longest community description, characters. */
export const MAX_COMMUNITY_DESCRIPTION_LENGTH = 2048;
/** Longest community id accepted, characters. */
const MAX_COMMUNITY_ID_LENGTH = 64;

/** A community id as given, trimmed. @throws GraphError BAD_USER_INPUT naming `field` when empty or too long */
function communityId(value: string, field: string): string {
  const id = value.trim();
  checkLength(id, field, MAX_COMMUNITY_ID_LENGTH, 1);
  return id;
}

/** A community as the graph serves it (its instance attached). */
function toNode(instanceId: string, c: CommunityModel): Community {
  return { ...c, instanceId } as Community;
}

/**
 * Communities: `Instance.communities` / `Instance.community(id)`, and the community
 * mutations. Thin: instance, capability (before any check or call), limits, port.
 */
@Resolver(() => Instance)
export class CommunityResolver {
  @FieldResolver(() => CommunityConnection, { description: 'Communities the account belongs to.' })
  async communities(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const list = requireCapability(root.entry.adapter, 'LIST_COMMUNITIES');
    return paginate(list, { first, after }, (c) => toNode(root.id, c));
  }

  @FieldResolver(() => Community, { nullable: true, description: 'One community with its groups; null when there is none.' })
  async community(@Root() root: InstanceRoot, @Arg('id', () => String) id: string): Promise<Community | null> {
    const get = requireCapability(root.entry.adapter, 'GET_COMMUNITY');
    const found = await get(communityId(id, 'id'));
    return found ? toNode(root.id, found) : null;
  }

  @Mutation(() => CommunityActionPayload, { description: 'Creates a community; its announcement group is created with it.' })
  async createCommunity(@Arg('input', () => CreateCommunityInput) input: CreateCommunityInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const create = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'CREATE_COMMUNITY');
    checkLength(input.name, 'input.name', MAX_COMMUNITY_NAME_LENGTH, 1);
    checkLength(input.description, 'input.description', MAX_COMMUNITY_DESCRIPTION_LENGTH);
    const created = await create({ name: input.name, description: input.description ?? null });
    return { instanceId: input.instanceId, communityId: created.id, ok: true, created: toNode(input.instanceId, created) };
  }

  @Mutation(() => CommunityActionPayload, { description: "Changes a community's description and/or who may add groups: only what is given." })
  async updateCommunity(@Arg('input', () => UpdateCommunityInput) input: UpdateCommunityInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const update = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'UPDATE_COMMUNITY');
    const id = communityId(input.communityId, 'input.communityId');
    if (input.description == null && input.whoCanAddGroups == null) throw badInput('input', 'give at least one of description, whoCanAddGroups');
    checkLength(input.description, 'input.description', MAX_COMMUNITY_DESCRIPTION_LENGTH);
    await update(id, { description: input.description ?? null, whoCanAddGroups: input.whoCanAddGroups ?? null });
    return { instanceId: input.instanceId, communityId: id, ok: true };
  }

  @Mutation(() => CommunityActionPayload, { description: 'Links groups to a community (a group already in another community is left out by the provider).' })
  linkGroupsToCommunity(@Arg('input', () => CommunityGroupsInput) input: CommunityGroupsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeGroups(ctx, input, 'LINK');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Unlinks groups from a community (the groups remain).' })
  unlinkGroupsFromCommunity(@Arg('input', () => CommunityGroupsInput) input: CommunityGroupsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeGroups(ctx, input, 'UNLINK');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Adds participants to a community.' })
  addCommunityParticipants(@Arg('input', () => AddCommunityParticipantsInput) input: AddCommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeParticipants(ctx, input, 'ADD', input.autoInvite);
  }

  @Mutation(() => CommunityActionPayload, { description: 'Removes participants from a community.' })
  removeCommunityParticipants(@Arg('input', () => CommunityParticipantsInput) input: CommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeParticipants(ctx, input, 'REMOVE');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Makes participants community admins.' })
  promoteCommunityAdmins(@Arg('input', () => CommunityParticipantsInput) input: CommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeParticipants(ctx, input, 'PROMOTE');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Takes admin rights from community admins.' })
  demoteCommunityAdmins(@Arg('input', () => CommunityParticipantsInput) input: CommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeParticipants(ctx, input, 'DEMOTE');
  }

  @Mutation(() => CommunityActionPayload, { description: "Revokes a community's invitation link and returns the new one." })
  async resetCommunityInviteLink(@Arg('input', () => CommunityRefInput) input: CommunityRefInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const reset = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'RESET_COMMUNITY_INVITE_LINK');
    const id = communityId(input.communityId, 'input.communityId');
    return { instanceId: input.instanceId, communityId: id, ok: true, invitationLink: await reset(id) };
  }

  @Mutation(() => CommunityActionPayload, { description: 'Deactivates a community: its groups are unlinked, not deleted.' })
  async deactivateCommunity(@Arg('input', () => CommunityRefInput) input: CommunityRefInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const deactivate = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'DEACTIVATE_COMMUNITY');
    const id = communityId(input.communityId, 'input.communityId');
    await deactivate(id);
    return { instanceId: input.instanceId, communityId: id, ok: true };
  }
}

async function changeGroups(ctx: GraphContext, input: CommunityGroupsInput, action: CommunityLinkAction): Promise<CommunityActionPayload> {
  const entry = ctx.services.instances.get(input.instanceId);
  const change = requireCapability(entry.adapter, 'LINK_COMMUNITY_GROUPS');
  const id = communityId(input.communityId, 'input.communityId');
  if (input.groupIds.length === 0) throw badInput('input.groupIds', 'at least one group id is required');
  const groupIds = input.groupIds.map((g, i) => normalizeRecipient(g, entry.defaultCountry, `input.groupIds[${i}]`));
  await change(id, action, groupIds);
  return { instanceId: input.instanceId, communityId: id, ok: true };
}

async function changeParticipants(ctx: GraphContext, input: CommunityParticipantsInput, action: ParticipantAction, autoInvite?: boolean): Promise<CommunityActionPayload> {
  const entry: InstanceEntry = ctx.services.instances.get(input.instanceId);
  const change = requireCapability(entry.adapter, 'MANAGE_COMMUNITY_PARTICIPANTS');
  const id = communityId(input.communityId, 'input.communityId');
  const phones = participantPhones(input.participants, entry);
  await change(id, { action, phones, ...(autoInvite === undefined ? {} : { autoInvite }) });
  return { instanceId: input.instanceId, communityId: id, ok: true };
}

/** The full community (metadata read once per community object, only when a listed one is asked for what the list lacks). */
async function full(community: Community & { _full?: Promise<CommunityModel | null> }, ctx: GraphContext): Promise<CommunityModel | null> {
  if (community.groups != null) return community;
  const entry = ctx.services.instances.get(community.instanceId);
  if (!entry.adapter.capabilities.has('GET_COMMUNITY')) return null;
  community._full ??= requireCapability(entry.adapter, 'GET_COMMUNITY')(community.id);
  return community._full;
}

/** Fields of `Community` that a listing may lack: read from the community itself when asked. */
@Resolver(() => Community)
export class CommunityFieldsResolver {
  @FieldResolver(() => String, { nullable: true })
  async description(@Root() community: Community, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await full(community, ctx))?.description ?? null;
  }

  @FieldResolver(() => [CommunityGroup], { description: 'Its groups, the announcement group among them.' })
  async groups(@Root() community: Community, @Ctx() ctx: GraphContext): Promise<CommunityGroup[]> {
    return (await full(community, ctx))?.groups ?? [];
  }
}

/** `CommunityActionPayload.community`: the community after the change (one read, only when asked). */
@Resolver(() => CommunityActionPayload)
export class CommunityActionPayloadResolver {
  @FieldResolver(() => Community, { nullable: true, description: 'The community as the provider shows it after the change; null when it is gone (deactivated) or cannot be read.' })
  async community(@Root() payload: CommunityActionPayload, @Ctx() ctx: GraphContext): Promise<Community | null> {
    if (payload.created) return payload.created;
    const entry = ctx.services.instances.get(payload.instanceId);
    if (!entry.adapter.capabilities.has('GET_COMMUNITY')) return null;
    const found = await requireCapability(entry.adapter, 'GET_COMMUNITY')(payload.communityId);
    return found ? toNode(payload.instanceId, found) : null;
  }
}
