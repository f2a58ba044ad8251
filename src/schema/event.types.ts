import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { DomainEvent } from '../providers/model.js';
import { ConnectionStateEnum, EventTypeEnum, MessageStatusEnum, PresenceStateEnum } from './enums.js';
import { Message } from './message.types.js';
import { Node } from './node.types.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';

/**
 * Events: the `Event` interface every event type implements, as `events(after:)` streams them.
 * Root values are the domain events of `providers/model.ts`.
 */

const EVENT_CLASS_NAMES: Record<DomainEvent['type'], string> = {
  MESSAGE_RECEIVED: 'MessageReceivedEvent',
  MESSAGE_STATUS_CHANGED: 'MessageStatusChangedEvent',
  PRESENCE_CHANGED: 'PresenceChangedEvent',
  CONNECTION_CHANGED: 'ConnectionChangedEvent',
  INSTANCE_EVENT: 'InstanceNotificationEvent',
  CALL_RECEIVED: 'CallReceivedEvent',
  MESSAGE_DELETED: 'MessageDeletedEvent',
  CHAT_READ: 'ChatReadEvent',
  GROUP_PARTICIPANTS_CHANGED: 'GroupParticipantsChangedEvent',
  CHANNEL_ADMIN_CHANGED: 'ChannelAdminChangedEvent',
  PROFILE_UPDATED: 'ProfileUpdatedEvent',
  CHAT_LABELS_CHANGED: 'ChatLabelsChangedEvent',
};

/**
 * The GraphQL type of a domain event: one object type per `DomainEvent['type']`. Ours.
 * @param type the domain event's `type`
 * @returns the object type's name (`MessageReceivedEvent`…)
 */
export function eventTypeName(type: DomainEvent['type']): string {
  return EVENT_CLASS_NAMES[type];
}

/** The description of every event's `id` (the interface's and each event type's, `resolvers/node-ids.ts`). */
export const EVENT_ID_DESCRIPTION =
  "Global id: opaque, stable across redeliveries (derived from the provider's own ids, `eventId`, and the event's place in the log); `node(id)` returns the event while the log keeps it.";

@InterfaceType({
  implements: Node,
  description:
    'Something that happened on an instance. `id` is stable across redeliveries, and `node(id)` reads the event back for as long as the event log keeps it; `cursor` orders events and resumes a stream.',
  resolveType: (value: DomainEvent) => EVENT_CLASS_NAMES[value.type],
})
export abstract class Event implements Node {
  @Field(() => ID, { description: EVENT_ID_DESCRIPTION }) id!: string;
  @Field(() => String, { description: "The event's own id, derived from the provider's ids (the same across redeliveries)." }) eventId!: string;
  @Field(() => String, { description: 'Position in the event log; pass it as `after` to resume right after this event.' }) cursor!: string;
  @Field(() => String) instanceId!: string;
  @Field(() => DateTimeScalar) occurredAt!: number;
  @Field(() => EventTypeEnum) type!: string;
}

@ObjectType({ implements: [Node, Event], description: 'A message arrived (or was sent from the phone or another device).' })
export class MessageReceivedEvent extends Event {
  @Field(() => Message) message!: Message;
}

