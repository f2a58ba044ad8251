import type { Community, CommunityGroup, CommunityGroupAdders, GroupInvitation, GroupSettings } from '../model.js';
import type {
  ZapiCommunityMetadata, ZapiCommunitySummary, ZapiCreateCommunityResponse, ZapiGroupInvitationMetadata, ZapiSubGroup,
  ZapiUpdateGroupSettingsBody,
} from './group-admin-wire.js';
import { toBool, toGroup, toNumber } from './mapping.js';

/**
 * Wire ↔ model for Z-API group management and communities (z-api.txt 6843-9238). Reuses the
 * scalar readers and `toGroup` of `mapping.ts`, so a group reads the same however it arrives.
 */

/** `GET /group-invitation-metadata` → {@link GroupInvitation} (z-api.txt 8009-8090): the `group-metadata` shape plus `participantsCount`. */
export function toGroupInvitation(wire: ZapiGroupInvitationMetadata): GroupInvitation {
  const group = toGroup(wire);
  return { ...group, participantsCount: toNumber(wire.participantsCount ?? null) ?? group.participants.length };
}

/** {@link GroupSettings} → the `update-group-settings` body (z-api.txt 8091-8173): the group id goes in `phone`. */
export function toGroupSettingsBody(groupId: string, settings: GroupSettings): ZapiUpdateGroupSettingsBody {
  return {
    phone: groupId,
    adminOnlyMessage: settings.onlyAdminsSend,
    adminOnlySettings: settings.onlyAdminsEdit,
    requireAdminApproval: settings.requireAdminApproval,
    adminOnlyAddMember: settings.onlyAdminsAddMembers,
  };
}

/** A `subGroups` entry → {@link CommunityGroup}; the group id is its `phone`. */
function toCommunityGroup(wire: ZapiSubGroup): CommunityGroup {
  return { id: wire.phone, name: typeof wire.name === 'string' && wire.name !== '' ? wire.name : null, isAnnouncement: toBool(wire.isGroupAnnouncement) };
}

/** A `GET /communities` entry → {@link Community} without groups (the list does not carry them, z-api.txt 8553-8560). */
export function toCommunitySummary(wire: ZapiCommunitySummary): Community {
  return { id: wire.id, name: wire.name || wire.id, groups: null };
}

/**
 * `GET /communities-metadata/{id}` → {@link Community} (z-api.txt 8700-8771). The doc's
 * example (8740-8748) writes the sub-group's name under a second `"phone"` key; its field
 * table (8725-8730) names it `name`, which is what is read.
 */
export function toCommunity(wire: ZapiCommunityMetadata): Community {
  return { id: wire.id, name: wire.name || wire.id, description: wire.description || null, groups: (wire.subGroups ?? []).map(toCommunityGroup) };
}

/** `POST /communities` answer → {@link Community} (z-api.txt 8493-8512): the answer has no name, so the requested one is used. */
export function toCreatedCommunity(wire: ZapiCreateCommunityResponse, name: string, description: string | null): Community {
  return { id: wire.id, name, description, groups: (wire.subGroups ?? []).map(toCommunityGroup) };
}

/** {@link CommunityGroupAdders} → `whoCanAddNewGroups` ("admins" or "all", z-api.txt 9086-9093). */
export function toWhoCanAddNewGroups(value: CommunityGroupAdders): 'admins' | 'all' {
  return value === 'ADMINS' ? 'admins' : 'all';
}
