import DataLoader from 'dataloader';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { applySent, deletedChange, readChange } from '../conversations/apply.js';
import { InvalidMessageCursorError, encodeMessageCursor, type MessageRange, type StoredMessage } from '../conversations/store.js';
import type { GraphContext } from '../context.js';
import { GraphError, badInput } from '../errors.js';
import type { MessageStatus } from '../providers/model.js';
import { Chat } from '../schema/chat.types.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ConnectionShape } from '../schema/connection.types.js';
import { MessageConnection, MessageReaction, MessageStatusEntry } from '../schema/conversation.types.js';
import { Instance } from '../schema/instance.types.js';
import { MessageDeletedEvent, MessageStatusChangedEvent } from '../schema/event.types.js';
import { Message } from '../schema/message.types.js';
import { DateTimeScalar } from '../schema/scalars.js';
import type { InstanceRoot } from './instance.resolver.js';

/**
 * The conversations on the graph (issue "A graph a frontend can live in", item 1): a chat's
 * stored messages (`Chat.messages`, `Chat.lastMessage`, `Chat.unreadCount`), a message by id
 * (`Instance.message`), and what the store keeps beside a message (`replyTo`, `reactions`,
 * `statusHistory`, `editedAt`, `deletedAt`). Everything is read from the message store
 * (`conversations/`), which the event pipeline and the send path fill; no provider is asked.
 */

/** Where a `Message` root built from the store keeps its record, so its fields need no second read. */
const STORED = Symbol('whatsgraph.storedMessage');

/** A `Message` root, possibly built from the store. */
export type MessageRoot = Message & { [STORED]?: StoredMessage };

/** The `Message` root of a stored record (its latest content and status). */
export function messageRoot(record: StoredMessage): MessageRoot {
  return { ...(record.message as Message), status: record.message.status ?? null, [STORED]: record };
}

/** The message store failed (Redis unreachable): `SERVICE_UNAVAILABLE`, never the backend's message. @throws GraphError always */
export function storeError(err: unknown): never {
  if (err instanceof InvalidMessageCursorError) throw badInput('after', err.message);
  if (err instanceof GraphError) throw err;
  throw new GraphError('SERVICE_UNAVAILABLE', 'The message store is unavailable; retry shortly');
}

/** One DataLoader of stored records per operation (keyed by its loaders object), so a page of messages asking `replyTo` reads each quoted message once. */
const recordLoaders = new WeakMap<object, DataLoader<string, StoredMessage | null>>();

/**
 * The operation's loader of stored messages, keyed `instanceId + "\u0000" + messageId`; a stub (a status seen before its message) is null.
 * @throws GraphError SERVICE_UNAVAILABLE (when loading) if the message store is unreachable
 */
export function recordLoader(ctx: GraphContext): DataLoader<string, StoredMessage | null> {
  let loader = recordLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, StoredMessage | null>(async (keys) =>
      Promise.all(
        keys.map(async (key) => {
          const cut = key.indexOf('\u0000');
          const record = await ctx.services.stores.messages.get(key.slice(0, cut), key.slice(cut + 1)).catch(storeError);
          return record && !record.stub ? record : null;
        }),
      ),
    );
    recordLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** The stored record of a `Message` root: its own when built from the store, else read (null when the store has none). */
async function recordOf(root: MessageRoot, ctx: GraphContext): Promise<StoredMessage | null> {
  return root[STORED] ?? recordLoader(ctx).load(`${root.instanceId}\u0000${root.id}`);
}

@ArgsType()
class MessagesArgs {
  @Field(() => Int, { nullable: true, description: `The oldest messages (after \`after\`: the next newer ones), 1 to ${MAX_PAGE_SIZE}.` }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'Continue with messages newer than this cursor (pass `pageInfo.endCursor`).' }) after?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: `The newest messages (before \`before\`: the next older ones), 1 to ${MAX_PAGE_SIZE}; the newest ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given.`,
  })
  last?: number | null;
  @Field(() => String, { nullable: true, description: 'Continue with messages older than this cursor (pass `pageInfo.startCursor`).' }) before?: string | null;
}

/**
 * Checks the connection arguments and turns them into a store range. The connection is in
 * reading order (oldest to newest) while the store pages newest first: `last`/`before` (the
 * newest, then older ones) is the store's `first`/`after`, and `first`/`after` its `last`/`before`.
 * @throws GraphError BAD_USER_INPUT when both `first` and `last` are given, or one is out of range
 */
