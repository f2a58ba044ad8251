/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An action an instance's provider supports; an action outside this list fails with CAPABILITY_NOT_SUPPORTED. */
export type Capability =
  | 'ACCOUNT_PROFILE'
  | 'ADD_COLLECTION_PRODUCTS'
  | 'ARCHIVE_CHAT'
  | 'ASSIGN_LABEL'
  | 'BUSINESS_ABOUT'
  | 'BUSINESS_PHOTO'
  | 'BUSINESS_PROFILE'
  | 'CHAT_EXPIRATION'
  | 'CHECK_PHONES'
  | 'CLEAR_CHAT'
  | 'CONFIGURE_CATALOG'
  | 'COUNTRIES'
  | 'CREATE_COLLECTION'
  | 'CREATE_COMMUNITY'
  | 'CREATE_GROUP'
  | 'CREATE_LABEL'
  | 'CREATE_TEMPLATE'
  | 'DEACTIVATE_COMMUNITY'
  | 'DELETE_CHAT'
  | 'DELETE_COLLECTION'
  | 'DELETE_LABEL'
  | 'DELETE_MESSAGE'
  | 'DELETE_PRODUCT'
  | 'GET_CHAT'
  | 'GET_COMMUNITY'
  | 'GET_CONTACT'
  | 'GET_GROUP'
  | 'GET_MEDIA'
  | 'GET_PRODUCT'
  | 'GET_TEMPLATE'
  | 'GROUP_INVITATION'
  | 'GROUP_INVITE_LINK'
  | 'INSTANCE_STATUS'
  | 'JOIN_GROUP'
  | 'LABEL_COLORS'
  | 'LEAVE_GROUP'
  | 'LINK_COMMUNITY_GROUPS'
  | 'LIST_CHATS'
  | 'LIST_COLLECTIONS'
  | 'LIST_COLLECTION_PRODUCTS'
  | 'LIST_COMMUNITIES'
  | 'LIST_CONTACTS'
  | 'LIST_GROUPS'
  | 'LIST_LABELS'
  | 'LIST_PRODUCTS'
  | 'LIST_TEMPLATES'
  | 'LIST_WEBHOOKS'
  | 'MANAGE_COMMUNITY_PARTICIPANTS'
  | 'MANAGE_GROUP_PARTICIPANTS'
  | 'MARK_CHAT_READ'
  | 'MESSAGE_STATUS'
  | 'MUTE_CHAT'
  | 'PIN_CHAT'
  | 'PROFILE_PICTURE'
  | 'PROPOSE_TEMPLATE'
  | 'PULL_NOTIFICATIONS'
  | 'READ_MESSAGE'
  | 'REMOVE_COLLECTION_PRODUCTS'
  | 'RESET_COMMUNITY_INVITE_LINK'
  | 'RESET_GROUP_INVITE_LINK'
  | 'SEND_AUDIO'
  | 'SEND_BULK'
  | 'SEND_BUTTONS'
  | 'SEND_CONTACT'
  | 'SEND_DOCUMENT'
  | 'SEND_FLOW'
  | 'SEND_IMAGE'
  | 'SEND_LIST'
  | 'SEND_LOCATION'
  | 'SEND_PRODUCT'
  | 'SEND_PRODUCT_LIST'
  | 'SEND_REACTION'
  | 'SEND_TEMPLATE'
  | 'SEND_TEXT'
  | 'SEND_VIDEO'
  | 'TEMPLATE_CATEGORIES'
  | 'TEMPLATE_LANGUAGES'
  | 'UNASSIGN_LABEL'
  | 'UPDATE_BUSINESS_ABOUT'
  | 'UPDATE_BUSINESS_PHOTO'
  | 'UPDATE_BUSINESS_PROFILE'
  | 'UPDATE_COLLECTION'
  | 'UPDATE_COMMUNITY'
  | 'UPDATE_GROUP'
  | 'UPDATE_LABEL'
  | 'UPDATE_TEMPLATE'
  | 'UPSERT_PRODUCT';

/** Whether the instance's WhatsApp session is connected. */
export type ConnectionState =
  | 'CONNECTED'
  | 'CONNECTING'
  | 'DISCONNECTED'
  | 'UNKNOWN';

/** The WhatsApp provider behind an instance. */
export type Provider =
  | 'ivosights'
  | 'zapi'
  | 'zivo'
  | 'zixflow';

export type InstancesQueryVariables = Exact<{ [key: string]: never; }>;


export type InstancesQuery = { instances: Array<{ id: string, provider: Provider, status: ConnectionState | null, capabilities: Array<Capability> }> };


export const InstancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]} as unknown as DocumentNode<InstancesQuery, InstancesQueryVariables>;