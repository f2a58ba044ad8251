import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GraphContext } from '../context.js';
import type { DeadlineSignal } from '../deadlines.js';
import { GraphError } from '../errors.js';
import type { Capability } from '../providers/contract.js';
import { CAPABILITY_EXTENSION, CAPABILITY_SCOPES, assertBeforeDeadline } from './instance-call.js';
import type { Scope } from '../server/access.js';

/** Default deadline of one GraphQL request over HTTP, ms (config `graphql.deadlineMs`). Ours: one request of 15 aliased sends took 30 s (issue 12). */
export const DEFAULT_REQUEST_DEADLINE_MS = 30_000;

const GUARDED = Symbol('whatsgraph.fieldGuard');

/**
 * The scope a field needs: its capability's (see `CAPABILITY_SCOPES`) when it declares one,
 * else `manage` for a mutation and `read` for anything else (queries, subscriptions).
 */
export function fieldScope(typeName: string, field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): Scope {
  const capability = field.extensions?.[CAPABILITY_EXTENSION] as Capability | undefined;
  if (capability) return CAPABILITY_SCOPES[capability];
  return typeName === 'Mutation' ? 'manage' : 'read';
}

/** The instance a field targets, when it says: `instanceId` (argument or input field), `Query.instance(id)`, or its parent's instance. */
function targetInstance(typeName: string, fieldName: string, source: unknown, args: Record<string, unknown>): string | undefined {
  if (typeof args.instanceId === 'string') return args.instanceId;
  const input = args.input as { instanceId?: unknown } | undefined;
  if (input && typeof input === 'object' && typeof input.instanceId === 'string') return input.instanceId;
  if (typeName === 'Query' && fieldName === 'instance' && typeof args.id === 'string') return args.id;
  if (source && typeof source === 'object') {
    if (typeName === 'Instance' && typeof (source as { id?: unknown }).id === 'string') return (source as { id: string }).id;
    const instanceId = (source as { instanceId?: unknown }).instanceId;
    if (typeof instanceId === 'string') return instanceId;
  }
  return undefined;
}

/** The (instance, field coordinate) pairs already charged to each operation's instance rate limit. */
const CHARGED = new WeakMap<GraphContext, Set<string>>();

/**
 * Whether this operation has not yet been charged for `key` (instance and field coordinate),
 * marking it charged: a field that reaches a provider costs one point of its instance's rate
 * limit per operation, not one per list item, since its calls for the items of one list are
 * batched by the per-request loaders (50 chats' `labels` are one upstream call). Root fields
 * (each aliased send) are charged every time.
 */
function firstCharge(ctx: GraphContext, key: string): boolean {
  let charged = CHARGED.get(ctx);
  if (!charged) CHARGED.set(ctx, (charged = new Set()));
  if (charged.has(key)) return false;
  charged.add(key);
  return true;
}

/** Resolves with the field's value, or fails with DEADLINE_EXCEEDED when the deadline passes first (the call itself is not cancelled). */
function raceDeadline<T>(value: Promise<T>, deadline: DeadlineSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new GraphError('DEADLINE_EXCEEDED', 'The request ran out of time while this field waited for the provider; the provider call may still complete'));
    deadline.once('abort', onAbort);
    value.then(
      (v) => {
        deadline.removeListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        deadline.removeListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The error for a value a non-null field lacks (see {@link requireValue}). */
function lacking(field: string): GraphError {
  return new GraphError('PROVIDER_ERROR', `A reply the graph read lacked ${field}, which the graph requires`, { providerCode: 'MALFORMED_REPLY', field });
}

/**
 * A non-null field's resolver that fails with `PROVIDER_ERROR` (`providerCode: 'MALFORMED_REPLY'`,
 * `field: 'Chat.id'`) when its value is missing, instead of graphql-js's "Cannot return null for
 * non-nullable field", which the server masks as "Unexpected error." (issue 12): the objects
 * under the root fields are built from provider replies, and a reply of valid JSON without a
 * value the graph requires is what leaves one empty.
 */
function requireValue(field: string, inner: GraphQLFieldResolver<unknown, GraphContext>): GraphQLFieldResolver<unknown, GraphContext> {
  return function required(source, args, ctx, info) {
    const value: unknown = inner(source, args, ctx, info);
    if (value === null || value === undefined) throw lacking(field);
    if (value instanceof Promise)
      return value.then((v: unknown) => {
        if (v === null || v === undefined) throw lacking(field);
        return v;
      });
    return value;
  };
}

/**
 * Wraps the resolvers of a schema (once; the schema is shared by every app of a process) so
 * that, for an operation whose context carries them (server/access.ts, server/rate-limits.ts):
 *
 * - every root field and every field that declares a capability checks the key's scope
 *   ({@link fieldScope}) and instance → `FORBIDDEN` (`scope`, `instanceId`) before its resolver runs;
 * - every field that declares a capability (it reaches a provider) takes one point of its
 *   instance's rate limit → `RATE_LIMITED` (`retryAfterMs`);
 * - no such field starts once the request's deadline has passed, and one waiting on its
 *   provider when it passes fails with `DEADLINE_EXCEEDED` (the provider call in flight is not
 *   cancelled: it completes or fails on its own timeout, and its answer is dropped; a send may
 *   therefore still be delivered).
 *
 * Subscriptions' `subscribe` is guarded the same way (scope `read` and instance). Every non-null
 * field below the root types fails as `MALFORMED_REPLY` when its value is missing ({@link requireValue}).
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const capability = field.extensions?.[CAPABILITY_EXTENSION] as Capability | undefined;
      const isRoot = roots.has(type.name);
      const marked = field as GraphQLField<unknown, GraphContext> & { [GUARDED]?: true };
      if (marked[GUARDED]) continue;
      if (!isRoot && isNonNullType(field.type)) field.resolve = requireValue(`${type.name}.${field.name}`, field.resolve ?? defaultFieldResolver);
      if (!isRoot && !capability) {
        marked[GUARDED] = true;
        continue;
      }
      marked[GUARDED] = true;
      const scope = fieldScope(type.name, field);
      const guard = (inner: GraphQLFieldResolver<unknown, GraphContext>): GraphQLFieldResolver<unknown, GraphContext> =>
        function guarded(source, args, ctx, info) {
          if (!ctx?.access) return inner(source, args, ctx, info);
          const instanceId = targetInstance(type.name, field.name, source, args as Record<string, unknown>);
          ctx.access.assert(scope, instanceId);
          if (!capability && !ctx.deadline) return inner(source, args, ctx, info);
          return (async () => {
            if (capability) {
              assertBeforeDeadline(ctx);
              // a root field (each aliased send) is charged every time; a nested field once per operation
              if (instanceId !== undefined && (isRoot || firstCharge(ctx, `${instanceId}\u0000${type.name}.${field.name}`))) await ctx.rateLimits?.consumeInstance(instanceId);
              assertBeforeDeadline(ctx);
            }
            const value = inner(source, args, ctx, info);
            return ctx.deadline && value instanceof Promise ? raceDeadline(value, ctx.deadline) : value;
          })();
        };
      if (type.name === schema.getSubscriptionType()?.name && field.subscribe) field.subscribe = guard(field.subscribe);
      else field.resolve = guard(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
