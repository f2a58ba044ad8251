import { Kind, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { Chat } from '../schema/chat.types.js';
import type { MessageContent } from '../providers/model.js';
import { Message, MessageContentUnion } from '../schema/message.types.js';
import { DeleteMessageInput, MessageActionPayload, ReadMessageInput } from '../schema/send.inputs.js';
import { keepDeleted, keepRead } from './conversation.resolver.js';
import { Requires, instanceCall } from './instance-call.js';
import { withMediaLinks } from './media-links.js';
import { recipientOf } from './phone.js';

/** `Chat` fields that a chat built from the message alone answers as well as the provider's (its ids, and what the graph keeps itself). */
const STUB_FIELDS = new Set(['__typename', 'id', 'chatId', 'instanceId', 'isGroup', 'messages', 'lastMessage', 'labels']);

/** Whether `Message.chat` is asked only for {@link STUB_FIELDS} (plain fields, no fragments): then no provider read is needed (a subscription asking `chat { id chatId }` costs nothing). */
function knownWithoutRead(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) => (node.selectionSet?.selections ?? []).every((s) => s.kind === Kind.FIELD && STUB_FIELDS.has(s.name.value)));
}

/** `Message.chat` and the actions on a message already sent or received (read, delete); the sends are in send.resolver.ts. */
@Resolver(() => Message)
export class MessageResolver {
  @FieldResolver(() => Chat, {
    description:
      "The chat the message belongs to, as the provider lists it (through the request's chat loader: one chat-list read for a page of messages); only its id when the provider does not know the chat.",
  })
  async chat(@Root() message: Message, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Chat> {
    const stub: Chat = { id: message.chatId, instanceId: message.instanceId, isGroup: message.isGroup ?? null };
    if (!message.chatId || knownWithoutRead(info)) return stub;
    const chat = await ctx.loaders.chat(ctx.services.instances.get(message.instanceId).adapter).load(message.chatId);
    return chat ? { ...chat, instanceId: message.instanceId } : stub;
  }

  @FieldResolver(() => MessageContentUnion, {
    description: "What the message carries. A file's `url` is a signed link to this server's media route, loadable with no header until its `expiresAt`.",
  })
  content(@Root() message: Message, @Ctx() ctx: GraphContext): MessageContent {
    return withMediaLinks(message.content, message.instanceId, ctx);
  }

  @Mutation(() => MessageActionPayload, { description: 'Marks a received message as read (blue ticks).' })
  @Requires('READ_MESSAGE')
  async readMessage(@Arg('input', () => ReadMessageInput) input: ReadMessageInput, @Ctx() ctx: GraphContext): Promise<MessageActionPayload> {
    const { entry, call: read } = instanceCall(ctx, input.instanceId, 'READ_MESSAGE');
    const chatId = recipientOf(entry, input.chatId, 'input.chatId');
    await read({ chatId, messageId: input.messageId });
    await keepRead(ctx, entry.id, chatId, input.messageId);
    return { messageId: input.messageId, ok: true };
  }

  @Mutation(() => MessageActionPayload, { description: 'Deletes a message (for everyone when it was sent by this account).' })
  @Requires('DELETE_MESSAGE')
  async deleteMessage(@Arg('input', () => DeleteMessageInput) input: DeleteMessageInput, @Ctx() ctx: GraphContext): Promise<MessageActionPayload> {
    const { entry, call: del } = instanceCall(ctx, input.instanceId, 'DELETE_MESSAGE');
    const chatId = recipientOf(entry, input.chatId, 'input.chatId');
    await del({ chatId, messageId: input.messageId, owner: input.owner });
    await keepDeleted(ctx, entry.id, chatId, input.messageId, Date.now());
    return { messageId: input.messageId, ok: true };
  }
}
