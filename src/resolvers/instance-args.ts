import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { instanceIdOf } from '../global-ids.js';

/** Marks a root field already wrapped (the schema is shared by every app of a process). */
const NORMALISED = Symbol('whatsgraph.instanceArgsNormalised');

/** Rewrites, in place, the instance ids an operation's root field names: `instanceId`, `input.instanceId`, `Query.instance(id)`. */
function normalise(fieldName: string, args: Record<string, unknown>): void {
  if (typeof args.instanceId === 'string') args.instanceId = instanceIdOf(args.instanceId);
  const input = args.input as { instanceId?: unknown } | null | undefined;
  if (input && typeof input === 'object' && typeof input.instanceId === 'string') input.instanceId = instanceIdOf(input.instanceId);
  if (fieldName === 'instance' && typeof args.id === 'string') args.id = instanceIdOf(args.id);
}

/**
 * Lets every `instanceId` argument (and `instance(id:)`) take an `Instance`'s global id as well as
 * the configured id (issue "A graph a frontend can live in", item 3: a client passes back the `id`
 * it read): the root fields of the schema (queries, mutations, and subscriptions' `subscribe`)
 * rewrite them to the configured id before anything else reads them, the access checks of
 * `field-guard.ts` included. Apply it after `guardSchema`, so it runs first.
 * @param schema the graph's schema (changed in place)
 * @returns the same schema
 */
export function acceptInstanceGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const marked = field as typeof field & { [NORMALISED]?: true };
      if (marked[NORMALISED]) continue;
      marked[NORMALISED] = true;
      const wrap =
        (inner: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
        (source, args: Record<string, unknown>, ctx, info) => {
          normalise(field.name, args);
          return inner(source, args, ctx, info);
        };
      if (field.subscribe) field.subscribe = wrap(field.subscribe);
      field.resolve = wrap(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
