import { randomInt } from 'node:crypto';
import { missingFields, type SimContext, type SimResponse, type SimRoute } from '../../sim-kit.js';
import type { ZapiCollection, ZapiProduct } from '../wire/catalog.js';
import { bad } from './common.js';

/** What the catalog routes share with the rest of the Z-API simulator. */
export interface ZapiCatalogSimState {
  /** The route prefix (`/instances/:instanceId/token/:token`). */
  prefix: string;
  /** The connected number (`GET /device` phone): its catalog is the instance's own. */
  ownPhone: string;
}

/**
 * How many entries a cursor-paged list returns per request. The doc gives no page size
 * (z-api.txt 9690-9700, 10305-10313); a small one lets tests see a second page.
 */
export const ZAPI_SIM_CURSOR_PAGE_SIZE = 2;

/** A business number other than the sandbox's whose catalog the simulator serves (the doc's example chat, z-api.txt 6233). */
export const ZAPI_SIM_OTHER_BUSINESS_PHONE = '5511999999999';

/** The sandbox's own products: the doc's example products (z-api.txt 9651-9662, 9566-9576, 10500-10515) and the ids its collection examples use (10258, 10561). */
function seedOwnProducts(): ZapiProduct[] {
  return [
    {
      id: '999999999999999',
      retailerId: null,
      name: 'Mouse',
      description: 'Descriçao do mouse',
      price: '100000',
      salePrice: '90000',
      currency: 'BRL',
      images: ['https://'],
      availability: 'in stock',
      quantity: null,
      isHidden: false,
      url: null,
    },
    {
      id: '6988917394481455',
      retailerId: '123',
      name: 'Product Name',
      description: 'Product Description',
      price: '10000',
      salePrice: '10000',
      currency: 'BRL',
      images: ['https://cdn.greatsoftwares.com.br/arquivos/paginas/10603-92bb9420b363835d05d41b96a45d8f4e.png'],
      availability: 'in stock',
      quantity: '99',
      isHidden: false,
      url: 'http://site.com/produto',
    },
    {
      id: '6643149779134830',
      retailerId: '002',
      name: 'Meu primeiro produto',
      description: 'Uma descricao do produto',
      price: '20',
      salePrice: '18',
      currency: 'BRL',
      images: ['https://avatars.githubusercontent.com/u/60630101?s=200&v=4'],
      availability: 'in stock',
      quantity: null,
      isHidden: false,
      url: 'https://z-api.io',
    },
    {
      id: '121212121212',
      retailerId: '121',
      name: 'Example product 121212121212',
      description: 'From the create-collection example',
      price: '1000',
      salePrice: '1000',
      currency: 'BRL',
      images: ['https://'],
      availability: 'in stock',
      quantity: null,
      isHidden: false,
      url: null,
    },
    {
      id: '232323232323',
      retailerId: '232',
      name: 'Example product 232323232323',
      description: 'From the create-collection example',
      price: '2000',
      salePrice: '2000',
      currency: 'BRL',
      images: ['https://'],
      availability: 'in stock',
      quantity: null,
      isHidden: false,
      url: null,
    },
  ];
}

/** The other business's catalog: the `/catalogs/{phone}` example product (z-api.txt 9718-9729) and two more, so it has a second page. */
function seedOtherProducts(): ZapiProduct[] {
  const mouse = {
    retailerId: null,
    description: 'Descriçao do mouse',
    price: '100000',
    salePrice: '90000',
    currency: 'BRL',
    images: ['https://'],
    availability: 'in stock',
    quantity: null,
  };
  return [
    { id: '99999999999999999', name: 'Mouse', ...mouse },
    { id: '99999999999999998', name: 'Mouse pad', ...mouse },
    { id: '99999999999999997', name: 'Keyboard', ...mouse },
  ];
}

/** Seed collections: the `GET /catalogs/collection` example (z-api.txt 10328-10340) and the add/remove-product example's (10561). */
function seedCollections(): Array<ZapiCollection & { productIds: string[] }> {
  return [
    { id: '1072603710847740', name: 'Collection Name', status: 'PENDING', productIds: ['999999999999999'] },
    { id: '902834786123343', name: 'Collection Name 2', status: 'APPROVED', productIds: ['6988917394481455'] },
    { id: '658387616418640', name: 'Collection Name 3', status: 'APPROVED', productIds: [] },
  ];
}

