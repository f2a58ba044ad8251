import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import type { DomainEvent } from '../providers/model.js';
import { ConnectionStateEnum, EventTypeEnum, MessageStatusEnum, PresenceStateEnum } from './enums.js';
import { Message } from './message.types.js';
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
};

@InterfaceType({
  description: 'Something that happened on an instance. `id` is stable across redeliveries; `cursor` orders events and resumes a stream.',
  resolveType: (value: DomainEvent) => EVENT_CLASS_NAMES[value.type],
})
export abstract class Event {
  @Field(() => ID, { description: "Stable id, derived from the provider's own ids." }) id!: string;
  @Field(() => String, { description: 'Position in the event log; pass it as `after` to resume right after this event.' }) cursor!: string;
  @Field(() => String) instanceId!: string;
  @Field(() => DateTimeScalar) occurredAt!: number;
  @Field(() => EventTypeEnum) type!: string;
}

@ObjectType({ implements: Event, description: 'A message arrived (or was sent from the phone or another device).' })
export class MessageReceivedEvent extends Event {
  @Field(() => Message) message!: Message;
}

@ObjectType({ description: 'Why a message failed, as the provider says.' })
export class MessageError {
  @Field(() => String, { description: "The provider's error code (e.g. WhatsApp's 470, 480)." }) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

@ObjectType({ implements: Event, description: 'A sent message advanced to a new status. Statuses never go backwards.' })
export class MessageStatusChangedEvent extends Event {
  @Field(() => String) messageId!: string;
  @Field(() => String, { nullable: true }) chatId?: string | null;
  @Field(() => MessageStatusEnum) status!: string;
  @Field(() => MessageError, { nullable: true, description: 'Set on FAILED when the provider says why.' }) error?: MessageError | null;
}

@ObjectType({ implements: Event, description: "A chat participant's presence changed." })
export class PresenceChangedEvent extends Event {
  @Field(() => String) chatId!: string;
  @Field(() => String, { nullable: true }) participantId?: string | null;
  @Field(() => PresenceStateEnum) presence!: string;
  @Field(() => DateTimeScalar, { nullable: true }) lastSeenAt?: number | null;
}

@ObjectType({ implements: Event, description: "The instance's WhatsApp session connected or disconnected." })
export class ConnectionChangedEvent extends Event {
  @Field(() => ConnectionStateEnum) state!: string;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

@ObjectType({ implements: Event, description: 'Any other notification (a call, a group join request, a profile change…), with its raw JSON.' })
export class InstanceNotificationEvent extends Event {
  @Field(() => String, { description: "The provider's name for the notification." }) kind!: string;
  @Field(() => String, { nullable: true }) chatId?: string | null;
  @Field(() => JSONScalar) raw!: unknown;
}

@ObjectType({ description: 'A page of events for clients that poll.' })
export class EventPage {
  @Field(() => [Event]) events!: DomainEvent[];
  @Field(() => String, { nullable: true, description: 'The cursor of the last event (pass as `after`); the given `after` when the page is empty.' }) endCursor?: string | null;
  @Field(() => Boolean) hasMore!: boolean;
}
