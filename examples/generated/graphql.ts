/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type InboxMessageFragment = { id: string, providerMessageId: string, fromMe: boolean, status: MessageStatus | null, timestamp: string, senderName: string | null, chat: { id: string, chatId: string }, content:
    | { __typename: 'AudioContent' }
    | { __typename: 'ButtonsContent' }
    | { __typename: 'CarouselContent' }
    | { __typename: 'ChannelAdminInviteContent' }
    | { __typename: 'ContactContent' }
    | { __typename: 'DocumentContent' }
    | { __typename: 'EventMessageContent' }
    | { __typename: 'EventResponseContent' }
    | { __typename: 'ImageContent', url: string | null, caption: string | null }
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
   };

export type InboxInstancesQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxInstancesQuery = { instances: Array<{ id: string, instanceId: string, provider: Provider, status: ConnectionState | null, capabilities: Array<Capability> }> };

export type InboxChatsQueryVariables = Exact<{
  instanceId: string | number;
  first?: number | null | undefined;
}>;


export type InboxChatsQuery = { instance: { id: string, chats: { nodes: Array<{ id: string, chatId: string, name: string | null, unreadCount: number | null, contact: { phone: string, name: string | null, profilePictureUrl: string | null } | null, lastMessage: { id: string, providerMessageId: string, fromMe: boolean, status: MessageStatus | null, timestamp: string, senderName: string | null, chat: { id: string, chatId: string }, content:
            | { __typename: 'AudioContent' }
            | { __typename: 'ButtonsContent' }
            | { __typename: 'CarouselContent' }
            | { __typename: 'ChannelAdminInviteContent' }
            | { __typename: 'ContactContent' }
            | { __typename: 'DocumentContent' }
            | { __typename: 'EventMessageContent' }
            | { __typename: 'EventResponseContent' }
            | { __typename: 'ImageContent', url: string | null, caption: string | null }
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
           } | null }> } } };

export type InboxConversationQueryVariables = Exact<{
  instanceId: string | number;
  chatId: string;
  last?: number | null | undefined;
}>;


export type InboxConversationQuery = { instance: { id: string, conversation: { id: string, chatId: string, name: string | null, contact: { phone: string, name: string | null } | null, messages: { nodes: Array<{ id: string, providerMessageId: string, fromMe: boolean, status: MessageStatus | null, timestamp: string, senderName: string | null, chat: { id: string, chatId: string }, content:
            | { __typename: 'AudioContent' }
            | { __typename: 'ButtonsContent' }
            | { __typename: 'CarouselContent' }
            | { __typename: 'ChannelAdminInviteContent' }
            | { __typename: 'ContactContent' }
            | { __typename: 'DocumentContent' }
            | { __typename: 'EventMessageContent' }
            | { __typename: 'EventResponseContent' }
            | { __typename: 'ImageContent', url: string | null, caption: string | null }
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
           }> } } | null } };

export type InboxSendTextMutationVariables = Exact<{
  instanceId: string | number;
  to: string;
  text: string;
}>;


export type InboxSendTextMutation = { sendText: { message: { id: string, providerMessageId: string, fromMe: boolean, status: MessageStatus | null, timestamp: string, senderName: string | null, chat: { id: string, chatId: string }, content:
        | { __typename: 'AudioContent' }
        | { __typename: 'ButtonsContent' }
        | { __typename: 'CarouselContent' }
        | { __typename: 'ChannelAdminInviteContent' }
        | { __typename: 'ContactContent' }
        | { __typename: 'DocumentContent' }
        | { __typename: 'EventMessageContent' }
        | { __typename: 'EventResponseContent' }
        | { __typename: 'ImageContent', url: string | null, caption: string | null }
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
       } } };

export type InboxSendImageMutationVariables = Exact<{
  instanceId: string | number;
  to: string;
  image: string;
  caption?: string | null | undefined;
}>;


export type InboxSendImageMutation = { sendImage: { message: { id: string, providerMessageId: string, fromMe: boolean, status: MessageStatus | null, timestamp: string, senderName: string | null, chat: { id: string, chatId: string }, content:
        | { __typename: 'AudioContent' }
        | { __typename: 'ButtonsContent' }
        | { __typename: 'CarouselContent' }
        | { __typename: 'ChannelAdminInviteContent' }
        | { __typename: 'ContactContent' }
        | { __typename: 'DocumentContent' }
        | { __typename: 'EventMessageContent' }
        | { __typename: 'EventResponseContent' }
        | { __typename: 'ImageContent', url: string | null, caption: string | null }
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
       } } };

export type InboxEventsSubscriptionVariables = Exact<{
  instanceId: string | number;
  after?: string | null | undefined;
}>;