function messageRange(args: MessagesArgs): MessageRange {
  if (args.first != null && args.last != null) throw badInput('last', 'cannot be combined with `first`');
  const check = (name: 'first' | 'last', n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw badInput(name, `must be from 1 to ${MAX_PAGE_SIZE}`);
    return n;
  };
  const range: MessageRange = { after: args.before ?? null, before: args.after ?? null };
  if (args.first != null) range.last = check('first', args.first);
  else range.first = check('last', args.last ?? DEFAULT_PAGE_SIZE);
  return range;
}

/** `Chat.messages`, `Chat.lastMessage` and `Chat.unreadCount` from the message store. */
@Resolver(() => Chat)
export class ConversationChatResolver {
  @FieldResolver(() => MessageConnection, {
    description:
      'The messages of this chat the graph has seen (received, sent through the graph, sent from the phone), in reading order (oldest to newest), with their latest status, edits, reactions and deletion. A chat view asks `last: 20` for the newest and pages back with `before: pageInfo.startCursor` while `hasPreviousPage`. Kept for the configured retention (default 30 days, at most 1,000 per chat).',
  })
  async messages(@Root() chat: Chat, @Args(() => MessagesArgs) args: MessagesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionShape<Message>> {
    const range = messageRange(args);
    let slice;
    try {
      slice = await ctx.services.stores.messages.page(chat.instanceId, chat.id, range);
    } catch (err) {
      if (err instanceof InvalidMessageCursorError) throw badInput(args.after && !args.before ? 'after' : 'before', 'is not a cursor of this connection');
      return storeError(err);
    }
    // the store answers newest first; the connection reads oldest to newest
    const edges = slice.items.map(({ key, record }) => ({ cursor: encodeMessageCursor(key), node: messageRoot(record) })).reverse();
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasPreviousPage: slice.hasOlder, hasNextPage: slice.hasNewer, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @FieldResolver(() => Message, { nullable: true, description: 'The newest message of this chat the graph has kept; null when none.' })
  async lastMessage(@Root() chat: Chat, @Ctx() ctx: GraphContext): Promise<Message | null> {
    const slice = await ctx.services.stores.messages.page(chat.instanceId, chat.id, { first: 1 }).catch(storeError);
    const newest = slice.items[0];
    return newest ? messageRoot(newest.record) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Unread messages: the provider's count when it gives one with the chat, else the inbound messages the graph has kept and the account has not read.",
  })
  async unreadCount(@Root() chat: Chat, @Ctx() ctx: GraphContext): Promise<number> {
    if (typeof chat.unreadCount === 'number') return chat.unreadCount;
    return ctx.services.stores.messages.unreadCount(chat.instanceId, chat.id).catch(storeError);
  }
}

/** `Instance.message(id)`. */
@Resolver(() => Instance)
export class ConversationInstanceResolver {
  @FieldResolver(() => Message, { nullable: true, description: "One message the graph has kept, by WhatsApp's (the provider's) message id; null when it has none." })
  async message(@Root() root: InstanceRoot, @Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<Message | null> {
    if (!id) throw badInput('id', 'must not be empty');
    const record = await recordLoader(ctx).load(`${root.id}\u0000${id}`);
    return record ? messageRoot(record) : null;
  }
}

/** What the store keeps beside a message: the quoted message, reactions, status history, edit and deletion. */
@Resolver(() => Message)
export class ConversationMessageResolver {
  @FieldResolver(() => Message, { nullable: true, description: 'The message this one replies to, when the graph has kept it.' })
  async replyTo(@Root() root: MessageRoot, @Ctx() ctx: GraphContext): Promise<Message | null> {
    const quoted = (await recordOf(root, ctx))?.message.replyToMessageId ?? root.replyToMessageId;
    if (!quoted) return null;
    const record = await recordLoader(ctx).load(`${root.instanceId}\u0000${quoted}`);
    return record ? messageRoot(record) : null;
  }

  @FieldResolver(() => [MessageReaction], { description: 'Reactions to this message, the latest per reactor, oldest first.' })
  async reactions(@Root() root: MessageRoot, @Ctx() ctx: GraphContext): Promise<MessageReaction[]> {
    const record = await recordOf(root, ctx);
    return (record?.reactions ?? []).map((r) => ({ reactorId: r.reactorId, fromMe: r.fromMe, emoji: r.emoji, reactedAt: r.at })).sort((a, b) => a.reactedAt - b.reactedAt);
  }

