import type { WireNumber } from './common.js';

/** Z-API's label ("tag", WhatsApp Business only) shapes (z-api.txt 9851-10190). */

/** A `GET /tags` entry (z-api.txt 9868-9899): `color` typed string (9870), a number in the example. */
export interface ZapiTag {
  id: string | number;
  name: string;
  color?: WireNumber;
}

/** `GET /business/tags/colors`: colour index → hex code (z-api.txt 9927-9933). */
export type ZapiTagColors = Record<string, string>;

/** `POST /business/create-tag` and `POST /business/edit-tag/{id}` body (z-api.txt 9968-9990, 10030-10054): `color` is an index from the colour list. */
export interface ZapiTagBody {
  name: string;
  color?: number;
}

/** `POST /business/create-tag` answer (z-api.txt 9992-10000). */
export interface ZapiCreateTagResponse {
  id: string | number;
}
