import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { toSubgraphSchema } from './federation/subgraph.js';
import { directResolvers } from './resolvers/direct-resolvers.js';
import { RESOLVERS } from './resolvers/index.js';
import { EVENT_CLASSES } from './schema/event.types.js';
import { UnsupportedContent } from './schema/message.types.js';

let cached: GraphQLSchema | undefined;
let cachedSubgraph: GraphQLSchema | undefined;

/**
 * type-graphql insists on a PubSub as soon as a schema has subscriptions, even when every
 * `@Subscription` brings its own `subscribe` (ours do: they stream from the event log and bus
 * of the running app, see subscriptions/event-stream.ts). Topic-based subscriptions would
 * bypass the event log, so this PubSub refuses them loudly.
 */
const refuseTopicPubSub = {
  publish(): never {
    throw new Error('whatsgraph publishes through its EventPipeline, not type-graphql topics');
  },
  subscribe(): never {
    throw new Error('every @Subscription must use `subscribe` (subscriptions/event-stream.ts), not topics');
  },
};

/**
 * Builds the executable schema from the resolver classes (once per process: type-graphql's
 * metadata is global). It lives above `schema/` and `resolvers/` because it needs both:
 * `schema/` holds GraphQL shapes only and imports no resolver, so the folders form no cycle. Validation of inputs is done by resolvers (explicit, named errors),
 * so class-validator is off. Root fields whose arguments type-graphql's conversion would leave
 * unchanged then call their resolver methods directly (`resolvers/direct-resolvers.ts`).
 * @throws what type-graphql's `buildSchema` throws for inconsistent metadata (a programming error)
 */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  // root fields call their resolver methods directly where type-graphql's argument conversion changes nothing (resolvers/direct-resolvers.ts)
  cached ??= directResolvers(
    await buildSchema({
      resolvers: RESOLVERS,
      // types reached only through unions or interfaces
      orphanedTypes: [UnsupportedContent, ...EVENT_CLASSES],
      pubSub: refuseTopicPubSub,
      validate: false,
      emitSchemaFile: false,
    }),
    RESOLVERS,
  );
  return cached;
}

/**
 * The schema the server runs: {@link buildGraphSchema}'s as an Apollo Federation 2 subgraph
 * (`@key` on the entity types, `Query._service` and `Query._entities`; src/federation/subgraph.ts).
 * Built once per process. Direct clients see the same graph plus those two fields; the client
 * schema (`schema.graphql`) stays {@link buildGraphSchema}'s.
 */
export async function buildSubgraphGraphSchema(): Promise<GraphQLSchema> {
  cachedSubgraph ??= toSubgraphSchema(await buildGraphSchema());
  return cachedSubgraph;
}
