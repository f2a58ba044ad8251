import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { MAX_ID_LENGTH, MAX_CATALOG_NAME_LENGTH, MAX_COLLECTION_PRODUCT_IDS, MAX_PRODUCT_DESCRIPTION_LENGTH, checkLength, checkMediaRef } from '../providers/limits.js';
import type { ProductPage } from '../providers/model.js';
import {
  CatalogActionPayload,
  Collection,
  CollectionConnection,
  CollectionPayload,
  CollectionProductsInput,
  ConfigureCatalogInput,
  CreateCollectionInput,
  DeleteCollectionInput,
  DeleteProductInput,
  Product,
  ProductConnection,
  UpdateCollectionInput,
  UpsertProductInput,
  UpsertProductPayload,
} from '../schema/catalog.types.js';
import { Instance } from '../schema/instance.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, portCall } from './instance-call.js';
import { cursorConnection } from './paging.js';
import { recipientOf } from './phone.js';

/** Checks a list of ids: 1 to {@link MAX_COLLECTION_PRODUCT_IDS}, none empty. @throws GraphError BAD_USER_INPUT (`input.productIds`) */
function checkProductIds(ids: string[]): void {
  if (ids.length === 0 || ids.length > MAX_COLLECTION_PRODUCT_IDS) throw badInput('input.productIds', `must have 1 to ${MAX_COLLECTION_PRODUCT_IDS} product ids`);
  ids.forEach((id, i) => checkLength(id, `input.productIds[${i}]`, MAX_ID_LENGTH, 1));
}

