import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../resolvers/index.js';
import { UnsupportedContent } from './message.types.js';
import { ConnectionChangedEvent, InstanceNotificationEvent, MessageReceivedEvent, MessageStatusChangedEvent, PresenceChangedEvent } from './event.types.js';

let cached: GraphQLSchema | undefined;

/**
 * Builds the executable schema from the resolver classes (once per process: type-graphql's
 * metadata is global). Validation of inputs is done by resolvers (explicit, named errors),
 * so class-validator is off.
 */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  cached ??= await buildSchema({
    resolvers: RESOLVERS,
    // types reached only through unions or interfaces
    orphanedTypes: [UnsupportedContent, MessageReceivedEvent, MessageStatusChangedEvent, PresenceChangedEvent, ConnectionChangedEvent, InstanceNotificationEvent],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
