import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../src/global-ids.js';
import { ZAPI_SANDBOX_PHONE } from '../../../src/providers/zapi/simulator/index.js';
import { zapiHarness } from './harness.js';

const h = zapiHarness();

const PRODUCT = {
  instanceId: 'zapi',
  retailerId: 'SKU-42',
  name: 'Coffee mug',
  description: 'A mug',
  price: 20,
  salePrice: 18,
  currency: 'BRL',
  imageUrls: ['https://example.com/mug.png'],
  isHidden: false,
  url: 'https://example.com/mug',
};
const UPSERT = 'mutation($input: UpsertProductInput!) { upsertProduct(input: $input) { productId } }';
const OWN = '{ instance(id: "zapi") { products { cartEnabled nodes { productId retailerId name price salePrice currency imageUrls isHidden } pageInfo { hasNextPage } } } }';

describe('Z-API catalog through the graph', () => {
  it('upsertProduct sends POST /products with every documented attribute (z-api.txt 9545-9615); the product then reads back', async () => {
    const { upsertProduct } = await h.ok(UPSERT, { input: PRODUCT });
    const [req] = h.on('POST', '/products');
    h.expectAuth(req);
    // `images` an array and `retailerId` (the request-body example, 9566-9576), not the cURL sample's string and `integrationId`.
    expect(req?.body).toEqual({
      currency: 'BRL',
      description: 'A mug',
      images: ['https://example.com/mug.png'],
      isHidden: false,
      name: 'Coffee mug',
      price: 20,
      salePrice: 18,
      retailerId: 'SKU-42',
      url: 'https://example.com/mug',
    });
    const one = await h.ok('query($id: String!) { instance(id: "zapi") { product(id: $id) { id productId retailerId name price imageUrls } } }', {
      id: upsertProduct.productId,
    });
    expect(one.instance.product).toEqual({
      id: toGlobalId('Product', 'zapi', upsertProduct.productId),
      productId: upsertProduct.productId,
      retailerId: 'SKU-42',
      name: 'Coffee mug',
      price: 20,
      imageUrls: ['https://example.com/mug.png'],
    });
    expect(h.on('GET', `/products/${upsertProduct.productId}`)).toHaveLength(1);

    // Same retailerId: the same product is updated.
    const again = await h.ok(UPSERT, { input: { ...PRODUCT, name: 'Big coffee mug', price: 25 } });
    expect(again.upsertProduct.productId).toBe(upsertProduct.productId);
    const own = await h.ok(OWN);
    expect(own.instance.products.nodes).toContainEqual(expect.objectContaining({ productId: upsertProduct.productId, name: 'Big coffee mug', price: 25 }));
  });

  it('Instance.products reads GET /catalogs (z-api.txt 9616-9681): string prices as numbers, one page', async () => {
    const own = await h.ok(OWN);
    expect(own.instance.products.cartEnabled).toBe(true);
    expect(own.instance.products.nodes).toContainEqual({
      productId: '999999999999999',
      retailerId: null,
      name: 'Mouse',
      price: 100000,
      salePrice: 90000,
      currency: 'BRL',
      imageUrls: ['https://'],
      isHidden: false,
    });
    expect(own.instance.products.pageInfo.hasNextPage).toBe(false);
    const [req] = h.on('GET', '/catalogs');
    h.expectAuth(req);
    expect(req?.body ?? null).toBeNull();
  });

  it("Instance.products(phone) pages another number's catalog by nextCursor (z-api.txt 9682-9744)", async () => {
    const q = 'query($after: String) { instance(id: "zapi") { products(phone: "+55 11 99999-9999", after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } } }';
    const first = (await h.ok(q)).instance.products;
    expect(first.nodes.map((n: { name: string }) => n.name)).toEqual(['Mouse', 'Mouse pad']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await h.ok(q, { after: first.pageInfo.endCursor })).instance.products;
    expect(second.nodes.map((n: { name: string }) => n.name)).toEqual(['Keyboard']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const reqs = h.on('GET', '/catalogs/5511999999999');
    expect(reqs[0]?.query.nextCursor).toBeUndefined();
    // The second page: the edge's cursor re-reads its page, then follows the provider's nextCursor.
    expect(reqs.at(-1)?.query.nextCursor).toMatch(/.+/);
  });

  it('Instance.product is null for an unknown id (404)', async () => {
    expect((await h.ok('{ instance(id: "zapi") { product(id: "123") { id } } }')).instance.product).toBeNull();
  });

  it("deleteProduct sends DELETE /products/{id} (z-api.txt 9809-9850, not the cURL sample's /product/); the product is then gone", async () => {
    const { upsertProduct } = await h.ok(UPSERT, { input: { ...PRODUCT, retailerId: 'SKU-DEL' } });
    const del = 'mutation($input: DeleteProductInput!) { deleteProduct(input: $input) { ok } }';
    expect((await h.ok(del, { input: { instanceId: 'zapi', productId: upsertProduct.productId } })).deleteProduct.ok).toBe(true);
    h.expectAuth(h.on('DELETE', `/products/${upsertProduct.productId}`)[0]);
    expect((await h.ok('query($id: String!) { instance(id: "zapi") { product(id: $id) { id } } }', { id: upsertProduct.productId })).instance.product).toBeNull();
    expect((await h.ok(del, { input: { instanceId: 'zapi', productId: upsertProduct.productId } })).deleteProduct.ok).toBe(false);
  });

  it('configureCatalog sends POST /catalogs/config with a boolean (z-api.txt 10191-10240); cartEnabled reads back', async () => {
    const m = 'mutation($on: Boolean!) { configureCatalog(input: { instanceId: "zapi", cartEnabled: $on }) { ok } }';
    expect((await h.ok(m, { on: false })).configureCatalog.ok).toBe(true);
    expect(h.on('POST', '/catalogs/config')[0]?.body).toEqual({ cartEnabled: false });
    expect((await h.ok(OWN)).instance.products.cartEnabled).toBe(false);
    await h.ok(m, { on: true });
    expect((await h.ok(OWN)).instance.products.cartEnabled).toBe(true);
  });

  it('collections: create, list (paged), rename, add and remove products (the id changes), list products, delete', async () => {
    const created = await h.ok('mutation($input: CreateCollectionInput!) { createCollection(input: $input) { collectionId } }', {
      input: { instanceId: 'zapi', name: 'Mice', productIds: ['999999999999999'] },
    });
    let id: string = created.createCollection.collectionId;
    expect(h.on('POST', '/catalogs/collection')[0]?.body).toEqual({ name: 'Mice', productIds: ['999999999999999'] });

    // Every collection, page after page (the simulator pages by 2).
    const list = 'query($after: String) { instance(id: "zapi") { collections(after: $after) { nodes { collectionId name status } pageInfo { hasNextPage endCursor } } } }';
    const all: Array<{ collectionId: string; name: string; status: string }> = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = (await h.ok(list, { after })).instance.collections;
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all).toContainEqual({ collectionId: id, name: 'Mice', status: 'PENDING' });
    expect(all).toContainEqual({ collectionId: '902834786123343', name: 'Collection Name 2', status: 'APPROVED' });
    expect(new Set(all.map((c) => c.collectionId)).size).toBe(all.length);

    const renamed = await h.ok('mutation($input: UpdateCollectionInput!) { updateCollection(input: $input) { collectionId } }', {
      input: { instanceId: 'zapi', collectionId: id, name: 'All mice' },
    });
    expect(renamed.updateCollection.collectionId).toBe(id);
    expect(h.on('POST', `/catalogs/collection-edit/${id}`)[0]?.body).toEqual({ name: 'All mice' });

    const add = await h.ok('mutation($input: CollectionProductsInput!) { addProductsToCollection(input: $input) { collectionId } }', {
      input: { instanceId: 'zapi', collectionId: id, productIds: ['6988917394481455'] },
    });
    expect(h.on('POST', '/catalogs/collection/add-product')[0]?.body).toEqual({ collectionId: id, productIds: ['6988917394481455'] });
    // WhatsApp gives the collection a new id (z-api.txt 10553): the graph returns it.
    expect(add.addProductsToCollection.collectionId).not.toBe(id);
    id = add.addProductsToCollection.collectionId;

    const withProducts = async () => {
      // Collections paged by 2: walk to the one we want.
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: any = (
          await h.ok(
            'query($after: String) { instance(id: "zapi") { collections(after: $after) { nodes { collectionId name products { nodes { productId } } } pageInfo { hasNextPage endCursor } } } }',
            { after: cursor },
          )
        ).instance.collections;
        const found = page.nodes.find((c: { collectionId: string }) => c.collectionId === id);
        if (found) return found;
        if (!page.pageInfo.hasNextPage) return null;
        cursor = page.pageInfo.endCursor;
      }
      return null;
    };
    expect(await withProducts()).toEqual({ collectionId: id, name: 'All mice', products: { nodes: [{ productId: '999999999999999' }, { productId: '6988917394481455' }] } });
    // The owner phone is the connected number (GET /device), with the collection id in the query (z-api.txt 10456-10540).
    const cp = h.on('GET', `/catalogs/collection-products/${ZAPI_SANDBOX_PHONE}`).find((r) => r.query.collectionId === id);
    expect(cp).toBeDefined();
    h.expectAuth(cp);

    const removed = await h.ok('mutation($input: CollectionProductsInput!) { removeProductsFromCollection(input: $input) { collectionId } }', {
      input: { instanceId: 'zapi', collectionId: id, productIds: ['999999999999999'] },
    });
    expect(h.on('POST', '/catalogs/collection/remove-product')[0]?.body).toEqual({ collectionId: id, productIds: ['999999999999999'] });
    const oldId = id;
    id = removed.removeProductsFromCollection.collectionId;
    expect(id).not.toBe(oldId);
    expect((await withProducts()).products.nodes).toEqual([{ productId: '6988917394481455' }]);

    // The old id no longer works (z-api.txt 10553): a provider error, not a silent success.
    const stale = await h.fails('mutation($input: CollectionProductsInput!) { addProductsToCollection(input: $input) { collectionId } }', {
      input: { instanceId: 'zapi', collectionId: oldId, productIds: ['6988917394481455'] },
    });
    expect(stale.extensions?.code).toBe('PROVIDER_ERROR');

    const del = 'mutation($input: DeleteCollectionInput!) { deleteCollection(input: $input) { ok } }';
    expect((await h.ok(del, { input: { instanceId: 'zapi', collectionId: id } })).deleteCollection.ok).toBe(true);
    h.expectAuth(h.on('DELETE', `/catalogs/collection/${id}`)[0]);
    expect(await withProducts()).toBeNull();
  });

  it.each([
    ['a non-integer price (Z-API types it integer, z-api.txt 9564)', { ...PRODUCT, price: 19.9 }, 'input.price'],
    ['no sale price (mandatory in Z-API, 9565)', { ...PRODUCT, salePrice: null }, 'input.salePrice'],
    ['no image (mandatory in Z-API, 9561)', { ...PRODUCT, imageUrls: [] }, 'input.imageUrls'],
    ['no url (mandatory in Z-API)', { ...PRODUCT, url: null }, 'input.url'],
    ['a bad currency', { ...PRODUCT, currency: 'real' }, 'input.currency'],
    ['a bad image URL', { ...PRODUCT, imageUrls: ['ftp://x'] }, 'input.imageUrls[0]'],
  ])('upsertProduct rejects %s with BAD_USER_INPUT naming the field, before any request', async (_name, input, field) => {
    const err = await h.fails(UPSERT, { input });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(h.sim.requests).toHaveLength(0);
  });

  it('collection mutations reject an empty product list with BAD_USER_INPUT, before any request', async () => {
    const err = await h.fails('mutation { createCollection(input: { instanceId: "zapi", name: "x", productIds: [] }) { collectionId } }');
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.productIds' });
    expect(h.sim.requests).toHaveLength(0);
  });

  it('fails with CAPABILITY_NOT_SUPPORTED on a provider without a catalog, before any request', async () => {
    const err = await h.fails('{ instance(id: "zivo") { products { nodes { id } } } }');
    expect(err.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'zivo', capability: 'LIST_PRODUCTS' });
    const err2 = await h.fails('mutation { createCollection(input: { instanceId: "zivo", name: "x", productIds: ["1"] }) { collectionId } }');
    expect(err2.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'CREATE_COLLECTION' });
    expect(h.zivo.requests).toHaveLength(0);
  });
});
