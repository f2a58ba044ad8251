import { registerEnumType } from 'type-graphql';
import { CAPABILITIES } from '../providers/contract.js';
import { CONNECTION_STATES, EVENT_TYPES, MESSAGE_STATUSES, PRESENCE_STATES, PROVIDER_KINDS } from '../providers/model.js';

/**
 * The graph's enums, built from the domain's constant lists so the schema and the model can
 * never disagree. GraphQL enum values are the list entries; TypeScript sees string unions.
 */
function enumObject<T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

/** `Provider`: one value per entry of `PROVIDER_KINDS`. */
export const ProviderEnum = enumObject(PROVIDER_KINDS);
registerEnumType(ProviderEnum, { name: 'Provider', description: 'The WhatsApp provider behind an instance.' });

/** `MessageStatus`: PENDING SENT DELIVERED READ PLAYED FAILED DELETED, in the order a message advances. */
export const MessageStatusEnum = enumObject(MESSAGE_STATUSES);
registerEnumType(MessageStatusEnum, { name: 'MessageStatus', description: 'Delivery status of a message; it never goes backwards (READ then a late SENT stays READ).' });

/** `ConnectionState` of an instance's WhatsApp session. */
export const ConnectionStateEnum = enumObject(CONNECTION_STATES);
registerEnumType(ConnectionStateEnum, { name: 'ConnectionState', description: "Whether the instance's WhatsApp session is connected." });

/** `PresenceState` of a chat participant. */
export const PresenceStateEnum = enumObject(PRESENCE_STATES);
registerEnumType(PresenceStateEnum, { name: 'PresenceState', description: 'A participant is online, offline, typing, recording audio, or stopped typing.' });

/** `Capability`: what an instance's provider can do (see `Instance.capabilities`). */
export const CapabilityEnum = enumObject(CAPABILITIES);
registerEnumType(CapabilityEnum, {
  name: 'Capability',
  description: "An action an instance's provider supports; an action outside this list fails with CAPABILITY_NOT_SUPPORTED.",
});

/** `EventType`, for the `events(types:)` filter. */
export const EventTypeEnum = enumObject(EVENT_TYPES);
registerEnumType(EventTypeEnum, { name: 'EventType', description: 'The kinds of event on the resumable `events` stream.' });
