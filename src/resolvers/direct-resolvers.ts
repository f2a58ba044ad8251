import { isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** Marks a root field whose resolver already calls its method directly (the schema is built once per process). */
const DIRECT = Symbol('whatsgraph.directResolver');

/** Argument types type-graphql hands over unchanged (its `convertToType` passes their values through). */
const PASSED_THROUGH: ReadonlySet<unknown> = new Set<unknown>([String, Number, Boolean]);

type Storage = ReturnType<typeof getMetadataStorage>;
type Handler = Storage['queries'][number];
type FieldHandler = Storage['fieldResolvers'][number];
type Param = NonNullable<Handler['params']>[number];

/** A class whose instances are plain records: nothing on its prototype chain but constructors, and a fresh one holds no value. */
function plainClass(cls: unknown): boolean {
  if (typeof cls !== 'function' || cls.length > 0) return false;
  for (let proto: unknown = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyNames(proto).some((name) => name !== 'constructor')) return false;
    if (Object.getOwnPropertySymbols(proto).length > 0) return false;
  }
  const fresh: unknown = new (cls as new () => object)();
  return Object.values(fresh as object).every((v) => v === undefined);
}

/**
 * Whether type-graphql's conversion of an argument of this type gives what GraphQL's coerced
 * value already is, for every read a resolver makes: a scalar or enum (passed through), or an
 * input class that is {@link plainClass} (no methods, getters or default values) whose fields,
 * its superclasses' included, are all such types too.
 */
function plainArgType(storage: Storage, type: unknown, seen: Set<unknown>): boolean {
  if (typeof type !== 'function') return true; // a GraphQLScalarType (ID, Int…) or an enum object: passed through
  if (PASSED_THROUGH.has(type)) return true;
  if (seen.has(type)) return true;
  seen.add(type);
  if (!storage.inputTypes.some((t) => t.target === type) || !plainClass(type)) return false;
  for (let cls: unknown = type; typeof cls === 'function' && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const meta = storage.inputTypes.find((t) => t.target === cls);
    for (const field of meta?.fields ?? []) if (!plainArgType(storage, field.getType(), seen)) return false;
  }
  return true;
}

/** Reads one parameter of a resolver method from graphql's resolver arguments. */
type Reader = (source: unknown, args: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/** The reader of one parameter, or null when it is not one this module takes over. */
function paramReader(storage: Storage, param: Param): Reader | null {
  switch (param.kind) {
    case 'arg':
      if (param.validateFn || param.validateSettings !== undefined || !plainArgType(storage, param.getType(), new Set())) return null;
      return (_source, args) => args[param.name];
    case 'context': {
      const property = param.propertyName;
      return property === undefined ? (_source, _args, ctx) => ctx : (_source, _args, ctx) => (ctx as Record<string, unknown>)[property];
    }
    case 'info':
      return (_source, _args, _ctx, info) => info;
    case 'root': {
      // with a type, type-graphql would convert the parent (emitDecoratorMetadata is off, so `@Root()` has none)
      if (param.getType) return null;
      const property = param.propertyName;
      return property === undefined ? (source) => source : (source) => (source as Record<string, unknown>)[property];
    }
    default:
      return null;
  }
}

/** The direct resolver of one handler, or null when type-graphql's must stay (see {@link directResolvers}). */
function directResolver(storage: Storage, handler: Handler | FieldHandler, instances: Map<unknown, Record<string, unknown>>): GraphQLFieldResolver<unknown, unknown> | null {
  if (handler.middlewares?.length || handler.roles !== undefined || handler.resolverClassMetadata?.superResolver) return null;
  const target: unknown = handler.target;
  if (typeof target !== 'function' || target.length > 0) return null;
  const readers = [...(handler.params ?? [])].sort((a, b) => a.index - b.index).map((p) => paramReader(storage, p));
  if (readers.some((r) => r === null)) return null;
  let instance = instances.get(target);
  if (!instance) instances.set(target, (instance = new (target as new () => Record<string, unknown>)()));
  // a resolver that keeps state of its own would have it twice (type-graphql's instance serves its other fields)
  if (Reflect.ownKeys(instance).length > 0) return null;
  const method = instance[handler.methodName];
  if (typeof method !== 'function') return null;
  const self = instance;
  const read = readers as Reader[];
  return (source, args: Record<string, unknown>, ctx, info) =>
    (method as (...params: unknown[]) => unknown).apply(
      self,
      read.map((r) => r(source, args, ctx, info)),
    );
}

/**
 * Lets root query and mutation fields, and the fields of object types resolved by a resolver
 * class (`@FieldResolver`), call their resolver method directly (issue 13: the send path).
 * type-graphql's resolver of such a field sorts its parameters, turns each input argument into
 * an instance of its class (a fresh object per call: every declared field set, the absent ones
 * deleted again, which leaves V8 a slow dictionary object that every later read and spread of
 * the input pays for), awaits an `async` validation even when validation is off, and looks the
 * resolver instance up in a list, on every call: about 5% of a `sendText`'s server CPU, and 2%
 * more for `Message.id`. For a handler whose parameters are only `@Arg`, `@Ctx`, `@Info` and an
 * untyped `@Root`, with no middleware, no `@Authorized`, no validation, no resolver
 * inheritance, a resolver class without state, and argument types whose conversion changes
 * nothing a resolver reads (scalars, enums, and input classes without methods, getters or
 * default values: see {@link plainArgType}), the field's resolver becomes the method called on
 * one instance of its class with GraphQL's source and coerced arguments; every other field
 * keeps type-graphql's. Apply to the schema `buildSchema` returned, before anything wraps its
 * resolvers.
 * @param schema the type-graphql schema (changed in place)
 * @param resolverClasses the resolver classes the schema was built from (type-graphql's metadata is global: another class's handlers are not this schema's)
 * @returns the same schema
 * @throws what a resolver class's constructor throws (each is constructed once, with no arguments)
 */
export function directResolvers(schema: GraphQLSchema, resolverClasses: readonly unknown[]): GraphQLSchema {
  const storage = getMetadataStorage();
  const built = new Set(resolverClasses);
  const instances = new Map<unknown, Record<string, unknown>>();
  const take = (field: GraphQLField<unknown, unknown>, candidates: ReadonlyArray<Handler | FieldHandler>): void => {
    const marked = field as typeof field & { [DIRECT]?: true };
    if (marked[DIRECT] || candidates.length !== 1) return;
    const resolve = directResolver(storage, candidates[0]!, instances);
    if (!resolve) return;
    field.resolve = resolve;
    marked[DIRECT] = true;
  };
  const roots: Array<[ReturnType<GraphQLSchema['getQueryType']>, readonly Handler[]]> = [
    [schema.getQueryType(), storage.queries],
    [schema.getMutationType(), storage.mutations],
  ];
  for (const [root, handlers] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()))
      take(
        field,
        handlers.filter((h) => built.has(h.target) && h.schemaName === field.name),
      );
  }
  // a resolver class's @FieldResolver on the object type it names (a type that inherits the field keeps type-graphql's)
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const resolvers = storage.fieldResolvers.filter((r) => (r.kind === 'internal' || built.has(r.target)) && r.getObjectType?.() === objectType.target);
    for (const field of Object.values(type.getFields())) {
      const matching = resolvers.filter((r) => r.schemaName === field.name);
      if (matching.every((r) => r.kind === 'external')) take(field, matching);
    }
  }
  return schema;
}
