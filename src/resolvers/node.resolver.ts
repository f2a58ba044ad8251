import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { GraphError, badInput } from '../errors.js';
import { fromGlobalId, parseEventLocalId, type GlobalIdParts, type GlobalIdType } from '../global-ids.js';
import type { InstanceEntry } from '../instances.js';
import { Chat } from '../schema/chat.types.js';
import { eventTypeName } from '../schema/event.types.js';
import { Instance } from '../schema/instance.types.js';
import { NODE_TYPE, Node, type NodeValue } from '../schema/node.types.js';
import { messageRoot, recordLoader, storeError } from './conversation.resolver.js';
import { CAPABILITY_SCOPES, portCall } from './instance-call.js';
import type { Capability, CapabilityMethod } from '../providers/contract.js';
import { instanceRoot, type InstanceRoot } from './instance.resolver.js';
import { recipientOf } from './phone.js';
import { mediaWithLink } from './media-links.js';
import { MAX_PROVIDER_ACCOUNTS_PAGE_SIZE, partnerCall } from './partner.resolver.js';
import { maskWebhookUrl } from '../server/access.js';
import { PROVIDER_KINDS, type ProviderKind } from '../providers/model.js';
import { queryError } from './subscription.resolver.js';
import { InvalidCursorError } from '../subscriptions/stores.js';

/**
 * `node(id)` and `nodes(ids)` (Relay's Global Object Identification; issue "A graph a frontend can
 * live in", item 3), and {@link loadNodes}, which the federation entity resolver uses too: a
 * global id (`global-ids.ts`) back to the object, through the same per-request loaders as the
 * relations (a batch of 100 chat ids reads the chat list once, not 100 chats).
 */

/** Most ids one `nodes(ids)` takes (the graph's largest page). */
export const MAX_NODES = 100;

/** Tags a root value with its GraphQL type (what `Node`'s resolveType reads). */
function tagged<T extends object>(type: GlobalIdType, value: T): T & NodeValue {
  return { ...value, [NODE_TYPE]: type };
}

/** A chat the provider does not list (or cannot be asked about) but whose messages the graph keeps: its id and whether it is a group, from its newest message. */
async function keptChat(ctx: GraphContext, instanceId: string, chatId: string): Promise<object | null> {
  const newest = (await ctx.services.stores.messages.page(instanceId, chatId, { first: 1 }).catch(storeError)).items[0];
  return newest ? { id: chatId, instanceId, isGroup: newest.record.message.isGroup ?? null } : null;
}

/**
 * A chat by the provider's id on any provider: as the provider lists or reads it when it can
 * (through the request's chat loader), else, or when the provider does not know it, as the graph
 * keeps it (from its stored messages); null when neither knows it.
 * @throws GraphError SERVICE_UNAVAILABLE when the message store is unreachable; the provider's errors
 */
async function chatOnAnyProvider(ctx: GraphContext, entry: InstanceEntry, chatId: string): Promise<object | null> {
  const adapter = entry.adapter;
  const listed = adapter.capabilities.has('LIST_CHATS') || adapter.capabilities.has('GET_CHAT') ? await ctx.loaders.chat(adapter).load(chatId) : null;
  return withInstance(listed, entry.id) ?? keptChat(ctx, entry.id, chatId);
}

/** A root value tagged with its instance (null stays null). */
function withInstance<T extends object>(value: T | null | undefined, instanceId: string): (T & { instanceId: string }) | null {
  return value ? { ...value, instanceId } : null;
}

/**
 * The port method of `capability` on the instance, for a node reader: the API key's scope for that
 * capability is asserted first (as the field that served the id asserts it), then `portCall`.
 * @throws GraphError FORBIDDEN without the scope; CAPABILITY_NOT_SUPPORTED when the provider cannot
 */
function nodeCall<C extends Capability>(ctx: GraphContext, entry: InstanceEntry, capability: C): CapabilityMethod<C> {
  ctx.access?.assert(CAPABILITY_SCOPES[capability], entry.id);
  return portCall(entry, capability);
}

/** Reads one object of an instance by its provider id, through the request's loaders; null when the provider (or the message store) has none. */
export type NodeReader = (ctx: GraphContext, entry: InstanceEntry, localId: string) => Promise<object | null>;

/**
 * How `node(id)` reads each type that implements `Node`: the keys are the refetchable types (an id
 * of any other type is null).
 */
