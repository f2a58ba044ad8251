import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput, GraphError } from '../errors.js';
import type { ProviderInstanceDevice } from '../providers/account.model.js';
import { requirePartnerCapability, type Capability, type CapabilityMethod } from '../providers/contract.js';
import { checkLength } from '../providers/limits.js';
import type { ProviderKind } from '../providers/model.js';
import { ProviderEnum } from '../schema/enums.js';
import {
  CreateProviderInstanceInput,
  CreateProviderInstancePayload,
  ProviderAccountPage,
  ProviderInstanceDeviceEnum,
  ProviderInstanceInput,
  ProviderInstancePayload,
} from '../schema/partner.types.js';
import { CAPABILITY_SCOPES, Requires, assertBeforeDeadline } from './instance-call.js';

/** Largest page of `providerAccounts`. */
export const MAX_PROVIDER_ACCOUNTS_PAGE_SIZE = 100;
/** Longest instance name, session name or call rejection message sent to a provider's partner API (characters). */
export const MAX_PROVIDER_INSTANCE_TEXT_LENGTH = 255;

/**
 * The partner method behind `capability` for the deployment's partner API of `provider`, after
 * the key's scope (`admin`) and the request's deadline: so a key without the scope is refused
 * with FORBIDDEN and a provider without a configured partner API with CAPABILITY_NOT_SUPPORTED,
 * both before any request. A reply the provider layer could not read fails as `PROVIDER_ERROR`
 * (`MALFORMED_REPLY`).
 * @param instanceId the configured instance acted on (subscribe, cancel); absent for the account-wide list and create, which need a key for every instance
 * @throws GraphError FORBIDDEN (`scope`) without the scope, outside the key's instances, or (account-wide) with a key limited to some instances; DEADLINE_EXCEEDED; CAPABILITY_NOT_SUPPORTED (`provider`, `capability`)
 */
export function partnerCall<C extends Capability>(ctx: GraphContext, provider: ProviderKind, capability: C, instanceId?: string): CapabilityMethod<C> {
  ctx.access?.assert(CAPABILITY_SCOPES[capability], instanceId);
  // Listing and creating act on the whole provider account, beyond any one instance: only a key for every instance may.
  if (instanceId === undefined && ctx.access && !ctx.access.allowsAllInstances()) {
    throw new GraphError('FORBIDDEN', "This API key is limited to some instances; the provider account's instances need a key for every instance", {
      scope: CAPABILITY_SCOPES[capability],
      capability,
    });
  }
  assertBeforeDeadline(ctx);
  const service = ctx.services.partners?.get(provider);
  if (!service) {
    throw new GraphError('CAPABILITY_NOT_SUPPORTED', `No ${provider} partner API is configured on this server (configuration: partners.${provider})`, { provider, capability });
  }
  const method = requirePartnerCapability(service, capability) as (...args: unknown[]) => Promise<unknown>;
  const guarded = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await method(...args);
    } catch (err) {
      if (err instanceof GraphError) throw err;
      throw new GraphError('PROVIDER_ERROR', `The ${provider} reply to ${capability} could not be read`, {
        provider,
        capability,
        providerCode: 'MALFORMED_REPLY',
        ...(err instanceof Error ? { cause: err.name } : {}),
      });
    }
  };
  return guarded as CapabilityMethod<C>;
}

/** An optional text of the creation input: at most {@link MAX_PROVIDER_INSTANCE_TEXT_LENGTH} characters. */
function text(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  checkLength(value, field, MAX_PROVIDER_INSTANCE_TEXT_LENGTH, 1);
  return value;
}

/**
 * The partner API (issue 9, item 8): the instances of the deployment's account at a provider,
 * with the integrator credential configured once per deployment (`partners.<provider>`). Every
 * field needs the `admin` key scope; no input takes and no payload returns a token.
 */
