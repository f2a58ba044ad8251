import { badInput } from '../../../errors.js';
import type { CatalogPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { CatalogSettingsInput, Collection, CursorPage, Product, ProductInput, ProductPage } from '../../model.js';
import { orNull } from '../errors.js';
import { toBool, toCollection, toProduct } from '../mapping.js';
import type {
  ZapiCatalog,
  ZapiCatalogConfigBody,
  ZapiCollectionIdResponse,
  ZapiCollectionProducts,
  ZapiCollectionProductsBody,
  ZapiCollections,
  ZapiCreateCollectionBody,
  ZapiCreateCollectionResponse,
  ZapiEditCollectionBody,
  ZapiProductBody,
  ZapiProductIdResponse,
  ZapiProductResponse,
} from '../wire/catalog.js';
import type { ZapiSuccessResponse } from '../wire/common.js';

/**
 * Z-API's WhatsApp Business catalog as documented: products (z-api.txt 9545-9850), catalog
 * configuration (10191-10240) and collections (10241-10654), on the instance's
 * {@link ProviderHttpClient}. Each method sends exactly the documented method, path, query
 * and body; throws `ProviderError` only.
 */
export class ZapiCatalogClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /products` (z-api.txt 9545-9615): creates or updates a product; answers `{"id": "…"}`. */
  upsertProduct(body: ZapiProductBody): Promise<ZapiProductIdResponse> {
    return this.http.request<ZapiProductIdResponse>({ operation: 'products-upsert', method: 'POST', path: '/products', body });
  }

  /**
   * `GET /catalogs` (z-api.txt 9616-9681): the account's own catalog. Its cURL sample (9678)
   * sends a body with a GET; the section documents none, so none is sent.
   */
  catalog(): Promise<ZapiCatalog | null> {
    return this.http.request<ZapiCatalog | null>({ operation: 'catalogs', method: 'GET', path: '/catalogs' });
  }

  /** `GET /catalogs/{phone}?nextCursor=` (z-api.txt 9682-9744): any business number's catalog, paged by `nextCursor`. */
  catalogOf(phone: string, nextCursor: string | null): Promise<ZapiCatalog | null> {
    return this.http.request<ZapiCatalog | null>({ operation: 'catalogs-phone', method: 'GET', path: encodePath`/catalogs/${phone}`, query: { nextCursor } });
  }

  /** `GET /products/{id}` (z-api.txt 9745-9808): the product nested under `product`. */
  product(productId: string): Promise<ZapiProductResponse | null> {
    return this.http.request<ZapiProductResponse | null>({ operation: 'product', method: 'GET', path: encodePath`/products/${productId}` });
  }

  /**
   * `DELETE /products/{id}` (z-api.txt 9809-9850). The cURL sample (9840) says `/product/{id}`
   * (singular) and sends a body; the method line (9812) says `/products/{id}` and documents no
   * body: the method line wins.
   */
  deleteProduct(productId: string): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'product-delete', method: 'DELETE', path: encodePath`/products/${productId}` });
  }

  /** `POST /catalogs/config` {cartEnabled} (z-api.txt 10191-10240): answers `{"success": true}`. */
  config(body: ZapiCatalogConfigBody): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'catalogs-config', method: 'POST', path: '/catalogs/config', body });
  }

  /** `POST /catalogs/collection` {name, productIds} (z-api.txt 10241-10292): answers `{"collectionId": "…"}`. */
  createCollection(body: ZapiCreateCollectionBody): Promise<ZapiCreateCollectionResponse> {
    return this.http.request<ZapiCreateCollectionResponse>({ operation: 'collection-create', method: 'POST', path: '/catalogs/collection', body });
  }

  /** `GET /catalogs/collection?nextCursor=` (z-api.txt 10293-10363). */
  collections(nextCursor: string | null): Promise<ZapiCollections | null> {
    return this.http.request<ZapiCollections | null>({ operation: 'collections', method: 'GET', path: '/catalogs/collection', query: { nextCursor } });
  }

  /** `DELETE /catalogs/collection/{id}` (z-api.txt 10364-10403): answers `{"success": true}`. */
  deleteCollection(collectionId: string): Promise<ZapiSuccessResponse | null> {
    return this.http.request<ZapiSuccessResponse | null>({ operation: 'collection-delete', method: 'DELETE', path: encodePath`/catalogs/collection/${collectionId}` });
  }

  /** `POST /catalogs/collection-edit/{id}` {name} (z-api.txt 10404-10455): answers `{"success": true, "collectionId": "…"}`. */
  editCollection(collectionId: string, body: ZapiEditCollectionBody): Promise<ZapiCollectionIdResponse | null> {
    return this.http.request<ZapiCollectionIdResponse | null>({ operation: 'collection-edit', method: 'POST', path: encodePath`/catalogs/collection-edit/${collectionId}`, body });
  }

  /** `GET /catalogs/collection-products/{phone}?collectionId=&nextCursor=` (z-api.txt 10456-10540): `phone` is the catalog owner's. */
  collectionProducts(ownerPhone: string, collectionId: string, nextCursor: string | null): Promise<ZapiCollectionProducts | null> {
    return this.http.request<ZapiCollectionProducts | null>({
      operation: 'collection-products',
      method: 'GET',
      path: encodePath`/catalogs/collection-products/${ownerPhone}`,
      query: { collectionId, nextCursor },
    });
  }

  /** `POST /catalogs/collection/add-product` {collectionId, productIds} (z-api.txt 10541-10597): answers the collection's new id. */
  addProducts(body: ZapiCollectionProductsBody): Promise<ZapiCollectionIdResponse | null> {
    return this.http.request<ZapiCollectionIdResponse | null>({ operation: 'collection-add-product', method: 'POST', path: '/catalogs/collection/add-product', body });
  }

  /** `POST /catalogs/collection/remove-product` {collectionId, productIds} (z-api.txt 10598-10654): answers the collection's new id. */
  removeProducts(body: ZapiCollectionProductsBody): Promise<ZapiCollectionIdResponse | null> {
    return this.http.request<ZapiCollectionIdResponse | null>({ operation: 'collection-remove-product', method: 'POST', path: '/catalogs/collection/remove-product', body });
  }
}

/**
 * `POST /products` lists every attribute as mandatory (z-api.txt 9557-9566): description,
 * salePrice, url and at least one image are required here even though the graph's input
 * makes them optional for other providers; `price` and `salePrice` are typed integer (9564-9565).
 * @throws GraphError BAD_USER_INPUT naming the field
 */
function productBody(input: ProductInput): ZapiProductBody {
  if (!input.description) throw badInput('input.description', 'zapi requires a product description');
  if (input.salePrice === null || input.salePrice === undefined) throw badInput('input.salePrice', 'zapi requires a sale price');
  if (!input.url) throw badInput('input.url', 'zapi requires a product URL');
  if (input.imageUrls.length === 0) throw badInput('input.imageUrls', 'zapi requires at least one image URL');
  if (!Number.isInteger(input.price) || input.price < 0) throw badInput('input.price', 'zapi takes a whole, non-negative price');
  if (!Number.isInteger(input.salePrice) || input.salePrice < 0) throw badInput('input.salePrice', 'zapi takes a whole, non-negative sale price');
  return {
    currency: input.currency,
    description: input.description,
    images: input.imageUrls,
    isHidden: input.isHidden,
    name: input.name,
    price: input.price,
    salePrice: input.salePrice,
    retailerId: input.retailerId,
    url: input.url,
  };
}

/** The id Z-API answers after a collection change, or the old one when it gives none (the doc says it changes, 10553 and 10610). */
function collectionIdOf(res: ZapiCollectionIdResponse | null, fallback: string): string {
  return res?.collectionId ? String(res.collectionId) : fallback;
}

/**
 * The {@link CatalogPort} on {@link ZapiCatalogClient}. `ownPhone` gives the connected
 * number, which `collection-products` needs as the catalog owner (z-api.txt 10460).
 * @throws GraphError BAD_USER_INPUT before any request when a product breaks Z-API's rules; ProviderError from the call
 */
export function createZapiCatalogPorts(client: ZapiCatalogClient, ownPhone: () => Promise<string>): CatalogPort {
  return {
    async listProducts(owner: string | null, cursor: string | null): Promise<ProductPage> {
      // The own catalog (`GET /catalogs`) documents no paging; another number's pages by `nextCursor`.
      if (owner === null && cursor !== null) throw badInput('after', 'the own catalog has a single page');
      const wire = owner === null ? await client.catalog() : await client.catalogOf(owner, cursor);
      return {
        items: (wire?.products ?? []).map(toProduct),
        nextCursor: wire?.nextCursor ? String(wire.nextCursor) : null,
        cartEnabled: wire?.cartEnabled === undefined || wire.cartEnabled === null ? null : toBool(wire.cartEnabled),
      };
    },
    async getProduct(productId: string): Promise<Product | null> {
      const wire = await orNull(client.product(productId));
      return wire?.product?.id ? toProduct(wire.product) : null;
    },
    async upsertProduct(input: ProductInput): Promise<string> {
      return String((await client.upsertProduct(productBody(input))).id);
    },
    async deleteProduct(productId: string): Promise<boolean> {
      return toBool((await client.deleteProduct(productId))?.success);
    },
    async configureCatalog(input: CatalogSettingsInput): Promise<boolean> {
      return toBool((await client.config({ cartEnabled: input.cartEnabled }))?.success);
    },
    async listCollections(cursor: string | null): Promise<CursorPage<Collection>> {
      const wire = await client.collections(cursor);
      return { items: (wire?.collections ?? []).map(toCollection), nextCursor: wire?.nextCursor ? String(wire.nextCursor) : null };
    },
    async listCollectionProducts(collectionId: string, cursor: string | null): Promise<CursorPage<Product>> {
      const wire = await client.collectionProducts(await ownPhone(), collectionId, cursor);
      return { items: (wire?.products ?? []).map(toProduct), nextCursor: wire?.nextCursor ? String(wire.nextCursor) : null };
    },
    async createCollection(name: string, productIds: string[]): Promise<string> {
      if (productIds.length === 0) throw badInput('input.productIds', 'zapi requires at least one product');
      return String((await client.createCollection({ name, productIds })).collectionId);
    },
    async updateCollection(collectionId: string, name: string): Promise<string> {
      return collectionIdOf(await client.editCollection(collectionId, { name }), collectionId);
    },
    async deleteCollection(collectionId: string): Promise<boolean> {
      return toBool((await client.deleteCollection(collectionId))?.success);
    },
    async addProductsToCollection(collectionId: string, productIds: string[]): Promise<string> {
      if (productIds.length === 0) throw badInput('input.productIds', 'at least one product is required');
      return collectionIdOf(await client.addProducts({ collectionId, productIds }), collectionId);
    },
    async removeProductsFromCollection(collectionId: string, productIds: string[]): Promise<string> {
      if (productIds.length === 0) throw badInput('input.productIds', 'at least one product is required');
      return collectionIdOf(await client.removeProducts({ collectionId, productIds }), collectionId);
    },
  };
}
