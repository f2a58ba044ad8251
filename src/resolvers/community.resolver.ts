import { Kind, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { MAX_COMMUNITY_DESCRIPTION_LENGTH, MAX_COMMUNITY_ID_LENGTH, MAX_COMMUNITY_NAME_LENGTH, checkLength } from '../providers/limits.js';
import type { Community as CommunityModel, CommunityLinkAction, ParticipantAction } from '../providers/model.js';
import {
  AddCommunityParticipantsInput,
  Community,
  CommunityActionPayload,
  CommunityConnection,
  CommunityGroupsInput,
  CommunityParticipantsInput,
  CommunityRefInput,
  CreateCommunityInput,
  UpdateCommunityInput,
} from '../schema/community.types.js';
import { Group } from '../schema/chat.types.js';
import { Instance } from '../schema/instance.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, optionalPortCall, portCall } from './instance-call.js';
import { paginate } from './paging.js';
import { changeParticipants } from './participants.js';
import { recipientsOf } from './phone.js';

/** A community id as given, trimmed. @throws GraphError BAD_USER_INPUT naming `field` when empty or too long */
function communityId(value: string, field: string): string {
  const id = value.trim();
  checkLength(id, field, MAX_COMMUNITY_ID_LENGTH, 1);
  return id;
}

/** A community as the graph serves it (its instance attached). */
function toNode(instanceId: string, c: CommunityModel): Community {
  return { ...c, instanceId };
}

/**
 * Communities: `Instance.communities` / `Instance.community(id)`, and the community
 * mutations. Thin: instance, capability (before any check or call), limits, port.
 */
@Resolver(() => Instance)
export class CommunityResolver {
  @FieldResolver(() => CommunityConnection, { description: 'Communities the account belongs to.' })
  @Requires('LIST_COMMUNITIES')
  async communities(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const list = portCall(root.entry, 'LIST_COMMUNITIES');
    return paginate(list, { first, after }, (c) => toNode(root.id, c));
  }

  @FieldResolver(() => Community, { nullable: true, description: 'One community with its groups; null when there is none.' })
  @Requires('GET_COMMUNITY')
  async community(@Root() root: InstanceRoot, @Arg('id', () => String) id: string): Promise<Community | null> {
    const get = portCall(root.entry, 'GET_COMMUNITY');
    const found = await get(communityId(id, 'id'));
    return found ? toNode(root.id, found) : null;
  }

  @Mutation(() => CommunityActionPayload, { description: 'Creates a community; its announcement group is created with it.' })
  @Requires('CREATE_COMMUNITY')
  async createCommunity(@Arg('input', () => CreateCommunityInput) input: CreateCommunityInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const { call: create } = instanceCall(ctx, input.instanceId, 'CREATE_COMMUNITY');
    checkLength(input.name, 'input.name', MAX_COMMUNITY_NAME_LENGTH, 1);
    checkLength(input.description, 'input.description', MAX_COMMUNITY_DESCRIPTION_LENGTH);
    const created = await create({ name: input.name, description: input.description ?? null });
    return { instanceId: input.instanceId, communityId: created.id, ok: true, created: toNode(input.instanceId, created) };
  }

  @Mutation(() => CommunityActionPayload, { description: "Changes a community's description and/or who may add groups: only what is given." })
  @Requires('UPDATE_COMMUNITY')
  async updateCommunity(@Arg('input', () => UpdateCommunityInput) input: UpdateCommunityInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const { call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_COMMUNITY');
    const id = communityId(input.communityId, 'input.communityId');
    if (input.description == null && input.whoCanAddGroups == null) throw badInput('input', 'give at least one of description, whoCanAddGroups');
    checkLength(input.description, 'input.description', MAX_COMMUNITY_DESCRIPTION_LENGTH);
    await update(id, { description: input.description ?? null, whoCanAddGroups: input.whoCanAddGroups ?? null });
    return { instanceId: input.instanceId, communityId: id, ok: true };
  }

  @Mutation(() => CommunityActionPayload, { description: 'Links groups to a community (a group already in another community is left out by the provider).' })
  @Requires('LINK_COMMUNITY_GROUPS')
  linkGroupsToCommunity(@Arg('input', () => CommunityGroupsInput) input: CommunityGroupsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeGroups(ctx, input, 'LINK');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Unlinks groups from a community (the groups remain).' })
  @Requires('LINK_COMMUNITY_GROUPS')
  unlinkGroupsFromCommunity(@Arg('input', () => CommunityGroupsInput) input: CommunityGroupsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeGroups(ctx, input, 'UNLINK');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Adds participants to a community.' })
  @Requires('MANAGE_COMMUNITY_PARTICIPANTS')
  addCommunityParticipants(@Arg('input', () => AddCommunityParticipantsInput) input: AddCommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeCommunityParticipants(ctx, input, 'ADD', input.autoInvite);
  }

  @Mutation(() => CommunityActionPayload, { description: 'Removes participants from a community.' })
  @Requires('MANAGE_COMMUNITY_PARTICIPANTS')
  removeCommunityParticipants(@Arg('input', () => CommunityParticipantsInput) input: CommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeCommunityParticipants(ctx, input, 'REMOVE');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Makes participants community admins.' })
  @Requires('MANAGE_COMMUNITY_PARTICIPANTS')
  promoteCommunityAdmins(@Arg('input', () => CommunityParticipantsInput) input: CommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeCommunityParticipants(ctx, input, 'PROMOTE');
  }

  @Mutation(() => CommunityActionPayload, { description: 'Takes admin rights from community admins.' })
  @Requires('MANAGE_COMMUNITY_PARTICIPANTS')
  demoteCommunityAdmins(@Arg('input', () => CommunityParticipantsInput) input: CommunityParticipantsInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    return changeCommunityParticipants(ctx, input, 'DEMOTE');
  }

  @Mutation(() => CommunityActionPayload, { description: "Revokes a community's invitation link and returns the new one." })
  @Requires('RESET_COMMUNITY_INVITE_LINK')
  async resetCommunityInviteLink(@Arg('input', () => CommunityRefInput) input: CommunityRefInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const { call: reset } = instanceCall(ctx, input.instanceId, 'RESET_COMMUNITY_INVITE_LINK');
    const id = communityId(input.communityId, 'input.communityId');
    return { instanceId: input.instanceId, communityId: id, ok: true, invitationLink: await reset(id) };
  }

  @Mutation(() => CommunityActionPayload, { description: 'Deactivates a community: its groups are unlinked, not deleted.' })
  @Requires('DEACTIVATE_COMMUNITY')
  async deactivateCommunity(@Arg('input', () => CommunityRefInput) input: CommunityRefInput, @Ctx() ctx: GraphContext): Promise<CommunityActionPayload> {
    const { call: deactivate } = instanceCall(ctx, input.instanceId, 'DEACTIVATE_COMMUNITY');
    const id = communityId(input.communityId, 'input.communityId');
    await deactivate(id);
    return { instanceId: input.instanceId, communityId: id, ok: true };
  }
}

/** Links or unlinks groups: instance and capability first, then the community id, then the group ids. @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT, or a ProviderError */
async function changeGroups(ctx: GraphContext, input: CommunityGroupsInput, action: CommunityLinkAction): Promise<CommunityActionPayload> {
  const { entry, call: change } = instanceCall(ctx, input.instanceId, 'LINK_COMMUNITY_GROUPS');
  const id = communityId(input.communityId, 'input.communityId');
  if (input.groupIds.length === 0) throw badInput('input.groupIds', 'at least one group id is required');
  const groupIds = recipientsOf(entry, input.groupIds, 'input.groupIds');
  await change(id, action, groupIds);
  return { instanceId: input.instanceId, communityId: id, ok: true };
}

/** A community participant mutation through the shared participant path (`participants.ts`). */
async function changeCommunityParticipants(ctx: GraphContext, input: CommunityParticipantsInput, action: ParticipantAction, autoInvite?: boolean): Promise<CommunityActionPayload> {
  const id = await changeParticipants(ctx, input, 'MANAGE_COMMUNITY_PARTICIPANTS', () => communityId(input.communityId, 'input.communityId'), action, autoInvite);
  return { instanceId: input.instanceId, communityId: id, ok: true };
}

/** The full community (metadata read once per community object, only when a listed one is asked for what the list lacks). */
async function full(community: Community & { _full?: Promise<CommunityModel | null> }, ctx: GraphContext): Promise<CommunityModel | null> {
  if (community.groups != null) return community;
  const get = optionalPortCall(ctx.services.instances.get(community.instanceId), 'GET_COMMUNITY');
  if (!get) return null;
  community._full ??= get(community.id);
  return community._full;
}

/** `Group` fields a community's own listing of its groups answers (participants are read by `Group.participants` when asked). */
const COMMUNITY_GROUP_STUB_FIELDS = new Set(['__typename', 'id', 'groupId', 'instanceId', 'name', 'isAnnouncement', 'communityId', 'participants']);

/** Whether the field is asked only for `fields` (plain fields, no fragments). */
function onlyAsks(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  return info.fieldNodes.every((node) => (node.selectionSet?.selections ?? []).every((s) => s.kind === Kind.FIELD && fields.has(s.name.value)));
}

/** Fields of `Community` that a listing may lack: read from the community itself when asked. */
@Resolver(() => Community)
export class CommunityFieldsResolver {
  @FieldResolver(() => String, { nullable: true })
  async description(@Root() community: Community, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await full(community, ctx))?.description ?? null;
  }

  @FieldResolver(() => [Group], {
    description:
      'Its groups, the announcement group among them (`isAnnouncement`). Asked only for `id`, `name`, `isAnnouncement`, `communityId` and `participants`, they cost no read of their own; any other field reads each group once per request (batched).',
  })
  async groups(@Root() community: Community, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Group[]> {
    const linked = (await full(community, ctx))?.groups ?? [];
    const instanceId = community.instanceId;
    const stubs: Group[] = linked.map((g) => ({
      id: g.id,
      name: g.name ?? g.id,
      participants: [],
      communityId: community.id,
      isAnnouncement: g.isAnnouncement,
      instanceId,
      listed: true,
    }));
    if (onlyAsks(info, COMMUNITY_GROUP_STUB_FIELDS)) return stubs;
    const loader = ctx.loaders.group(ctx.services.instances.get(instanceId).adapter);
    const groups = await loader.loadMany(stubs.map((g) => g.id));
    return stubs.map((stub, i) => {
      const group = groups[i];
      if (group instanceof Error) throw group;
      return group ? { ...group, instanceId, isAnnouncement: stub.isAnnouncement, communityId: group.communityId ?? community.id } : stub;
    });
  }
}

/** `CommunityActionPayload.community`: the community after the change (one read, only when asked). */
@Resolver(() => CommunityActionPayload)
export class CommunityActionPayloadResolver {
  @FieldResolver(() => Community, { nullable: true, description: 'The community as the provider shows it after the change; null when it is gone (deactivated) or cannot be read.' })
  async community(@Root() payload: CommunityActionPayload, @Ctx() ctx: GraphContext): Promise<Community | null> {
    if (payload.created) return payload.created;
    const get = optionalPortCall(ctx.services.instances.get(payload.instanceId), 'GET_COMMUNITY');
    if (!get) return null;
    const found = await get(payload.communityId);
    return found ? toNode(payload.instanceId, found) : null;
  }
}