@Resolver()
export class PartnerResolver {
  @Query(() => ProviderAccountPage, {
    description: "The instances of the deployment's account at a provider, one page at a time (admin scope; never their tokens or webhook URLs).",
  })
  @Requires('PROVIDER_ACCOUNTS')
  async providerAccounts(
    @Arg('provider', () => ProviderEnum) provider: string,
    @Ctx() ctx: GraphContext,
    @Arg('page', () => Int, { defaultValue: 1, description: 'From 1.' }) page: number,
    @Arg('pageSize', () => Int, { defaultValue: 20, description: `1 to ${MAX_PROVIDER_ACCOUNTS_PAGE_SIZE}.` }) pageSize: number,
    @Arg('search', () => String, { nullable: true, description: 'Keeps the instances whose name or id matches.' }) search?: string | null,
    @Arg('device', () => ProviderInstanceDeviceEnum, { nullable: true }) device?: string | null,
  ): Promise<ProviderAccountPage> {
    const call = partnerCall(ctx, provider as ProviderKind, 'PROVIDER_ACCOUNTS');
    if (!Number.isInteger(page) || page < 1) throw badInput('page', 'must be 1 or more');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PROVIDER_ACCOUNTS_PAGE_SIZE) throw badInput('pageSize', `must be 1 to ${MAX_PROVIDER_ACCOUNTS_PAGE_SIZE}`);
    const found = await call({ page, pageSize, search: text(search, 'search'), device: (device as ProviderInstanceDevice | null | undefined) ?? null });
    // each account carries its provider: the scope of its global id
    return { ...found, items: found.items.map((a) => ({ ...a, provider })) };
  }

  @Mutation(() => CreateProviderInstancePayload, {
    description:
      "Creates an instance in the deployment's provider account, on the provider's trial (admin scope). The instance token is neither returned nor kept: read it in the provider's panel.",
  })
  @Requires('CREATE_PROVIDER_INSTANCE')
  async createProviderInstance(
    @Arg('input', () => CreateProviderInstanceInput) input: CreateProviderInstanceInput,
    @Ctx() ctx: GraphContext,
  ): Promise<CreateProviderInstancePayload> {
    const call = partnerCall(ctx, input.provider as ProviderKind, 'CREATE_PROVIDER_INSTANCE');
    const name = text(input.name, 'input.name') ?? '';
    if (!name.trim()) throw badInput('input.name', 'must not be blank');
    const created = await call({
      name,
      sessionName: text(input.sessionName, 'input.sessionName'),
      rejectCalls: input.rejectCalls ?? null,
      rejectCallMessage: text(input.rejectCallMessage, 'input.rejectCallMessage'),
      autoReadMessages: input.autoReadMessages ?? null,
      device: (input.device as ProviderInstanceDevice | null | undefined) ?? null,
      business: input.business ?? null,
    });
    return { provider: input.provider, id: created.id, name: created.name, dueAt: created.dueAt };
  }

  @Mutation(() => ProviderInstancePayload, {
    description: "Subscribes (starts paying for) the provider instance of a configured instance, with that instance's configured credentials (admin scope).",
  })
  @Requires('SUBSCRIBE_PROVIDER_INSTANCE')
  async subscribeProviderInstance(@Arg('input', () => ProviderInstanceInput) input: ProviderInstanceInput, @Ctx() ctx: GraphContext): Promise<ProviderInstancePayload> {
    return this.onDemand(ctx, input.instanceId, 'SUBSCRIBE_PROVIDER_INSTANCE');
  }

  @Mutation(() => ProviderInstancePayload, {
    description: "Cancels the subscription of a configured instance's provider instance (admin scope); the provider keeps it running for the period it documents.",
  })
  @Requires('CANCEL_PROVIDER_INSTANCE')
  async cancelProviderInstance(@Arg('input', () => ProviderInstanceInput) input: ProviderInstanceInput, @Ctx() ctx: GraphContext): Promise<ProviderInstancePayload> {
    return this.onDemand(ctx, input.instanceId, 'CANCEL_PROVIDER_INSTANCE');
  }

  /** Subscribe or cancel: the instance (NOT_FOUND, FORBIDDEN outside the key) names the provider whose partner API acts. */
  private async onDemand(ctx: GraphContext, instanceId: string, capability: 'SUBSCRIBE_PROVIDER_INSTANCE' | 'CANCEL_PROVIDER_INSTANCE'): Promise<ProviderInstancePayload> {
    ctx.access?.assert(CAPABILITY_SCOPES[capability], instanceId);
    const entry = ctx.services.instances.get(instanceId);
    const provider = entry.adapter.kind;
    await partnerCall(ctx, provider, capability, instanceId)(instanceId);
    return { instanceId, provider, ok: true };
  }
}
