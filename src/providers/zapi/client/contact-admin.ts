import type { NewContact } from '../../account.model.js';
import type { ContactAdminPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import { expectDone } from '../errors.js';
import type { ZapiSuccessResponse, ZapiValueResponse } from '../wire/common.js';
import type { ZapiContactsChangeResponse, ZapiModifyBlockedBody, ZapiNewContact } from '../wire/account.js';

/**
 * Z-API's address-book operations (z-api.txt 5702-5825, 6073-6180), on the instance's
 * {@link ProviderHttpClient}. Each method sends exactly the documented method, path and body;
 * it throws `ProviderError` only.
 */
export class ZapiContactAdminClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /contacts/add` with an array of `{firstName, lastName, phone}` (z-api.txt 5702-5773). */
  add(contacts: ZapiNewContact[]): Promise<ZapiContactsChangeResponse | null> {
    return this.http.request<ZapiContactsChangeResponse | null>({ operation: 'contacts-add', method: 'POST', path: '/contacts/add', body: contacts });
  }

  /** `DELETE /contacts/remove` with an array of phones as the body (z-api.txt 5775-5825). */
  remove(phones: string[]): Promise<ZapiContactsChangeResponse | null> {
    return this.http.request<ZapiContactsChangeResponse | null>({ operation: 'contacts-remove', method: 'DELETE', path: '/contacts/remove', body: phones });
  }

  /** `POST /contacts/modify-blocked` `{phone, action: block|unblock}` (z-api.txt 6073-6125). */
  modifyBlocked(body: ZapiModifyBlockedBody): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'contacts-modify-blocked', method: 'POST', path: '/contacts/modify-blocked', body });
  }

  /** `POST /contacts/{phone}/report` without a body (z-api.txt 6127-6180). */
  report(phone: string): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'contacts-report', method: 'POST', path: encodePath`/contacts/${phone}/report` });
  }
}

/**
 * The Z-API {@link ContactAdminPort}: `lastName` is sent only when given; an answer with
 * `success: false` or a non-empty `errors` list fails (z-api.txt 5750-5760).
 * @throws ProviderError from the call; PROVIDER_ERROR (`FAILED`) when Z-API says it failed
 */
export function createZapiContactAdminPorts(client: ZapiContactAdminClient): ContactAdminPort {
  const changed = (operation: string, wire: ZapiContactsChangeResponse | null) => expectDone(operation, wire?.success && !(wire.errors ?? []).length);
  return {
    async addContacts(contacts: NewContact[]): Promise<void> {
      changed('contacts-add', await client.add(contacts.map((c) => ({ firstName: c.firstName, ...(c.lastName ? { lastName: c.lastName } : {}), phone: c.phone }))));
    },
    async removeContacts(phones: string[]): Promise<void> {
      changed('contacts-remove', await client.remove(phones));
    },
    async setContactBlocked(phone: string, blocked: boolean): Promise<void> {
      expectDone('contacts-modify-blocked', (await client.modifyBlocked({ phone, action: blocked ? 'block' : 'unblock' }))?.value);
    },
    async reportContact(phone: string): Promise<void> {
      expectDone('contacts-report', (await client.report(phone))?.success);
    },
  };
}
