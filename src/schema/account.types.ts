import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from './connection.types.js';
import { Contact } from './chat.types.js';
import { Instance } from './instance.types.js';
import { Message } from './message.types.js';
import { DateTimeScalar } from './scalars.js';

/**
 * Types of running a WhatsApp account from the graph (issue 9): the QR code, account settings,
 * privacy, the send queue and the payloads of the account mutations.
 */

/** `PrivacyAudience`: who may see a privacy-controlled item. */
export const PrivacyAudienceEnum = {
  EVERYONE: 'EVERYONE',
  NOBODY: 'NOBODY',
  CONTACTS: 'CONTACTS',
  CONTACTS_EXCEPT: 'CONTACTS_EXCEPT',
  SAME_AS_LAST_SEEN: 'SAME_AS_LAST_SEEN',
} as const;
registerEnumType(PrivacyAudienceEnum, {
  name: 'PrivacyAudience',
  description: 'Who may see it: everyone, nobody, my contacts, my contacts except some (the disallowed list), or (online status only) the same as the last seen.',
});

/** `PrivacySetting`: the privacy settings that take an audience. */
export const PrivacySettingEnum = { LAST_SEEN: 'LAST_SEEN', PROFILE_PHOTO: 'PROFILE_PHOTO', ABOUT: 'ABOUT', GROUP_ADD: 'GROUP_ADD', ONLINE: 'ONLINE' } as const;
registerEnumType(PrivacySettingEnum, { name: 'PrivacySetting', description: 'Last seen, profile photo, about text, who may add the account to groups, online status.' });

/** `DefaultMessageDuration`: the lifetime of messages in new one-to-one chats. */
export const DefaultMessageDurationEnum = { OFF: 'OFF', HOURS_24: 'HOURS_24', DAYS_7: 'DAYS_7', DAYS_90: 'DAYS_90' } as const;
registerEnumType(DefaultMessageDurationEnum, { name: 'DefaultMessageDuration', description: 'How long messages live in new one-to-one chats (OFF: they stay).' });

@ObjectType({ description: 'A QR code to scan with WhatsApp (Linked devices → Link a device).' })
export class QrCode {
  @Field(() => String, { description: 'A `data:image/png;base64,…` URI an <img> can show.' }) image!: string;
  @Field(() => DateTimeScalar, { description: 'When WhatsApp stops accepting this code (about 20 s after it was fetched): fetch a new one then.' }) expiresAt!: number;
}

@ObjectType({ description: 'Account-wide settings; null when the provider does not report one.' })
export class AccountSettings {
  @Field(() => Boolean, { nullable: true, description: 'Received messages are marked read automatically.' }) autoReadMessages?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Contacts' statuses are marked viewed automatically." }) autoReadStatuses?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Incoming calls are rejected automatically.' }) rejectCalls?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The message sent to a caller whose call was rejected.' }) callRejectMessage?: string | null;
}

@ObjectType({ description: 'The contacts excluded ("my contacts except…") from each privacy setting, as international digits.' })
export class DisallowedContacts {
  @Field(() => [String]) lastSeen!: string[];
  @Field(() => [String]) profilePhoto!: string[];
  @Field(() => [String]) about!: string[];
  @Field(() => [String]) groupAdd!: string[];
}

@ObjectType({ description: 'Privacy settings; a setting the provider does not report is null (never guessed).' })
export class Privacy {
  @Field(() => PrivacyAudienceEnum, { nullable: true }) lastSeen?: string | null;
  @Field(() => PrivacyAudienceEnum, { nullable: true }) profilePhoto?: string | null;
  @Field(() => PrivacyAudienceEnum, { nullable: true }) about?: string | null;
  @Field(() => PrivacyAudienceEnum, { nullable: true }) groupAdd?: string | null;
  @Field(() => PrivacyAudienceEnum, { nullable: true }) online?: string | null;
  @Field(() => Boolean, { nullable: true }) readReceipts?: boolean | null;
  @Field(() => DefaultMessageDurationEnum, { nullable: true }) defaultMessageDuration?: string | null;
  @Field(() => DisallowedContacts) disallowedContacts!: DisallowedContacts;
}

@ObjectType({ description: 'An edge to a queued message.' })
export class QueuedMessageEdge {
  @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue after this node.' }) cursor!: string;
  @Field(() => Message) node!: Message;
}

@ObjectType({ description: 'The send queue: messages the provider accepted but has not sent yet (each a Message with status PENDING).' })
export class QueuedMessageConnection {
  @Field(() => [QueuedMessageEdge]) edges!: QueuedMessageEdge[];
  @Field(() => [Message]) nodes!: Message[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many messages wait in the whole queue.' }) count!: number;
}

@ObjectType({ description: 'The result of an account mutation: the instance, to read its new state.' })
export class InstancePayload {
  @Field(() => Instance) instance!: Instance;
}

@ObjectType({ description: 'A pairing code: type it in WhatsApp (Linked devices → Link with phone number instead).' })
export class PairingCodePayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) code!: string;
}

@ObjectType({ description: 'The result of a change to one contact.' })
export class ContactPayload {
  @Field(() => Contact) contact!: Contact;
}

@ObjectType({ description: 'The result of an address-book change.' })
export class ContactsPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => [String], { description: 'The phones changed, as international digits.' }) phones!: string[];
}

@ObjectType({ description: 'What syncWebhooks did.' })
export class SyncWebhooksPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => [String], { description: "The provider's webhooks or settings that now point at the graph (empty when all already did)." }) registered!: string[];
  @Field(() => Boolean, { description: 'Whether anything had to change.' }) changed!: boolean;
}
