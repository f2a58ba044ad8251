import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  Kind,
  execute,
  isInterfaceType,
  isObjectType,
  parse,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldMap,
  type GraphQLSchema,
  type SchemaExtensionNode,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { fromGlobalId, instanceIdOf, toGlobalId, type GlobalIdType } from '../global-ids.js';
import { nodeLoader } from '../resolvers/node.resolver.js';
import { recipientOf } from '../resolvers/phone.js';
import type { NodeValue } from '../schema/node.types.js';

/**
 * whatsgraph as an Apollo Federation 2 subgraph (issue 11 item 1; DESIGN.md "The graph":
 * "Federation 2: entity types carry `@key`; `_service` and `_entities` resolve through the same
 * loaders"). Federation subgraph spec: https://www.apollographql.com/docs/graphos/reference/federation/subgraph-spec
 */

/** The federation spec the subgraph links (`@link(url:)`): v2.4, the first Apollo Router accepts a subgraph's Subscription fields from (its subscriptions docs, Prerequisites); Hive Gateway and Cosmo compose it too. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.4';

/** The federation directives the subgraph SDL uses (`@link(import:)`). */
export const FEDERATION_IMPORTS = ['@key'] as const;

/**
 * The entity types and their keys (`@key(fields:)`), the first of each its global `id`. The
 * natural keys are what another subgraph holds about a WhatsApp object without asking this one:
 * the instance (configured id, or the `Instance`'s global id) and the provider's own id.
 */
export const ENTITY_KEYS = {
  Instance: ['id'],
  Chat: ['id', 'instanceId chatId'],
  Contact: ['id', 'instanceId phone'],
  Group: ['id', 'instanceId groupId'],
  Community: ['id'],
  Product: ['id'],
  Collection: ['id'],
  Label: ['id'],
  Message: ['id', 'instanceId providerMessageId'],
  MessageTemplate: ['id'],
} as const satisfies Partial<Record<GlobalIdType, readonly string[]>>;

/** An entity type name (a key of {@link ENTITY_KEYS}). */
export type EntityTypeName = keyof typeof ENTITY_KEYS;

/** For each natural key: the representation field that carries the provider's id (the global id's local part). */
const NATURAL_ID_FIELD: Partial<Record<EntityTypeName, string>> = { Chat: 'chatId', Contact: 'phone', Group: 'groupId', Message: 'providerMessageId' };

function keyDirective(fields: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'key' },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: fields } }],
  };
}

/**
 * The subgraph SDL of a schema: its printed SDL (graphql-js `printSchema`) with `extend schema
 * @link(url: FEDERATION_SPEC_URL, import: ["@key"])` and each entity type's `@key` directives.
 * @throws Error when an entity type of {@link ENTITY_KEYS} is missing from the schema
 */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  for (const name of Object.keys(ENTITY_KEYS)) if (!isObjectType(schema.getType(name))) throw new Error(`entity type ${name} is not an object type of the schema`);
  const printed = parse(printSchema(schema));
  const keyed = visit(printed, {
    ObjectTypeDefinition(node) {
      const keys: readonly string[] | undefined = ENTITY_KEYS[node.name.value as EntityTypeName];
      return keys ? { ...node, directives: [...(node.directives ?? []), ...keys.map(keyDirective)] } : undefined;
    },
  });
  const link = parse(`extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`).definitions[0] as SchemaExtensionNode;
  return { ...keyed, definitions: [link, ...keyed.definitions] };
}

/** The resolver map `buildSubgraphSchema` takes. */
type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers'];

/** One entity reference as a router sends it (`_entities(representations:)`): `__typename` and the fields of one of its keys. */
export type EntityReference = { __typename: string } & Record<string, unknown>;

/**
 * The global id a reference names: its `id` (when it is a global id of the reference's type),
 * else its natural key (`instanceId` and the provider's id: `chatId`, `phone`, `groupId`,
 * `providerMessageId`), made into the global id the graph gives that object. A contact's phone is
 * normalised as every phone argument is (`recipientOf`, with the instance's default country:
 * `+55 11 98765-4321` → `5511987654321`). Null when the reference names nothing this graph can make
 * (missing or non-string fields, an id of another type, an instance the client's key does not
 * see, a phone that is not one).
 */
