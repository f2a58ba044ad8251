import { badInput } from '../../../errors.js';
import type { CommunitiesPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { Community, CommunityChanges, CommunityLinkAction, CreateCommunityInput, Page, PageRequest, ParticipantChange } from '../../model.js';
import { expectDone, orNull, zapiFailed } from '../errors.js';
import { isGroupId, toCommunity, toCommunitySummary, toCreatedCommunity, toPage, toWhoCanAddNewGroups } from '../mapping.js';
import type { ZapiSuccessResponse, ZapiValueResponse } from '../wire/common.js';
import type {
  ZapiAddCommunityParticipantBody,
  ZapiCommunityGroupsBody,
  ZapiCommunityMetadata,
  ZapiCommunityPhonesBody,
  ZapiCommunitySettingsBody,
  ZapiCommunitySummary,
  ZapiCreateCommunityBody,
  ZapiCreateCommunityResponse,
  ZapiUpdateCommunityDescriptionBody,
} from '../wire/communities.js';
import type { ZapiInvitationLinkResponse } from '../wire/groups.js';
import { checkPhones, invitationLinkOf } from './groups.js';

/** Most groups a community can have ("Each community can have up to 50 groups", z-api.txt 8428): the most one link request can add. */
export const ZAPI_COMMUNITY_MAX_GROUPS = 50;

/**
 * Z-API's community operations as documented (z-api.txt 8413-9238), on the instance's
 * {@link ProviderHttpClient}. One method per documented operation; `ProviderError` only.
 *
 * The introduction (8446-8453) says people are added, removed and promoted "through the
 * announcement group using the APIs you already know", yet 8825-9069 document the same
 * endpoints with `communityId` instead of `groupId`: those documented community variants are
 * what this client sends.
 */
export class ZapiCommunityClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /communities` (z-api.txt 8455-8521; its "Method" header, 8457, says `/create-group`, the URL lines 8458 and 8482 say `/communities`: the URL wins). */
  createCommunity(body: ZapiCreateCommunityBody): Promise<ZapiCreateCommunityResponse> {
    return this.http.request<ZapiCreateCommunityResponse>({ operation: 'create-community', method: 'POST', path: '/communities', body });
  }

  /** `GET /communities?page=&pageSize=` (z-api.txt 8522-8577). */
  communities(page: number, pageSize: number): Promise<ZapiCommunitySummary[] | null> {
    return this.http.request<ZapiCommunitySummary[] | null>({ operation: 'communities', method: 'GET', path: '/communities', query: { page, pageSize } });
  }

  /** `POST /communities/link` (z-api.txt 8578-8638). */
  link(body: ZapiCommunityGroupsBody): Promise<ZapiSuccessResponse> {
    return this.http.request<ZapiSuccessResponse>({ operation: 'communities-link', method: 'POST', path: '/communities/link', body });
  }

  /** `POST /communities/unlink` (z-api.txt 8639-8699). */
  unlink(body: ZapiCommunityGroupsBody): Promise<ZapiSuccessResponse> {
    return this.http.request<ZapiSuccessResponse>({ operation: 'communities-unlink', method: 'POST', path: '/communities/unlink', body });
  }

  /** `GET /communities-metadata/{communityId}` (z-api.txt 8700-8771). */
  communityMetadata(communityId: string): Promise<ZapiCommunityMetadata | null> {
    return this.http.request<ZapiCommunityMetadata | null>({ operation: 'communities-metadata', method: 'GET', path: encodePath`/communities-metadata/${communityId}` });
  }

  /** `POST /redefine-invitation-link/{communityId}` (z-api.txt 8772-8824): the group operation's path, with a community id; no body. */
  redefineInvitationLink(communityId: string): Promise<ZapiInvitationLinkResponse> {
    return this.http.request<ZapiInvitationLinkResponse>({
      operation: 'redefine-invitation-link-community',
      method: 'POST',
      path: encodePath`/redefine-invitation-link/${communityId}`,
    });
  }

  /** `POST /add-participant`, community variant (z-api.txt 8825-8889). */
  addParticipant(body: ZapiAddCommunityParticipantBody): Promise<ZapiValueResponse> {
    return this.post('add-participant-community', '/add-participant', body);
  }

  /** `POST /remove-participant`, community variant (z-api.txt 8890-8949). */
  removeParticipant(body: ZapiCommunityPhonesBody): Promise<ZapiValueResponse> {
    return this.post('remove-participant-community', '/remove-participant', body);
  }

  /** `POST /add-admin`, community variant (z-api.txt 8950-9009). */
  addAdmin(body: ZapiCommunityPhonesBody): Promise<ZapiValueResponse> {
    return this.post('add-admin-community', '/add-admin', body);
  }

  /** `POST /remove-admin`, community variant (z-api.txt 9010-9069). */
  removeAdmin(body: ZapiCommunityPhonesBody): Promise<ZapiValueResponse> {
    return this.post('remove-admin-community', '/remove-admin', body);
  }

  /** `POST /communities/settings` (z-api.txt 9070-9125): the example's `"admins" | "all"` (9093) means one of the two strings. */
  settings(body: ZapiCommunitySettingsBody): Promise<ZapiSuccessResponse> {
    return this.http.request<ZapiSuccessResponse>({ operation: 'communities-settings', method: 'POST', path: '/communities/settings', body });
  }

  /** `DELETE /communities/{communityId}` (z-api.txt 9126-9176; its "Method" header, 9128, says `/queue`, the URL lines 9130 and 9147 win). No body is documented for the answer. */
  async deactivate(communityId: string): Promise<void> {
    await this.http.request({ operation: 'deactivate-community', method: 'DELETE', path: encodePath`/communities/${communityId}` });
  }

  /** `POST /update-community-description` (z-api.txt 9177-9238). */
  updateDescription(body: ZapiUpdateCommunityDescriptionBody): Promise<ZapiValueResponse> {
    return this.post('update-community-description', '/update-community-description', body);
  }

  private post(operation: string, path: string, body: object): Promise<ZapiValueResponse> {
    return this.http.request<ZapiValueResponse>({ operation, method: 'POST', path, body });
  }
}

/** Which operation performs each participant action on a community (z-api.txt 8825-9069); approving and rejecting are group-only. */
const COMMUNITY_PARTICIPANT_OPERATIONS = {
  ADD: 'addParticipant',
  REMOVE: 'removeParticipant',
  PROMOTE: 'addAdmin',
  DEMOTE: 'removeAdmin',
} as const;

/** Rejects a group id given as a community id (communities have bare numeric ids, z-api.txt 8494, 8776). @throws GraphError BAD_USER_INPUT naming `field` */
function checkCommunityId(communityId: string, field: string): void {
  if (!/^\d{6,}$/.test(communityId) || isGroupId(communityId)) throw badInput(field, 'is not a zapi community id (98372465382764532938)');
}

/**
 * The Z-API {@link CommunitiesPort}: Z-API's rules checked first (community id form, at most
 * {@link ZAPI_COMMUNITY_MAX_GROUPS} groups, group ids in link requests, actions it documents),
 * then the documented request, then its answer read (`false` → `PROVIDER_ERROR`).
 * @throws GraphError BAD_USER_INPUT before any request; ProviderError from the call
 */
export function createZapiCommunityPorts(client: ZapiCommunityClient): CommunitiesPort {
  return {
    async listCommunities(page: PageRequest): Promise<Page<Community>> {
      // No total in the answer (8553-8560): a full page may have a next one.
      return toPage(await client.communities(page.page, page.pageSize), page, toCommunitySummary);
    },

    async getCommunity(communityId: string): Promise<Community | null> {
      checkCommunityId(communityId, 'id');
      const wire = await orNull(client.communityMetadata(communityId));
      return wire?.id ? toCommunity(wire) : null;
    },

    async createCommunity(input: CreateCommunityInput): Promise<Community> {
      const body: ZapiCreateCommunityBody = { name: input.name };
      if (input.description) body.description = input.description;
      const res = await client.createCommunity(body);
      if (!res?.id) throw zapiFailed('create-community', 'zapi answered create-community without an id');
      return toCreatedCommunity(res, input.name, input.description ?? null);
    },

    async updateCommunity(communityId: string, changes: CommunityChanges): Promise<void> {
      checkCommunityId(communityId, 'input.communityId');
      if (changes.description != null) {
        expectDone('update-community-description', (await client.updateDescription({ communityId, communityDescription: changes.description }))?.value);
      }
      if (changes.whoCanAddGroups != null) {
        expectDone('communities-settings', (await client.settings({ communityId, whoCanAddNewGroups: toWhoCanAddNewGroups(changes.whoCanAddGroups) }))?.success);
      }
    },

    async changeCommunityGroups(communityId: string, action: CommunityLinkAction, groupIds: string[]): Promise<void> {
      checkCommunityId(communityId, 'input.communityId');
      if (groupIds.length === 0) throw badInput('input.groupIds', 'at least one group id is required');
      if (groupIds.length > ZAPI_COMMUNITY_MAX_GROUPS) throw badInput('input.groupIds', `a zapi community has at most ${ZAPI_COMMUNITY_MAX_GROUPS} groups`);
      groupIds.forEach((id, i) => {
        if (!isGroupId(id)) throw badInput(`input.groupIds[${i}]`, 'is not a zapi group id (120363019502650977-group)');
      });
      const body = { communityId, groupsPhones: groupIds };
      const res = action === 'LINK' ? await client.link(body) : await client.unlink(body);
      expectDone(action === 'LINK' ? 'communities-link' : 'communities-unlink', res?.success);
    },

    async changeCommunityParticipants(communityId: string, change: ParticipantChange): Promise<void> {
      checkCommunityId(communityId, 'input.communityId');
      checkPhones(change.phones);
      if (change.action === 'APPROVE' || change.action === 'REJECT') throw badInput('input.action', 'zapi approves and rejects join requests only in groups');
      const method = COMMUNITY_PARTICIPANT_OPERATIONS[change.action];
      const res =
        method === 'addParticipant'
          ? await client.addParticipant({ autoInvite: change.autoInvite ?? false, communityId, phones: change.phones })
          : await client[method]({ communityId, phones: change.phones });
      expectDone(`${method}-community`, res?.value);
    },

    async resetCommunityInviteLink(communityId: string): Promise<string> {
      checkCommunityId(communityId, 'input.communityId');
      return invitationLinkOf('redefine-invitation-link-community', await client.redefineInvitationLink(communityId));
    },

    async deactivateCommunity(communityId: string): Promise<void> {
      checkCommunityId(communityId, 'input.communityId');
      await client.deactivate(communityId);
    },
  };
}
