// ─────────────────────────────────────────────────────────────────────────────────────────────
// STUB (federation branch only): the contract of the lead's `loadNodes` (src/resolvers/node.resolver.ts,
// issue 10 item 3) and the provider-id fields it adds (`Chat.instanceId/chatId`, `Contact.instanceId`,
// `Group.instanceId/groupId`, `Message.providerMessageId`). Deleted when main's version is merged:
// src/federation/subgraph.ts then imports `loadNodes`/`NodeValue` from '../resolvers/node.resolver.js'
// and the stub resolvers go from src/graph.ts.
// ─────────────────────────────────────────────────────────────────────────────────────────────
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { fromGlobalId } from '../global-ids.js';
import { instanceRoot } from '../resolvers/instance.resolver.js';
import { Chat, Contact, Group } from '../schema/chat.types.js';
import { Message } from '../schema/message.types.js';

/** STUB of the lead's NodeValue: the root object the type's resolvers expect, tagged with its GraphQL type name. */
export type NodeValue = { __typename: string } & Record<string, unknown>;

/**
 * STUB of the lead's `loadNodes`: resolves global ids through the per-request loaders (Instance,
 * Chat, Contact, Message only), null for what it does not find or cannot read.
 */
export async function loadNodes(ctx: GraphContext, ids: readonly string[]): Promise<(NodeValue | null)[]> {
  return Promise.all(
    ids.map(async (id): Promise<NodeValue | null> => {
      const parts = fromGlobalId(id);
      if (!parts) return null;
      const entry = ctx.services.instances.find(parts.scope);
      if (!entry) return null;
      const instanceId = entry.id;
      switch (parts.type) {
        case 'Instance':
          return { __typename: 'Instance', ...instanceRoot(entry) };
        case 'Chat': {
          const chat = await ctx.loaders.chat(entry.adapter).load(parts.localId);
          return chat ? { __typename: 'Chat', ...chat, instanceId } : null;
        }
        case 'Contact': {
          const contact = await ctx.loaders.contact(entry.adapter).load(parts.localId);
          return contact ? { __typename: 'Contact', ...contact, instanceId } : null;
        }
        case 'Message': {
          const record = await ctx.services.stores.messages.get(instanceId, parts.localId);
          return record && !record.stub ? { __typename: 'Message', ...record.message, status: record.message.status ?? null } : null;
        }
        default:
          return null;
      }
    }),
  );
}

/** STUB: `Chat.instanceId`, `Chat.chatId` (main adds them as fields). */
@Resolver(() => Chat)
export class ChatIdsStub {
  @FieldResolver(() => String) instanceId(@Root() chat: Chat): string {
    return chat.instanceId;
  }
  @FieldResolver(() => String) chatId(@Root() chat: Chat): string {
    return chat.id;
  }
}

/** STUB: `Contact.instanceId`. */
@Resolver(() => Contact)
export class ContactIdsStub {
  @FieldResolver(() => String) instanceId(@Root() contact: Contact): string {
    return contact.instanceId;
  }
}

/** STUB: `Group.instanceId`, `Group.groupId`. */
@Resolver(() => Group)
export class GroupIdsStub {
  @FieldResolver(() => String) instanceId(@Root() group: Group): string {
    return group.instanceId;
  }
  @FieldResolver(() => String) groupId(@Root() group: Group): string {
    return group.id;
  }
}

/** STUB: `Message.providerMessageId`. */
@Resolver(() => Message)
export class MessageIdsStub {
  @FieldResolver(() => String) providerMessageId(@Root() message: Message, @Ctx() _ctx: GraphContext): string {
    return message.id;
  }
}

/** STUB resolvers, added to the schema by src/graph.ts until main's fields land. */
export const CONTRACT_STUB_RESOLVERS = [ChatIdsStub, ContactIdsStub, GroupIdsStub, MessageIdsStub] as const;
