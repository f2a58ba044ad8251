import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { GraphError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { DocOperationTable } from './doc-operations.js';
import type {
  AccountProfile, BulkItem, BulkResult, Chat, Contact, DeleteMessageInput, DomainEvent, Group, InstanceStatus,
  MessageStatus, Page, PageRequest, PhoneCheck, ProviderKind, ReadMessageInput, SendButtonsInput, SendContactInput,
  SendDocumentInput, SendListInput, SendLocationInput, SendMediaInput, SendReactionInput, SendTextInput, SentMessage,
  BusinessProfile, BusinessProfileInput, Country, Media, MessageTemplate, NamedOption, ProfilePhotoInput, SendFlowInput,
  SendProductInput, SendProductListInput, SendTemplateInput, TemplateInput, TemplateScope, WebhookEndpoint,
} from './model.js';
import type {
  CatalogSettingsInput, ChatExpiration, Collection, CursorPage, Label, LabelColor, LabelInput, Product, ProductInput, ProductPage,
} from './model.js';
import type {
  Community, CommunityChanges, CommunityLinkAction, CreateCommunityInput, CreateGroupInput, CreatedGroup, GroupChanges, GroupInvitation,
  ParticipantChange,
} from './model.js';

/**
 * The provider boundary. A provider implements the **ports** (areas) it has, declares the
 * **capabilities** it offers, and the registry asserts at start that every declared
 * capability has its method ({@link CAPABILITY_METHODS}). The graph calls a port method
 * only through {@link requireCapability}, so an action a provider lacks fails with
 * `CAPABILITY_NOT_SUPPORTED` before any HTTP request.
 *
 * Obligations of every method (checked by `test/contract/`):
 * - It sends exactly the documented request (method, path, headers, body, field spelling):
 *   the provider's docs are the authority, `catalog/<provider>.json` the checklist.
 * - Its inputs arrive validated and normalised (phones as digits, limits checked); a
 *   provider re-checks only what is specific to it (its own limits, as named constants),
 *   and throws `BAD_USER_INPUT` (see `badInput`) before any request.
 * - It fails only with `ProviderError` (mapped by `http.ts`) or `GraphError`.
 * - It returns domain types from `model.ts`, never wire shapes.
 */

/** Everything a provider may be able to do. Names are the graph's, not any provider's. */
export const CAPABILITIES = [
  // account
  'INSTANCE_STATUS', 'ACCOUNT_PROFILE',
  // messaging
  'SEND_TEXT', 'SEND_IMAGE', 'SEND_VIDEO', 'SEND_AUDIO', 'SEND_DOCUMENT', 'SEND_LOCATION', 'SEND_REACTION',
  'SEND_CONTACT', 'SEND_BUTTONS', 'SEND_LIST', 'SEND_BULK', 'READ_MESSAGE', 'DELETE_MESSAGE', 'MESSAGE_STATUS',
  // chats
  'LIST_CHATS', 'GET_CHAT',
  // contacts
  'LIST_CONTACTS', 'GET_CONTACT', 'CHECK_PHONES', 'PROFILE_PICTURE',
  // groups
  'LIST_GROUPS', 'GET_GROUP',
  // messaging (business API sends)
  'SEND_TEMPLATE', 'SEND_PRODUCT', 'SEND_PRODUCT_LIST', 'SEND_FLOW',
  // templates
  'LIST_TEMPLATES', 'GET_TEMPLATE', 'CREATE_TEMPLATE', 'UPDATE_TEMPLATE', 'PROPOSE_TEMPLATE', 'TEMPLATE_CATEGORIES', 'TEMPLATE_LANGUAGES',
  // media
  'GET_MEDIA',
  // business
  'BUSINESS_PROFILE', 'UPDATE_BUSINESS_PROFILE', 'BUSINESS_ABOUT', 'UPDATE_BUSINESS_ABOUT', 'BUSINESS_PHOTO', 'UPDATE_BUSINESS_PHOTO',
  // webhook admin
  'LIST_WEBHOOKS', 'PULL_NOTIFICATIONS',
  // reference
  'COUNTRIES',
  // chat management (one capability per action, so a client can hide each one)
  'MARK_CHAT_READ', 'ARCHIVE_CHAT', 'PIN_CHAT', 'MUTE_CHAT', 'CLEAR_CHAT', 'DELETE_CHAT', 'CHAT_EXPIRATION',
  // labels
  'LIST_LABELS', 'LABEL_COLORS', 'CREATE_LABEL', 'UPDATE_LABEL', 'DELETE_LABEL', 'ASSIGN_LABEL', 'UNASSIGN_LABEL',
  // catalog: products, settings, collections
  'LIST_PRODUCTS', 'GET_PRODUCT', 'UPSERT_PRODUCT', 'DELETE_PRODUCT', 'CONFIGURE_CATALOG',
  'LIST_COLLECTIONS', 'LIST_COLLECTION_PRODUCTS', 'CREATE_COLLECTION', 'UPDATE_COLLECTION', 'DELETE_COLLECTION',
  'ADD_COLLECTION_PRODUCTS', 'REMOVE_COLLECTION_PRODUCTS',
  // group management (GroupsPort): one capability per method, so a client can hide each action
  'CREATE_GROUP', 'UPDATE_GROUP', 'MANAGE_GROUP_PARTICIPANTS', 'LEAVE_GROUP', 'GROUP_INVITE_LINK', 'RESET_GROUP_INVITE_LINK',
  'GROUP_INVITATION', 'JOIN_GROUP',
  // communities (CommunitiesPort)
  'LIST_COMMUNITIES', 'GET_COMMUNITY', 'CREATE_COMMUNITY', 'UPDATE_COMMUNITY', 'LINK_COMMUNITY_GROUPS', 'MANAGE_COMMUNITY_PARTICIPANTS',
  'RESET_COMMUNITY_INVITE_LINK', 'DEACTIVATE_COMMUNITY',
] as const;
/** One of {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];

/** Account area: the instance's connection and own profile. */
export interface AccountPort {
  /** The connection state (Z-API `GET /status`, Zivo `GET account`). */
  getStatus(): Promise<InstanceStatus>;
  /** The account's own profile and device (Z-API `GET /me` + `GET /device`). */
  getProfile(): Promise<AccountProfile>;
}

/** Messaging area: sends and message management. Each send returns the provider's message id. */
export interface MessagingPort {
  sendText(input: SendTextInput): Promise<SentMessage>;
  sendImage(input: SendMediaInput): Promise<SentMessage>;
  sendVideo(input: SendMediaInput): Promise<SentMessage>;
  sendAudio(input: SendMediaInput): Promise<SentMessage>;
  sendDocument(input: SendDocumentInput): Promise<SentMessage>;
  sendLocation(input: SendLocationInput): Promise<SentMessage>;
  sendReaction(input: SendReactionInput): Promise<SentMessage>;
  sendContact(input: SendContactInput): Promise<SentMessage>;
  sendButtons(input: SendButtonsInput): Promise<SentMessage>;
  sendList(input: SendListInput): Promise<SentMessage>;
  /** Sends every item; one result per item in input order; a failed item carries its error and does not stop the others. */
  sendBulk(items: BulkItem[]): Promise<BulkResult[]>;
  readMessage(input: ReadMessageInput): Promise<void>;
  deleteMessage(input: DeleteMessageInput): Promise<void>;
  /** The current status of a sent message (Zivo delivery report); null when the provider does not know it. */
  getMessageStatus(messageId: string): Promise<MessageStatus | null>;
  /** Sends an approved message template with its placeholder values (Ivosights `send-template-message`). */
  sendTemplate(input: SendTemplateInput): Promise<SentMessage>;
  /** Sends one catalog product (Ivosights `send-single-product-message`). */
  sendProduct(input: SendProductInput): Promise<SentMessage>;
  /** Sends several catalog products in sections (Ivosights `send-multi-product-message`). */
  sendProductList(input: SendProductListInput): Promise<SentMessage>;
  /** Sends a WhatsApp Flow (Ivosights `send-flow-message`). */
  sendFlow(input: SendFlowInput): Promise<SentMessage>;
}

/** Chats area. */
export interface ChatsPort {
  listChats(page: PageRequest): Promise<Page<Chat>>;
  /** @returns null when there is no such chat */
  getChat(chatId: string): Promise<Chat | null>;
  /**
   * Chat management (Z-API `POST /modify-chat`, `POST /send-chat-expiration`). `chatId` is a
   * phone (international digits) or a group id; each returns the provider's confirmation
   * (false when it says the action did not happen).
   */
  /** Marks the whole chat read (`read: true`) or unread. */
  markChatRead(chatId: string, read: boolean): Promise<boolean>;
  archiveChat(chatId: string, archived: boolean): Promise<boolean>;
  pinChat(chatId: string, pinned: boolean): Promise<boolean>;
  muteChat(chatId: string, muted: boolean): Promise<boolean>;
  /** Deletes the chat's messages, keeping the chat. */
  clearChat(chatId: string): Promise<boolean>;
  deleteChat(chatId: string): Promise<boolean>;
  /** Sets how long new messages in the chat live (disappearing messages). */
  setChatExpiration(chatId: string, expiration: ChatExpiration): Promise<boolean>;
}

/** Contacts area. */
export interface ContactsPort {
  listContacts(page: PageRequest): Promise<Page<Contact>>;
  /** @returns null when there is no such contact */
  getContact(phone: string): Promise<Contact | null>;
  /** One upstream request for all phones (used through a per-request DataLoader); results in input order. */
  checkPhones(phones: string[]): Promise<PhoneCheck[]>;
  /** @returns the picture URL, or null when the contact has none (or hides it) */
  getProfilePicture(phone: string): Promise<string | null>;
}

/** Groups area. */
export interface GroupsPort {
  listGroups(page: PageRequest): Promise<Page<Group>>;
  /** @returns null when there is no such group */
  getGroup(groupId: string): Promise<Group | null>;
  /** Creates a group with its first participants (phones as digits); returns its id and invitation link. */
  createGroup(input: CreateGroupInput): Promise<CreatedGroup>;
  /** Applies only the given changes (name, description, photo, settings), one provider call each, in that order. */
  updateGroup(groupId: string, changes: GroupChanges): Promise<void>;
  /** Adds, removes, approves, rejects, promotes or demotes the listed participants (phones as digits). */
  changeGroupParticipants(groupId: string, change: ParticipantChange): Promise<void>;
  /** The account leaves the group. */
  leaveGroup(groupId: string): Promise<void>;
  /** The group's current invitation link. */
  getGroupInviteLink(groupId: string): Promise<string>;
  /** Revokes the group's invitation link and returns the new one. */
  resetGroupInviteLink(groupId: string): Promise<string>;
  /** @returns the group an invitation link leads to (without joining), or null when the link leads nowhere */
  getGroupInvitation(url: string): Promise<GroupInvitation | null>;
  /** Joins the group of an invitation link. */
  joinGroup(url: string): Promise<void>;
}

/** Communities area: WhatsApp communities and the groups linked to them. */
export interface CommunitiesPort {
  listCommunities(page: PageRequest): Promise<Page<Community>>;
  /** @returns null when there is no such community */
  getCommunity(communityId: string): Promise<Community | null>;
  /** Creates a community; returns it with its announcement group. */
  createCommunity(input: CreateCommunityInput): Promise<Community>;
  /** Applies only the given changes (description, who can add groups), one provider call each. */
  updateCommunity(communityId: string, changes: CommunityChanges): Promise<void>;
  /** Links or unlinks groups (ids as the provider gives them). */
  changeCommunityGroups(communityId: string, action: CommunityLinkAction, groupIds: string[]): Promise<void>;
  /** Adds, removes, promotes or demotes community participants (phones as digits). */
  changeCommunityParticipants(communityId: string, change: ParticipantChange): Promise<void>;
  /** Revokes the community's invitation link and returns the new one. */
  resetCommunityInviteLink(communityId: string): Promise<string>;
  /** Deactivates the community: its groups are unlinked, not deleted. */
  deactivateCommunity(communityId: string): Promise<void>;
}

/** Templates area: WhatsApp message templates (Ivosights `message-templates`, `template-categories`, `template-languages`). */
export interface TemplatesPort {
  /** The account's templates (`MINE`) or every template available to it (`ALL`); `hasNextPage` when the provider says more exist. */
  listTemplates(scope: TemplateScope): Promise<Page<MessageTemplate>>;
  /** @returns null when there is no such template */
  getTemplate(templateId: string): Promise<MessageTemplate | null>;
  /** Creates a template (proposed for review when `input.propose`); returns it as the provider then shows it. */
  createTemplate(input: TemplateInput): Promise<MessageTemplate | null>;
  /** Replaces a template's definition. */
  updateTemplate(templateId: string, input: TemplateInput): Promise<MessageTemplate | null>;
  /** Submits a template for WhatsApp review (it must be proposed before it can be sent). */
  proposeTemplate(templateId: string): Promise<void>;
  /** The template categories the provider accepts (`UTILITY`, `MARKETING`, `AUTHENTICATION`). */
  listTemplateCategories(): Promise<NamedOption[]>;
  /** The template languages the provider accepts (`id`: Indonesian, …). */
  listTemplateLanguages(): Promise<NamedOption[]>;
}

/** Media area: files received in messages. */
export interface MediaPort {
  /** @returns null when the provider has no such file */
  getMedia(mediaId: string): Promise<Media | null>;
}

/** Business area: the business account's own WhatsApp profile. */
export interface BusinessPort {
  getBusinessProfile(): Promise<BusinessProfile>;
  updateBusinessProfile(input: BusinessProfileInput): Promise<void>;
  /** The profile's "about" text (null when unset). */
  getAbout(): Promise<string | null>;
  updateAbout(text: string): Promise<void>;
  /** A URL of the profile photo (null when unset). */
  getProfilePhoto(): Promise<string | null>;
  updateProfilePhoto(input: ProfilePhotoInput): Promise<void>;
}

/** Webhook administration: the endpoints configured at the provider and the notifications it could not deliver. */
export interface WebhookAdminPort {
  listWebhooks(): Promise<WebhookEndpoint[]>;
  /**
   * Fetches the notifications the provider failed to deliver and parses them exactly as the
   * webhook path does (same event ids, so the pipeline dedupes what also arrived by webhook).
   * @param webhookId the provider's webhook id (default: the instance's configured one, else every listed webhook)
   */
  pullPendingNotifications(webhookId?: string | null): Promise<DomainEvent[]>;
}

/** Labels area: the account's chat labels (WhatsApp Business). Booleans are the provider's confirmation. */
export interface LabelsPort {
  listLabels(): Promise<Label[]>;
  /** The colours a label can take, by index. */
  listLabelColors(): Promise<LabelColor[]>;
  /** @returns the new label (its id from the provider) */
  createLabel(input: LabelInput): Promise<Label>;
  updateLabel(labelId: string, input: LabelInput): Promise<boolean>;
  deleteLabel(labelId: string): Promise<boolean>;
  /** `chatId`: phone digits or group id. */
  assignLabel(chatId: string, labelId: string): Promise<boolean>;
  unassignLabel(chatId: string, labelId: string): Promise<boolean>;
}

/**
 * Catalog area: WhatsApp Business products, catalog settings and collections. Lists page by
 * the provider's opaque cursor. Collection ids may change when a collection changes: the
 * methods that change one return the id to use from then on.
 */
export interface CatalogPort {
  /** The account's own catalog (`owner` null) or another business number's (`owner` phone digits). */
  listProducts(owner: string | null, cursor: string | null): Promise<ProductPage>;
  /** @returns null when there is no such product */
  getProduct(productId: string): Promise<Product | null>;
  /** Creates the product, or updates the one with the same `retailerId`; returns the product id. */
  upsertProduct(input: ProductInput): Promise<string>;
  deleteProduct(productId: string): Promise<boolean>;
  configureCatalog(input: CatalogSettingsInput): Promise<boolean>;
  listCollections(cursor: string | null): Promise<CursorPage<Collection>>;
  listCollectionProducts(collectionId: string, cursor: string | null): Promise<CursorPage<Product>>;
  /** @returns the new collection's id */
  createCollection(name: string, productIds: string[]): Promise<string>;
  /** Renames a collection; returns its (possibly new) id. */
  updateCollection(collectionId: string, name: string): Promise<string>;
  deleteCollection(collectionId: string): Promise<boolean>;
  /** @returns the collection's new id */
  addProductsToCollection(collectionId: string, productIds: string[]): Promise<string>;
  /** @returns the collection's new id */
  removeProductsFromCollection(collectionId: string, productIds: string[]): Promise<string>;
}

/** Reference data the provider serves. */
export interface ReferencePort {
  listCountries(): Promise<Country[]>;
}

/** The ports by area name. */
export interface PortMap {
  account: AccountPort;
  messaging: MessagingPort;
  chats: ChatsPort;
  contacts: ContactsPort;
  groups: GroupsPort;
  communities: CommunitiesPort;
  templates: TemplatesPort;
  media: MediaPort;
  business: BusinessPort;
  webhookAdmin: WebhookAdminPort;
  reference: ReferencePort;
  labels: LabelsPort;
  catalog: CatalogPort;
}
/** An area name. */
export type PortName = keyof PortMap;

type MethodRef = { [P in PortName]: readonly [P, keyof PortMap[P] & string] }[PortName];

/** Which port method serves each capability: the registry asserts these exist. */
export const CAPABILITY_METHODS = {
  INSTANCE_STATUS: ['account', 'getStatus'],
  ACCOUNT_PROFILE: ['account', 'getProfile'],
  SEND_TEXT: ['messaging', 'sendText'],
  SEND_IMAGE: ['messaging', 'sendImage'],
  SEND_VIDEO: ['messaging', 'sendVideo'],
  SEND_AUDIO: ['messaging', 'sendAudio'],
  SEND_DOCUMENT: ['messaging', 'sendDocument'],
  SEND_LOCATION: ['messaging', 'sendLocation'],
  SEND_REACTION: ['messaging', 'sendReaction'],
  SEND_CONTACT: ['messaging', 'sendContact'],
  SEND_BUTTONS: ['messaging', 'sendButtons'],
  SEND_LIST: ['messaging', 'sendList'],
  SEND_BULK: ['messaging', 'sendBulk'],
  READ_MESSAGE: ['messaging', 'readMessage'],
  DELETE_MESSAGE: ['messaging', 'deleteMessage'],
  MESSAGE_STATUS: ['messaging', 'getMessageStatus'],
  LIST_CHATS: ['chats', 'listChats'],
  GET_CHAT: ['chats', 'getChat'],
  LIST_CONTACTS: ['contacts', 'listContacts'],
  GET_CONTACT: ['contacts', 'getContact'],
  CHECK_PHONES: ['contacts', 'checkPhones'],
  PROFILE_PICTURE: ['contacts', 'getProfilePicture'],
  LIST_GROUPS: ['groups', 'listGroups'],
  GET_GROUP: ['groups', 'getGroup'],
  SEND_TEMPLATE: ['messaging', 'sendTemplate'],
  SEND_PRODUCT: ['messaging', 'sendProduct'],
  SEND_PRODUCT_LIST: ['messaging', 'sendProductList'],
  SEND_FLOW: ['messaging', 'sendFlow'],
  LIST_TEMPLATES: ['templates', 'listTemplates'],
  GET_TEMPLATE: ['templates', 'getTemplate'],
  CREATE_TEMPLATE: ['templates', 'createTemplate'],
  UPDATE_TEMPLATE: ['templates', 'updateTemplate'],
  PROPOSE_TEMPLATE: ['templates', 'proposeTemplate'],
  TEMPLATE_CATEGORIES: ['templates', 'listTemplateCategories'],
  TEMPLATE_LANGUAGES: ['templates', 'listTemplateLanguages'],
  GET_MEDIA: ['media', 'getMedia'],
  BUSINESS_PROFILE: ['business', 'getBusinessProfile'],
  UPDATE_BUSINESS_PROFILE: ['business', 'updateBusinessProfile'],
  BUSINESS_ABOUT: ['business', 'getAbout'],
  UPDATE_BUSINESS_ABOUT: ['business', 'updateAbout'],
  BUSINESS_PHOTO: ['business', 'getProfilePhoto'],
  UPDATE_BUSINESS_PHOTO: ['business', 'updateProfilePhoto'],
  LIST_WEBHOOKS: ['webhookAdmin', 'listWebhooks'],
  PULL_NOTIFICATIONS: ['webhookAdmin', 'pullPendingNotifications'],
  COUNTRIES: ['reference', 'listCountries'],
  MARK_CHAT_READ: ['chats', 'markChatRead'],
  ARCHIVE_CHAT: ['chats', 'archiveChat'],
  PIN_CHAT: ['chats', 'pinChat'],
  MUTE_CHAT: ['chats', 'muteChat'],
  CLEAR_CHAT: ['chats', 'clearChat'],
  DELETE_CHAT: ['chats', 'deleteChat'],
  CHAT_EXPIRATION: ['chats', 'setChatExpiration'],
  LIST_LABELS: ['labels', 'listLabels'],
  LABEL_COLORS: ['labels', 'listLabelColors'],
  CREATE_LABEL: ['labels', 'createLabel'],
  UPDATE_LABEL: ['labels', 'updateLabel'],
  DELETE_LABEL: ['labels', 'deleteLabel'],
  ASSIGN_LABEL: ['labels', 'assignLabel'],
  UNASSIGN_LABEL: ['labels', 'unassignLabel'],
  LIST_PRODUCTS: ['catalog', 'listProducts'],
  GET_PRODUCT: ['catalog', 'getProduct'],
  UPSERT_PRODUCT: ['catalog', 'upsertProduct'],
  DELETE_PRODUCT: ['catalog', 'deleteProduct'],
  CONFIGURE_CATALOG: ['catalog', 'configureCatalog'],
  LIST_COLLECTIONS: ['catalog', 'listCollections'],
  LIST_COLLECTION_PRODUCTS: ['catalog', 'listCollectionProducts'],
  CREATE_COLLECTION: ['catalog', 'createCollection'],
  UPDATE_COLLECTION: ['catalog', 'updateCollection'],
  DELETE_COLLECTION: ['catalog', 'deleteCollection'],
  ADD_COLLECTION_PRODUCTS: ['catalog', 'addProductsToCollection'],
  REMOVE_COLLECTION_PRODUCTS: ['catalog', 'removeProductsFromCollection'],
  CREATE_GROUP: ['groups', 'createGroup'],
  UPDATE_GROUP: ['groups', 'updateGroup'],
  MANAGE_GROUP_PARTICIPANTS: ['groups', 'changeGroupParticipants'],
  LEAVE_GROUP: ['groups', 'leaveGroup'],
  GROUP_INVITE_LINK: ['groups', 'getGroupInviteLink'],
  RESET_GROUP_INVITE_LINK: ['groups', 'resetGroupInviteLink'],
  GROUP_INVITATION: ['groups', 'getGroupInvitation'],
  JOIN_GROUP: ['groups', 'joinGroup'],
  LIST_COMMUNITIES: ['communities', 'listCommunities'],
  GET_COMMUNITY: ['communities', 'getCommunity'],
  CREATE_COMMUNITY: ['communities', 'createCommunity'],
  UPDATE_COMMUNITY: ['communities', 'updateCommunity'],
  LINK_COMMUNITY_GROUPS: ['communities', 'changeCommunityGroups'],
  MANAGE_COMMUNITY_PARTICIPANTS: ['communities', 'changeCommunityParticipants'],
  RESET_COMMUNITY_INVITE_LINK: ['communities', 'resetCommunityInviteLink'],
  DEACTIVATE_COMMUNITY: ['communities', 'deactivateCommunity'],
} as const satisfies Record<Capability, MethodRef>;

/** The method type behind a capability. */
export type CapabilityMethod<C extends Capability> =
  PortMap[(typeof CAPABILITY_METHODS)[C][0]][(typeof CAPABILITY_METHODS)[C][1] & keyof PortMap[(typeof CAPABILITY_METHODS)[C][0]]];

/** An inbound webhook request as the receiver hands it to the provider. */
export interface InboundWebhook {
  /** The parsed JSON body. */
  body: unknown;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Epoch ms at which it arrived (the fallback `occurredAt`). */
  receivedAt: number;
}

/** A documented payload that cannot be read (wrong shape): answered 422, nothing published. */
export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
  }
}

