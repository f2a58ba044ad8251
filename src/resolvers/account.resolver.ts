import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import type { AccountSettingsInput, DefaultMessageDuration, PrivacyAudience, PrivacySetting, PrivacySettings, QrCode as QrCodeModel } from '../providers/account.model.js';
import { MAX_ABOUT_LENGTH, MAX_CONTACT_NAME_LENGTH, MAX_MESSAGE_ID_LENGTH, MAX_PHONE_BATCH, MAX_PHOTO_DATA_URI_LENGTH, checkLength } from '../providers/limits.js';
import type { Contact as ContactModel, Message as MessageModel } from '../providers/model.js';
import {
  AddContactsInput,
  CancelQueuedMessageInput,
  ContactActionInput,
  InstanceActionInput,
  RemoveContactsInput,
  RenameInstanceInput,
  RequestPairingCodeInput,
  UpdateAccountSettingsInput,
  UpdatePrivacyInput,
  UpdateProfileAboutInput,
  UpdateProfileNameInput,
  UpdateProfilePictureInput,
} from '../schema/account.inputs.js';
import {
  AccountSettings,
  ContactPayload,
  ContactsPayload,
  InstancePayload,
  PairingCodePayload,
  Privacy,
  QrCode,
  QueuedMessageConnection,
  SyncWebhooksPayload,
} from '../schema/account.types.js';
import { Contact } from '../schema/chat.types.js';
import { Instance } from '../schema/instance.types.js';
import { syncInstanceWebhooks } from '../server/webhook-registration.js';
import { instanceRoot, type InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, optionalPortCall, portCall } from './instance-call.js';
import { paginate } from './paging.js';
import { recipientOf } from './phone.js';

/** Longest instance name (the provider's panel name). */
export const MAX_INSTANCE_NAME_LENGTH = 100;
/** Longest profile (push) name WhatsApp shows. */
export const MAX_PROFILE_NAME_LENGTH = 25;
/** Longest call-rejection message. */
export const MAX_CALL_REJECT_MESSAGE_LENGTH = 1000;

/**
 * A phone number of the input, as international digits (a group id is refused).
 * @throws GraphError BAD_USER_INPUT naming `field`
 */
function phoneOf(entry: InstanceEntry, value: string, field: string): string {
  const phone = recipientOf(entry, value, field);
  if (!/^\d+$/.test(phone)) throw badInput(field, 'must be a phone number');
  return phone;
}

/** A contact known only by its phone, with what the mutation established (`blocked`). */
async function contactAfter(entry: InstanceEntry, phone: string, blocked: boolean | null): Promise<ContactModel & { instanceId: string; blocked: boolean | null }> {
  const get = optionalPortCall(entry, 'GET_CONTACT');
  const known = get ? await get(phone).catch(() => null) : null;
  return { ...(known ?? { id: phone, phone }), instanceId: entry.id, blocked };
}

/**
 * Running a WhatsApp account from the graph (issue 9): connecting (`Instance.qrCode`,
 * `requestPairingCode`, `restartInstance`, `disconnectInstance`, `renameInstance`), the
 * profile and settings, privacy, the address book and blocking, the send queue and
 * `syncWebhooks`. Thin: find the instance, require the capability, check the input, call the port.
 */
@Resolver(() => Instance)
export class AccountResolver {
  @FieldResolver(() => QrCode, {
    nullable: true,
    description: 'The QR code to scan to connect the number (a PNG data URI and its expiry); null when the instance is connected. Fetch it again after `expiresAt`.',
  })
  @Requires('QR_CODE')
  async qrCode(@Root() root: InstanceRoot): Promise<QrCodeModel | null> {
    return portCall(root.entry, 'QR_CODE')();
  }

  @FieldResolver(() => AccountSettings, { nullable: true, description: 'Automatic reading and call rejection settings.' })
  @Requires('ACCOUNT_SETTINGS')
  async accountSettings(@Root() root: InstanceRoot): Promise<AccountSettingsInput> {
    return portCall(root.entry, 'ACCOUNT_SETTINGS')();
  }

  @FieldResolver(() => Privacy, { nullable: true, description: 'Privacy settings (a setting the provider does not report is null).' })
  @Requires('PRIVACY')
  async privacy(@Root() root: InstanceRoot): Promise<PrivacySettings> {
    return portCall(root.entry, 'PRIVACY')();
  }

