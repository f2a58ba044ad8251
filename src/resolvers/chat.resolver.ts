import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import type { Contact as ContactModel, Label as LabelModel } from '../providers/model.js';
import { Chat, Contact, Group, GroupParticipant } from '../schema/chat.types.js';
import { Label } from '../schema/label.types.js';
import { storeError } from './conversation.resolver.js';
import { Requires } from './instance-call.js';

/**
 * The relations of chats, contacts and groups (issue "A graph a frontend can live in", item 2),
 * each through the per-request loaders (`providers/loaders.ts`), so a page of 50 chats asking
 * `contact { name profilePictureUrl } labels { name } lastMessage { id }` costs the chat list
 * and one label list, not a call per chat:
 * - `Chat.contact` is built from the chat's row (phone, name, picture); its other fields come
 *   from the contact itself, looked up in the contact list (batched) only when asked;
 * - `Chat.labels` from the graph's record of label assignments (the message store: providers
 *   such as Z-API document no read of a chat's labels), named by the account's label list;
 * - `Group.participants` from the group itself when a listing lacks them; each participant's `contact`.
 */
@Resolver(() => Chat)
export class ChatResolver {
  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'The contact of a 1:1 chat; null for a group. Its name and picture come with the chat; its other fields are read from the contact list (batched) when asked.',
  })
  contact(@Root() chat: Chat): Contact | null {
    if (chat.isGroup) return null;
    return { id: chat.id, phone: chat.id, name: chat.name ?? null, profilePictureUrl: chat.profilePictureUrl ?? null, instanceId: chat.instanceId, fromChat: true };
  }

  @FieldResolver(() => [Label], {
    description:
      "The labels on this chat, as the graph has seen them put on and taken off (the provider's label webhooks and `assignLabel`/`unassignLabel`): the account's label list is read once per request.",
  })
  @Requires('LIST_LABELS')
  async labels(@Root() chat: Chat, @Ctx() ctx: GraphContext): Promise<LabelModel[]> {
    const store = ctx.services.stores.messages;
    const ids = await ctx.loaders
      .chatLabels(chat.instanceId, (instanceId, chatIds) => store.chatLabels(instanceId, chatIds))
      .load(chat.id)
      .catch(storeError);
    if (ids.length === 0) return [];
    const labels = await ctx.loaders.labels(ctx.services.instances.get(chat.instanceId).adapter);
    const byId = new Map(labels.map((l) => [l.id, l] as const));
    // a label deleted since it was put on the chat is gone from the list: left out
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

/** The full contact of a `Contact` root: itself, or (built from a chat row) the contact read through the loader; null when the provider does not know it. */
async function fullContact(contact: Contact, ctx: GraphContext): Promise<ContactModel | null> {
  if (!contact.fromChat) return contact;
  const adapter = ctx.services.instances.get(contact.instanceId).adapter;
  return ctx.loaders.contact(adapter).load(contact.phone);
}

@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The name saved in the address book (in a chat, the name the chat shows).' })
  async name(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    if (contact.name || !contact.fromChat) return contact.name ?? null;
    return (await fullContact(contact, ctx))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The contact's LID (WhatsApp's privacy id, `…@lid`), when the provider gives one." })
  async lid(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await fullContact(contact, ctx))?.lid ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async shortName(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await fullContact(contact, ctx))?.shortName ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The contact's own push name." })
  async notifyName(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await fullContact(contact, ctx))?.notifyName ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Verified business name.' })
  async businessName(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await fullContact(contact, ctx))?.businessName ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async about(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    return (await fullContact(contact, ctx))?.about ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the number has WhatsApp (batched across the request).' })
  @Requires('CHECK_PHONES')
  async isOnWhatsApp(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<boolean> {
    const adapter = ctx.services.instances.get(contact.instanceId).adapter;
    return (await ctx.loaders.phoneCheck(adapter).load(contact.phone)).exists;
  }

  @FieldResolver(() => String, { nullable: true, description: "WhatsApp's id for the number (wa_id), which may differ from the phone (Brazil's ninth digit)." })
  @Requires('CHECK_PHONES')
  async waId(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    const adapter = ctx.services.instances.get(contact.instanceId).adapter;
    return (await ctx.loaders.phoneCheck(adapter).load(contact.phone)).waId ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Profile picture URL; null when hidden or absent (one lookup per distinct phone per request).' })
  @Requires('PROFILE_PICTURE')
  async profilePictureUrl(@Root() contact: Contact, @Ctx() ctx: GraphContext): Promise<string | null> {
    if (contact.profilePictureUrl) return contact.profilePictureUrl;
    const adapter = ctx.services.instances.get(contact.instanceId).adapter;
    return ctx.loaders.profilePicture(adapter).load(contact.phone);
  }
}

/** `Group.participants`, whether the group came from a listing or alone. */
@Resolver(() => Group)
export class GroupResolver {
  @FieldResolver(() => [GroupParticipant], {
    description: 'Every participant, each with its `contact`. A group from a listing whose provider does not carry them is read once per request (batched per group).',
  })
  async participants(@Root() group: Group, @Ctx() ctx: GraphContext): Promise<GroupParticipant[]> {
    let participants = group.participants;
    if (group.listed && participants.length === 0) {
      const full = await ctx.loaders.group(ctx.services.instances.get(group.instanceId).adapter).load(group.id);
      participants = full?.participants ?? [];
    }
    return participants.map((p) => ({ ...p, instanceId: group.instanceId, groupId: group.id }));
  }
}

/** `GroupParticipant.contact`. */
@Resolver(() => GroupParticipant)
export class GroupParticipantResolver {
  @FieldResolver(() => Contact, {
    description:
      "The participant as a contact: the account's contact for the number when it has one (read from the contact list, batched), else the number with the participant's name.",
  })
  async contact(@Root() participant: GroupParticipant, @Ctx() ctx: GraphContext): Promise<Contact> {
    const instanceId = participant.instanceId ?? '';
    const adapter = ctx.services.instances.get(instanceId).adapter;
    const known = await ctx.loaders.contact(adapter).load(participant.phone);
    return known ? { ...known, instanceId } : { id: participant.phone, phone: participant.phone, name: participant.name ?? null, instanceId };
  }
}
