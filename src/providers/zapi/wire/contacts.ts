import type { WireBool } from './common.js';

/** Z-API's contact shapes (z-api.txt 5640-6071). */

/** An entry of `GET /contacts` (5640-5700) and `GET /contacts/{phone}` (5827-5889). */
export interface ZapiContact {
  phone: string;
  name?: string | null;
  short?: string | null;
  vname?: string | null;
  notify?: string | null;
  imgUrl?: string | null;
  /** Not in the field table (z-api.txt 5640-5700): the contact's LID (`…@lid`), as real answers carry it next to `phone`. */
  lid?: string | null;
}

/** `GET /profile-picture` (5891-5942): documented as an array of `{link}`. */
export type ZapiProfilePicture = Array<{ link?: string | null }> | { link?: string | null };

/** `POST /phone-exists-batch` body (6002-6071). */
export interface ZapiPhoneExistsBatchBody {
  phones: string[];
}
/** One answer of `POST /phone-exists-batch`. */
export interface ZapiPhoneExists {
  exists: WireBool;
  inputPhone: string;
  outputPhone?: string | null;
}
