import type { ClassType, NonEmptyArray } from 'type-graphql';
import { AccountResolver, ContactBlockedResolver } from './account.resolver.js';
import { AdminResolver } from './admin.resolver.js';
import { BusinessResolver } from './business.resolver.js';
import { CatalogResolver, CollectionResolver, ProductCollectionsResolver } from './catalog.resolver.js';
import { ChatAdminResolver } from './chat-admin.resolver.js';
import { ChatResolver, ContactResolver, GroupParticipantResolver, GroupResolver } from './chat.resolver.js';
import {
  ConversationChatResolver,
  ConversationInstanceResolver,
  ConversationMessageResolver,
  DeletedEventMessageResolver,
  StatusEventMessageResolver,
} from './conversation.resolver.js';
import { CommunityActionPayloadResolver, CommunityFieldsResolver, CommunityResolver } from './community.resolver.js';
import { GroupActionPayloadResolver, GroupAdminResolver } from './group-admin.resolver.js';
import { InstanceResolver } from './instance.resolver.js';
import { LabelChatsResolver, LabelResolver } from './label.resolver.js';
import { MessageStatusResolver } from './message-status.resolver.js';
import { MessageResolver } from './message.resolver.js';
import { ID_RESOLVERS } from './node-ids.js';
import { InstanceConversationResolver, NodeResolver } from './node.resolver.js';
import { PartnerResolver } from './partner.resolver.js';
import { SendRichResolver } from './send-rich.resolver.js';
import { SendResolver } from './send.resolver.js';
import { SubscriptionResolver } from './subscription.resolver.js';
import { TemplateResolver } from './template.resolver.js';

/**
 * Every resolver class of the graph (queries, mutations, field resolvers and subscriptions).
 * Add a new resolver here (one line); `src/graph.ts` builds the schema from this list.
 */
export const RESOLVERS: NonEmptyArray<ClassType> = [
  InstanceResolver,
  ChatResolver,
  ContactResolver,
  GroupResolver,
  GroupParticipantResolver,
  MessageResolver,
  SubscriptionResolver,
  SendResolver,
  SendRichResolver,
  MessageStatusResolver,
  TemplateResolver,
  BusinessResolver,
  GroupAdminResolver,
  GroupActionPayloadResolver,
  CommunityResolver,
  CommunityFieldsResolver,
  CommunityActionPayloadResolver,
  ChatAdminResolver,
  LabelResolver,
  LabelChatsResolver,
  CatalogResolver,
  CollectionResolver,
  ProductCollectionsResolver,
  ConversationChatResolver,
  ConversationInstanceResolver,
  ConversationMessageResolver,
  StatusEventMessageResolver,
  DeletedEventMessageResolver,
  AccountResolver,
  ContactBlockedResolver,
  AdminResolver,
  PartnerResolver,
  NodeResolver,
  InstanceConversationResolver,
  ...ID_RESOLVERS,
];
