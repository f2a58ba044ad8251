import type { Capability } from '../providers/contract.js';

/**
 * The GraphQL field through which each capability is reached ("Type.field"), next to the
 * resolvers that serve them. `scripts/gen-providers-doc.ts` joins it with each provider's
 * `DOC_OPERATIONS` to say which field reaches each documented operation, and reports a
 * capability whose field is not (yet) in the built schema as unreachable; the contract suite
 * checks that every capability a resolver requires is listed here with a field that exists.
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
};
