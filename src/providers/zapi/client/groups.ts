import { badInput } from '../../../errors.js';
import type { GroupsPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { CreatedGroup, CreateGroupInput, Group, GroupChanges, GroupInvitation, Page, PageRequest, ParticipantChange } from '../../model.js';
import { expectDone, orNullByPhone, zapiFailed } from '../errors.js';
import { isGroupId, toGroup, toGroupInvitation, toGroupSettingsBody, toGroupSummary, toPage } from '../mapping.js';
import type { ZapiChat } from '../wire/chats.js';
import type { ZapiSuccessResponse, ZapiValueResponse } from '../wire/common.js';
import type {
  ZapiAddParticipantBody,
  ZapiCreateGroupBody,
  ZapiCreateGroupResponse,
  ZapiGroupInvitationMetadata,
  ZapiGroupMetadata,
  ZapiGroupPhonesBody,
  ZapiInvitationLinkResponse,
  ZapiLeaveGroupBody,
  ZapiUpdateGroupDescriptionBody,
  ZapiUpdateGroupNameBody,
  ZapiUpdateGroupPhotoBody,
  ZapiUpdateGroupSettingsBody,
} from '../wire/groups.js';

// ---------------------------------------------------------------------------------------
// Documented limits (checked before any request)
// ---------------------------------------------------------------------------------------

/** Fewest participants a new group may have ("you'll need to add at least one contact", z-api.txt 6853-6854). */
export const ZAPI_MIN_GROUP_PARTICIPANTS = 1;

/** Checks a list of phones for a participant change. @throws GraphError BAD_USER_INPUT (`input.phones`) when empty */
export function checkPhones(phones: string[]): void {
  if (phones.length === 0) throw badInput('input.phones', 'at least one phone is required');
}

/**
 * The link of an invitation-link answer (`group-invitation-link` z-api.txt 8304-8360,
 * `redefine-invitation-link` 8248-8303 and its community variant 8772-8824).
 * @throws ProviderError PROVIDER_ERROR (`providerCode: FAILED`) when the answer carries none
 */
export function invitationLinkOf(operation: string, res: ZapiInvitationLinkResponse | null): string {
  if (!res?.invitationLink) throw zapiFailed(operation, 'zapi answered without an invitation link');
  return res.invitationLink;
}

// ---------------------------------------------------------------------------------------
// Wire-level client: one method per documented operation
// ---------------------------------------------------------------------------------------

/**
 * Z-API's group operations as documented: the group list and metadata (z-api.txt 6769-6841,
 * 7785-7909) and group management (6843-8412), on the instance's {@link ProviderHttpClient}
 * (base URL `…/instances/{instanceId}/token/{token}`, `Client-Token` header). Each method sends
 * exactly the documented method, path and body, returns the wire answer, and throws
 * `ProviderError` only.
 */
export class ZapiGroupsClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /groups?page=&pageSize=` (z-api.txt 6769-6841): entries in the `/chats` shape. */
  groups(page: number, pageSize: number): Promise<ZapiChat[] | null> {
    return this.http.request<ZapiChat[] | null>({ operation: 'groups', method: 'GET', path: '/groups', query: { page, pageSize } });
  }

  /** `GET /group-metadata/{phone}` (z-api.txt 7785-7909). */
  groupMetadata(groupId: string): Promise<ZapiGroupMetadata | null> {
    return this.http.request<ZapiGroupMetadata | null>({ operation: 'group-metadata', method: 'GET', path: encodePath`/group-metadata/${groupId}` });
  }

  /**
   * `POST /create-group` (z-api.txt 6843-6930). The attribute table (6863-6868) makes
   * `autoInvite`, `groupName` and `phones` mandatory; the curl sample (6928) omits
   * `autoInvite` and sends a `profileImage` the table does not have and the text (6853) says
   * cannot be set at creation: the table wins.
   */
  createGroup(body: ZapiCreateGroupBody): Promise<ZapiCreateGroupResponse> {
    return this.http.request<ZapiCreateGroupResponse>({ operation: 'create-group', method: 'POST', path: '/create-group', body });
  }

  /** `POST /update-group-name` (z-api.txt 6932-7007). */
  updateGroupName(body: ZapiUpdateGroupNameBody): Promise<ZapiValueResponse> {
    return this.post('update-group-name', '/update-group-name', body);
  }

  /**
   * `POST /update-group-photo` (z-api.txt 7009-7078). The attribute table (7025-7028) and
   * body example (7036-7039) say `groupId`; the curl sample (7076) says `groupID`: the table wins.
   */
  updateGroupPhoto(body: ZapiUpdateGroupPhotoBody): Promise<ZapiValueResponse> {
    return this.post('update-group-photo', '/update-group-photo', body);
  }

  /** `POST /update-group-description` (z-api.txt 8174-8247). */
  updateGroupDescription(body: ZapiUpdateGroupDescriptionBody): Promise<ZapiValueResponse> {
    return this.post('update-group-description', '/update-group-description', body);
  }

  /**
   * `POST /update-group-settings` (z-api.txt 8091-8173). The attribute table (8108-8114) and
   * both body examples (8117-8133) send the group id as `phone` with all four settings; the
   * curl sample (8170) sends `groupId` and one setting: the table wins.
   */
  updateGroupSettings(body: ZapiUpdateGroupSettingsBody): Promise<ZapiValueResponse> {
    return this.post('update-group-settings', '/update-group-settings', body);
  }

  /** `POST /add-participant`, group variant (z-api.txt 7080-7162). */
  addParticipant(body: ZapiAddParticipantBody): Promise<ZapiValueResponse> {
    return this.post('add-participant', '/add-participant', body);
  }

  /** `POST /remove-participant`, group variant (z-api.txt 7163-7239). */
  removeParticipant(body: ZapiGroupPhonesBody): Promise<ZapiValueResponse> {
    return this.post('remove-participant', '/remove-participant', body);
  }

  /** `POST /approve-participant` (z-api.txt 7240-7316): accepts pending join requests. */
  approveParticipant(body: ZapiGroupPhonesBody): Promise<ZapiValueResponse> {
    return this.post('approve-participant', '/approve-participant', body);
  }

  /** `POST /reject-participant` (z-api.txt 7317-7393): rejects pending join requests. */
  rejectParticipant(body: ZapiGroupPhonesBody): Promise<ZapiValueResponse> {
    return this.post('reject-participant', '/reject-participant', body);
  }

  /** `POST /add-admin`, group variant (z-api.txt 7550-7625). */
  addAdmin(body: ZapiGroupPhonesBody): Promise<ZapiValueResponse> {
    return this.post('add-admin', '/add-admin', body);
  }

  /** `POST /remove-admin`, group variant (z-api.txt 7626-7710). */
  removeAdmin(body: ZapiGroupPhonesBody): Promise<ZapiValueResponse> {
    return this.post('remove-admin', '/remove-admin', body);
  }

  /** `POST /leave-group` (z-api.txt 7711-7784). */
  leaveGroup(body: ZapiLeaveGroupBody): Promise<ZapiValueResponse> {
    return this.post('leave-group', '/leave-group', body);
  }

  /**
   * `GET /group-invitation-metadata?url=` (z-api.txt 8009-8090). The URL line (8012) names the
   * parameter `url`, the curl sample (8082) `URL`: the URL line wins, as for
   * `accept-invite-group` (8364, 8376), which spells it `url` everywhere.
   */
  groupInvitationMetadata(url: string): Promise<ZapiGroupInvitationMetadata | null> {
    return this.http.request<ZapiGroupInvitationMetadata | null>({ operation: 'group-invitation-metadata', method: 'GET', path: '/group-invitation-metadata', query: { url } });
  }

  /** `POST /redefine-invitation-link/{groupId}` (z-api.txt 8248-8303): no body; the old link stops working. */
  redefineInvitationLink(groupId: string): Promise<ZapiInvitationLinkResponse> {
    return this.http.request<ZapiInvitationLinkResponse>({ operation: 'redefine-invitation-link', method: 'POST', path: encodePath`/redefine-invitation-link/${groupId}` });
  }

  /** `POST /group-invitation-link/{groupId}` (z-api.txt 8304-8360): a read, documented as a POST with no body. */
  groupInvitationLink(groupId: string): Promise<ZapiInvitationLinkResponse> {
    return this.http.request<ZapiInvitationLinkResponse>({ operation: 'group-invitation-link', method: 'POST', path: encodePath`/group-invitation-link/${groupId}` });
  }

  /** `GET /accept-invite-group?url=` (z-api.txt 8361-8412). */
  acceptInviteGroup(url: string): Promise<ZapiSuccessResponse> {
    return this.http.request<ZapiSuccessResponse>({ operation: 'accept-invite-group', method: 'GET', path: '/accept-invite-group', query: { url } });
  }

  private post(operation: string, path: string, body: object): Promise<ZapiValueResponse> {
    return this.http.request<ZapiValueResponse>({ operation, method: 'POST', path, body });
  }
}

// ---------------------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------------------

/** The methods of {@link GroupsPort} that Z-API implements: the list, one group, and group management. */
export type ZapiGroupsPorts = Pick<
  GroupsPort,
  | 'listGroups'
  | 'getGroup'
  | 'createGroup'
  | 'updateGroup'
  | 'changeGroupParticipants'
  | 'leaveGroup'
  | 'getGroupInviteLink'
  | 'resetGroupInviteLink'
  | 'getGroupInvitation'
  | 'joinGroup'
>;

/** Which operation performs each participant action on a group (z-api.txt 7080-7393, 7550-7710). */
const GROUP_PARTICIPANT_OPERATIONS = {
  ADD: 'addParticipant',
  REMOVE: 'removeParticipant',
  APPROVE: 'approveParticipant',
  REJECT: 'rejectParticipant',
  PROMOTE: 'addAdmin',
  DEMOTE: 'removeAdmin',
} as const satisfies Record<ParticipantChange['action'], keyof ZapiGroupsClient>;

/** Rejects what is not a Z-API group id (`120363…-group`, legacy `5511…-1623281429`). @throws GraphError BAD_USER_INPUT (`input.groupId`) */
function checkGroupId(groupId: string, field = 'input.groupId'): void {
  if (!isGroupId(groupId)) throw badInput(field, 'is not a zapi group id (120363019502650977-group)');
}

/** Rejects what is not a WhatsApp invitation link. @throws GraphError BAD_USER_INPUT naming `field` */
function checkInviteUrl(url: string, field: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== 'https:' || parsed.hostname !== 'chat.whatsapp.com' || parsed.pathname.length < 2) {
    throw badInput(field, 'must be a WhatsApp invitation link (https://chat.whatsapp.com/…)');
  }
}

/**
 * The Z-API group port methods on {@link ZapiGroupsClient}. Reads page without a total and
 * give null for a missing group; changes check Z-API's own rules first (group id form, at
 * least one participant, invitation links), then send the documented request, then read its
 * answer (`value: false` → `PROVIDER_ERROR`).
 * @throws GraphError BAD_USER_INPUT before any request; ProviderError from the call
 */
export function createZapiGroupsPorts(client: ZapiGroupsClient): ZapiGroupsPorts {
  return {
    async listGroups(page: PageRequest): Promise<Page<Group>> {
      return toPage(await client.groups(page.page, page.pageSize), page, toGroupSummary);
    },

    async getGroup(groupId: string): Promise<Group | null> {
      return orNullByPhone(client.groupMetadata(groupId), toGroup);
    },

    async createGroup(input: CreateGroupInput): Promise<CreatedGroup> {
      if (input.participants.length < ZAPI_MIN_GROUP_PARTICIPANTS)
        throw badInput('input.participants', `zapi creates a group with at least ${ZAPI_MIN_GROUP_PARTICIPANTS} participant`);
      const res = await client.createGroup({ autoInvite: input.autoInvite, groupName: input.name, phones: input.participants });
      if (!res?.phone) throw zapiFailed('create-group', 'zapi answered create-group without a group id');
      return { id: res.phone, invitationLink: res.invitationLink ?? null };
    },

    async updateGroup(groupId: string, changes: GroupChanges): Promise<void> {
      checkGroupId(groupId);
      // One documented operation per kind of change (name 6932, description 8174, photo 7009,
      // settings 8091); only what is given is sent, in this order, and the first failure stops.
      if (changes.name != null) expectDone('update-group-name', (await client.updateGroupName({ groupId, groupName: changes.name }))?.value);
      if (changes.description != null) expectDone('update-group-description', (await client.updateGroupDescription({ groupId, groupDescription: changes.description }))?.value);
      if (changes.photo != null) expectDone('update-group-photo', (await client.updateGroupPhoto({ groupId, groupPhoto: changes.photo }))?.value);
      if (changes.settings != null) expectDone('update-group-settings', (await client.updateGroupSettings(toGroupSettingsBody(groupId, changes.settings)))?.value);
    },

    async changeGroupParticipants(groupId: string, change: ParticipantChange): Promise<void> {
      checkGroupId(groupId);
      checkPhones(change.phones);
      const method = GROUP_PARTICIPANT_OPERATIONS[change.action];
      const res =
        method === 'addParticipant'
          ? await client.addParticipant({ autoInvite: change.autoInvite ?? false, groupId, phones: change.phones })
          : await client[method]({ groupId, phones: change.phones });
      expectDone(method, res?.value);
    },

    async leaveGroup(groupId: string): Promise<void> {
      checkGroupId(groupId);
      expectDone('leave-group', (await client.leaveGroup({ groupId }))?.value);
    },

    async getGroupInviteLink(groupId: string): Promise<string> {
      checkGroupId(groupId, 'groupId');
      return invitationLinkOf('group-invitation-link', await client.groupInvitationLink(groupId));
    },

    async resetGroupInviteLink(groupId: string): Promise<string> {
      checkGroupId(groupId);
      return invitationLinkOf('redefine-invitation-link', await client.redefineInvitationLink(groupId));
    },

    async getGroupInvitation(url: string): Promise<GroupInvitation | null> {
      checkInviteUrl(url, 'url');
      // A link that leads to no group (revoked, mistyped) is "nothing there", not a failure.
      return orNullByPhone(client.groupInvitationMetadata(url), toGroupInvitation);
    },

    async joinGroup(url: string): Promise<void> {
      checkInviteUrl(url, 'input.url');
      expectDone('accept-invite-group', (await client.acceptInviteGroup(url))?.success);
    },
  };
}
