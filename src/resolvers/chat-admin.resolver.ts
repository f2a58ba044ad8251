import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphContext } from '../context.js';
import type { Capability, CapabilityMethod } from '../providers/contract.js';
import { ChatActionInput, ChatActionPayload, SetChatExpirationInput } from '../schema/chat-admin.inputs.js';
import { Requires, instanceCall } from './instance-call.js';
import { recipientOf } from './phone.js';

type ChatToggle = 'MARK_CHAT_READ' | 'ARCHIVE_CHAT' | 'PIN_CHAT' | 'MUTE_CHAT';

/**
 * Chat management (DESIGN.md "Mutations": `archiveChat`…): find the instance, require the
 * capability (before anything else, so an unsupported action costs no request), normalise
 * the chat id (`input.chatId`), call the port, return the provider's confirmation.
 * @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT (`input.chatId`), or a ProviderError
 */
async function run<C extends Capability>(
  ctx: GraphContext,
  input: ChatActionInput,
  capability: C,
  call: (method: CapabilityMethod<C>, chatId: string) => Promise<boolean>,
): Promise<ChatActionPayload> {
  const { entry, call: method } = instanceCall(ctx, input.instanceId, capability);
  const chatId = recipientOf(entry, input.chatId, 'input.chatId');
  return { instanceId: entry.id, chatId, ok: await call(method, chatId) };
}

function toggle(ctx: GraphContext, input: ChatActionInput, capability: ChatToggle, on: boolean): Promise<ChatActionPayload> {
  return run(ctx, input, capability, (method, chatId) => (method as (chatId: string, on: boolean) => Promise<boolean>)(chatId, on));
}

/** `markChatRead`/`markChatUnread`, `archiveChat`/`unarchiveChat`, `pinChat`/`unpinChat`, `muteChat`/`unmuteChat`, `clearChat`, `deleteChat`, `setChatExpiration`. */
@Resolver()
export class ChatAdminResolver {
  @Mutation(() => ChatActionPayload, { description: 'Marks the whole chat as read.' })
  @Requires('MARK_CHAT_READ')
  markChatRead(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'MARK_CHAT_READ', true);
  }

  @Mutation(() => ChatActionPayload, { description: 'Marks the chat as unread.' })
  @Requires('MARK_CHAT_READ')
  markChatUnread(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'MARK_CHAT_READ', false);
  }

  @Mutation(() => ChatActionPayload, { description: 'Archives the chat.' })
  @Requires('ARCHIVE_CHAT')
  archiveChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'ARCHIVE_CHAT', true);
  }

  @Mutation(() => ChatActionPayload, { description: 'Takes the chat out of the archive.' })
  @Requires('ARCHIVE_CHAT')
  unarchiveChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'ARCHIVE_CHAT', false);
  }

  @Mutation(() => ChatActionPayload, { description: 'Pins the chat to the top of the list.' })
  @Requires('PIN_CHAT')
  pinChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'PIN_CHAT', true);
  }

  @Mutation(() => ChatActionPayload, { description: 'Unpins the chat.' })
  @Requires('PIN_CHAT')
  unpinChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'PIN_CHAT', false);
  }

  @Mutation(() => ChatActionPayload, { description: "Mutes the chat's notifications." })
  @Requires('MUTE_CHAT')
  muteChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'MUTE_CHAT', true);
  }

  @Mutation(() => ChatActionPayload, { description: "Turns the chat's notifications back on." })
  @Requires('MUTE_CHAT')
  unmuteChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return toggle(ctx, input, 'MUTE_CHAT', false);
  }

  @Mutation(() => ChatActionPayload, { description: "Deletes the chat's messages, keeping the chat." })
  @Requires('CLEAR_CHAT')
  clearChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return run(ctx, input, 'CLEAR_CHAT', (clear, chatId) => clear(chatId));
  }

  @Mutation(() => ChatActionPayload, { description: 'Deletes the chat.' })
  @Requires('DELETE_CHAT')
  deleteChat(@Arg('input', () => ChatActionInput) input: ChatActionInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return run(ctx, input, 'DELETE_CHAT', (del, chatId) => del(chatId));
  }

  @Mutation(() => ChatActionPayload, { description: 'Sets how long new messages in the chat live (disappearing messages); OFF keeps them.' })
  @Requires('CHAT_EXPIRATION')
  setChatExpiration(@Arg('input', () => SetChatExpirationInput) input: SetChatExpirationInput, @Ctx() ctx: GraphContext): Promise<ChatActionPayload> {
    return run(ctx, input, 'CHAT_EXPIRATION', (set, chatId) => set(chatId, input.expiration));
  }
}
