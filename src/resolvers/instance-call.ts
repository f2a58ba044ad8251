import { Extensions } from 'type-graphql';
import { invalidatingCall } from '../providers/cache-invalidation.js';
import { GraphError } from '../errors.js';
import type { GraphContext } from '../context.js';
import type { InstanceEntry } from '../instances.js';
import { malformedReplyError, readableCapability, type Capability, type CapabilityMethod } from '../providers/contract.js';
import type { Scope } from '../server/access.js';

/** The key of a field's GraphQL `extensions` that names the capability it needs (read by `capabilityFields`). */
export const CAPABILITY_EXTENSION = 'capability';

/**
 * Declares the capability a GraphQL field needs: it lands on the built schema field's
 * `extensions.capability` (type-graphql `@Extensions`; not part of the SDL), from which
 * `capabilityFields(schema)` derives the capability → field table that the docs generator
 * and the capability test read. Put it on every query, mutation or field resolver that fails
 * with CAPABILITY_NOT_SUPPORTED without the capability; one capability may be declared by
 * several fields (`markChatRead` and `markChatUnread`).
 *
 * The resolver body asks for the same capability through {@link instanceCall} /
 * {@link portCall}, which is where it is enforced; this decorator only declares it, and
 * test/unit/capability-enforcement.test.ts checks that the two agree for every field of
 * `Mutation` and `Instance`.
 */
export function Requires(capability: Capability): MethodDecorator & PropertyDecorator {
  return Extensions({ [CAPABILITY_EXTENSION]: capability });
}

/**
 * The API-key scope each capability needs (issue 12): reads → `read`, sends → `send`,
 * everything else that changes state → `manage`; account administration (registration,
 * unbanning, the security e-mail and PIN, the partner API of the deployment's provider accounts,
 * issue 9) → `admin`, reads included. Enforced per field by
 * resolvers/field-guard.ts and again in {@link instanceCall}; test/unit/capability-scopes.test.ts
 * checks that query and `Instance` fields need `read` and mutations `send` or `manage`.
 */
