import { isObjectType, type GraphQLSchema } from 'graphql';
import { CAPABILITIES, type Capability } from '../providers/contract.js';
import { CAPABILITY_EXTENSION } from './instance-call.js';

/** A field's declared capability that is not one of `CAPABILITIES` (a typo, or a capability since removed). */
export interface UnknownCapabilityField {
  /** "Type.field" */
  field: string;
  /** What the field declares in `extensions.capability`. */
  capability: unknown;
}

/**
 * The capability → GraphQL field table, derived from the built schema: every field of every
 * object type whose `extensions.capability` was declared with `@Requires` (instance-call.ts).
 * Every capability of `CAPABILITIES` is a key, in that order; its fields are "Type.field"
 * strings sorted alphabetically, `[]` when no field declares it (test/unit/capability-fields.test.ts
 * fails then). A field declaring a value that is not a capability is left out here and
 * reported by {@link unknownCapabilityFields}.
 * @param schema the built schema (`buildGraphSchema()` in src/graph.ts)
 */
export function capabilityFields(schema: GraphQLSchema): Map<Capability, string[]> {
  const known = new Set<string>(CAPABILITIES);
  const table = new Map<Capability, string[]>(CAPABILITIES.map((c) => [c, []]));
  for (const { field, capability } of declaredCapabilities(schema)) {
    if (typeof capability === 'string' && known.has(capability)) table.get(capability as Capability)?.push(field);
  }
  for (const fields of table.values()) fields.sort();
  return table;
}

/**
 * Fields whose `extensions.capability` is not one of `CAPABILITIES`, "Type.field" sorted.
 * @param schema the built schema (`buildGraphSchema()` in src/graph.ts)
 */
export function unknownCapabilityFields(schema: GraphQLSchema): UnknownCapabilityField[] {
  const known = new Set<unknown>(CAPABILITIES);
  return declaredCapabilities(schema)
    .filter((d) => !known.has(d.capability))
    .sort((a, b) => a.field.localeCompare(b.field));
}

/** Every field of the schema's object types (introspection types excepted) that declares a capability, with what it declares. */
function declaredCapabilities(schema: GraphQLSchema): UnknownCapabilityField[] {
  const declared: UnknownCapabilityField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const capability = field.extensions?.[CAPABILITY_EXTENSION];
      if (capability !== undefined) declared.push({ field: `${type.name}.${field.name}`, capability });
    }
  }
  return declared;
}

/**
 * One GraphQL field per capability ("Type.field"): the field through which a client first
 * reaches it. Kept for `scripts/gen-providers-doc.ts` and `test/contract/providers-doc.test.ts`
 * until they read {@link capabilityFields} (which lists every field that declares a
 * capability); test/unit/capability-fields.test.ts checks that each entry here is one of the
 * fields the schema derives for its capability, so the two cannot drift apart.
 * @deprecated read `capabilityFields(await buildGraphSchema())`
 */
