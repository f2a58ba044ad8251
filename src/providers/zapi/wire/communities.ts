import type { WireBool } from './common.js';

/** Z-API's community shapes (z-api.txt 8413-9238), spelled as the doc spells them. */

/** A linked group of a community (8500-8510, 8728-8737). */
export interface ZapiSubGroup {
  name?: string | null;
  phone: string;
  isGroupAnnouncement?: WireBool;
}
/** `POST /communities` body (8455-8521): `description` is optional. */
export interface ZapiCreateCommunityBody {
  name: string;
  description?: string;
}
/** `POST /communities` answer (8493-8512): the id and the announcement group. */
export interface ZapiCreateCommunityResponse {
  id: string;
  subGroups?: ZapiSubGroup[] | null;
}
/** An entry of `GET /communities` (8522-8577). */
export interface ZapiCommunitySummary {
  name?: string | null;
  id: string;
}
/** `GET /communities-metadata/{communityId}` answer (8700-8771). */
export interface ZapiCommunityMetadata {
  name?: string | null;
  id: string;
  description?: string | null;
  subGroups?: ZapiSubGroup[] | null;
}
/** `POST /communities/link` and `/communities/unlink` bodies (8578-8699). */
export interface ZapiCommunityGroupsBody {
  communityId: string;
  groupsPhones: string[];
}
/** `POST /add-participant` body, community variant (8825-8889). */
export interface ZapiAddCommunityParticipantBody {
  autoInvite: boolean;
  communityId: string;
  phones: string[];
}
/** `POST /remove-participant`, `/add-admin`, `/remove-admin` bodies, community variants (8890-9069). */
export interface ZapiCommunityPhonesBody {
  communityId: string;
  phones: string[];
}
/** `POST /communities/settings` body (9070-9125). */
export interface ZapiCommunitySettingsBody {
  communityId: string;
  whoCanAddNewGroups: 'admins' | 'all';
}
/** `POST /update-community-description` body (9177-9238). */
export interface ZapiUpdateCommunityDescriptionBody {
  communityId: string;
  communityDescription: string;
}