@ObjectType({ description: 'Why a message failed, as the provider says.' })
export class MessageError {
  @Field(() => String, { description: "The provider's error code (e.g. WhatsApp's 470, 480)." }) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

@ObjectType({ implements: [Node, Event], description: 'A sent message advanced to a new status. Statuses never go backwards.' })
export class MessageStatusChangedEvent extends Event {
  @Field(() => String) messageId!: string;
  @Field(() => String, { nullable: true }) chatId?: string | null;
  @Field(() => String, { nullable: true, description: "Set on a group receipt: the one participant it comes from (the status is theirs, not the whole group's)." }) participantId?:
    string | null;
  @Field(() => MessageStatusEnum) status!: string;
  @Field(() => MessageError, { nullable: true, description: 'Set on FAILED when the provider says why.' }) error?: MessageError | null;
}

@ObjectType({ implements: [Node, Event], description: "A chat participant's presence changed." })
export class PresenceChangedEvent extends Event {
  @Field(() => String) chatId!: string;
  @Field(() => String, { nullable: true }) participantId?: string | null;
  @Field(() => PresenceStateEnum) presence!: string;
  @Field(() => DateTimeScalar, { nullable: true }) lastSeenAt?: number | null;
}

@ObjectType({ implements: [Node, Event], description: "The instance's WhatsApp session connected or disconnected." })
export class ConnectionChangedEvent extends Event {
  @Field(() => ConnectionStateEnum) state!: string;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

@ObjectType({
  implements: [Node, Event],
  description: 'A notification none of the typed events fits (an encryption notice, a group created, a payload the parser could not read…), with its raw JSON.',
})
export class InstanceNotificationEvent extends Event {
  @Field(() => String, { description: "The provider's name for the notification." }) kind!: string;
  @Field(() => String, { nullable: true }) chatId?: string | null;
  @Field(() => JSONScalar) raw!: unknown;
}

@ObjectType({ implements: [Node, Event], description: 'A voice or video call reached the account (ringing, or missed).' })
export class CallReceivedEvent extends Event {
  @Field(() => String, { description: 'The chat of the caller (or group).' }) chatId!: string;
  @Field(() => String, { nullable: true }) callId?: string | null;
  @Field(() => String, { nullable: true }) callerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A video call; false a voice call; null when not said.' }) video?: boolean | null;
  @Field(() => Boolean, { description: 'The call went unanswered.' }) missed!: boolean;
}

@ObjectType({ implements: [Node, Event], description: 'A message was deleted for everyone.' })
export class MessageDeletedEvent extends Event {
  @Field(() => String) messageId!: string;
  @Field(() => String, { nullable: true }) chatId?: string | null;
  @Field(() => String, { nullable: true }) participantId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The account deleted it.' }) fromMe?: boolean | null;
}

@ObjectType({
  implements: [Node, Event],
  description: 'The account read inbound messages (on the phone or another device): the chat is read up to them. Never a receipt of a sent message.',
})
export class ChatReadEvent extends Event {
  @Field(() => String, { nullable: true }) chatId?: string | null;
  @Field(() => [String]) messageIds!: string[];
}

@ObjectType({ description: 'Someone a notification is about: the id as given (phone digits or a LID), with `phone` or `lid` when the id is one.' })
export class ParticipantRef {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) lid?: string | null;
}

/** `GroupParticipantsAction`. */
export const GroupParticipantsActionEnum = {
  JOIN_REQUESTED: 'JOIN_REQUESTED',
  JOIN_REQUEST_REVOKED: 'JOIN_REQUEST_REVOKED',
  ADDED: 'ADDED',
  REMOVED: 'REMOVED',
  LEFT: 'LEFT',
  PROMOTED: 'PROMOTED',
  DEMOTED: 'DEMOTED',
} as const;
registerEnumType(GroupParticipantsActionEnum, {
  name: 'GroupParticipantsAction',
  description: 'Asked to join, withdrew the request, added, removed, left, made admin, admin removed.',
});

@ObjectType({ implements: [Node, Event], description: "A group's participants changed: join requests, joins, removals, leaves and admin changes." })
export class GroupParticipantsChangedEvent extends Event {
  @Field(() => String) groupId!: string;
  @Field(() => GroupParticipantsActionEnum) action!: string;
  @Field(() => [ParticipantRef]) participants!: ParticipantRef[];
  @Field(() => String, { nullable: true, description: 'Who made the change, when given.' }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'How a join was requested (`invite_link`, `non_admin_add`).' }) requestMethod?: string | null;
}

@ObjectType({ implements: [Node, Event], description: 'The account became, or stopped being, an admin of a channel.' })
export class ChannelAdminChangedEvent extends Event {
  @Field(() => String) channelId!: string;
  @Field(() => Boolean) promoted!: boolean;
  @Field(() => String, { nullable: true, description: 'The new role as the provider says it (`ADMIN`, `SUBSCRIBER`).' }) role?: string | null;
  @Field(() => String, { nullable: true }) participantId?: string | null;
}

/** `ProfileChange`. */
export const ProfileChangeEnum = { NAME: 'NAME', PICTURE: 'PICTURE', PHONE_NUMBER: 'PHONE_NUMBER' } as const;
registerEnumType(ProfileChangeEnum, { name: 'ProfileChange', description: 'What changed in a profile.' });

@ObjectType({ implements: [Node, Event], description: 'A profile changed its name or picture, or a contact changed phone number.' })
export class ProfileUpdatedEvent extends Event {
  @Field(() => String) contactId!: string;
  @Field(() => ProfileChangeEnum) change!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) pictureUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'PHONE_NUMBER: the new number.' }) newPhone?: string | null;
}

@ObjectType({ description: 'A label assigned to or removed from a chat.' })
export class ChatLabelChange {
  @Field(() => String) chatId!: string;
  @Field(() => String) labelId!: string;
  @Field(() => Boolean) assigned!: boolean;
}

@ObjectType({ implements: [Node, Event], description: 'Labels were assigned to or removed from chats.' })
export class ChatLabelsChangedEvent extends Event {
  @Field(() => [ChatLabelChange]) changes!: ChatLabelChange[];
}

/** Every concrete event type (reached only through the `Event` interface: the schema lists them as orphaned types). */
export const EVENT_CLASSES = [
  MessageReceivedEvent,
  MessageStatusChangedEvent,
  PresenceChangedEvent,
  ConnectionChangedEvent,
  InstanceNotificationEvent,
  CallReceivedEvent,
  MessageDeletedEvent,
  ChatReadEvent,
  GroupParticipantsChangedEvent,
  ChannelAdminChangedEvent,
  ProfileUpdatedEvent,
  ChatLabelsChangedEvent,
];

@ObjectType({ description: 'A page of events for clients that poll.' })
export class EventPage {
  @Field(() => [Event]) events!: DomainEvent[];
  @Field(() => String, { nullable: true, description: 'The cursor of the last event (pass as `after`); the given `after` when the page is empty.' }) endCursor?: string | null;
  @Field(() => Boolean) hasMore!: boolean;
}