export const CAPABILITY_FIELDS: Readonly<Record<Capability, string>> = {
  INSTANCE_STATUS: 'Instance.connection',
  ACCOUNT_PROFILE: 'Instance.profile',
  SEND_TEXT: 'Mutation.sendText',
  SEND_IMAGE: 'Mutation.sendImage',
  SEND_VIDEO: 'Mutation.sendVideo',
  SEND_AUDIO: 'Mutation.sendAudio',
  SEND_DOCUMENT: 'Mutation.sendDocument',
  SEND_LOCATION: 'Mutation.sendLocation',
  SEND_REACTION: 'Mutation.sendReaction',
  SEND_CONTACT: 'Mutation.sendContact',
  SEND_BUTTONS: 'Mutation.sendButtons',
  SEND_LIST: 'Mutation.sendList',
  SEND_BULK: 'Mutation.sendBulk',
  READ_MESSAGE: 'Mutation.readMessage',
  DELETE_MESSAGE: 'Mutation.deleteMessage',
  MESSAGE_STATUS: 'Instance.messageStatus',
  LIST_CHATS: 'Instance.chats',
  GET_CHAT: 'Instance.chat',
  LIST_CONTACTS: 'Instance.contacts',
  GET_CONTACT: 'Instance.contact',
  CHECK_PHONES: 'Instance.phoneChecks',
  PROFILE_PICTURE: 'Contact.profilePictureUrl',
  LIST_GROUPS: 'Instance.groups',
  GET_GROUP: 'Instance.group',
  SEND_TEMPLATE: 'Mutation.sendTemplate',
  SEND_PRODUCT: 'Mutation.sendProduct',
  SEND_PRODUCT_LIST: 'Mutation.sendProductList',
  SEND_FLOW: 'Mutation.sendFlow',
  LIST_TEMPLATES: 'Instance.templates',
  GET_TEMPLATE: 'Instance.template',
  CREATE_TEMPLATE: 'Mutation.createTemplate',
  UPDATE_TEMPLATE: 'Mutation.updateTemplate',
  PROPOSE_TEMPLATE: 'Mutation.proposeTemplate',
  TEMPLATE_CATEGORIES: 'Instance.templateCategories',
  TEMPLATE_LANGUAGES: 'Instance.templateLanguages',
  GET_MEDIA: 'Instance.media',
  BUSINESS_PROFILE: 'Instance.businessProfile',
  UPDATE_BUSINESS_PROFILE: 'Mutation.updateBusinessProfile',
  BUSINESS_ABOUT: 'Instance.businessAbout',
  UPDATE_BUSINESS_ABOUT: 'Mutation.updateBusinessAbout',
  BUSINESS_PHOTO: 'Instance.businessPhoto',
  UPDATE_BUSINESS_PHOTO: 'Mutation.updateBusinessPhoto',
  LIST_WEBHOOKS: 'Instance.webhooks',
  PULL_NOTIFICATIONS: 'Mutation.pullPendingNotifications',
  COUNTRIES: 'Instance.countries',
  CREATE_GROUP: 'Mutation.createGroup',
  UPDATE_GROUP: 'Mutation.updateGroup',
  MANAGE_GROUP_PARTICIPANTS: 'Mutation.addGroupParticipants',
  LEAVE_GROUP: 'Mutation.leaveGroup',
  GROUP_INVITE_LINK: 'Instance.groupInviteLink',
  RESET_GROUP_INVITE_LINK: 'Mutation.resetGroupInviteLink',
  GROUP_INVITATION: 'Instance.groupInvitation',
  JOIN_GROUP: 'Mutation.joinGroup',
  LIST_COMMUNITIES: 'Instance.communities',
  GET_COMMUNITY: 'Instance.community',
  CREATE_COMMUNITY: 'Mutation.createCommunity',
  UPDATE_COMMUNITY: 'Mutation.updateCommunity',
  LINK_COMMUNITY_GROUPS: 'Mutation.linkGroupsToCommunity',
  MANAGE_COMMUNITY_PARTICIPANTS: 'Mutation.addCommunityParticipants',
  RESET_COMMUNITY_INVITE_LINK: 'Mutation.resetCommunityInviteLink',
  DEACTIVATE_COMMUNITY: 'Mutation.deactivateCommunity',
  MARK_CHAT_READ: 'Mutation.markChatRead',
  ARCHIVE_CHAT: 'Mutation.archiveChat',
  PIN_CHAT: 'Mutation.pinChat',
  MUTE_CHAT: 'Mutation.muteChat',
  CLEAR_CHAT: 'Mutation.clearChat',
  DELETE_CHAT: 'Mutation.deleteChat',
  CHAT_EXPIRATION: 'Mutation.setChatExpiration',
  LIST_LABELS: 'Instance.labels',
  LABEL_COLORS: 'Instance.labelColors',
  CREATE_LABEL: 'Mutation.createLabel',
  UPDATE_LABEL: 'Mutation.updateLabel',
  DELETE_LABEL: 'Mutation.deleteLabel',
  ASSIGN_LABEL: 'Mutation.assignLabel',
  UNASSIGN_LABEL: 'Mutation.unassignLabel',
  LIST_PRODUCTS: 'Instance.products',
  GET_PRODUCT: 'Instance.product',
  UPSERT_PRODUCT: 'Mutation.upsertProduct',
  DELETE_PRODUCT: 'Mutation.deleteProduct',
  CONFIGURE_CATALOG: 'Mutation.configureCatalog',
  LIST_COLLECTIONS: 'Instance.collections',
  LIST_COLLECTION_PRODUCTS: 'Collection.products',
  CREATE_COLLECTION: 'Mutation.createCollection',
  UPDATE_COLLECTION: 'Mutation.updateCollection',
  DELETE_COLLECTION: 'Mutation.deleteCollection',
  ADD_COLLECTION_PRODUCTS: 'Mutation.addProductsToCollection',
  REMOVE_COLLECTION_PRODUCTS: 'Mutation.removeProductsFromCollection',
};
