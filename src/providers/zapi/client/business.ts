import { badInput } from '../../../errors.js';
import type { BusinessPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import type { BusinessCategory, BusinessHours, BusinessProfileInput } from '../../model.js';
import { expectDone } from '../errors.js';
import type { ZapiSuccessResponse } from '../wire/common.js';

/** One category of `GET /business/available-categories` (z-api.txt 10986-11010: "Size" in the table is `displayName` in the example). */
export interface ZapiBusinessCategory {
  displayName?: string | null;
  label?: string | null;
  id?: string | number | null;
}

/** Body of `POST /business/hours` (z-api.txt 10888-10966). */
export interface ZapiBusinessHoursBody {
  timezone: string;
  mode: 'specificHours' | 'open24h' | 'appointmentOnly';
  days: Array<{ dayOfWeek: string; openTime: string; closeTime: string }>;
}

/** Most categories a business may have (z-api.txt 11042-11043: "a maximum of 3 categories … at least one"). */
export const ZAPI_MAX_BUSINESS_CATEGORIES = 3;

const MODE: Readonly<Record<BusinessHours['mode'], ZapiBusinessHoursBody['mode']>> = { SPECIFIC_HOURS: 'specificHours', OPEN_24H: 'open24h', APPOINTMENT_ONLY: 'appointmentOnly' };

/**
 * Z-API's business profile operations (z-api.txt 10655-11088; WhatsApp Business accounts only),
 * on the instance's {@link ProviderHttpClient}. Each method sends exactly the documented method,
 * path, query and body; it throws `ProviderError` only.
 */
export class ZapiBusinessClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /business/company-{description|email|address}` `{value}` (z-api.txt 10655-10825). */
  setValue(field: 'description' | 'email' | 'address', value: string): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: `company-${field}`, method: 'POST', path: `/business/company-${field}`, body: { value } });
  }

  /** `POST /business/company-websites` `{websites}` (z-api.txt 10826-10887). */
  setWebsites(websites: string[]): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'company-websites', method: 'POST', path: '/business/company-websites', body: { websites } });
  }

  /** `POST /business/hours` (z-api.txt 10888-10966). */
  setHours(body: ZapiBusinessHoursBody): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'business-hours', method: 'POST', path: '/business/hours', body });
  }

  /** `GET /business/available-categories?query=` (z-api.txt 10967-11029; `query` optional). */
  availableCategories(query: string | null): Promise<ZapiBusinessCategory[] | null> {
    return this.http.request<ZapiBusinessCategory[] | null>({
      operation: 'available-categories',
      method: 'GET',
      path: '/business/available-categories',
      query: query ? { query } : {},
    });
  }

  /** `POST /business/categories` `{categories}` (z-api.txt 11030-11088). */
  setCategories(categories: string[]): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'business-categories', method: 'POST', path: '/business/categories', body: { categories } });
  }
}

/**
 * The Z-API {@link BusinessPort} part it has: `updateBusinessProfile` sends one request per given
 * field, in the order description, e-mail, address, websites, opening hours, categories (the
 * first failure stops the rest); Z-API keeps no industry (`vertical`: refused) and documents no
 * read of the profile. `listBusinessCategories` lists the categories to assign.
 * @throws GraphError BAD_USER_INPUT (`input.vertical`) before any request; ProviderError from the calls
 */
export function createZapiBusinessPorts(client: ZapiBusinessClient): Pick<BusinessPort, 'updateBusinessProfile' | 'listBusinessCategories'> {
  return {
    async updateBusinessProfile(input: BusinessProfileInput): Promise<void> {
      if (input.vertical) throw badInput('input.vertical', 'zapi keeps no industry in the business profile (z-api.txt 10655-11088)');
      if (input.categories && (input.categories.length < 1 || input.categories.length > ZAPI_MAX_BUSINESS_CATEGORIES))
        throw badInput('input.categories', `zapi takes 1 to ${ZAPI_MAX_BUSINESS_CATEGORIES} categories (z-api.txt 11042-11043)`);
      if (input.description != null) expectDone('company-description', (await client.setValue('description', input.description))?.success);
      if (input.email != null) expectDone('company-email', (await client.setValue('email', input.email))?.success);
      if (input.address != null) expectDone('company-address', (await client.setValue('address', input.address))?.success);
      if (input.websites != null) expectDone('company-websites', (await client.setWebsites(input.websites))?.success);
      if (input.hours) {
        const { timezone, mode, days } = input.hours;
        expectDone(
          'business-hours',
          (await client.setHours({ timezone, mode: MODE[mode], days: days.map((d) => ({ dayOfWeek: d.dayOfWeek, openTime: d.openTime, closeTime: d.closeTime })) }))?.success,
        );
      }
      if (input.categories != null) expectDone('business-categories', (await client.setCategories(input.categories))?.success);
    },
    async listBusinessCategories(query: string | null): Promise<BusinessCategory[]> {
      return ((await client.availableCategories(query)) ?? [])
        .filter((c) => c.id !== undefined && c.id !== null)
        .map((c) => ({ id: String(c.id), label: c.label || null, name: c.displayName ?? String(c.id) }));
    },
  };
}