export const CAPABILITY_SCOPES = {
  INSTANCE_STATUS: 'read',
  ACCOUNT_PROFILE: 'read',
  SEND_TEXT: 'send',
  SEND_IMAGE: 'send',
  SEND_VIDEO: 'send',
  SEND_AUDIO: 'send',
  SEND_DOCUMENT: 'send',
  SEND_LOCATION: 'send',
  SEND_REACTION: 'send',
  SEND_CONTACT: 'send',
  SEND_BUTTONS: 'send',
  SEND_LIST: 'send',
  SEND_BULK: 'send',
  READ_MESSAGE: 'manage',
  DELETE_MESSAGE: 'manage',
  MESSAGE_STATUS: 'read',
  LIST_CHATS: 'read',
  GET_CHAT: 'read',
  LIST_CONTACTS: 'read',
  GET_CONTACT: 'read',
  CHECK_PHONES: 'read',
  PROFILE_PICTURE: 'read',
  LIST_GROUPS: 'read',
  GET_GROUP: 'read',
  SEND_TEMPLATE: 'send',
  SEND_PRODUCT: 'send',
  SEND_PRODUCT_LIST: 'send',
  SEND_FLOW: 'send',
  LIST_TEMPLATES: 'read',
  GET_TEMPLATE: 'read',
  CREATE_TEMPLATE: 'manage',
  UPDATE_TEMPLATE: 'manage',
  PROPOSE_TEMPLATE: 'manage',
  TEMPLATE_CATEGORIES: 'read',
  TEMPLATE_LANGUAGES: 'read',
  GET_MEDIA: 'read',
  BUSINESS_PROFILE: 'read',
  UPDATE_BUSINESS_PROFILE: 'manage',
  BUSINESS_ABOUT: 'read',
  UPDATE_BUSINESS_ABOUT: 'manage',
  BUSINESS_PHOTO: 'read',
  UPDATE_BUSINESS_PHOTO: 'manage',
  LIST_WEBHOOKS: 'read',
  PULL_NOTIFICATIONS: 'manage',
  COUNTRIES: 'read',
  MARK_CHAT_READ: 'manage',
  ARCHIVE_CHAT: 'manage',
  PIN_CHAT: 'manage',
  MUTE_CHAT: 'manage',
  CLEAR_CHAT: 'manage',
  DELETE_CHAT: 'manage',
  CHAT_EXPIRATION: 'manage',
  LIST_LABELS: 'read',
  LABEL_COLORS: 'read',
  CREATE_LABEL: 'manage',
  UPDATE_LABEL: 'manage',
  DELETE_LABEL: 'manage',
  ASSIGN_LABEL: 'manage',
  UNASSIGN_LABEL: 'manage',
  LIST_PRODUCTS: 'read',
  GET_PRODUCT: 'read',
  UPSERT_PRODUCT: 'manage',
  DELETE_PRODUCT: 'manage',
  CONFIGURE_CATALOG: 'manage',
  LIST_COLLECTIONS: 'read',
  LIST_COLLECTION_PRODUCTS: 'read',
  CREATE_COLLECTION: 'manage',
  UPDATE_COLLECTION: 'manage',
  DELETE_COLLECTION: 'manage',
  ADD_COLLECTION_PRODUCTS: 'manage',
  REMOVE_COLLECTION_PRODUCTS: 'manage',
  CREATE_GROUP: 'manage',
  UPDATE_GROUP: 'manage',
  MANAGE_GROUP_PARTICIPANTS: 'manage',
  LEAVE_GROUP: 'manage',
  GROUP_INVITE_LINK: 'read',
  RESET_GROUP_INVITE_LINK: 'manage',
  GROUP_INVITATION: 'read',
  JOIN_GROUP: 'manage',
  LIST_COMMUNITIES: 'read',
  GET_COMMUNITY: 'read',
  CREATE_COMMUNITY: 'manage',
  UPDATE_COMMUNITY: 'manage',
  LINK_COMMUNITY_GROUPS: 'manage',
  MANAGE_COMMUNITY_PARTICIPANTS: 'manage',
  RESET_COMMUNITY_INVITE_LINK: 'manage',
  DEACTIVATE_COMMUNITY: 'manage',
  SEND_STICKER: 'send',
  SEND_GIF: 'send',
  SEND_PTV: 'send',
  SEND_LINK: 'send',
  SEND_FORWARD: 'send',
  EDIT_MESSAGE: 'manage',
  SEND_ACTION_BUTTONS: 'send',
  SEND_OTP_BUTTON: 'send',
  SEND_PIX_BUTTON: 'send',
  SEND_CAROUSEL: 'send',
  SEND_POLL: 'send',
  SEND_POLL_VOTE: 'send',
  SEND_CATALOG_PRODUCT: 'send',
  SEND_CATALOG: 'send',
  SEND_ORDER: 'send',
  SEND_ORDER_STATUS: 'send',
  SEND_ORDER_PAYMENT: 'send',
  PIN_MESSAGE: 'manage',
  SEND_EVENT: 'send',
  EDIT_EVENT: 'manage',
  SEND_EVENT_RESPONSE: 'send',
  SEND_CHANNEL_ADMIN_INVITE: 'send',
  SEND_CALL: 'send',
  SEND_STATUS: 'send',
  SEND_STATUS_REPLY: 'send',
  QR_CODE: 'read',
  PAIRING_CODE: 'manage',
  RESTART_INSTANCE: 'manage',
  DISCONNECT_INSTANCE: 'manage',
  RENAME_INSTANCE: 'manage',
  UPDATE_PROFILE_NAME: 'manage',
  UPDATE_PROFILE_ABOUT: 'manage',
  UPDATE_PROFILE_PICTURE: 'manage',
  ACCOUNT_SETTINGS: 'read',
  UPDATE_ACCOUNT_SETTINGS: 'manage',
  PRIVACY: 'read',
  UPDATE_PRIVACY: 'manage',
  ADD_CONTACTS: 'manage',
  REMOVE_CONTACTS: 'manage',
  BLOCK_CONTACT: 'manage',
  REPORT_CONTACT: 'manage',
  LIST_QUEUE: 'read',
  CANCEL_QUEUED_MESSAGE: 'manage',
  CLEAR_QUEUE: 'manage',
  REGISTER_WEBHOOKS: 'manage',
  BUSINESS_CATEGORIES: 'read',
  MOBILE_REGISTRATION: 'admin',
  UNBAN_NUMBER: 'admin',
  ACCOUNT_SECURITY: 'admin',
  UPDATE_ACCOUNT_SECURITY: 'admin',
  PROVIDER_ACCOUNTS: 'admin',
  CREATE_PROVIDER_INSTANCE: 'admin',
  SUBSCRIBE_PROVIDER_INSTANCE: 'admin',
  CANCEL_PROVIDER_INSTANCE: 'admin',
} as const satisfies Record<Capability, Scope>;

