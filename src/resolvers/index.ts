import type { NonEmptyArray } from 'type-graphql';
import { SubscriptionResolver } from '../subscriptions/subscription.resolver.js';
import { ChatResolver, ContactResolver } from './chat.resolver.js';
import { InstanceResolver } from './instance.resolver.js';
import { MessageResolver } from './message.resolver.js';
import { BulkResolver } from './bulk.resolver.js';
import { ButtonsResolver } from './buttons.resolver.js';
import { MessageStatusResolver } from './message-status.resolver.js';
import { TemplateResolver } from './template.resolver.js';
import { BusinessResolver } from './business.resolver.js';
import { GroupActionPayloadResolver, GroupAdminResolver } from './group-admin.resolver.js';
import { CommunityActionPayloadResolver, CommunityFieldsResolver, CommunityResolver } from './community.resolver.js';
import { ChatAdminResolver } from './chat-admin.resolver.js';
import { LabelResolver } from './label.resolver.js';
import { CatalogResolver, CollectionResolver } from './catalog.resolver.js';

/** Every resolver class of the graph. Add a new resolver here (one line). */
export const RESOLVERS: NonEmptyArray<Function> = [
  InstanceResolver,
  ChatResolver,
  ContactResolver,
  MessageResolver,
  SubscriptionResolver,
  BulkResolver, ButtonsResolver, MessageStatusResolver,
  TemplateResolver, BusinessResolver,
  GroupAdminResolver, GroupActionPayloadResolver, CommunityResolver, CommunityFieldsResolver, CommunityActionPayloadResolver,
  ChatAdminResolver, LabelResolver, CatalogResolver, CollectionResolver,
];
