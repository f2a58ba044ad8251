import { badInput } from '../../../errors.js';
import type { ContactsPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { Contact, Page, PageRequest, PhoneCheck } from '../../model.js';
import { orNull, orNullByPhone } from '../errors.js';
import { toContact, toPage, toPhoneChecks, toProfilePictureUrl } from '../mapping.js';
import type { ZapiContact, ZapiPhoneExists, ZapiPhoneExistsBatchBody, ZapiProfilePicture } from '../wire/contacts.js';

/** Most numbers one `phone-exists-batch` request may check (z-api.txt 6013). */
export const ZAPI_PHONE_EXISTS_BATCH_MAX = 50_000;

/**
 * Z-API's contact operations as documented (z-api.txt 5640-6071), on the instance's
 * {@link ProviderHttpClient}. Each method sends exactly the documented method, path, query and
 * body and returns the wire answer; it throws `ProviderError` only.
 */
export class ZapiContactsClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /contacts?page=&pageSize=` (z-api.txt 5640-5700). */
  contacts(page: number, pageSize: number): Promise<ZapiContact[] | null> {
    return this.http.request<ZapiContact[] | null>({ operation: 'contacts', method: 'GET', path: '/contacts', query: { page, pageSize } });
  }

  /** `GET /contacts/{phone}` (z-api.txt 5827-5889). */
  contact(phone: string): Promise<ZapiContact | null> {
    return this.http.request<ZapiContact | null>({ operation: 'contact-metadata', method: 'GET', path: encodePath`/contacts/${phone}` });
  }

  /**
   * `GET /profile-picture?phone=` (z-api.txt 5891-5942). Its curl sample (5939) passes
   * `Client-Token` as a query parameter; the header table (5897) and the security section
   * (464-466) put it in the header, which is where every request of this client sends it.
   */
  profilePicture(phone: string): Promise<ZapiProfilePicture | null> {
    return this.http.request<ZapiProfilePicture | null>({ operation: 'profile-picture', method: 'GET', path: '/profile-picture', query: { phone } });
  }

  /** `POST /phone-exists-batch` (z-api.txt 6002-6071). */
  phoneExistsBatch(phones: string[]): Promise<ZapiPhoneExists[] | null> {
    const body: ZapiPhoneExistsBatchBody = { phones };
    return this.http.request<ZapiPhoneExists[] | null>({ operation: 'phone-exists-batch', method: 'POST', path: '/phone-exists-batch', body });
  }
}

/**
 * The Z-API {@link ContactsPort} on {@link ZapiContactsClient}: pages without a total (a full
 * page may have a next one), a missing contact as null, at most
 * {@link ZAPI_PHONE_EXISTS_BATCH_MAX} numbers per check.
 * @throws GraphError BAD_USER_INPUT (`input.phones`) before any request; ProviderError from the call
 */
export function createZapiContactsPorts(client: ZapiContactsClient): ContactsPort {
  return {
    async listContacts(page: PageRequest): Promise<Page<Contact>> {
      return toPage(await client.contacts(page.page, page.pageSize), page, toContact);
    },

    async getContact(phone: string): Promise<Contact | null> {
      return orNullByPhone(client.contact(phone), toContact);
    },

    async checkPhones(phones: string[]): Promise<PhoneCheck[]> {
      if (phones.length === 0) return [];
      if (phones.length > ZAPI_PHONE_EXISTS_BATCH_MAX) throw badInput('input.phones', `zapi checks at most ${ZAPI_PHONE_EXISTS_BATCH_MAX} numbers per request`);
      return toPhoneChecks(phones, (await client.phoneExistsBatch(phones)) ?? []);
    },

    async getProfilePicture(phone: string): Promise<string | null> {
      return toProfilePictureUrl(await orNull(client.profilePicture(phone)));
    },
  };
}