/** Inbound side of a provider that posts webhooks. */
export interface WebhookPort {
  /**
   * Turns one delivery into domain events with stable ids (see {@link stableEventId}):
   * a redelivery gives the same ids. A documented payload of a kind the graph does not type
   * yet becomes `UnsupportedContent` / `INSTANCE_EVENT`, never nothing.
   * @throws WebhookPayloadError when the body is not a payload of this provider at all
   */
  parse(delivery: InboundWebhook): DomainEvent[];
  /**
   * An alternative to the path secret, for providers that authenticate their deliveries
   * themselves (Ivosights `http_auth`: HTTP Basic). Returns true only when the delivery's
   * headers carry this instance's configured credentials (compared in constant time); false
   * when they do not or when the instance configured none. The receiver may accept a delivery
   * that passes either check.
   * @param headers lower-cased header names, as in {@link InboundWebhook.headers}
   */
  authenticate?(headers: InboundWebhook['headers']): boolean;
}

/** Where background work (pollers, pullers) hands the events it finds: the same pipeline as webhooks (deduped, logged, published). */
export interface EventSink {
  accept(events: DomainEvent[]): Promise<void>;
}

/** A running provider instance: its ports, its capability set, its inbound side and background work. */
export interface ProviderAdapter {
  kind: ProviderKind;
  /** The graph's instance id. */
  instanceId: string;
  /** Exactly what this provider can do; each entry must have its method. */
  capabilities: ReadonlySet<Capability>;
  account?: Partial<AccountPort>;
  messaging?: Partial<MessagingPort>;
  chats?: Partial<ChatsPort>;
  contacts?: Partial<ContactsPort>;
  groups?: Partial<GroupsPort>;
  communities?: Partial<CommunitiesPort>;
  templates?: Partial<TemplatesPort>;
  media?: Partial<MediaPort>;
  business?: Partial<BusinessPort>;
  webhookAdmin?: Partial<WebhookAdminPort>;
  reference?: Partial<ReferencePort>;
  labels?: Partial<LabelsPort>;
  catalog?: Partial<CatalogPort>;
  /** Present when the provider posts webhooks. */
  webhooks?: WebhookPort;
  /** Starts background work (pollers); called once after the server is ready. */
  start?(sink: EventSink): void;
  /** Stops background work; called on shutdown. */
  stop?(): Promise<void>;
}