function newId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

/** One page of `items` from the request's `nextCursor` (the simulator's cursor is the offset, base64url). */
function cursorPage<T>(ctx: SimContext, items: T[]): { page: T[]; nextCursor: string | null } | SimResponse {
  const raw = ctx.query.nextCursor;
  let offset = 0;
  if (raw !== undefined && raw !== '') {
    offset = Number(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) return bad('nextCursor is not valid', ['nextCursor']);
  }
  const end = offset + ZAPI_SIM_CURSOR_PAGE_SIZE;
  return { page: items.slice(offset, end), nextCursor: end < items.length ? Buffer.from(String(end)).toString('base64url') : null };
}

function isPage<T>(v: { page: T[]; nextCursor: string | null } | SimResponse): v is { page: T[]; nextCursor: string | null } {
  return 'page' in v;
}

function bodyOf(b: unknown): Record<string, unknown> {
  return (b && typeof b === 'object' && !Array.isArray(b) ? b : {}) as Record<string, unknown>;
}

function stringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');
}

/**
 * The simulator routes of Z-API's catalog (z-api.txt 9545-10654), with state: products
 * upserted (by `retailerId`) and deleted show in `GET /catalogs` and `GET /products/{id}`;
 * `cartEnabled` follows `POST /catalogs/config`; collections are created, renamed, deleted and
 * changed, and — as the doc warns (10553, 10610) — adding or removing products gives a
 * collection a new id, the old one then failing (404). Unknown products and collections are
 * answered 404 `{"error": …}`; a delete of an unknown one `{"success": false}`.
 */