  @FieldResolver(() => [MessageStatusEntry], { description: 'Each status this message reached and when, in order (statuses never go backwards).' })
  async statusHistory(@Root() root: MessageRoot, @Ctx() ctx: GraphContext): Promise<MessageStatusEntry[]> {
    return ((await recordOf(root, ctx))?.statusHistory ?? []).map((e) => ({ status: e.status, at: e.at }));
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When the message was last edited; null when never.' })
  async editedAt(@Root() root: MessageRoot, @Ctx() ctx: GraphContext): Promise<number | null> {
    return (await recordOf(root, ctx))?.editedAt ?? null;
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description: 'When the message was deleted (for everyone when this account sent it); null when not. Its content is kept.',
  })
  async deletedAt(@Root() root: MessageRoot, @Ctx() ctx: GraphContext): Promise<number | null> {
    return (await recordOf(root, ctx))?.deletedAt ?? null;
  }
}

/**
 * Keeps a message the graph just sent (the send path's result) in its conversation, keyed by
 * its message id so that the provider's echo and status webhooks update it (a reaction goes
 * onto its target, see `applySent`). The send already happened: a store failure is logged, not thrown.
 */
export async function keepSent(ctx: GraphContext, message: Message): Promise<void> {
  // the send path's `status` is the provider's SentMessage status, a MessageStatus
  const domain = { ...message, status: (message.status ?? null) as MessageStatus | null };
  await applySent(ctx.services.stores.messages, domain).catch((err: unknown) => {
    ctx.logger.warn({ instanceId: message.instanceId, err: (err as Error).message }, 'sent message not kept in its conversation');
  });
}

/** Marks a message deleted through the graph (`deleteMessage`) in its conversation (at `at`, epoch ms). Logged, not thrown, on a store failure. */
export async function keepDeleted(ctx: GraphContext, instanceId: string, chatId: string, messageId: string, at: number): Promise<void> {
  await ctx.services.stores.messages.update(instanceId, messageId, deletedChange(instanceId, messageId, chatId, at)).catch((err: unknown) => {
    ctx.logger.warn({ instanceId, err: (err as Error).message }, 'deletion not kept in its conversation');
  });
}

/** Marks a message read through the graph (`readMessage`), and every earlier inbound one of its chat. Logged, not thrown, on a store failure. */
export async function keepRead(ctx: GraphContext, instanceId: string, chatId: string, messageId: string): Promise<void> {
  try {
    const record = await ctx.services.stores.messages.get(instanceId, messageId);
    if (!record || record.stub) return;
    await ctx.services.stores.messages.update(instanceId, messageId, readChange());
    await ctx.services.stores.messages.markReadUpTo(instanceId, record.message.chatId || chatId, record.message.timestamp);
  } catch (err) {
    ctx.logger.warn({ instanceId, err: (err as Error).message }, 'read not kept in its conversation');
  }
}

/** The root of an event that names a kept message: its instance and WhatsApp's message id. */
interface MessageEventRoot {
  instanceId: string;
  messageId: string;
}

/**
 * The kept message an event is about, read fresh from the store (a subscription's context lives
 * as long as its socket, so a loader's cache would serve the status before this one); null when the
 * graph has not kept it (sent before the store existed, or past retention).
 */
async function eventMessage(root: MessageEventRoot, ctx: GraphContext): Promise<Message | null> {
  const record = await ctx.services.stores.messages.get(root.instanceId, root.messageId).catch(storeError);
  return record && !record.stub ? messageRoot(record) : null;
}

const EVENT_MESSAGE_DESCRIPTION =
  'The message as the graph keeps it after this event (its global `id`, latest `status`, `deletedAt`…), so a normalised client cache updates the message it already holds; null when the graph has not kept it.';

/** `MessageStatusChangedEvent.message`: the message whose status moved, with the same global id as everywhere else. */
@Resolver(() => MessageStatusChangedEvent)
export class StatusEventMessageResolver {
  @FieldResolver(() => Message, { nullable: true, description: EVENT_MESSAGE_DESCRIPTION })
  message(@Root() root: MessageEventRoot, @Ctx() ctx: GraphContext): Promise<Message | null> {
    return eventMessage(root, ctx);
  }
}

/** `MessageDeletedEvent.message`: the deleted message (its content is kept, with `deletedAt`). */
@Resolver(() => MessageDeletedEvent)
export class DeletedEventMessageResolver {
  @FieldResolver(() => Message, { nullable: true, description: EVENT_MESSAGE_DESCRIPTION })
  message(@Root() root: MessageEventRoot, @Ctx() ctx: GraphContext): Promise<Message | null> {
    return eventMessage(root, ctx);
  }
}
