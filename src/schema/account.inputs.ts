import { Field, ID, InputType } from 'type-graphql';
import { DefaultMessageDurationEnum, PrivacyAudienceEnum, PrivacySettingEnum } from './account.types.js';

/** Inputs of the account mutations (issue 9); each mutation takes one `input` with `instanceId` (DESIGN.md, "Mutations"). */

@InputType({ description: 'The instance to act on.' })
export class InstanceActionInput {
  @Field(() => ID) instanceId!: string;
}

@InputType({ description: 'Ask for a pairing code for the number to connect.' })
export class RequestPairingCodeInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The phone number of the WhatsApp account to connect (any common format).' }) phone!: string;
}

@InputType({ description: "Rename the instance at its provider (the name in the provider's panel, not the WhatsApp profile name)." })
export class RenameInstanceInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) name!: string;
}

@InputType({ description: 'Set the WhatsApp profile name.' })
export class UpdateProfileNameInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) name!: string;
}

@InputType({ description: 'Set the WhatsApp profile "about" text.' })
export class UpdateProfileAboutInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) text!: string;
}

@InputType({ description: 'Set the WhatsApp profile picture.' })
export class UpdateProfilePictureInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'An https URL or a base64 data: URI of a JPEG or PNG, as the provider takes it (the other form is refused with BAD_USER_INPUT).' })
  photo!: string;
}

@InputType({ description: 'Change account-wide settings; a null or absent field stays as it is.' })
export class UpdateAccountSettingsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => Boolean, { nullable: true }) autoReadMessages?: boolean | null;
  @Field(() => Boolean, { nullable: true }) autoReadStatuses?: boolean | null;
  @Field(() => Boolean, { nullable: true }) rejectCalls?: boolean | null;
  @Field(() => String, { nullable: true }) callRejectMessage?: string | null;
}

@InputType({ description: "A privacy setting's new audience and changes to its exception list." })
export class PrivacyAudienceInput {
  @Field(() => PrivacySettingEnum) setting!: string;
  @Field(() => PrivacyAudienceEnum) audience!: string;
  @Field(() => [String], { nullable: true, description: 'With CONTACTS_EXCEPT: phones to exclude.' }) addDisallowed?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'With CONTACTS_EXCEPT: phones to stop excluding.' }) removeDisallowed?: string[] | null;
}

@InputType({ description: 'Change privacy settings; only what is given is sent.' })
export class UpdatePrivacyInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => [PrivacyAudienceInput], { nullable: true }) audiences?: PrivacyAudienceInput[] | null;
  @Field(() => Boolean, { nullable: true }) readReceipts?: boolean | null;
  @Field(() => DefaultMessageDurationEnum, { nullable: true }) defaultMessageDuration?: string | null;
}

@InputType({ description: 'A contact to save in the address book.' })
export class NewContactInput {
  @Field(() => String, { description: 'Any common format.' }) phone!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) lastName?: string | null;
}

@InputType({ description: 'Save contacts in the address book.' })
export class AddContactsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => [NewContactInput]) contacts!: NewContactInput[];
}

@InputType({ description: 'Remove contacts from the address book.' })
export class RemoveContactsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => [String], { description: 'Phone numbers in any common format.' }) phones!: string[];
}

@InputType({ description: 'One contact to act on.' })
export class ContactActionInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'Any common format.' }) phone!: string;
}

@InputType({ description: 'Drop one queued message.' })
export class CancelQueuedMessageInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The id of the queued Message (as `Instance.queue` lists it).' }) messageId!: string;
}