export const NODE_READERS: Partial<Record<GlobalIdType, NodeReader>> = {
  Instance: async (_ctx, entry, localId) => (localId === '' ? instanceRoot(entry) : null),
  Chat: (ctx, entry, localId) => chatOnAnyProvider(ctx, entry, localId),
  Contact: async (ctx, { id, adapter }, phone) => {
    const known = adapter.capabilities.has('LIST_CONTACTS') || adapter.capabilities.has('GET_CONTACT') ? await ctx.loaders.contact(adapter).load(phone) : null;
    // a number outside the address book is still a contact (a chat's, a participant's): its fields are read when asked
    return withInstance(known, id) ?? { id: phone, phone, instanceId: id, fromChat: true };
  },
  Message: async (ctx, entry, messageId) => {
    const record = await recordLoader(ctx).load(`${entry.id}\u0000${messageId}`);
    return record && messageRoot(record);
  },
  Group: async (ctx, { id, adapter }, groupId) => withInstance(await ctx.loaders.group(adapter).load(groupId), id),
  GroupParticipant: async (ctx, { id, adapter }, localId) => {
    // `<groupId>/<participant id>` (node-ids.ts): group ids hold no slash
    const cut = localId.indexOf('/');
    if (cut < 0) return null;
    const groupId = localId.slice(0, cut);
    const participant = (await ctx.loaders.group(adapter).load(groupId))?.participants.find((p) => p.id === localId.slice(cut + 1));
    return participant ? { ...participant, instanceId: id, groupId } : null;
  },
  Label: async (ctx, { id, adapter }, labelId) =>
    withInstance(
      (await ctx.loaders.labels(adapter)).find((l) => l.id === labelId),
      id,
    ),
  Collection: async (ctx, { id, adapter }, collectionId) =>
    withInstance(
      (await ctx.loaders.collections(adapter)).find((c) => c.id === collectionId),
      id,
    ),
  Product: async (ctx, entry, productId) => withInstance(await nodeCall(ctx, entry, 'GET_PRODUCT')(productId), entry.id),
  Community: async (ctx, entry, communityId) => withInstance(await nodeCall(ctx, entry, 'GET_COMMUNITY')(communityId), entry.id),
  MessageTemplate: async (ctx, entry, templateId) => withInstance(await nodeCall(ctx, entry, 'GET_TEMPLATE')(templateId), entry.id),
  // reference data and the instance's own settings: read from the provider's list, the one a field of Instance served the id from
  Country: async (ctx, entry, countryId) =>
    withInstance(
      (await nodeCall(ctx, entry, 'COUNTRIES')()).find((c) => c.id === countryId),
      entry.id,
    ),
  BusinessCategory: async (ctx, entry, categoryId) =>
    withInstance(
      (await nodeCall(ctx, entry, 'BUSINESS_CATEGORIES')(null)).find((c) => c.id === categoryId),
      entry.id,
    ),
  WebhookEndpoint: async (ctx, entry, endpointId) => {
    const endpoint = (await nodeCall(ctx, entry, 'LIST_WEBHOOKS')()).find((e) => e.id === endpointId);
    // the secret in a URL masked as `Instance.webhooks` masks it
    return endpoint ? { ...endpoint, url: maskWebhookUrl(endpoint.url, [entry.webhookSecret]), instanceId: entry.id } : null;
  },
  Media: async (ctx, entry, mediaId) => {
    const media = await nodeCall(ctx, entry, 'GET_MEDIA')(mediaId);
    return media && { ...mediaWithLink(media, entry.id, ctx), instanceId: entry.id };
  },
  GroupInvitation: async (ctx, entry, invitationUrl) => {
    const found = await nodeCall(ctx, entry, 'GROUP_INVITATION')(invitationUrl);
    return found && { ...found, instanceId: entry.id, invitationUrl };
  },
  Event: async (ctx, entry, localId) => {
    // `<cursor>/<eventId>` (global-ids.ts, eventLocalId): one read of the log at the cursor; an id whose event the log no longer keeps (or never had) is null
    const parts = parseEventLocalId(localId);
    if (!parts) return null;
    const event = await ctx.services.stores.log.at(entry.id, parts.cursor).catch((err: unknown) => (err instanceof InvalidCursorError ? null : queryError(err)));
    // the cursor as the log spells it too: a crafted spelling of the same position (`…0005`) names no event, so `node(id).id` is always `id`
    return event && event.id === parts.eventId && event.cursor === parts.cursor ? { ...event, [NODE_TYPE]: eventTypeName(event.type) } : null;
  },
};

/** The types `node(id)` reads from the graph's own stores, not from the provider (no provider rate-limit point is charged for them). */
const STORED_TYPES: ReadonlySet<GlobalIdType> = new Set<GlobalIdType>(['Instance', 'Message', 'Event']);

/** Reads one decoded id: its instance (confined to the key: FORBIDDEN outside it, null when unknown), then the object. */
async function resolveParts(ctx: GraphContext, parts: GlobalIdParts, read: NodeReader, charged: Set<string>): Promise<NodeValue | null> {
  let entry: InstanceEntry;
  try {
    entry = ctx.services.instances.get(parts.scope);
  } catch (err) {
    if (err instanceof GraphError && err.extensions.code === 'NOT_FOUND') return null;
    throw err;
  }
  ctx.access?.assert('read', entry.id);
  // an object read from a provider costs one point of its instance's rate limit per batch (as a relation does per operation)
  if (!STORED_TYPES.has(parts.type) && !charged.has(entry.id)) {
    charged.add(entry.id);
    await ctx.rateLimits?.consumeInstance(entry.id);
  }
  const value = await read(ctx, entry, parts.localId);
  // a reader of an interface's id (Event) tags its value with the concrete type itself
  return value && (NODE_TYPE in value ? (value as NodeValue) : tagged(parts.type, value));
}

