/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An action an instance's provider supports; an action outside this list fails with CAPABILITY_NOT_SUPPORTED. */
export type Capability =
  | 'ACCOUNT_PROFILE'
  | 'ACCOUNT_SECURITY'
  | 'ACCOUNT_SETTINGS'
  | 'ADD_COLLECTION_PRODUCTS'
  | 'ADD_CONTACTS'
  | 'ARCHIVE_CHAT'
  | 'ASSIGN_LABEL'
  | 'BLOCK_CONTACT'
  | 'BUSINESS_ABOUT'
  | 'BUSINESS_CATEGORIES'
  | 'BUSINESS_PHOTO'
  | 'BUSINESS_PROFILE'
  | 'CANCEL_PROVIDER_INSTANCE'
  | 'CANCEL_QUEUED_MESSAGE'
  | 'CHAT_EXPIRATION'
  | 'CHECK_PHONES'
  | 'CLEAR_CHAT'
  | 'CLEAR_QUEUE'
  | 'CONFIGURE_CATALOG'
  | 'COUNTRIES'
  | 'CREATE_COLLECTION'
  | 'CREATE_COMMUNITY'
  | 'CREATE_GROUP'
  | 'CREATE_LABEL'
  | 'CREATE_PROVIDER_INSTANCE'
  | 'CREATE_TEMPLATE'
  | 'DEACTIVATE_COMMUNITY'
  | 'DELETE_CHAT'
  | 'DELETE_COLLECTION'
  | 'DELETE_LABEL'
  | 'DELETE_MESSAGE'
  | 'DELETE_PRODUCT'
  | 'DISCONNECT_INSTANCE'
  | 'EDIT_EVENT'
  | 'EDIT_MESSAGE'
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
  | 'LIST_QUEUE'
  | 'LIST_TEMPLATES'
  | 'LIST_WEBHOOKS'
  | 'MANAGE_COMMUNITY_PARTICIPANTS'
  | 'MANAGE_GROUP_PARTICIPANTS'
  | 'MARK_CHAT_READ'
  | 'MESSAGE_STATUS'
  | 'MOBILE_REGISTRATION'
  | 'MUTE_CHAT'
  | 'PAIRING_CODE'
  | 'PIN_CHAT'
  | 'PIN_MESSAGE'
  | 'PRIVACY'
  | 'PROFILE_PICTURE'
  | 'PROPOSE_TEMPLATE'
  | 'PROVIDER_ACCOUNTS'
  | 'PULL_NOTIFICATIONS'
  | 'QR_CODE'
  | 'READ_MESSAGE'
  | 'REGISTER_WEBHOOKS'
  | 'REMOVE_COLLECTION_PRODUCTS'
  | 'REMOVE_CONTACTS'
  | 'RENAME_INSTANCE'
  | 'REPORT_CONTACT'
  | 'RESET_COMMUNITY_INVITE_LINK'
  | 'RESET_GROUP_INVITE_LINK'
  | 'RESTART_INSTANCE'
  | 'SEND_ACTION_BUTTONS'
  | 'SEND_AUDIO'
  | 'SEND_BULK'
  | 'SEND_BUTTONS'
  | 'SEND_CALL'
  | 'SEND_CAROUSEL'
  | 'SEND_CATALOG'
  | 'SEND_CATALOG_PRODUCT'
  | 'SEND_CHANNEL_ADMIN_INVITE'
  | 'SEND_CONTACT'
  | 'SEND_DOCUMENT'
  | 'SEND_EVENT'
  | 'SEND_EVENT_RESPONSE'
  | 'SEND_FLOW'
  | 'SEND_FORWARD'
  | 'SEND_GIF'
  | 'SEND_IMAGE'
  | 'SEND_LINK'
  | 'SEND_LIST'
  | 'SEND_LOCATION'
  | 'SEND_ORDER'
  | 'SEND_ORDER_PAYMENT'
  | 'SEND_ORDER_STATUS'
  | 'SEND_OTP_BUTTON'
  | 'SEND_PIX_BUTTON'
  | 'SEND_POLL'
  | 'SEND_POLL_VOTE'
  | 'SEND_PRODUCT'
  | 'SEND_PRODUCT_LIST'
  | 'SEND_PTV'
  | 'SEND_REACTION'
  | 'SEND_STATUS'
  | 'SEND_STATUS_REPLY'
  | 'SEND_STICKER'
  | 'SEND_TEMPLATE'
  | 'SEND_TEXT'
  | 'SEND_VIDEO'
  | 'SUBSCRIBE_PROVIDER_INSTANCE'
  | 'TEMPLATE_CATEGORIES'
  | 'TEMPLATE_LANGUAGES'
  | 'UNASSIGN_LABEL'
  | 'UNBAN_NUMBER'
  | 'UPDATE_ACCOUNT_SECURITY'
  | 'UPDATE_ACCOUNT_SETTINGS'
  | 'UPDATE_BUSINESS_ABOUT'
  | 'UPDATE_BUSINESS_PHOTO'
  | 'UPDATE_BUSINESS_PROFILE'
  | 'UPDATE_COLLECTION'
  | 'UPDATE_COMMUNITY'
  | 'UPDATE_GROUP'
  | 'UPDATE_LABEL'
  | 'UPDATE_PRIVACY'
  | 'UPDATE_PROFILE_ABOUT'
  | 'UPDATE_PROFILE_NAME'
  | 'UPDATE_PROFILE_PICTURE'
  | 'UPDATE_TEMPLATE'
  | 'UPSERT_PRODUCT';

