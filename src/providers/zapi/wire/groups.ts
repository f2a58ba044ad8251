import type { WireBool, WireNumber, ZapiGroupParticipant } from './wire.js';

/**
 * Z-API's JSON shapes for group management (z-api.txt 6843-8412) and communities
 * (8413-9238), spelled as the doc spells them. Every answer documented as
 * `{"value": true}` / `{"success": true}` means "true if it worked and false if it failed".
 */

/** `{"value": boolean}`: the answer of most group and community changes (e.g. 6976-6984). */
export interface ZapiValueResponse { value?: WireBool }
/** `{"success": boolean}`: the answer of accept-invite-group, communities/link, /unlink and /settings (8385-8393, 8618-8626). */
export interface ZapiSuccessResponse { success?: WireBool }

/** `POST /create-group` body (6843-6930): all three attributes are mandatory (6863-6868). */
export interface ZapiCreateGroupBody { autoInvite: boolean; groupName: string; phones: string[] }
/** `POST /create-group` answer (6893-6909): the group id (`phone`) and its invitation link. */
export interface ZapiCreateGroupResponse { phone: string; invitationLink?: string | null }

/** `POST /update-group-name` body (6932-7007). */
export interface ZapiUpdateGroupNameBody { groupId: string; groupName: string }
/** `POST /update-group-photo` body (7009-7078): `groupPhoto` is an image URL or Base64. */
export interface ZapiUpdateGroupPhotoBody { groupId: string; groupPhoto: string }
/** `POST /update-group-description` body (8174-8247). */
export interface ZapiUpdateGroupDescriptionBody { groupId: string; groupDescription: string }
/** `POST /update-group-settings` body (8091-8173): the group id is sent as `phone`, and all four settings are mandatory. */
export interface ZapiUpdateGroupSettingsBody {
  phone: string;
  adminOnlyMessage: boolean;
  adminOnlySettings: boolean;
  requireAdminApproval: boolean;
  adminOnlyAddMember: boolean;
}
/** `POST /add-participant` body, group variant (7080-7162). */
export interface ZapiAddParticipantBody { autoInvite: boolean; groupId: string; phones: string[] }
/** `POST /remove-participant`, `/approve-participant`, `/reject-participant`, `/add-admin`, `/remove-admin` bodies, group variants (7163-7393, 7550-7710). */
export interface ZapiGroupPhonesBody { groupId: string; phones: string[] }
/** `POST /leave-group` body (7711-7784). */
export interface ZapiLeaveGroupBody { groupId: string }

/** `GET /group-invitation-metadata?url=` answer (8009-8090). */
export interface ZapiGroupInvitationMetadata {
  phone: string;
  owner?: string | null;
  subject?: string | null;
  description?: string | null;
  /** Epoch ms. */
  creation?: WireNumber;
  invitationLink?: string | null;
  contactsCount?: WireNumber;
  participantsCount?: WireNumber;
  participants?: ZapiGroupParticipant[];
  subjectTime?: WireNumber;
  subjectOwner?: string | null;
}
/** `POST /redefine-invitation-link/{id}` (8248-8303, 8772-8824) and `POST /group-invitation-link/{groupId}` (8304-8360) answers. */
export interface ZapiInvitationLinkResponse { phone?: string | null; invitationLink?: string | null }

/** A linked group of a community (8500-8510, 8728-8737). */
export interface ZapiSubGroup { name?: string | null; phone: string; isGroupAnnouncement?: WireBool }
/** `POST /communities` body (8455-8521): `description` is optional. */
export interface ZapiCreateCommunityBody { name: string; description?: string }
/** `POST /communities` answer (8493-8512): the id and the announcement group. */
export interface ZapiCreateCommunityResponse { id: string; subGroups?: ZapiSubGroup[] | null }
/** An entry of `GET /communities` (8522-8577). */
export interface ZapiCommunitySummary { name?: string | null; id: string }
/** `GET /communities-metadata/{communityId}` answer (8700-8771). */
export interface ZapiCommunityMetadata { name?: string | null; id: string; description?: string | null; subGroups?: ZapiSubGroup[] | null }
/** `POST /communities/link` and `/communities/unlink` bodies (8578-8699). */
export interface ZapiCommunityGroupsBody { communityId: string; groupsPhones: string[] }
/** `POST /add-participant` body, community variant (8825-8889). */
export interface ZapiAddCommunityParticipantBody { autoInvite: boolean; communityId: string; phones: string[] }
/** `POST /remove-participant`, `/add-admin`, `/remove-admin` bodies, community variants (8890-9069). */
export interface ZapiCommunityPhonesBody { communityId: string; phones: string[] }
/** `POST /communities/settings` body (9070-9125). */
export interface ZapiCommunitySettingsBody { communityId: string; whoCanAddNewGroups: 'admins' | 'all' }
/** `POST /update-community-description` body (9177-9238). */
export interface ZapiUpdateCommunityDescriptionBody { communityId: string; communityDescription: string }
