import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The `Node` interface (Relay's Global Object Identification; DESIGN.md "The graph"): an object
 * a client can refetch by its `id` alone through `node(id)` / `nodes(ids)`. Its `id` is a global
 * id (`src/global-ids.ts`), unique across the graph and stable across restarts and replicas.
 */

/** The property of a root value returned by `node(id)` that names its GraphQL type (the interface's `resolveType` reads it). */
export const NODE_TYPE = '__nodeType';

/** A root value as `node(id)` returns it: the object its type's resolvers expect, tagged with that type's name. */
export interface NodeValue {
  [NODE_TYPE]: string;
}

@InterfaceType({
  description:
    "An object with a global id: unique across the whole graph (it encodes the type, the instance and the provider's id, so the same contact on two instances is two objects), stable across restarts and replicas, and refetchable with `node(id)`. Treat it as opaque; the provider's own ids are fields of their own (`phone`, `chatId`, `groupId`, `providerMessageId`…).",
  resolveType: (value: NodeValue) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, unique across the graph, stable; `node(id)` returns this object.' }) id!: string;
}