/** Whether the instance's WhatsApp session is connected. */
export type ConnectionState =
  | 'CONNECTED'
  | 'CONNECTING'
  | 'DISCONNECTED'
  | 'UNKNOWN';

/** The kinds of event on the resumable `events` stream. */
export type EventType =
  | 'CALL_RECEIVED'
  | 'CHANNEL_ADMIN_CHANGED'
  | 'CHAT_LABELS_CHANGED'
  | 'CHAT_READ'
  | 'CONNECTION_CHANGED'
  | 'GROUP_PARTICIPANTS_CHANGED'
  | 'INSTANCE_EVENT'
  | 'MESSAGE_DELETED'
  | 'MESSAGE_RECEIVED'
  | 'MESSAGE_STATUS_CHANGED'
  | 'PRESENCE_CHANGED'
  | 'PROFILE_UPDATED';

/** Delivery status of a message; it never goes backwards (READ then a late SENT stays READ). */
export type MessageStatus =
  | 'DELETED'
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'PLAYED'
  | 'READ'
  | 'SENT';

/** The WhatsApp provider behind an instance. */
export type Provider =
  | 'ivosights'
  | 'zapi'
  | 'zivo'
  | 'zixflow';

export type BrowserSendTextMutationVariables = Exact<{
  instanceId: string | number;
  to: string;
  text: string;
}>;


export type BrowserSendTextMutation = { sendText: { message: { id: string, providerMessageId: string } } };

export type BrowserStatusEventsQueryVariables = Exact<{
  instanceId: string | number;
}>;


export type BrowserStatusEventsQuery = { events: { events: Array<
      | { messageId: string, status: MessageStatus }
      | Record<PropertyKey, never>
    > } };

export type E2eInstancesQueryVariables = Exact<{ [key: string]: never; }>;


export type E2eInstancesQuery = { instances: Array<{ id: string, instanceId: string, provider: Provider, status: ConnectionState | null, capabilities: Array<Capability> }> };

export type E2eInstanceQueryVariables = Exact<{
  id: string | number;
}>;


export type E2eInstanceQuery = { instance: { id: string } };

export type E2eStatusesSubscriptionVariables = Exact<{
  instanceId: string | number;
  messageId?: string | null | undefined;
}>;


export type E2eStatusesSubscription = { messageStatusChanged: { messageId: string, status: MessageStatus } };

export type E2eReceivedSubscriptionVariables = Exact<{
  instanceId: string | number;
}>;


export type E2eReceivedSubscription = { messageReceived: { id: string, providerMessageId: string, fromMe: boolean, timestamp: string, chat: { id: string, chatId: string }, content:
      | { __typename: 'AudioContent' }
      | { __typename: 'ButtonsContent' }
      | { __typename: 'CarouselContent' }
      | { __typename: 'ChannelAdminInviteContent' }
      | { __typename: 'ContactContent' }
      | { __typename: 'DocumentContent' }
      | { __typename: 'EventMessageContent' }
      | { __typename: 'EventResponseContent' }
      | { __typename: 'ImageContent' }
      | { __typename: 'InteractiveReplyContent' }
      | { __typename: 'ListContent' }
      | { __typename: 'LocationContent' }
      | { __typename: 'OrderContent' }
      | { __typename: 'OrderDetailsContent' }
      | { __typename: 'PaymentContent' }
      | { __typename: 'PendingContent' }
      | { __typename: 'PinContent' }
      | { __typename: 'PixKeyContent' }
      | { __typename: 'PollContent' }
      | { __typename: 'PollVoteContent' }
      | { __typename: 'ProductContent' }
      | { __typename: 'ReactionContent' }
      | { __typename: 'StickerContent' }
      | { __typename: 'TemplateMessageContent' }
      | { __typename: 'TextContent', body: string }
      | { __typename: 'UnsupportedContent' }
      | { __typename: 'VideoContent' }
     } };

export type E2eReceivedIdSubscriptionVariables = Exact<{
  instanceId: string | number;
}>;


export type E2eReceivedIdSubscription = { messageReceived: { id: string, providerMessageId: string } };

export type E2eReceivedKindSubscriptionVariables = Exact<{
  instanceId: string | number;
}>;


