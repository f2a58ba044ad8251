import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Chat, Contact } from '../schema/chat.types.js';
import type { GraphContext } from '../context.js';
import { Requires } from './instance-call.js';

/**
 * Fields of chats and contacts that cost provider calls: served through the per-request
 * DataLoaders, so a page of chats asking `contact { isOnWhatsApp profilePictureUrl }` makes
 * one batched existence check and one picture lookup per distinct phone.
 */
@Resolver(() => Chat)
export class ChatResolver {
  @FieldResolver(() => Contact, { nullable: true, description: 'The contact of a 1:1 chat; null for a group.' })
  contact(@Root() chat: Chat): Contact | null {
    if (chat.isGroup) return null;
    return { id: chat.id, phone: chat.id, name: chat.name ?? null, instanceId: chat.instanceId };
  }
}

@Resolver(() => Contact)
export class ContactResolver {
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
