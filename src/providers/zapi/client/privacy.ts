import { badInput } from '../../../errors.js';
import type { DefaultMessageDuration, PrivacyAudience, PrivacyChange, PrivacyInput, PrivacySetting, PrivacySettings } from '../../account.model.js';
import type { PrivacyPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import { expectDone } from '../errors.js';
import type { ZapiSuccessResponse } from '../wire/common.js';
import type { ZapiBlacklistChange, ZapiDisallowedContacts, ZapiDisallowedScope, ZapiMessagesDuration, ZapiVisualization } from '../wire/account.js';

/** The graph's audience → Z-API's `visualizationType` / `type` (z-api.txt 5136-5142). */
const AUDIENCE: Readonly<Record<PrivacyAudience, ZapiVisualization>> = {
  EVERYONE: 'ALL',
  NOBODY: 'NONE',
  CONTACTS: 'CONTACTS',
  CONTACTS_EXCEPT: 'CONTACT_BLACKLIST',
  SAME_AS_LAST_SEEN: 'SAME_LAST_SEEN',
};

/** The graph's setting → its path and whether it takes an exception list (z-api.txt 5115-5514; `online` takes none, 5455-5514). */
const SETTING: Readonly<Record<PrivacySetting, { path: string; blacklist: boolean }>> = {
  LAST_SEEN: { path: 'last-seen', blacklist: true },
  PROFILE_PHOTO: { path: 'photo', blacklist: true },
  ABOUT: { path: 'description', blacklist: true },
  GROUP_ADD: { path: 'group-add', blacklist: true },
  ONLINE: { path: 'online', blacklist: false },
};

/** The graph's duration → `messages-duration` `value` (z-api.txt 5588-5594). */
const DURATION: Readonly<Record<DefaultMessageDuration, ZapiMessagesDuration>> = { OFF: 'disable', HOURS_24: 'hours24', DAYS_7: 'days7', DAYS_90: 'days90' };

/**
 * Z-API's privacy operations (z-api.txt 5055-5627), on the instance's {@link ProviderHttpClient}.
 * Each method sends exactly the documented method, path, query and body; it throws `ProviderError` only.
 */
export class ZapiPrivacyClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /privacy/disallowed-contacts?type=` (z-api.txt 5055-5113). */
  disallowedContacts(type: ZapiDisallowedScope): Promise<ZapiDisallowedContacts | null> {
    return this.http.request<ZapiDisallowedContacts | null>({ operation: 'privacy-disallowed-contacts', method: 'GET', path: '/privacy/disallowed-contacts', query: { type } });
  }

  /** `POST /privacy/{last-seen|photo|description|online}` with `visualizationType`, or `/privacy/group-add` with `type` (z-api.txt 5115-5514). */
  setAudience(path: string, audience: ZapiVisualization, blacklist: ZapiBlacklistChange[]): Promise<ZapiSuccessResponse | null> {
    const changes = blacklist.length ? { contactsBlacklist: blacklist } : {};
    const body = path === 'group-add' ? { type: audience, ...changes } : { visualizationType: audience, ...changes };
    return this.http.request<ZapiSuccessResponse | null>({ operation: `privacy-${path}`, method: 'POST', path: `/privacy/${path}`, body });
  }

  /** `POST /privacy/read-receipts?value=enable|disable` (z-api.txt 5516-5571): the value in the query, no body. */
  readReceipts(enabled: boolean): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({
      operation: 'privacy-read-receipts',
      method: 'POST',
      path: '/privacy/read-receipts',
      query: { value: enabled ? 'enable' : 'disable' },
    });
  }

  /** `POST /privacy/messages-duration?value=` (z-api.txt 5573-5627): the value in the query, no body. */
  messagesDuration(value: ZapiMessagesDuration): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'privacy-messages-duration', method: 'POST', path: '/privacy/messages-duration', query: { value } });
  }
}

/** The exception-list changes of one audience change, checked: only `CONTACTS_EXCEPT` carries them, and `online` never does. @throws GraphError BAD_USER_INPUT */
function blacklistOf(change: PrivacyChange, index: number): ZapiBlacklistChange[] {
  const list = [
    ...(change.addDisallowed ?? []).map((phone) => ({ action: 'add' as const, phone })),
    ...(change.removeDisallowed ?? []).map((phone) => ({ action: 'remove' as const, phone })),
  ];
  if (list.length && change.audience !== 'CONTACTS_EXCEPT') throw badInput(`input.audiences[${index}].addDisallowed`, 'exceptions go with the CONTACTS_EXCEPT audience only');
  if (list.length && !SETTING[change.setting].blacklist) throw badInput(`input.audiences[${index}].addDisallowed`, 'zapi keeps no exception list for ONLINE (z-api.txt 5455-5514)');
  return list;
}

/**
 * The Z-API {@link PrivacyPort}. Z-API documents no read of the audiences, read receipts or
 * message duration: those fields are null; the exception lists are read (four requests in
 * parallel). `ONLINE` takes `EVERYONE` or `SAME_AS_LAST_SEEN` only (z-api.txt 5466-5470), and `GROUP_ADD` cannot be
 * `NOBODY` (z-api.txt 5391-5396): refused before any request.
 * @throws GraphError BAD_USER_INPUT naming the field, before any request
 * @throws ProviderError from the call; PROVIDER_ERROR (`FAILED`) when Z-API answers `success: false`
 */
export function createZapiPrivacyPorts(client: ZapiPrivacyClient): PrivacyPort {
  const list = async (type: ZapiDisallowedScope) => (await client.disallowedContacts(type))?.disallowedContacts ?? [];
  return {
    async getPrivacy(): Promise<PrivacySettings> {
      const [lastSeen, profilePhoto, about, groupAdd] = await Promise.all([list('lastSeen'), list('photo'), list('description'), list('groupAdd')]);
      return {
        lastSeen: null,
        profilePhoto: null,
        about: null,
        groupAdd: null,
        online: null,
        readReceipts: null,
        defaultMessageDuration: null,
        disallowedContacts: { lastSeen, profilePhoto, about, groupAdd },
      };
    },
    async updatePrivacy(input: PrivacyInput): Promise<void> {
      const planned = input.audiences.map((change, i) => {
        if (change.setting === 'GROUP_ADD' && change.audience === 'NOBODY')
          throw badInput(`input.audiences[${i}].audience`, 'zapi has no NOBODY for GROUP_ADD (z-api.txt 5391-5396)');
        if ((change.setting === 'ONLINE') !== (change.audience === 'SAME_AS_LAST_SEEN') && !(change.setting === 'ONLINE' && change.audience === 'EVERYONE'))
          throw badInput(`input.audiences[${i}].audience`, 'ONLINE is EVERYONE or SAME_AS_LAST_SEEN (z-api.txt 5466-5470); SAME_AS_LAST_SEEN is for ONLINE only');
        return { path: SETTING[change.setting].path, audience: AUDIENCE[change.audience], blacklist: blacklistOf(change, i) };
      });
      for (const p of planned) expectDone(`privacy-${p.path}`, (await client.setAudience(p.path, p.audience, p.blacklist))?.success);
      if (input.readReceipts !== null && input.readReceipts !== undefined) expectDone('privacy-read-receipts', (await client.readReceipts(input.readReceipts))?.success);
      if (input.defaultMessageDuration) expectDone('privacy-messages-duration', (await client.messagesDuration(DURATION[input.defaultMessageDuration]))?.success);
    },
  };
}
