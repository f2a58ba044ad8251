import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.types.js';
import { Node } from './node.types.js';
import { DateTimeScalar } from './scalars.js';

/**
 * Chats, contacts and groups. Each object also carries `instanceId` (not a field) so its
 * field resolvers can reach the right provider instance.
 */

@ObjectType({ implements: Node, description: 'A chat (conversation): 1:1 with a contact, or a group.' })
export class Chat {
  /** The provider's id: phone number digits (wa_id) for a 1:1 chat, the group id for a group (served as `chatId`; the GraphQL `id` is global, resolvers/node-ids.ts). */
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) isGroup?: boolean | null;
  @Field(() => Boolean, { nullable: true }) archived?: boolean | null;
  @Field(() => Boolean, { nullable: true }) pinned?: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: "Unread messages: the provider's count when it gives one with the chat, else the inbound messages the graph has kept and the account has not read.",
  })
  unreadCount?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastMessageAt?: number | null;
  @Field(() => Boolean, { nullable: true }) isMuted?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Muted until this instant; null when not muted or muted forever (see `mutedForever`).' }) mutedUntil?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Muted with no end.' }) mutedForever?: boolean | null;
  @Field(() => Boolean, { nullable: true }) isSpam?: boolean | null;
  instanceId!: string;
  /** The chat's picture as the provider's chat row gives it (served as its contact's `profilePictureUrl`). */
  profilePictureUrl?: string | null;
}

@ObjectType({ implements: Node, description: 'A WhatsApp user known to the account.' })
export class Contact {
  /** The provider's id: phone number digits (wa_id), or the JID/LID the provider gives (the GraphQL `id` is global, resolvers/node-ids.ts). */
  @Field(() => ID) id!: string;
  @Field(() => String) phone!: string;
  // lid, name, shortName, notifyName, businessName and about are fields of ContactResolver (chat.resolver.ts): a contact built from a chat row reads them from the contact itself
  lid?: string | null;
  name?: string | null;
  shortName?: string | null;
  notifyName?: string | null;
  businessName?: string | null;
  about?: string | null;
  instanceId!: string;
  profilePictureUrl?: string | null;
  /** Built from its chat's row (`Chat.contact`): only id, phone, the chat's name and picture are known; the rest is read through the contact loader when asked. */
  fromChat?: boolean;
}

@ObjectType({ implements: Node, description: 'A participant of one group (the same person in two groups is two participants).' })
export class GroupParticipant {
  @Field(() => ID) id!: string;
  @Field(() => String) phone!: string;
  @Field(() => Boolean) isAdmin!: boolean;
  @Field(() => Boolean) isSuperAdmin!: boolean;
  @Field(() => String, { nullable: true }) name?: string | null;
  /** The group's instance (set by `Group.participants`), so `contact` reaches it. */
  instanceId?: string;
  /** The group's id (set by `Group.participants`): part of the participant's global id. */
  groupId?: string;
}

@ObjectType({ implements: Node, description: 'A WhatsApp group.' })
export class Group {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) ownerId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) createdAt?: number | null;
  // participants: a field of GroupResolver (chat.resolver.ts), read from the group itself when a listing lacks them
  participants!: GroupParticipant[];
  @Field(() => String, { nullable: true }) invitationLink?: string | null;
  @Field(() => Boolean, { nullable: true }) onlyAdminsSend?: boolean | null;
  @Field(() => Boolean, { nullable: true }) onlyAdminsEdit?: boolean | null;
  @Field(() => String, { nullable: true }) communityId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "In `Community.groups`: whether this is the community's announcement group; null elsewhere." }) isAnnouncement?:
    boolean | null;
  instanceId!: string;
  /** From a listing (`Instance.groups`) whose provider may not carry the participants. */
  listed?: boolean;
}

/** `ChatConnection`. */
export const ChatConnection = Connection(Chat, 'Chat');
/** `ContactConnection`. */
export const ContactConnection = Connection(Contact, 'Contact');
/** `GroupConnection`. */
export const GroupConnection = Connection(Group, 'Group');

@ObjectType({ description: 'Whether a phone number has WhatsApp.' })
export class PhoneCheck {
  @Field(() => String, { description: 'The number as asked, normalised to international digits.' }) input!: string;
  @Field(() => Boolean) exists!: boolean;
  @Field(() => String, { nullable: true, description: "WhatsApp's id for the number (wa_id), which may differ from the input (Brazil's ninth digit)." }) waId?: string | null;
}