/** `Instance.products`, `Instance.product`, `Instance.collections` and the catalog mutations (DESIGN.md names `Product`, `Collection`). */
@Resolver(() => Instance)
export class CatalogResolver {
  @FieldResolver(() => ProductConnection, { description: "The account's own catalog, or another business number's (`phone`)." })
  @Requires('LIST_PRODUCTS')
  async products(
    @Root() root: InstanceRoot,
    @Arg('phone', () => String, { nullable: true, description: "Another business's number (any common format); omit for the account's own catalog." }) phone: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1 to 100 (default 20); the provider chooses its page size.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ProductConnection> {
    const list = portCall(root.entry, 'LIST_PRODUCTS');
    const owner = phone == null ? null : recipientOf(root.entry, phone, 'phone');
    const { page, ...conn } = await cursorConnection<ProductPage, Product>(
      (cursor) => list(owner, cursor),
      { first, after },
      (p) => ({ ...p, instanceId: root.id }),
    );
    return { ...conn, cartEnabled: page.cartEnabled };
  }

  @FieldResolver(() => Product, { nullable: true, description: 'One product of the catalog by id; null when there is none.' })
  @Requires('GET_PRODUCT')
  async product(@Root() root: InstanceRoot, @Arg('id', () => String) id: string): Promise<Product | null> {
    const get = portCall(root.entry, 'GET_PRODUCT');
    checkLength(id, 'id', MAX_ID_LENGTH, 1);
    const p = await get(id);
    return p ? { ...p, instanceId: root.id } : null;
  }

  @FieldResolver(() => Collection, {
    nullable: true,
    description: "One collection of the catalog by id; null when there is none. Found in the catalog's collection list (read once per request, at most 5 pages).",
  })
  @Requires('LIST_COLLECTIONS')
  async collection(@Root() root: InstanceRoot, @Arg('id', () => String) id: string, @Ctx() ctx: GraphContext): Promise<Collection | null> {
    portCall(root.entry, 'LIST_COLLECTIONS');
    checkLength(id, 'id', MAX_ID_LENGTH, 1);
    const found = (await ctx.loaders.collections(root.entry.adapter)).find((c) => c.id === id);
    return found ? { ...found, instanceId: root.id } : null;
  }

  @FieldResolver(() => CollectionConnection, { description: "The catalog's collections." })
  @Requires('LIST_COLLECTIONS')
  async collections(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1 to 100 (default 20); the provider chooses its page size.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<CollectionConnection> {
    const list = portCall(root.entry, 'LIST_COLLECTIONS');
    const { page: _page, ...conn } = await cursorConnection(
      (cursor) => list(cursor),
      { first, after },
      (c) => ({ ...c, instanceId: root.id }),
    );
    return conn;
  }

  @Mutation(() => UpsertProductPayload, { description: 'Creates a product, or replaces the one with the same retailerId.' })
  @Requires('UPSERT_PRODUCT')
  async upsertProduct(@Arg('input', () => UpsertProductInput) input: UpsertProductInput, @Ctx() ctx: GraphContext): Promise<UpsertProductPayload> {
    const { call: upsert } = instanceCall(ctx, input.instanceId, 'UPSERT_PRODUCT');
    checkLength(input.retailerId, 'input.retailerId', MAX_ID_LENGTH, 1);
    checkLength(input.name, 'input.name', MAX_CATALOG_NAME_LENGTH, 1);
    checkLength(input.description, 'input.description', MAX_PRODUCT_DESCRIPTION_LENGTH);
    if (!/^[A-Z]{3}$/.test(input.currency)) throw badInput('input.currency', 'must be an ISO 4217 code such as BRL');
    if (!(input.price >= 0)) throw badInput('input.price', 'must not be negative');
    if (input.salePrice != null && !(input.salePrice >= 0)) throw badInput('input.salePrice', 'must not be negative');
    input.imageUrls.forEach((u, i) => checkMediaRef(u, `input.imageUrls[${i}]`));
    if (input.url) checkMediaRef(input.url, 'input.url');
    const productId = await upsert({
      retailerId: input.retailerId,
      name: input.name,
      description: input.description ?? null,
      price: input.price,
      salePrice: input.salePrice ?? null,
      currency: input.currency,
      imageUrls: input.imageUrls,
      isHidden: input.isHidden,
      url: input.url ?? null,
    });
    return { productId };
  }

  @Mutation(() => CatalogActionPayload, { description: 'Deletes a product from the catalog.' })
  @Requires('DELETE_PRODUCT')
  async deleteProduct(@Arg('input', () => DeleteProductInput) input: DeleteProductInput, @Ctx() ctx: GraphContext): Promise<CatalogActionPayload> {
    const { call: del } = instanceCall(ctx, input.instanceId, 'DELETE_PRODUCT');
    checkLength(input.productId, 'input.productId', MAX_ID_LENGTH, 1);
    return { instanceId: input.instanceId, ok: await del(input.productId) };
  }

  @Mutation(() => CatalogActionPayload, { description: 'Changes the catalog settings (the shopping cart).' })
  @Requires('CONFIGURE_CATALOG')
  async configureCatalog(@Arg('input', () => ConfigureCatalogInput) input: ConfigureCatalogInput, @Ctx() ctx: GraphContext): Promise<CatalogActionPayload> {
    const { call: configure } = instanceCall(ctx, input.instanceId, 'CONFIGURE_CATALOG');
    return { instanceId: input.instanceId, ok: await configure({ cartEnabled: input.cartEnabled }) };
  }

  @Mutation(() => CollectionPayload, { description: 'Creates a collection of products.' })
  @Requires('CREATE_COLLECTION')
  async createCollection(@Arg('input', () => CreateCollectionInput) input: CreateCollectionInput, @Ctx() ctx: GraphContext): Promise<CollectionPayload> {
    const { call: create } = instanceCall(ctx, input.instanceId, 'CREATE_COLLECTION');
    checkLength(input.name, 'input.name', MAX_CATALOG_NAME_LENGTH, 1);
    checkProductIds(input.productIds);
    return { collectionId: await create(input.name, input.productIds) };
  }

  @Mutation(() => CollectionPayload, { description: 'Renames a collection.' })
  @Requires('UPDATE_COLLECTION')
  async updateCollection(@Arg('input', () => UpdateCollectionInput) input: UpdateCollectionInput, @Ctx() ctx: GraphContext): Promise<CollectionPayload> {
    const { call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_COLLECTION');
    checkLength(input.collectionId, 'input.collectionId', MAX_ID_LENGTH, 1);
    checkLength(input.name, 'input.name', MAX_CATALOG_NAME_LENGTH, 1);
    return { collectionId: await update(input.collectionId, input.name) };
  }

  @Mutation(() => CatalogActionPayload, { description: 'Deletes a collection (its products stay in the catalog).' })
  @Requires('DELETE_COLLECTION')
  async deleteCollection(@Arg('input', () => DeleteCollectionInput) input: DeleteCollectionInput, @Ctx() ctx: GraphContext): Promise<CatalogActionPayload> {
    const { call: del } = instanceCall(ctx, input.instanceId, 'DELETE_COLLECTION');
    checkLength(input.collectionId, 'input.collectionId', MAX_ID_LENGTH, 1);
    return { instanceId: input.instanceId, ok: await del(input.collectionId) };
  }

  @Mutation(() => CollectionPayload, { description: "Adds products to a collection; returns the collection's new id." })
  @Requires('ADD_COLLECTION_PRODUCTS')
  async addProductsToCollection(@Arg('input', () => CollectionProductsInput) input: CollectionProductsInput, @Ctx() ctx: GraphContext): Promise<CollectionPayload> {
    const { call: add } = instanceCall(ctx, input.instanceId, 'ADD_COLLECTION_PRODUCTS');
    checkLength(input.collectionId, 'input.collectionId', MAX_ID_LENGTH, 1);
    checkProductIds(input.productIds);
    return { collectionId: await add(input.collectionId, input.productIds) };
  }

  @Mutation(() => CollectionPayload, { description: "Removes products from a collection; returns the collection's new id." })
  @Requires('REMOVE_COLLECTION_PRODUCTS')
  async removeProductsFromCollection(@Arg('input', () => CollectionProductsInput) input: CollectionProductsInput, @Ctx() ctx: GraphContext): Promise<CollectionPayload> {
    const { call: remove } = instanceCall(ctx, input.instanceId, 'REMOVE_COLLECTION_PRODUCTS');
    checkLength(input.collectionId, 'input.collectionId', MAX_ID_LENGTH, 1);
    checkProductIds(input.productIds);
    return { collectionId: await remove(input.collectionId, input.productIds) };
  }
}

/** `Product.collections`. */
@Resolver(() => Product)
export class ProductCollectionsResolver {
  @FieldResolver(() => [Collection], {
    description:
      "The catalog's collections this product is in. Per request the collection list is read once and each collection's products once (batched), however many products ask.",
  })
  @Requires('LIST_COLLECTION_PRODUCTS')
  async collections(@Root() product: Product, @Ctx() ctx: GraphContext): Promise<Collection[]> {
    const { entry } = instanceCall(ctx, product.instanceId, 'LIST_COLLECTION_PRODUCTS');
    const all = await ctx.loaders.collections(entry.adapter);
    const contents = await ctx.loaders.collectionProductIds(entry.adapter).loadMany(all.map((c) => c.id));
    return all.flatMap((c, i) => {
      const ids = contents[i];
      if (ids instanceof Error) throw ids;
      return ids?.includes(product.id) ? [{ ...c, instanceId: product.instanceId }] : [];
    });
  }
}

/** `Collection.products`: the products in a collection, cursor-paged. */
@Resolver(() => Collection)
export class CollectionResolver {
  @FieldResolver(() => ProductConnection, { description: 'The products in the collection.' })
  @Requires('LIST_COLLECTION_PRODUCTS')
  async products(
    @Root() collection: Collection,
    @Ctx() ctx: GraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ProductConnection> {
    const { call: list } = instanceCall(ctx, collection.instanceId, 'LIST_COLLECTION_PRODUCTS');
    const { page: _page, ...conn } = await cursorConnection(
      (cursor) => list(collection.id, cursor),
      { first, after },
      (p) => ({ ...p, instanceId: collection.instanceId }),
    );
    return { ...conn, cartEnabled: null };
  }
}