export function zapiCatalogRoutes(state: ZapiCatalogSimState): SimRoute[] {
  const { prefix, ownPhone } = state;
  const products = new Map(seedOwnProducts().map((p) => [p.id, p] as const));
  const others = seedOtherProducts();
  const collections = new Map(seedCollections().map((c) => [c.id, c] as const));
  let cartEnabled = true;
  const catalogId = '99999999999999999';

  const unknownProducts = (ids: string[]) => ids.filter((id) => !products.has(id));
  const publicCollection = ({ id, name, status }: ZapiCollection) => ({ id, name, status });

  return [
    {
      method: 'POST',
      pattern: `${prefix}/products`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        const required = ['currency', 'description', 'images', 'isHidden', 'name', 'price', 'salePrice', 'retailerId', 'url'];
        const missing = missingFields(body, required);
        if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
        if (!stringArray(body.images)) return bad('images must be a list of URLs', ['images']);
        if (typeof body.price !== 'number' || typeof body.salePrice !== 'number') return bad('price and salePrice must be integers', ['price', 'salePrice']);
        if (typeof body.isHidden !== 'boolean') return bad('isHidden must be a boolean', ['isHidden']);
        const existing = [...products.values()].find((p) => p.retailerId === String(body.retailerId));
        const id = existing?.id ?? newId();
        products.set(id, {
          id,
          retailerId: String(body.retailerId),
          name: String(body.name),
          description: String(body.description),
          price: String(body.price),
          salePrice: String(body.salePrice),
          currency: String(body.currency),
          images: body.images,
          isHidden: body.isHidden,
          url: String(body.url),
          availability: 'in stock',
          quantity: null,
        });
        return { status: 200, body: { id } };
      },
    },
    { method: 'GET', pattern: `${prefix}/catalogs`, handler: () => ({ status: 200, body: { cartEnabled, products: [...products.values()] } }) },
    // Collection routes come before `/catalogs/:phone`, which would otherwise take `collection`.
    {
      method: 'POST',
      pattern: `${prefix}/catalogs/config`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        const v = body.cartEnabled;
        // Typed string (10205), sent as a boolean (10208): both are accepted.
        if (typeof v !== 'boolean' && v !== 'true' && v !== 'false') return bad('Missing required field: cartEnabled', ['cartEnabled']);
        cartEnabled = v === true || v === 'true';
        return { status: 200, body: { success: true } };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/catalogs/collection`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        const missing = missingFields(body, ['name', 'productIds']);
        if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
        if (!stringArray(body.productIds)) return bad('productIds must be a list of product ids', ['productIds']);
        const unknown = unknownProducts(body.productIds);
        if (unknown.length) return { status: 404, body: { error: 'Product not found', productIds: unknown } };
        const id = newId();
        collections.set(id, { id, name: String(body.name), status: 'PENDING', productIds: [...new Set(body.productIds)] });
        return { status: 200, body: { collectionId: id } };
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/catalogs/collection`,
      handler: (ctx) => {
        const page = cursorPage(ctx, [...collections.values()].map(publicCollection));
        return isPage(page) ? { status: 200, body: { nextCursor: page.nextCursor, collections: page.page } } : page;
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/catalogs/collection/:collectionId`,
      handler: (ctx) => ({ status: 200, body: { success: collections.delete(ctx.params.collectionId ?? '') } }),
    },
    {
      method: 'POST',
      pattern: `${prefix}/catalogs/collection-edit/:collectionId`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        if (missingFields(body, ['name']).length) return bad('Missing required field: name', ['name']);
        const c = collections.get(ctx.params.collectionId ?? '');
        if (!c) return { status: 404, body: { error: 'Collection not found' } };
        c.name = String(body.name);
        return { status: 200, body: { success: true, collectionId: c.id } };
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/catalogs/collection-products/:phone`,
      handler: (ctx) => {
        if (!ctx.query.collectionId) return bad('Missing required field: collectionId', ['collectionId']);
        const c = ctx.params.phone === ownPhone ? collections.get(ctx.query.collectionId) : undefined;
        if (!c) return { status: 404, body: { error: 'Collection not found' } };
        const page = cursorPage(
          ctx,
          c.productIds.map((id) => products.get(id)).filter((p): p is ZapiProduct => !!p),
        );
        return isPage(page) ? { status: 200, body: { nextCursor: page.nextCursor, products: page.page } } : page;
      },
    },
    ...(['add', 'remove'] as const).map((op): SimRoute => ({
      method: 'POST',
      pattern: `${prefix}/catalogs/collection/${op}-product`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        const missing = missingFields(body, ['collectionId', 'productIds']);
        if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
        if (!stringArray(body.productIds)) return bad('productIds must be a list of product ids', ['productIds']);
        const c = collections.get(String(body.collectionId));
        if (!c) return { status: 404, body: { error: 'Collection not found' } };
        const unknown = unknownProducts(body.productIds);
        if (unknown.length) return { status: 404, body: { error: 'Product not found', productIds: unknown } };
        const ids = new Set(c.productIds);
        for (const id of body.productIds) {
          if (op === 'add') ids.add(id);
          else ids.delete(id);
        }
        // WhatsApp gives the changed collection a new id; the old one stops working (10553, 10610).
        collections.delete(c.id);
        const next = { ...c, id: newId(), productIds: [...ids] };
        collections.set(next.id, next);
        return { status: 200, body: { success: true, collectionId: next.id } };
      },
    })),
    {
      method: 'GET',
      pattern: `${prefix}/catalogs/:phone`,
      handler: (ctx) => {
        const phone = ctx.params.phone ?? '';
        const items = phone === ownPhone ? [...products.values()] : phone === ZAPI_SIM_OTHER_BUSINESS_PHONE ? others : [];
        const page = cursorPage(ctx, items);
        return isPage(page) ? { status: 200, body: { cartEnabled: phone === ownPhone ? cartEnabled : items.length > 0, products: page.page, nextCursor: page.nextCursor } } : page;
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/products/:productId`,
      handler: (ctx) => {
        const p = products.get(ctx.params.productId ?? '');
        return p ? { status: 200, body: { cartEnabled, catalogId, product: p } } : { status: 404, body: { error: 'Product not found' } };
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/products/:productId`,
      handler: (ctx) => {
        const id = ctx.params.productId ?? '';
        if (!products.delete(id)) return { status: 200, body: { success: false } };
        for (const c of collections.values()) c.productIds = c.productIds.filter((p) => p !== id);
        return { status: 200, body: { success: true } };
      },
    },
  ];
}
