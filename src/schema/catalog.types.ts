import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './connection.types.js';
import { Node } from './node.types.js';

/**
 * The WhatsApp Business catalog: products, collections, their cursor-paged connections, and
 * the catalog mutations' inputs and payloads. Each object carries `instanceId` (not a field)
 * so its field resolvers reach the right provider instance.
 */

@ObjectType({ implements: Node, description: 'A catalog product.' })
export class Product {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: "The merchant's own id (SKU)." }) retailerId?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Float, { nullable: true, description: "Price, in the provider's unit for the currency." }) price?: number | null;
  @Field(() => Float, { nullable: true, description: "Sale price, in the provider's unit for the currency." }) salePrice?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code (`BRL`).' }) currency?: string | null;
  @Field(() => [String]) imageUrls!: string[];
  @Field(() => Boolean, { nullable: true }) isHidden?: boolean | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true, description: '`in stock`, … as the provider says it.' }) availability?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  instanceId!: string;
}

@ObjectType({ description: 'An edge to a Product.' })
export class ProductEdge {
  @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue after this node.' }) cursor!: string;
  @Field(() => Product) node!: Product;
}

@ObjectType({ description: 'A page of a catalog.' })
export class ProductConnection {
  @Field(() => [ProductEdge]) edges!: ProductEdge[];
  @Field(() => [Product]) nodes!: Product[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Boolean, { nullable: true, description: "Whether the catalog's shopping cart is enabled (null when the provider does not say)." }) cartEnabled?: boolean | null;
}

@ObjectType({ implements: Node, description: 'A collection of catalog products.' })
export class Collection {
  /** The catalog's collection id, which changes when products are added or removed: use the one a mutation returns (served as `collectionId`; the GraphQL `id` is global). */
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Review status as the provider says it (`PENDING`, `APPROVED`).' }) status?: string | null;
  instanceId!: string;
}

@ObjectType({ description: 'An edge to a Collection.' })
export class CollectionEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Collection) node!: Collection;
}

@ObjectType({ description: 'A page of collections.' })
export class CollectionConnection {
  @Field(() => [CollectionEdge]) edges!: CollectionEdge[];
  @Field(() => [Collection]) nodes!: Collection[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType({ description: 'Create a product, or replace the one with the same retailerId.' })
export class UpsertProductInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: "The merchant's own id (SKU): the product with this id is updated if it exists." }) retailerId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Float, { description: "In the provider's unit for the currency." }) price!: number;
  @Field(() => Float, { nullable: true }) salePrice?: number | null;
  @Field(() => String, { description: 'ISO 4217 code (`BRL`).' }) currency!: string;
  @Field(() => [String], { defaultValue: [], description: 'http(s) image URLs.' }) imageUrls!: string[];
  @Field(() => Boolean, { defaultValue: false, description: 'Hide the product from customers.' }) isHidden!: boolean;
  @Field(() => String, { nullable: true, description: 'A link to the product.' }) url?: string | null;
}

@InputType({ description: 'Delete a product.' })
export class DeleteProductInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => ID) productId!: string;
}

@InputType({ description: 'Catalog settings.' })
export class ConfigureCatalogInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => Boolean, { description: 'Enable or disable the shopping cart.' }) cartEnabled!: boolean;
}

@InputType({ description: 'Create a collection.' })
export class CreateCollectionInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) name!: string;
  @Field(() => [ID]) productIds!: string[];
}

@InputType({ description: 'Rename a collection.' })
export class UpdateCollectionInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => ID) collectionId!: string;
  @Field(() => String) name!: string;
}

@InputType({ description: 'Delete a collection.' })
export class DeleteCollectionInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => ID) collectionId!: string;
}

@InputType({ description: 'Add products to a collection, or remove them.' })
export class CollectionProductsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => ID) collectionId!: string;
  @Field(() => [ID]) productIds!: string[];
}

@ObjectType({ description: 'The result of upsertProduct.' })
export class UpsertProductPayload {
  @Field(() => ID) productId!: string;
}

@ObjectType({ description: 'The result of deleteProduct, configureCatalog or deleteCollection.' })
export class CatalogActionPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => Boolean, { description: "The provider's confirmation: false when it says the action failed." }) ok!: boolean;
}

@ObjectType({ description: 'The result of a collection change.' })
export class CollectionPayload {
  @Field(() => ID, { description: "The collection's id from now on (the provider gives a collection a new id when its products change)." }) collectionId!: string;
}
