import { FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import { eventLocalId, toGlobalId, type GlobalIdType } from '../global-ids.js';
import { BusinessCategory, Country, WebhookEndpoint } from '../schema/business.types.js';
import { Collection, Product } from '../schema/catalog.types.js';
import { Chat, Contact, Group, GroupParticipant } from '../schema/chat.types.js';
import { Community } from '../schema/community.types.js';
import { EVENT_CLASSES, EVENT_ID_DESCRIPTION } from '../schema/event.types.js';
import { GroupInvitation } from '../schema/group-admin.types.js';
import { Instance } from '../schema/instance.types.js';
import { Label } from '../schema/label.types.js';
import { Media } from '../schema/media.types.js';
import { Message } from '../schema/message.types.js';
import { CreateProviderInstancePayload, ProviderAccount } from '../schema/partner.types.js';
import { MessageTemplate } from '../schema/template.types.js';

/**
 * The GraphQL `id` of every object type is a global id (`global-ids.ts`; issue "A graph a frontend
 * can live in", item 3), while the root values keep the provider's id in their `id` property
 * (what the providers' model and the resolvers work with). This module adds, per type, the field
 * resolvers that make the difference: `id` (the global id) and, where the type had none, a field
 * with the provider's own id (`Chat.chatId`, `Group.groupId`, `Message.providerMessageId`…) and
 * the configured `instanceId` the arguments take.
 */

/** A root value the id fields can read: the provider's id, and the instance (or provider) it belongs to. */
interface IdRoot {
  id: string;
  instanceId?: string | null;
}

/** How one type's global id is made and which extra id fields it gets. */
interface IdSpec<T extends IdRoot> {
  cls: ClassType<T>;
  type: GlobalIdType;
  /** The scope of the id (default: the root's `instanceId`, required). */
  scope?: (root: T) => string;
  /** The provider's id inside the global id (default: the root's `id`). */
  localId?: (root: T) => string;
  /** A field that serves the root's `id` (the provider's id) under its own name, with its description. */
  providerField?: [name: string, description: string];
  /** Whether to add `instanceId: String!` (the configured instance id arguments take). */
  instanceField?: boolean;
  /** The `id` field's description (default: {@link GLOBAL_ID_DESCRIPTION}). */
  idDescription?: string;
}

/** The `id` description of the types whose id is computed from type, instance and provider id. */
const GLOBAL_ID_DESCRIPTION = 'Global id: opaque, unique across the graph, stable across restarts and replicas.';

/** An event root's cursor: every event the graph serves comes from the log with its cursor; one without is a bug of the graph, not of the request. */
function cursorOf(root: IdRoot & { cursor?: string }): string {
  if (!root.cursor) throw new Error('Event root value without cursor');
  return root.cursor;
}

/** The root's instance id, which every instance-scoped root value carries (its resolvers set it); a root without one is a bug of the graph, not of the request. */
function instanceOf(root: IdRoot, type: string): string {
  if (!root.instanceId) throw new Error(`${type} root value without instanceId`);
  return root.instanceId;
}

/** Adds a `String!` field resolver named `name` to a resolver class, reading `read(root)` (decorators applied by hand: the name varies per type). */
function addStringField<T>(target: ClassType, name: string, description: string, read: (root: T) => string): void {
  const proto = target.prototype as Record<string, unknown>;
  proto[name] = (root: T) => read(root);
  Root()(proto, name, 0);
  FieldResolver(() => String, { description })(proto, name, Object.getOwnPropertyDescriptor(proto, name)!);
}

/**
 * The resolver class of one type's id fields (see the module comment).
 * @returns a type-graphql resolver class to list in `RESOLVERS`
 */
function idResolver<T extends IdRoot>(spec: IdSpec<T>): ClassType {
  const scopeOf = spec.scope ?? ((root: T) => instanceOf(root, spec.type));
  const localOf = spec.localId ?? ((root: T) => root.id);
  @Resolver(() => spec.cls)
  class GlobalIdFields {
    @FieldResolver(() => ID, { description: spec.idDescription ?? GLOBAL_ID_DESCRIPTION })
    id(@Root() root: T): string | null {
      // a row the provider sent without its id: null, which the field guard (field-guard.ts) reports as MALFORMED_REPLY naming `<Type>.id`
      if (root.id === undefined || root.id === null) return null;
      return toGlobalId(spec.type, scopeOf(root), localOf(root));
    }
  }
  if (spec.providerField) addStringField<T>(GlobalIdFields, spec.providerField[0], spec.providerField[1], (root) => root.id);
  if (spec.instanceField)
    addStringField<T>(GlobalIdFields, 'instanceId', 'The configured id of its instance (what `instanceId` arguments take).', (root) => instanceOf(root, spec.type));
  return GlobalIdFields;
}

const INSTANCE_ARG = 'The configured instance id: what every `instanceId` argument takes (they take `Instance.id` as well).';

/** The id-field resolvers of every object type with an `id` (listed in `resolvers/index.ts`). */
export const ID_RESOLVERS: ClassType[] = [
  idResolver<Instance & IdRoot>({ cls: Instance, type: 'Instance', scope: (r) => r.id, localId: () => '', providerField: ['instanceId', INSTANCE_ARG] }),
  idResolver<Chat>({
    cls: Chat,
    type: 'Chat',
    providerField: ['chatId', 'The chat as the provider names it: phone number digits (wa_id) for a 1:1 chat, the group id for a group. What `chatId` arguments take.'],
    instanceField: true,
  }),
  idResolver<Contact>({ cls: Contact, type: 'Contact', instanceField: true }),
  idResolver<Group>({ cls: Group, type: 'Group', providerField: ['groupId', "The provider's group id (what `groupId` arguments take)."], instanceField: true }),
  idResolver<GroupInvitation & { invitationUrl?: string }>({
    cls: GroupInvitation,
    type: 'GroupInvitation',
    // an invitation is its link: the one key the provider reads it by (node.resolver.ts)
    localId: (r) => {
      if (!r.invitationUrl) throw new Error('GroupInvitation root value without invitationUrl');
      return r.invitationUrl;
    },
    providerField: ['groupId', "The provider's group id."],
    instanceField: true,
  }),
  idResolver<GroupParticipant & { groupId?: string }>({
    cls: GroupParticipant,
    type: 'GroupParticipant',
    // a participant is one person in one group: the group is part of its identity
    localId: (r) => `${r.groupId ?? ''}/${r.id}`,
  }),
  idResolver<Community>({
    cls: Community,
    type: 'Community',
    providerField: ['communityId', "The provider's community id (what `communityId` arguments take)."],
    instanceField: true,
  }),
  idResolver<Product>({ cls: Product, type: 'Product', providerField: ['productId', "The catalog's product id (what `productId` arguments take)."] }),
  idResolver<Collection>({ cls: Collection, type: 'Collection', providerField: ['collectionId', "The catalog's collection id (what `collectionId` arguments take)."] }),
  idResolver<Label>({ cls: Label, type: 'Label', providerField: ['labelId', "The provider's label id (what `labelId` arguments take)."] }),
  idResolver<Message>({ cls: Message, type: 'Message', providerField: ['providerMessageId', "WhatsApp's (the provider's) message id: what `messageId` arguments take."] }),
  idResolver<MessageTemplate & IdRoot>({
    cls: MessageTemplate,
    type: 'MessageTemplate',
    providerField: ['templateId', "The provider's template id (what sends and updates take)."],
  }),
  idResolver<Media & IdRoot>({ cls: Media, type: 'Media', providerField: ['mediaId', "The provider's media id (a content's `mediaId`)."] }),
  idResolver<WebhookEndpoint & IdRoot>({ cls: WebhookEndpoint, type: 'WebhookEndpoint', providerField: ['endpointId', "The provider's id of the endpoint."] }),
  idResolver<Country & IdRoot>({ cls: Country, type: 'Country' }),
  idResolver<BusinessCategory & IdRoot>({
    cls: BusinessCategory,
    type: 'BusinessCategory',
    providerField: ['categoryId', "The provider's category id (what `updateBusinessProfile(categories:)` takes)."],
  }),
  idResolver<ProviderAccount & IdRoot & { provider?: string }>({
    cls: ProviderAccount,
    type: 'ProviderAccount',
    scope: (r) => r.provider ?? '',
    providerField: ['accountId', "The provider's instance id."],
  }),
  idResolver<CreateProviderInstancePayload & IdRoot>({
    cls: CreateProviderInstancePayload,
    type: 'ProviderAccount',
    scope: (r) => r.provider,
    providerField: ['accountId', "The provider's instance id."],
  }),
  ...EVENT_CLASSES.map((cls) =>
    idResolver<IdRoot & { cursor?: string }>({
      cls: cls as ClassType<IdRoot & { cursor?: string }>,
      type: 'Event',
      // its place in the log too, so node(id) reads it back in one lookup (global-ids.ts, eventLocalId)
      localId: (r) => eventLocalId(cursorOf(r), r.id),
      idDescription: EVENT_ID_DESCRIPTION,
      providerField: ['eventId', "The event's own id, derived from the provider's ids (the same across redeliveries)."],
    }),
  ),
];
