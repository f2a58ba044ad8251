import type { WireBool, WireNumber } from './common.js';

/**
 * Z-API's WhatsApp Business catalog shapes: products (z-api.txt 9545-9850), catalog
 * configuration (10191-10240) and collections (10241-10654). Values the doc types one way and
 * shows another (`"price": "100000"` typed string but sent as an integer) are typed as both.
 */

/**
 * A product as the catalog operations return it (z-api.txt 9632-9666, 9699-9733, 10480-10520):
 * prices are strings in the examples, integers in the create body; `retailerId` is typed
 * boolean (9633) but is null or a string in the examples; `images` an array of URLs.
 */
export interface ZapiProduct {
  id: string;
  retailerId?: string | null;
  name?: string | null;
  description?: string | null;
  price?: WireNumber;
  salePrice?: WireNumber;
  currency?: string | null;
  images?: string[] | string | null;
  isHidden?: WireBool;
  url?: string | null;
  availability?: string | null;
  quantity?: WireNumber | boolean;
}

/**
 * `POST /products` body (z-api.txt 9557-9582). Every attribute is listed as mandatory. The
 * table types `images` as a string (9561) and the cURL sample sends one string and
 * `integrationId` (9612); the request-body example sends an array and `retailerId`
 * (9566-9576): the request-body example wins.
 */
export interface ZapiProductBody {
  currency: string;
  description: string;
  images: string[];
  isHidden: boolean;
  name: string;
  price: number;
  salePrice: number;
  retailerId: string;
  url: string;
}

/** `POST /products` answer (z-api.txt 9584-9591). */
export interface ZapiProductIdResponse {
  id: string;
}

/** `GET /catalogs` and `GET /catalogs/{phone}` answer (z-api.txt 9648-9666, 9715-9733); `nextCursor` only on the latter (9711). */
export interface ZapiCatalog {
  cartEnabled?: WireBool;
  products?: ZapiProduct[] | null;
  nextCursor?: string | null;
}

/** `GET /products/{id}` answer (z-api.txt 9778-9793): the product nested under `product`, beside `catalogId`. */
export interface ZapiProductResponse {
  cartEnabled?: WireBool;
  catalogId?: string | null;
  product?: ZapiProduct | null;
}

/** `POST /catalogs/config` body (z-api.txt 10204-10212): typed string (10205), the example sends a boolean (10208): the example wins. */
export interface ZapiCatalogConfigBody {
  cartEnabled: boolean;
}

/** A collection (z-api.txt 10325-10344). */
export interface ZapiCollection {
  id: string;
  name: string;
  status?: string | null;
}

/** `GET /catalogs/collection` answer (z-api.txt 10320-10345). */
export interface ZapiCollections {
  nextCursor?: string | null;
  collections?: ZapiCollection[] | null;
}

/** `GET /catalogs/collection-products/{phone}` answer (z-api.txt 10472-10520). */
export interface ZapiCollectionProducts {
  nextCursor?: string | null;
  products?: ZapiProduct[] | null;
}

/** `POST /catalogs/collection` body (z-api.txt 10253-10262). */
export interface ZapiCreateCollectionBody {
  name: string;
  productIds: string[];
}

/** `POST /catalogs/collection` answer (z-api.txt 10264-10271). */
export interface ZapiCreateCollectionResponse {
  collectionId: string;
}

/** `POST /catalogs/collection-edit/{id}` body (z-api.txt 10416-10424). */
export interface ZapiEditCollectionBody {
  name: string;
}

/** `POST /catalogs/collection/add-product` and `remove-product` body (z-api.txt 10553-10565, 10610-10622). */
export interface ZapiCollectionProductsBody {
  collectionId: string;
  productIds: string[];
}

/** Answer of collection-edit, add-product and remove-product: the collection's (new) id (z-api.txt 10426-10434, 10567-10575). */
export interface ZapiCollectionIdResponse {
  success?: WireBool;
  collectionId?: string | null;
}