export type InboxEventsSubscription = { events:
    | { __typename: 'CallReceivedEvent', cursor: string, type: EventType }
    | { __typename: 'ChannelAdminChangedEvent', cursor: string, type: EventType }
    | { __typename: 'ChatLabelsChangedEvent', cursor: string, type: EventType }
    | { __typename: 'ChatReadEvent', cursor: string, type: EventType }
    | { __typename: 'ConnectionChangedEvent', cursor: string, type: EventType }
    | { __typename: 'GroupParticipantsChangedEvent', cursor: string, type: EventType }
    | { __typename: 'InstanceNotificationEvent', cursor: string, type: EventType }
    | { __typename: 'MessageDeletedEvent', cursor: string, type: EventType }
    | { __typename: 'MessageReceivedEvent', cursor: string, type: EventType, message: { id: string, providerMessageId: string, fromMe: boolean, status: MessageStatus | null, timestamp: string, senderName: string | null, chat: { id: string, chatId: string }, content:
          | { __typename: 'AudioContent' }
          | { __typename: 'ButtonsContent' }
          | { __typename: 'CarouselContent' }
          | { __typename: 'ChannelAdminInviteContent' }
          | { __typename: 'ContactContent' }
          | { __typename: 'DocumentContent' }
          | { __typename: 'EventMessageContent' }
          | { __typename: 'EventResponseContent' }
          | { __typename: 'ImageContent', url: string | null, caption: string | null }
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
         } }
    | { __typename: 'MessageStatusChangedEvent', messageId: string, chatId: string | null, status: MessageStatus, cursor: string, type: EventType }
    | { __typename: 'PresenceChangedEvent', cursor: string, type: EventType }
    | { __typename: 'ProfileUpdatedEvent', cursor: string, type: EventType }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const InboxMessageFragmentDoc = new TypedDocumentString(`
    fragment InboxMessage on Message {
  id
  providerMessageId
  fromMe
  status
  timestamp
  senderName
  chat {
    id
    chatId
  }
  content {
    __typename
    ... on TextContent {
      body
    }
    ... on ImageContent {
      url
      caption
    }
  }
}
    `, {"fragmentName":"InboxMessage"}) as unknown as TypedDocumentString<InboxMessageFragment, unknown>;
export const InboxInstancesDocument = new TypedDocumentString(`
    query InboxInstances {
  instances {
    id
    instanceId
    provider
    status
    capabilities
  }
}
    `) as unknown as TypedDocumentString<InboxInstancesQuery, InboxInstancesQueryVariables>;
export const InboxChatsDocument = new TypedDocumentString(`
    query InboxChats($instanceId: ID!, $first: Int) {
  instance(id: $instanceId) {
    id
    chats(first: $first) {
      nodes {
        id
        chatId
        name
        unreadCount
        contact {
          phone
          name
          profilePictureUrl
        }
        lastMessage {
          ...InboxMessage
        }
      }
    }
  }
}
    fragment InboxMessage on Message {
  id
  providerMessageId
  fromMe
  status
  timestamp
  senderName
  chat {
    id
    chatId
  }
  content {
    __typename
    ... on TextContent {
      body
    }
    ... on ImageContent {
      url
      caption
    }
  }
}`) as unknown as TypedDocumentString<InboxChatsQuery, InboxChatsQueryVariables>;
export const InboxConversationDocument = new TypedDocumentString(`
    query InboxConversation($instanceId: ID!, $chatId: String!, $last: Int) {
  instance(id: $instanceId) {
    id
    conversation(chatId: $chatId) {
      id
      chatId
      name
      contact {
        phone
        name
      }
      messages(last: $last) {
        nodes {
          ...InboxMessage
        }
      }
    }
  }
}
    fragment InboxMessage on Message {
  id
  providerMessageId
  fromMe
  status
  timestamp
  senderName
  chat {
    id
    chatId
  }
  content {
    __typename
    ... on TextContent {
      body
    }
    ... on ImageContent {
      url
      caption
    }
  }
}`) as unknown as TypedDocumentString<InboxConversationQuery, InboxConversationQueryVariables>;
export const InboxSendTextDocument = new TypedDocumentString(`
    mutation InboxSendText($instanceId: ID!, $to: String!, $text: String!) {
  sendText(input: {instanceId: $instanceId, to: $to, text: $text}) {
    message {
      ...InboxMessage
    }
  }
}
    fragment InboxMessage on Message {
  id
  providerMessageId
  fromMe
  status
  timestamp
  senderName
  chat {
    id
    chatId
  }
  content {
    __typename
    ... on TextContent {
      body
    }
    ... on ImageContent {
      url
      caption
    }
  }
}`) as unknown as TypedDocumentString<InboxSendTextMutation, InboxSendTextMutationVariables>;
export const InboxSendImageDocument = new TypedDocumentString(`
    mutation InboxSendImage($instanceId: ID!, $to: String!, $image: String!, $caption: String) {
  sendImage(
    input: {instanceId: $instanceId, to: $to, image: $image, caption: $caption}
  ) {
    message {
      ...InboxMessage
    }
  }
}
    fragment InboxMessage on Message {
  id
  providerMessageId
  fromMe
  status
  timestamp
  senderName
  chat {
    id
    chatId
  }
  content {
    __typename
    ... on TextContent {
      body
    }
    ... on ImageContent {
      url
      caption
    }
  }
}`) as unknown as TypedDocumentString<InboxSendImageMutation, InboxSendImageMutationVariables>;
export const InboxEventsDocument = new TypedDocumentString(`
    subscription InboxEvents($instanceId: ID!, $after: String) {
  events(
    instanceId: $instanceId
    after: $after
    types: [MESSAGE_RECEIVED, MESSAGE_STATUS_CHANGED]
  ) {
    __typename
    cursor
    type
    ... on MessageReceivedEvent {
      message {
        ...InboxMessage
      }
    }
    ... on MessageStatusChangedEvent {
      messageId
      chatId
      status
    }
  }
}
    fragment InboxMessage on Message {
  id
  providerMessageId
  fromMe
  status
  timestamp
  senderName
  chat {
    id
    chatId
  }
  content {
    __typename
    ... on TextContent {
      body
    }
    ... on ImageContent {
      url
      caption
    }
  }
}`) as unknown as TypedDocumentString<InboxEventsSubscription, InboxEventsSubscriptionVariables>;