  @FieldResolver(() => QueuedMessageConnection, { description: 'The send queue: messages accepted but not sent yet (status PENDING), oldest first, with the total count.' })
  @Requires('LIST_QUEUE')
  async queue(
    @Root() root: InstanceRoot,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<QueuedMessageConnection> {
    const get = portCall(root.entry, 'LIST_QUEUE');
    let count = 0;
    const page = await paginate(
      async (request) => {
        const result = await get(request);
        count = result.count;
        return result;
      },
      { first, after },
      (m: MessageModel) => m,
    );
    return { ...page, count };
  }

  @Mutation(() => PairingCodePayload, { description: 'Asks for a code to connect the number without a QR scan: type it in WhatsApp under "Link with phone number instead".' })
  @Requires('PAIRING_CODE')
  async requestPairingCode(@Arg('input', () => RequestPairingCodeInput) input: RequestPairingCodeInput, @Ctx() ctx: GraphContext): Promise<PairingCodePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'PAIRING_CODE');
    return { instanceId: input.instanceId, code: await call(phoneOf(entry, input.phone, 'input.phone')) };
  }

  @Mutation(() => InstancePayload, { description: "Restarts the instance's WhatsApp session at the provider (no new scan needed)." })
  @Requires('RESTART_INSTANCE')
  async restartInstance(@Arg('input', () => InstanceActionInput) input: InstanceActionInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'RESTART_INSTANCE');
    await call();
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Disconnects the number: connecting again needs a new QR scan or pairing code.' })
  @Requires('DISCONNECT_INSTANCE')
  async disconnectInstance(@Arg('input', () => InstanceActionInput) input: InstanceActionInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'DISCONNECT_INSTANCE');
    await call();
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: "Renames the instance in the provider's panel." })
  @Requires('RENAME_INSTANCE')
  async renameInstance(@Arg('input', () => RenameInstanceInput) input: RenameInstanceInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'RENAME_INSTANCE');
    checkLength(input.name, 'input.name', MAX_INSTANCE_NAME_LENGTH, 1);
    await call(input.name);
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Sets the WhatsApp profile name.' })
  @Requires('UPDATE_PROFILE_NAME')
  async updateProfileName(@Arg('input', () => UpdateProfileNameInput) input: UpdateProfileNameInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'UPDATE_PROFILE_NAME');
    checkLength(input.name, 'input.name', MAX_PROFILE_NAME_LENGTH, 1);
    await call(input.name);
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Sets the WhatsApp profile "about" text.' })
  @Requires('UPDATE_PROFILE_ABOUT')
  async updateProfileAbout(@Arg('input', () => UpdateProfileAboutInput) input: UpdateProfileAboutInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'UPDATE_PROFILE_ABOUT');
    checkLength(input.text, 'input.text', MAX_ABOUT_LENGTH, 1);
    await call(input.text);
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Sets the WhatsApp profile picture.' })
  @Requires('UPDATE_PROFILE_PICTURE')
  async updateProfilePicture(@Arg('input', () => UpdateProfilePictureInput) input: UpdateProfilePictureInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'UPDATE_PROFILE_PICTURE');
    if (input.photo.length > MAX_PHOTO_DATA_URI_LENGTH) throw badInput('input.photo', 'must be at most 5 MB');
    if (!/^(https?:\/\/\S+|data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+)$/.test(input.photo))
      throw badInput('input.photo', 'must be an http(s) URL or a base64 data: URI of a JPEG or PNG');
    await call({ photo: input.photo });
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Changes automatic reading and call rejection; only the fields given are sent.' })
  @Requires('UPDATE_ACCOUNT_SETTINGS')
  async updateAccountSettings(@Arg('input', () => UpdateAccountSettingsInput) input: UpdateAccountSettingsInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'UPDATE_ACCOUNT_SETTINGS');
    const { autoReadMessages, autoReadStatuses, rejectCalls, callRejectMessage } = input;
    if ([autoReadMessages, autoReadStatuses, rejectCalls, callRejectMessage].every((v) => v === null || v === undefined)) throw badInput('input', 'give at least one setting');
    if (callRejectMessage !== null && callRejectMessage !== undefined) checkLength(callRejectMessage, 'input.callRejectMessage', MAX_CALL_REJECT_MESSAGE_LENGTH, 1);
    await call({ autoReadMessages, autoReadStatuses, rejectCalls, callRejectMessage });
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Changes privacy settings; each given change is one provider request, in order.' })
  @Requires('UPDATE_PRIVACY')
  async updatePrivacy(@Arg('input', () => UpdatePrivacyInput) input: UpdatePrivacyInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'UPDATE_PRIVACY');
    const audiences = (input.audiences ?? []).map((a, i) => ({
      setting: a.setting as PrivacySetting,
      audience: a.audience as PrivacyAudience,
      addDisallowed: (a.addDisallowed ?? []).map((p, j) => phoneOf(entry, p, `input.audiences[${i}].addDisallowed[${j}]`)),
      removeDisallowed: (a.removeDisallowed ?? []).map((p, j) => phoneOf(entry, p, `input.audiences[${i}].removeDisallowed[${j}]`)),
    }));
    if (!audiences.length && (input.readReceipts === null || input.readReceipts === undefined) && !input.defaultMessageDuration)
      throw badInput('input', 'give at least one change');
    await call({
      audiences,
      readReceipts: input.readReceipts ?? null,
      defaultMessageDuration: (input.defaultMessageDuration as DefaultMessageDuration | null | undefined) ?? null,
    });
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => ContactsPayload, { description: "Saves contacts in the account's address book." })
  @Requires('ADD_CONTACTS')
  async addContacts(@Arg('input', () => AddContactsInput) input: AddContactsInput, @Ctx() ctx: GraphContext): Promise<ContactsPayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'ADD_CONTACTS');
    if (!input.contacts.length || input.contacts.length > MAX_PHONE_BATCH) throw badInput('input.contacts', `give 1 to ${MAX_PHONE_BATCH} contacts`);
    const contacts = input.contacts.map((c, i) => {
      checkLength(c.firstName, `input.contacts[${i}].firstName`, MAX_CONTACT_NAME_LENGTH, 1);
      checkLength(c.lastName, `input.contacts[${i}].lastName`, MAX_CONTACT_NAME_LENGTH);
      return { phone: phoneOf(entry, c.phone, `input.contacts[${i}].phone`), firstName: c.firstName, lastName: c.lastName ?? null };
    });
    await call(contacts);
    return { instanceId: input.instanceId, phones: contacts.map((c) => c.phone) };
  }

  @Mutation(() => ContactsPayload, { description: "Removes contacts from the account's address book." })
  @Requires('REMOVE_CONTACTS')
  async removeContacts(@Arg('input', () => RemoveContactsInput) input: RemoveContactsInput, @Ctx() ctx: GraphContext): Promise<ContactsPayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'REMOVE_CONTACTS');
    if (!input.phones.length || input.phones.length > MAX_PHONE_BATCH) throw badInput('input.phones', `give 1 to ${MAX_PHONE_BATCH} phones`);
    const phones = input.phones.map((p, i) => phoneOf(entry, p, `input.phones[${i}]`));
    await call(phones);
    return { instanceId: input.instanceId, phones };
  }

  @Mutation(() => ContactPayload, { description: 'Blocks the contact: it can no longer call or message the account.' })
  @Requires('BLOCK_CONTACT')
  async blockContact(@Arg('input', () => ContactActionInput) input: ContactActionInput, @Ctx() ctx: GraphContext): Promise<ContactPayload> {
    return this.setBlocked(input, ctx, true);
  }

  @Mutation(() => ContactPayload, { description: 'Unblocks the contact.' })
  @Requires('BLOCK_CONTACT')
  async unblockContact(@Arg('input', () => ContactActionInput) input: ContactActionInput, @Ctx() ctx: GraphContext): Promise<ContactPayload> {
    return this.setBlocked(input, ctx, false);
  }

  @Mutation(() => ContactPayload, { description: 'Reports the contact to WhatsApp (spam or abuse).' })
  @Requires('REPORT_CONTACT')
  async reportContact(@Arg('input', () => ContactActionInput) input: ContactActionInput, @Ctx() ctx: GraphContext): Promise<ContactPayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'REPORT_CONTACT');
    const phone = phoneOf(entry, input.phone, 'input.phone');
    await call(phone);
    return { contact: await contactAfter(entry, phone, null) };
  }

  @Mutation(() => InstancePayload, { description: 'Drops one message from the send queue (it will not be sent).' })
  @Requires('CANCEL_QUEUED_MESSAGE')
  async cancelQueuedMessage(@Arg('input', () => CancelQueuedMessageInput) input: CancelQueuedMessageInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'CANCEL_QUEUED_MESSAGE');
    checkLength(input.messageId, 'input.messageId', MAX_MESSAGE_ID_LENGTH, 1);
    await call(input.messageId);
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => InstancePayload, { description: 'Drops every message of the send queue.' })
  @Requires('CLEAR_QUEUE')
  async clearQueue(@Arg('input', () => InstanceActionInput) input: InstanceActionInput, @Ctx() ctx: GraphContext): Promise<InstancePayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'CLEAR_QUEUE');
    await call();
    return { instance: instanceRoot(entry) };
  }

  @Mutation(() => SyncWebhooksPayload, {
    description: "Points the provider's webhooks at this server again (the server does it at start when `publicUrl` is configured); changes only what differs.",
  })
  @Requires('REGISTER_WEBHOOKS')
  async syncWebhooks(@Arg('input', () => InstanceActionInput) input: InstanceActionInput, @Ctx() ctx: GraphContext): Promise<SyncWebhooksPayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'REGISTER_WEBHOOKS');
    const result = await syncInstanceWebhooks(entry, ctx.services.publicUrl, call);
    return { instanceId: input.instanceId, ...result };
  }

  /** Blocks or unblocks; the payload's contact carries the new `blocked`. */
  private async setBlocked(input: ContactActionInput, ctx: GraphContext, blocked: boolean): Promise<ContactPayload> {
    const { entry, call } = instanceCall(ctx, input.instanceId, 'BLOCK_CONTACT');
    const phone = phoneOf(entry, input.phone, 'input.phone');
    await call(phone, blocked);
    return { contact: await contactAfter(entry, phone, blocked) };
  }
}

/** `Contact.blocked`. */
@Resolver(() => Contact)
export class ContactBlockedResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the account blocked this contact: known after blockContact / unblockContact, else null (providers do not report it on reads).',
  })
  blocked(@Root() contact: Contact & { blocked?: boolean | null }): boolean | null {
    return contact.blocked ?? null;
  }
}
