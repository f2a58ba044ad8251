import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors.js';
import type { Capability } from '../providers/contract.js';
import { MAX_PHONE_BATCH } from '../providers/limits.js';
import type { ConnectionState } from '../providers/model.js';
import { ChatConnection, Chat, Contact, ContactConnection, Group, GroupConnection, PhoneCheck } from '../schema/chat.types.js';
import { CapabilityEnum, ConnectionStateEnum } from '../schema/enums.js';
import { AccountProfile, Instance, InstanceConnection } from '../schema/instance.types.js';
import type { GraphContext } from '../context.js';
import type { InstanceEntry } from '../instances.js';
import { Requires, optionalPortCall, portCall } from './instance-call.js';
import { paginate } from './paging.js';
import { recipientOf, recipientsOf } from './phone.js';

/** The root object of `Instance`: its entry in the directory. */
export type InstanceRoot = Instance & { entry: InstanceEntry };

/** Builds the root value of an `Instance`. */
export function instanceRoot(entry: InstanceEntry): InstanceRoot {
  return { id: entry.id, provider: entry.adapter.kind, entry };
}

/**
 * `instances`, `instance(id)` and everything that hangs off an instance. Resolvers are thin:
 * the root carries the instance, `portCall` requires the capability, the port answers with
 * domain objects.
 */
@Resolver(() => Instance)
export class InstanceResolver {
  @Query(() => [Instance], { description: "Every configured instance the client's API key may use." })
  instances(@Ctx() ctx: GraphContext): InstanceRoot[] {
    return ctx.services.instances.list().map(instanceRoot);
  }

  @Query(() => Instance, { description: 'One instance. Fails with NOT_FOUND for an unknown id.' })
  instance(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): InstanceRoot {
    return instanceRoot(ctx.services.instances.get(id));
  }

  @FieldResolver(() => [CapabilityEnum], { description: "What this instance's provider can do; anything else fails with CAPABILITY_NOT_SUPPORTED." })
  capabilities(@Root() root: InstanceRoot): Capability[] {
    return [...root.entry.adapter.capabilities].sort();
  }

  @FieldResolver(() => ConnectionStateEnum, { nullable: true, description: 'Connection state, asked of the provider (UNKNOWN when the provider cannot tell).' })
  async status(@Root() root: InstanceRoot, @Ctx() ctx: GraphContext): Promise<ConnectionState> {
    // read once per request with `connection`, and kept a few seconds by the read cache (dropped by a connection event)
    if (!optionalPortCall(root.entry, 'INSTANCE_STATUS')) return 'UNKNOWN';
    return (await ctx.loaders.status(root.entry.adapter)).state;
  }

  @FieldResolver(() => InstanceConnection, { nullable: true, description: 'Connection details, asked of the provider.' })
  @Requires('INSTANCE_STATUS')
  async connection(@Root() root: InstanceRoot, @Ctx() ctx: GraphContext): Promise<InstanceConnection> {
    return ctx.loaders.status(root.entry.adapter);
  }

  @FieldResolver(() => AccountProfile, { nullable: true, description: "The account's own profile and device." })
  @Requires('ACCOUNT_PROFILE')
  async profile(@Root() root: InstanceRoot): Promise<AccountProfile> {
    return portCall(root.entry, 'ACCOUNT_PROFILE')();
  }

  @FieldResolver(() => ChatConnection, { description: 'Chats, most recent first as the provider orders them.' })
  @Requires('LIST_CHATS')
  async chats(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphContext,
  ) {
    const list = portCall(root.entry, 'LIST_CHATS');
    // the listed chats prime the request's chat loader: `Message.chat` and `Label.chats` of these chats cost nothing more
    const loader = ctx.loaders.chat(root.entry.adapter);
    return paginate(list, { first, after }, (chat) => {
      loader.prime(chat.id, chat);
      return { ...chat, instanceId: root.id };
    });
  }

  @FieldResolver(() => Chat, { nullable: true, description: 'One chat by phone number or group id; null when there is none.' })
  @Requires('GET_CHAT')
  async chat(@Root() root: InstanceRoot, @Arg('id', () => String) id: string, @Ctx() ctx: GraphContext): Promise<Chat | null> {
    const get = portCall(root.entry, 'GET_CHAT');
    const chat = await get(recipientOf(root.entry, id, 'id'));
    if (chat) ctx.loaders.chat(root.entry.adapter).prime(chat.id, chat);
    return chat ? { ...chat, instanceId: root.id } : null;
  }

  @FieldResolver(() => ContactConnection, { description: 'Contacts of the account.' })
  @Requires('LIST_CONTACTS')
  async contacts(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const list = portCall(root.entry, 'LIST_CONTACTS');
    return paginate(list, { first, after }, (c) => ({ ...c, instanceId: root.id }));
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'One contact by phone number; null when unknown.' })
  @Requires('GET_CONTACT')
  async contact(@Root() root: InstanceRoot, @Arg('phone', () => String) phone: string, @Ctx() ctx: GraphContext): Promise<Contact | null> {
    const get = portCall(root.entry, 'GET_CONTACT');
    const normalised = recipientOf(root.entry, phone, 'phone');
    const contact = await ctx.loaders.read('contacts', root.entry.id, normalised, () => get(normalised));
    return contact ? { ...contact, instanceId: root.id } : null;
  }

  @FieldResolver(() => [PhoneCheck], { description: 'Which of these numbers have WhatsApp (at most 1,000; one batched provider request per query).' })
  @Requires('CHECK_PHONES')
  async phoneChecks(
    @Root() root: InstanceRoot,
    @Arg('phones', () => [String], { description: 'Phone numbers in any common format.' }) phones: string[],
    @Ctx() ctx: GraphContext,
  ): Promise<PhoneCheck[]> {
    if (phones.length > MAX_PHONE_BATCH) throw badInput('phones', `at most ${MAX_PHONE_BATCH} numbers per query`);
    const loader = ctx.loaders.phoneCheck(root.entry.adapter);
    const normalised = recipientsOf(root.entry, phones, 'phones');
    return loader.loadMany(normalised).then((results) =>
      results.map((r) => {
        if (r instanceof Error) throw r;
        return r;
      }),
    );
  }

  @FieldResolver(() => GroupConnection, { description: 'Groups the account belongs to.' })
  @Requires('LIST_GROUPS')
  async groups(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const list = portCall(root.entry, 'LIST_GROUPS');
    return paginate(list, { first, after }, (g) => ({ ...g, instanceId: root.id, listed: true }));
  }

  @FieldResolver(() => Group, { nullable: true, description: 'One group by id; null when there is none.' })
  @Requires('GET_GROUP')
  async group(@Root() root: InstanceRoot, @Arg('id', () => String) id: string, @Ctx() ctx: GraphContext): Promise<Group | null> {
    const get = portCall(root.entry, 'GET_GROUP');
    const group = await ctx.loaders.read(
      'groups',
      root.entry.id,
      id,
      () => get(id),
      (g) => g !== null,
    );
    return group ? { ...group, instanceId: root.id } : null;
  }
}