/** What every provider factory gets. */
export interface ProviderDeps {
  logger: Logger;
  metrics?: Metrics;
}

/** The config fields every instance has, whatever its provider (DESIGN.md, "Configuration"). */
export interface BaseInstanceConfig {
  id: string;
  provider: ProviderKind;
  webhookSecret: string;
  baseUrl?: string;
}

/** A simulator's running server (sandbox mode and tests). */
export interface SimulatorHandle {
  /** `http://127.0.0.1:PORT`: the `baseUrl` to give an instance. */
  url: string;
  /** Every request received, in order (method, path, query, headers, parsed body). */
  requests: RecordedRequest[];
  /** The instance config (credentials and all) that the simulator accepts, minus `id` and `webhookSecret`. */
  instanceConfig: Record<string, unknown>;
  /** Where the simulator posts its webhooks (absent: it posts none). */
  setWebhookUrl(url: string | null): void;
  /** The next `fault.count` (default 1) requests get this answer instead (tests: 401/429/500/slow). */
  injectFault(fault: SimFault): void;
  close(): Promise<void>;
}

/** A fault a simulator answers with instead of the documented response. */
export interface SimFault {
  /** HTTP status to answer (omit to answer normally after `delayMs`). */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering, ms (a timeout test sets it above the client's timeout). */
  delayMs?: number;
  /** How many requests get the fault (default 1). */
  count?: number;
}

/** A request a simulator received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Options every simulator takes. */
export interface SimulatorOptions {
  /** Port to listen on (0: any free port). */
  port?: number;
  /** Where to post webhooks (can be set later). */
  webhookUrl?: string | null;
  /** Delay between the simulated status webhooks after a send, ms (default 50). */
  stepDelayMs?: number;
  /** Whether a send is followed by a simulated inbound reply (default true). */
  autoReply?: boolean;
}

/** One provider's module, as the registry knows it. */
export interface ProviderModule<C extends BaseInstanceConfig = BaseInstanceConfig> {
  kind: ProviderKind;
  /** zod schema of the provider-specific instance fields (merged with the base fields by config.ts). */
  configShape: z.ZodRawShape;
  /** The documented default origin for `baseUrl`. */
  defaultBaseUrl: string;
  /**
   * ISO 3166 country used to read national-format phone numbers given to this provider's
   * instances (`07…` on Zivo is Kenyan); an instance's `defaultCountry` overrides it.
   */
  defaultCountry: string;
  create(config: C, deps: ProviderDeps): ProviderAdapter;
  startSimulator(options?: SimulatorOptions): Promise<SimulatorHandle>;
  /** The provider's name as people write it (`docs/providers.md` headings). */
  title: string;
  /** The file name of the provider's published documentation that doc line numbers refer to (`z-api.txt`). */
  docSource: string;
  /**
   * How each documented operation is reached from the graph: every operation of the
   * provider's fixtures (`operations.json`), keyed by {@link docOperationKey}, with the
   * capabilities whose port methods call it, or the reason none does.
   */
  operations: DocOperationTable;
  /**
   * Repository-relative folder of the provider's documented examples (`test/fixtures/<kind>`):
   * `operations.json` (every documented operation with its request and response examples and
   * doc lines), and `webhooks.json` when the provider posts webhooks. Read by the suites and
   * `scripts/gen-providers-doc.ts`, never by the server.
   */
  fixtures: string;
  /**
   * The names of the instance config fields that are credentials: they must never appear in an
   * error, a log line, a metric or a GraphQL field (suites assert it).
   */
  secretFields: readonly string[];
  /** How suites reach the provider's simulator directly, without the adapter. */
  simulatorAccess: SimulatorAccess;
  /** Documented payloads built on demand; present when the provider posts webhooks. */
  samples?: WebhookSamples;
}

/** A raw request to a simulator that {@link SimulatorAccess.authorise} completes with credentials. */
export interface RawSimulatorRequest {
  /** The documented path with its parameters filled in (no origin). */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, or undefined for none. */
  body: unknown;
}

/**
 * What a suite needs to call a provider's simulator directly with the documented requests
 * (the contract suite drives every documented operation this way).
 */
export interface SimulatorAccess {
  /**
   * Adds the instance's credentials to `request` exactly where the provider documents them
   * (path prefix, header, query or body fields).
   * @param config the simulator's `instanceConfig` (credentials included)
   * @param operation the documented operation (`base` names an alternative origin, e.g. a partner API)
   */
  authorise(config: Readonly<Record<string, unknown>>, operation: { method: string; base?: string }, request: RawSimulatorRequest): void;
  /**
   * Values for documented path, query and body parameters, by parameter name, that name objects
   * the simulator seeds (the documentation's own example ids), so documented operations find them.
   */
  seedIds(config: Readonly<Record<string, unknown>>): Readonly<Record<string, string>>;
  /** Per operation key ({@link docOperationKey}): parameter values where the parameter's name does not say which seeded object it needs. */
  operationParams?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Per operation key: a request body, where the documentation gives no request example. */
  operationBodies?: Readonly<Record<string, (config: Readonly<Record<string, unknown>>) => unknown>>;
}

/** Documented webhook payloads, with the ids and times a test chooses. */
export interface WebhookSamples {
  /**
   * The provider's documented webhook body for one inbound text message.
   * @param messageId the provider message id the payload carries
   * @param options `text`, `occurredAt` (epoch ms; default now), `phone` (sender, international digits)
   */
  inboundText(messageId: string, options?: { text?: string; occurredAt?: number; phone?: string }): unknown;
}

/**
 * Looks up the method behind a capability, bound to its port.
 * @throws GraphError `CAPABILITY_NOT_SUPPORTED` (with `provider`, `capability`) when the provider lacks it
 */
export function requireCapability<C extends Capability>(adapter: ProviderAdapter, capability: C): CapabilityMethod<C> {
  const [port, method] = CAPABILITY_METHODS[capability];
  const impl = (adapter[port] as Record<string, unknown> | undefined)?.[method];
  if (!adapter.capabilities.has(capability) || typeof impl !== 'function') {
    throw new CapabilityError(adapter.kind, capability);
  }
  return (impl as (...args: unknown[]) => unknown).bind(adapter[port]) as CapabilityMethod<C>;
}

/** `CAPABILITY_NOT_SUPPORTED`: the instance's provider cannot do this. */
export class CapabilityError extends GraphError {
  constructor(provider: ProviderKind, capability: string) {
    super('CAPABILITY_NOT_SUPPORTED', `${provider} instances do not support ${capability}`, { provider, capability });
  }
}

/** A stable, short event id from the provider's own ids (same parts → same id, so redeliveries dedupe). */
export function stableEventId(...parts: Array<string | number | null | undefined>): string {
  return createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u001f')).digest('base64url').slice(0, 22);
}