/**
 * A provider account by its global id (`ProviderAccount:<provider>:<account id>`): the partner API's
 * list searched for the id (admin scope, a key for every instance, as `providerAccounts`); null when
 * the server has no partner API for that provider or the account is not (any longer) there.
 * @throws GraphError FORBIDDEN without the admin scope or with a key limited to some instances; the provider's errors
 */
async function providerAccountNode(ctx: GraphContext, provider: string, accountId: string): Promise<NodeValue | null> {
  if (!(PROVIDER_KINDS as readonly string[]).includes(provider) || !ctx.services.partners?.get(provider as ProviderKind)) return null;
  const list = partnerCall(ctx, provider as ProviderKind, 'PROVIDER_ACCOUNTS');
  const found = await list({ page: 1, pageSize: MAX_PROVIDER_ACCOUNTS_PAGE_SIZE, search: accountId, device: null });
  const account = found.items.find((a) => a.id === accountId);
  return account ? tagged('ProviderAccount', { ...account, provider }) : null;
}

/** One node loader per operation (keyed by its loaders object, as the relations' loaders are). */
const nodeLoaders = new WeakMap<object, DataLoader<string, NodeValue | null>>();

/**
 * The operation's loader of objects by global id: `load(id)` resolves the object tagged with its
 * type ({@link NodeValue}), or null when the id names nothing (an unknown instance, an object the
 * provider no longer has, a type that does not implement `Node`). Ids of one batch share the
 * relations' loaders, so 100 chats of one instance cost the chat-list pages, not 100 reads.
 * @throws GraphError (when loading) FORBIDDEN outside the key's instances or without `read`;
 *   CAPABILITY_NOT_SUPPORTED when the instance's provider cannot read that type; the provider's errors
 */
export function nodeLoader(ctx: GraphContext): DataLoader<string, NodeValue | null> {
  let loader = nodeLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, NodeValue | null>(async (ids) => {
      const charged = new Set<string>();
      return Promise.all(
        ids.map(async (id) => {
          const parts = fromGlobalId(id);
          const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
          // a provider account belongs to the deployment's partner account, not to an instance
          if (parts?.type === 'ProviderAccount') return providerAccountNode(ctx, parts.scope, parts.localId).catch(asError);
          const read = parts && NODE_READERS[parts.type];
          if (!parts || !read) return null;
          return resolveParts(ctx, parts, read, charged).catch(asError);
        }),
      );
    });
    nodeLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/**
 * The objects named by these global ids, in order (null where an id names nothing; an Error where
 * reading it failed), through {@link nodeLoader}.
 */
export async function loadNodes(ctx: GraphContext, ids: readonly string[]): Promise<Array<NodeValue | null | Error>> {
  return nodeLoader(ctx).loadMany(ids);
}

/** The argument error for an id that is not a global id of this graph (a phone or provider id passed by mistake, a truncated id). */
function notGlobal(field: string): GraphError {
  return badInput(field, "is not an id of this graph: pass an object's `id` as the graph returned it (provider ids such as phone numbers go to the fields that take them)");
}

/** `node(id)` and `nodes(ids)`. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'The object with this global id (any `id` the graph returned), or null when it no longer exists. BAD_USER_INPUT for a string that is not a global id of this graph; FORBIDDEN for an instance outside the API key.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<NodeValue | null> {
    if (!fromGlobalId(id)) throw notGlobal('id');
    return nodeLoader(ctx).load(id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects with these global ids, in order, null for each that no longer exists (at most ${MAX_NODES}; one batch: ids of one instance share its list reads).`,
  })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphContext): Promise<Array<NodeValue | null | Error>> {
    if (ids.length > MAX_NODES) throw badInput('ids', `at most ${MAX_NODES} ids`);
    const bad = ids.findIndex((id) => !fromGlobalId(id));
    if (bad >= 0) throw notGlobal(`ids.${bad}`);
    return loadNodes(ctx, ids);
  }
}

/** `Instance.conversation(chatId)`: a chat and its kept history on every provider (`Instance.chat` needs the provider's `GET_CHAT`). */
@Resolver(() => Instance)
export class InstanceConversationResolver {
  @FieldResolver(() => Chat, {
    nullable: true,
    description:
      'One chat by phone number or group id, on any provider: as the provider lists or reads it when it can (batched with the other chat reads of the request), else as the graph keeps it (from its stored messages, so `messages` works on providers that cannot read chats); null when neither knows it. `chat(id)` asks the provider only.',
  })
  async conversation(@Root() root: InstanceRoot, @Arg('chatId', () => String) chatId: string, @Ctx() ctx: GraphContext): Promise<object | null> {
    return chatOnAnyProvider(ctx, root.entry, recipientOf(root.entry, chatId, 'chatId'));
  }
}