/** An instance and the port method behind one capability, bound to its port. */
export interface InstanceCall<C extends Capability> {
  /** The instance's directory entry (its id, adapter and `defaultCountry`). */
  entry: InstanceEntry;
  /** The provider method behind the capability (see `CAPABILITY_METHODS` in providers/contract.ts). */
  call: CapabilityMethod<C>;
}

/**
 * The one way a resolver reaches a provider from an input's `instanceId`: finds the instance,
 * then requires the capability, so an unknown instance fails with NOT_FOUND and an action its
 * provider lacks with CAPABILITY_NOT_SUPPORTED, both before any provider request. Errors the
 * call itself raises (ProviderError, GraphError) pass through to `server/format-error.ts`,
 * which maps them to the graph's codes.
 * It also checks the client's key (its instances and the capability's scope, see
 * {@link CAPABILITY_SCOPES}) and the request's deadline, again before any provider request.
 * A call that changes what the read cache holds drops those entries when it ends (`providers/cache-invalidation.ts`).
 * @throws GraphError NOT_FOUND (`instance`) for an unknown `instanceId`
 * @throws GraphError FORBIDDEN (`instanceId`, `scope`) outside the key's instances or scopes
 * @throws GraphError DEADLINE_EXCEEDED when the request's deadline has passed
 * @throws CapabilityError CAPABILITY_NOT_SUPPORTED (with `provider`, `capability`) when the provider lacks it
 */
export function instanceCall<C extends Capability>(ctx: GraphContext, instanceId: string, capability: C): InstanceCall<C> {
  ctx.access?.assert(CAPABILITY_SCOPES[capability], instanceId);
  assertBeforeDeadline(ctx);
  const entry = ctx.services.instances.get(instanceId);
  const call = portCall(entry, capability);
  // a mutation that changes a cached read (a group, a contact, a picture, the status) drops it before it answers
  return { entry, call: ctx.services.cache ? invalidatingCall(call, ctx.services.cache, entry.id, capability) : call };
}

/**
 * As {@link instanceCall}, for a field whose root already carries the instance entry
 * (fields of `Instance`): the port method behind `capability`, bound to its port.
 * @throws CapabilityError CAPABILITY_NOT_SUPPORTED (with `provider`, `capability`) when the provider lacks it
 */
export function portCall<C extends Capability>(entry: InstanceEntry, capability: C): CapabilityMethod<C> {
  return readableCapability(entry.adapter, capability);
}

/**
 * The `PROVIDER_ERROR` for a provider reply the graph could not read: the provider, the
 * capability and the kind of failure (an error class name, never its message, which may quote
 * the reply).
 */
export function malformedReply(entry: InstanceEntry, capability: Capability, cause?: unknown): GraphError {
  return malformedReplyError(entry.adapter.kind, capability, cause);
}

/**
 * The port method behind `capability` when the instance's provider has it, else null: for
 * fields that degrade instead of failing (`Instance.status` answers UNKNOWN, a payload's
 * `group` answers null).
 */
export function optionalPortCall<C extends Capability>(entry: InstanceEntry, capability: C): CapabilityMethod<C> | null {
  return entry.adapter.capabilities.has(capability) ? portCall(entry, capability) : null;
}

/**
 * Refuses to start a provider call once the request's deadline (`ctx.deadline`) has passed.
 * @throws GraphError DEADLINE_EXCEEDED
 */
export function assertBeforeDeadline(ctx: Pick<GraphContext, 'deadline'>): void {
  if (ctx.deadline?.aborted) throw new GraphError('DEADLINE_EXCEEDED', 'The request ran out of time before this field started; nothing was sent to the provider for it');
}
