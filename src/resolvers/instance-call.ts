import { Extensions } from 'type-graphql';
import type { GraphContext } from '../context.js';
import type { InstanceEntry } from '../instances.js';
import { requireCapability, type Capability, type CapabilityMethod } from '../providers/contract.js';

/** The key of a field's GraphQL `extensions` that names the capability it needs (read by `capabilityFields`). */
export const CAPABILITY_EXTENSION = 'capability';

/**
 * Declares the capability a GraphQL field needs: it lands on the built schema field's
 * `extensions.capability` (type-graphql `@Extensions`; not part of the SDL), from which
 * `capabilityFields(schema)` derives the capability → field table that the docs generator
 * and the capability test read. Put it on every query, mutation or field resolver that fails
 * with CAPABILITY_NOT_SUPPORTED without the capability; one capability may be declared by
 * several fields (`markChatRead` and `markChatUnread`).
 *
 * The resolver body asks for the same capability through {@link instanceCall} /
 * {@link portCall}, which is where it is enforced; this decorator only declares it, and
 * test/unit/capability-enforcement.test.ts checks that the two agree for every field of
 * `Mutation` and `Instance`.
 */
export function Requires(capability: Capability): MethodDecorator & PropertyDecorator {
  return Extensions({ [CAPABILITY_EXTENSION]: capability });
}

/** An instance and the port method behind one capability, bound to its port. */
export interface InstanceCall<C extends Capability> {
  /** The instance's directory entry (its id, adapter and `defaultCountry`). */
  entry: InstanceEntry;
  /** The provider method behind the capability (see `CAPABILITY_METHODS` in providers/contract.ts). */
  call: CapabilityMethod<C>;
}

/**
 * The one way a resolver reaches a provider from an input's `instanceId`: finds the instance,
 * then requires the capability, so an unknown instance fails with NOT_FOUND and an action its
 * provider lacks with CAPABILITY_NOT_SUPPORTED, both before any provider request. Errors the
 * call itself raises (ProviderError, GraphError) pass through to `server/format-error.ts`,
 * which maps them to the graph's codes.
 * @throws GraphError NOT_FOUND (`instance`) for an unknown `instanceId`
 * @throws CapabilityError CAPABILITY_NOT_SUPPORTED (with `provider`, `capability`) when the provider lacks it
 */
export function instanceCall<C extends Capability>(ctx: GraphContext, instanceId: string, capability: C): InstanceCall<C> {
  const entry = ctx.services.instances.get(instanceId);
  return { entry, call: portCall(entry, capability) };
}

/**
 * As {@link instanceCall}, for a field whose root already carries the instance entry
 * (fields of `Instance`): the port method behind `capability`, bound to its port.
 * @throws CapabilityError CAPABILITY_NOT_SUPPORTED (with `provider`, `capability`) when the provider lacks it
 */
export function portCall<C extends Capability>(entry: InstanceEntry, capability: C): CapabilityMethod<C> {
  return requireCapability(entry.adapter, capability);
}

/**
 * The port method behind `capability` when the instance's provider has it, else null: for
 * fields that degrade instead of failing (`Instance.status` answers UNKNOWN, a payload's
 * `group` answers null).
 */
export function optionalPortCall<C extends Capability>(entry: InstanceEntry, capability: C): CapabilityMethod<C> | null {
  return entry.adapter.capabilities.has(capability) ? requireCapability(entry.adapter, capability) : null;
}