export type E2eReceivedKindSubscription = { messageReceived: { id: string, providerMessageId: string, fromMe: boolean, content:
      | { __typename: 'AudioContent' }
      | { __typename: 'ButtonsContent' }
      | { __typename: 'CarouselContent' }
      | { __typename: 'ChannelAdminInviteContent' }
      | { __typename: 'ContactContent' }
      | { __typename: 'DocumentContent' }
      | { __typename: 'EventMessageContent' }
      | { __typename: 'EventResponseContent' }
      | { __typename: 'ImageContent' }
      | { __typename: 'InteractiveReplyContent' }
      | { __typename: 'ListContent' }
      | { __typename: 'LocationContent' }
      | { __typename: 'OrderContent' }
      | { __typename: 'OrderDetailsContent' }
      | { __typename: 'PaymentContent' }
      | { __typename: 'PendingContent' }
      | { __typename: 'PinContent' }
      | { __typename: 'PixKeyContent' }
      | { __typename: 'PollContent' }
      | { __typename: 'PollVoteContent' }
      | { __typename: 'ProductContent' }
      | { __typename: 'ReactionContent' }
      | { __typename: 'StickerContent' }
      | { __typename: 'TemplateMessageContent' }
      | { __typename: 'TextContent' }
      | { __typename: 'UnsupportedContent' }
      | { __typename: 'VideoContent' }
     } };

export type E2eSendTextMutationVariables = Exact<{
  instanceId: string | number;
  to: string;
  text: string;
}>;


export type E2eSendTextMutation = { sendText: { message: { id: string, providerMessageId: string, status: MessageStatus | null } } };

export type E2eChatsWithContactsQueryVariables = Exact<{
  instanceId: string | number;
}>;


export type E2eChatsWithContactsQuery = { instance: { chats: { nodes: Array<{ id: string, isGroup: boolean | null, contact: { phone: string, isOnWhatsApp: boolean | null, profilePictureUrl: string | null } | null }> } } };

export type E2ePhoneChecksQueryVariables = Exact<{
  instanceId: string | number;
  phones: Array<string> | string;
}>;


export type E2ePhoneChecksQuery = { instance: { phoneChecks: Array<{ input: string, exists: boolean, waId: string | null }> } };

export type E2eChatsPageQueryVariables = Exact<{
  instanceId: string | number;
  after?: string | null | undefined;
}>;


export type E2eChatsPageQuery = { instance: { chats: { edges: Array<{ cursor: string, node: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type E2eEventsPageQueryVariables = Exact<{
  instanceId: string | number;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type E2eEventsPageQuery = { events: { endCursor: string | null, hasMore: boolean, events: Array<
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
      | { id: string, cursor: string }
    > } };

export type E2eEventsSubscriptionVariables = Exact<{
  instanceId: string | number;
  after?: string | null | undefined;
}>;


export type E2eEventsSubscription = { events:
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
    | { id: string, cursor: string, type: EventType }
   };


export const BrowserSendTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BrowserSendText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessageId"}}]}}]}}]}}]} as unknown as DocumentNode<BrowserSendTextMutation, BrowserSendTextMutationVariables>;
export const BrowserStatusEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrowserStatusEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"MESSAGE_STATUS_CHANGED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageStatusChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BrowserStatusEventsQuery, BrowserStatusEventsQueryVariables>;
export const E2eInstancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2eInstances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]} as unknown as DocumentNode<E2eInstancesQuery, E2eInstancesQueryVariables>;
export const E2eInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2eInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<E2eInstanceQuery, E2eInstanceQueryVariables>;
export const E2eStatusesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"E2eStatuses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"messageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<E2eStatusesSubscription, E2eStatusesSubscriptionVariables>;
export const E2eReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"E2eReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessageId"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"chat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chatId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextContent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]}}]} as unknown as DocumentNode<E2eReceivedSubscription, E2eReceivedSubscriptionVariables>;
export const E2eReceivedIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"E2eReceivedId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessageId"}}]}}]}}]} as unknown as DocumentNode<E2eReceivedIdSubscription, E2eReceivedIdSubscriptionVariables>;
export const E2eReceivedKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"E2eReceivedKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessageId"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]}}]} as unknown as DocumentNode<E2eReceivedKindSubscription, E2eReceivedKindSubscriptionVariables>;
export const E2eSendTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"E2eSendText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessageId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<E2eSendTextMutation, E2eSendTextMutationVariables>;
export const E2eChatsWithContactsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2eChatsWithContacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isGroup"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"isOnWhatsApp"}},{"kind":"Field","name":{"kind":"Name","value":"profilePictureUrl"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<E2eChatsWithContactsQuery, E2eChatsWithContactsQueryVariables>;
export const E2ePhoneChecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2ePhoneChecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phones"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneChecks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phones"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phones"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"exists"}},{"kind":"Field","name":{"kind":"Name","value":"waId"}}]}}]}}]}}]} as unknown as DocumentNode<E2ePhoneChecksQuery, E2ePhoneChecksQueryVariables>;
export const E2eChatsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2eChatsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<E2eChatsPageQuery, E2eChatsPageQueryVariables>;
export const E2eEventsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2eEventsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasMore"}}]}}]}}]} as unknown as DocumentNode<E2eEventsPageQuery, E2eEventsPageQueryVariables>;
export const E2eEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"E2eEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<E2eEventsSubscription, E2eEventsSubscriptionVariables>;