export function referenceGlobalId(type: EntityTypeName, reference: Record<string, unknown>, ctx: GraphContext): string | null {
  if (typeof reference.id === 'string') return fromGlobalId(reference.id)?.type === type ? reference.id : null;
  const field = NATURAL_ID_FIELD[type];
  const instanceId = reference.instanceId;
  const localId = field ? reference[field] : undefined;
  if (typeof instanceId !== 'string' || typeof localId !== 'string' || !instanceId || !localId) return null;
  const entry = ctx.services.instances.find(instanceIdOf(instanceId));
  if (!entry) return null;
  if (type !== 'Contact') return toGlobalId(type, entry.id, localId);
  try {
    return toGlobalId(type, entry.id, recipientOf(entry, localId, 'phone'));
  } catch {
    return null;
  }
}

/**
 * Resolves one entity reference to the root object its type's resolvers expect (tagged with its
 * type), or null (an unknown instance or object, a reference naming nothing). All the references
 * of one `_entities` call share one batch of the operation's node loader (`nodeLoader`, the one
 * behind `node(id)`/`nodes(ids)`, which reads through the relations' loaders): 100 chat references cost
 * what a list of 100 chats costs (test/providers/zapi/entities.test.ts).
 * @throws GraphError FORBIDDEN for an instance outside the client's key; the provider's errors (that entity only)
 */
export async function resolveEntityReference(type: EntityTypeName, reference: Record<string, unknown>, ctx: GraphContext): Promise<NodeValue | null> {
  const id = referenceGlobalId(type, reference, ctx);
  return id ? nodeLoader(ctx).load(id) : null;
}

/** Copies what graphql-js keeps beside resolvers (type-graphql's field extensions: the capability a field needs, read by the field guard) from one schema's fields to another's. */
function copyExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const [name, type] of Object.entries(from.getTypeMap())) {
    const target = to.getType(name);
    if (name.startsWith('__') || !target) continue;
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(target) || isInterfaceType(target))) {
      const targetFields: GraphQLFieldMap<unknown, unknown> = target.getFields();
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        const t = targetFields[fieldName];
        if (t && Object.keys(field.extensions).length > 0) Object.assign(t, { extensions: { ...field.extensions, ...t.extensions } });
      }
    }
    if (Object.keys(type.extensions).length > 0) Object.assign(target, { extensions: { ...type.extensions, ...target.extensions } });
  }
}

/**
 * The executable subgraph schema of a type-graphql schema (what the server runs): the same
 * types, resolvers (type-graphql's `createResolversMap`), custom scalars, subscriptions and field
 * extensions, plus `Query._service { sdl }` and `Query._entities(representations:)` (built by
 * `@apollo/subgraph`'s `buildSubgraphSchema` from {@link subgraphTypeDefs}), each entity type's
 * references resolved by {@link resolveEntityReference}.
 * @throws Error when the SDL does not build as a Federation 2 subgraph (a key naming a missing field)
 */
export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const resolvers: Record<string, object> = createResolversMap(schema);
  for (const type of Object.keys(ENTITY_KEYS) as EntityTypeName[]) {
    resolvers[type] = {
      ...resolvers[type],
      __resolveReference: (reference: Record<string, unknown>, ctx: GraphContext) => resolveEntityReference(type, reference, ctx),
    };
  }
  const subgraph = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as SubgraphResolvers });
  copyExtensions(schema, subgraph);
  return subgraph;
}

/**
 * The SDL a router composes (`Query._service.sdl`): the subgraph schema with its `@link` and
 * `@key` directives, without the federation's own types and fields (`_entities`, `_Any`…).
 */
export async function subgraphSdl(subgraph: GraphQLSchema): Promise<string> {
  const result = await execute({ schema: subgraph, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error('the subgraph schema did not answer _service { sdl }');
  return sdl;
}
