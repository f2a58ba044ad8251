import type { WireBool, WireNumber } from './common.js';

/**
 * Z-API's group shapes: the group list entry is a `ZapiChat` (`GET /groups`, z-api.txt
 * 6769-6841), metadata (7785-7909) and group management (6843-8412). Every answer documented
 * as `{"value": true}` / `{"success": true}` is in `common.ts`.
 */

/** A participant of `GET /group-metadata/{phone}` (7785-7909). */
export interface ZapiGroupParticipant {
  phone: string;
  isAdmin?: WireBool;
  isSuperAdmin?: WireBool;
  short?: string | null;
  name?: string | null;
}
/** `GET /group-metadata/{phone}` (7785-7909). */
export interface ZapiGroupMetadata {
  phone: string;
  description?: string | null;
  owner?: string | null;
  subject?: string | null;
  /** Epoch ms (1588721491000). */
  creation?: WireNumber;
  invitationLink?: string | null;
  communityId?: string | null;
  adminOnlyMessage?: WireBool;
  adminOnlySettings?: WireBool;
  requireAdminApproval?: WireBool;
  isGroupAnnouncement?: WireBool;
  participants?: ZapiGroupParticipant[];
  subjectTime?: WireNumber;
  subjectOwner?: string | null;
}

/** `POST /create-group` body (6843-6930): all three attributes are mandatory (6863-6868). */
export interface ZapiCreateGroupBody {
  autoInvite: boolean;
  groupName: string;
  phones: string[];
}
/** `POST /create-group` answer (6893-6909): the group id (`phone`) and its invitation link. */
export interface ZapiCreateGroupResponse {
  phone: string;
  invitationLink?: string | null;
}

/** `POST /update-group-name` body (6932-7007). */
export interface ZapiUpdateGroupNameBody {
  groupId: string;
  groupName: string;
}
/** `POST /update-group-photo` body (7009-7078): `groupPhoto` is an image URL or Base64. */
export interface ZapiUpdateGroupPhotoBody {
  groupId: string;
  groupPhoto: string;
}
/** `POST /update-group-description` body (8174-8247). */
export interface ZapiUpdateGroupDescriptionBody {
  groupId: string;
  groupDescription: string;
}
/** `POST /update-group-settings` body (8091-8173): the group id is sent as `phone`, and all four settings are mandatory. */
export interface ZapiUpdateGroupSettingsBody {
  phone: string;
  adminOnlyMessage: boolean;
  adminOnlySettings: boolean;
  requireAdminApproval: boolean;
  adminOnlyAddMember: boolean;
}
/** `POST /add-participant` body, group variant (7080-7162). */
export interface ZapiAddParticipantBody {
  autoInvite: boolean;
  groupId: string;
  phones: string[];
}
/** `POST /remove-participant`, `/approve-participant`, `/reject-participant`, `/add-admin`, `/remove-admin` bodies, group variants (7163-7393, 7550-7710). */
export interface ZapiGroupPhonesBody {
  groupId: string;
  phones: string[];
}
/** `POST /leave-group` body (7711-7784). */
export interface ZapiLeaveGroupBody {
  groupId: string;
}

/**
 * `GET /group-invitation-metadata?url=` answer (8009-8090): the fields it shares with
 * `group-metadata` (same meaning, same spelling) plus the two counts.
 */
export type ZapiGroupInvitationMetadata = Pick<
  ZapiGroupMetadata,
  'phone' | 'owner' | 'subject' | 'description' | 'creation' | 'invitationLink' | 'participants' | 'subjectTime' | 'subjectOwner'
> & { contactsCount?: WireNumber; participantsCount?: WireNumber };
/** `POST /redefine-invitation-link/{id}` (8248-8303, 8772-8824) and `POST /group-invitation-link/{groupId}` (8304-8360) answers. */
export interface ZapiInvitationLinkResponse {
  phone?: string | null;
  invitationLink?: string | null;
}
