import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { GraphError, badInput } from '../errors.js';
import { fromGlobalId, type GlobalIdParts, type GlobalIdType } from '../global-ids.js';
import type { InstanceEntry } from '../instances.js';
import { Chat } from '../schema/chat.types.js';
import { Instance } from '../schema/instance.types.js';
import { NODE_TYPE, Node, type NodeValue } from '../schema/node.types.js';
import { messageRoot, recordLoader, storeError } from './conversation.resolver.js';
import { portCall } from './instance-call.js';
import { instanceRoot, type InstanceRoot } from './instance.resolver.js';
import { recipientOf } from './phone.js';

/**
 * `node(id)` and `nodes(ids)` (Relay's Global Object Identification; issue "A graph a frontend can
 * live in", item 3), and {@link loadNodes}, which the federation entity resolver uses too: a
 * global id (`global-ids.ts`) back to the object, through the same per-request loaders as the
 * relations (a batch of 100 chat ids reads the chat list once, not 100 chats).
 */

/** Most ids one `nodes(ids)` takes (the graph's largest page). */
export const MAX_NODES = 100;

/** The types `node(id)` refetches: those that implement `Node`. */
const NODE_TYPES: ReadonlySet<GlobalIdType> = new Set<GlobalIdType>([
  'Instance',
  'Chat',
  'Contact',
  'Group',
  'GroupParticipant',
  'Community',
  'Product',
  'Collection',
  'Label',
  'Message',
  'MessageTemplate',
]);

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
  return listed ? { ...listed, instanceId: entry.id } : keptChat(ctx, entry.id, chatId);
}

/** One object of an instance by its type and provider id, through the request's loaders; null when the provider (or the message store) has none. */
async function loadOne(ctx: GraphContext, entry: InstanceEntry, type: GlobalIdType, localId: string): Promise<object | null> {
  const instanceId = entry.id;
  const adapter = entry.adapter;
  const withInstance = <T extends object>(value: T | null | undefined): (T & { instanceId: string }) | null => (value ? { ...value, instanceId } : null);
  switch (type) {
    case 'Instance':
      return localId === '' ? instanceRoot(entry) : null;
    case 'Chat':
      return chatOnAnyProvider(ctx, entry, localId);
    case 'Contact': {
      const known = adapter.capabilities.has('LIST_CONTACTS') || adapter.capabilities.has('GET_CONTACT') ? await ctx.loaders.contact(adapter).load(localId) : null;
      // a number outside the address book is still a contact (a chat's, a participant's): its fields are read when asked
      return withInstance(known) ?? { id: localId, phone: localId, instanceId, fromChat: true };
    }
    case 'Message': {
      const record = await recordLoader(ctx).load(`${instanceId}\u0000${localId}`);
      return record && messageRoot(record);
    }
    case 'Group':
      return withInstance(await ctx.loaders.group(adapter).load(localId));
    case 'GroupParticipant': {
      const cut = localId.indexOf('/');
      if (cut < 0) return null;
      const groupId = localId.slice(0, cut);
      const participant = (await ctx.loaders.group(adapter).load(groupId))?.participants.find((p) => p.id === localId.slice(cut + 1));
      return participant ? { ...participant, instanceId, groupId } : null;
    }
    case 'Label':
      return withInstance((await ctx.loaders.labels(adapter)).find((l) => l.id === localId));
    case 'Collection':
      return withInstance((await ctx.loaders.collections(adapter)).find((c) => c.id === localId));
    case 'Product':
      return withInstance(await portCall(entry, 'GET_PRODUCT')(localId));
    case 'Community':
      return withInstance(await portCall(entry, 'GET_COMMUNITY')(localId));
    case 'MessageTemplate':
      return withInstance(await portCall(entry, 'GET_TEMPLATE')(localId));
    default:
      return null;
  }
}

/** Reads one decoded id: its instance (confined to the key: FORBIDDEN outside it, null when unknown), then the object. */
async function resolveParts(ctx: GraphContext, parts: GlobalIdParts, charged: Set<string>): Promise<NodeValue | null> {
  let entry: InstanceEntry;
  try {
    entry = ctx.services.instances.get(parts.scope);
  } catch (err) {
    if (err instanceof GraphError && err.extensions.code === 'NOT_FOUND') return null;
    throw err;
  }
  ctx.access?.assert('read', entry.id);
  // an object read from a provider costs one point of its instance's rate limit per batch (as a relation does per operation)
  if (parts.type !== 'Instance' && parts.type !== 'Message' && !charged.has(entry.id)) {
    charged.add(entry.id);
    await ctx.rateLimits?.consumeInstance(entry.id);
  }
  const value = await loadOne(ctx, entry, parts.type, parts.localId);
  return value && tagged(parts.type, value);
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
          if (!parts || !NODE_TYPES.has(parts.type)) return null;
          return resolveParts(ctx, parts, charged).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
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
