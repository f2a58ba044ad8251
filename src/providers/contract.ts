import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { GraphError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { DocOperationTable } from './doc-operations.js';
import type {
  EditEventInput,
  EditMessageInput,
  ForwardMessageInput,
  PinMessageInput,
  PostStatusInput,
  ReplyToStatusInput,
  RespondToEventInput,
  SendActionButtonsInput,
  SendCallInput,
  SendCarouselInput,
  SendCatalogInput,
  SendCatalogProductInput,
  SendChannelAdminInviteInput,
  SendEventInput,
  SendGifInput,
  SendLinkInput,
  SendOrderInput,
  SendOtpButtonInput,
  SendPixButtonInput,
  SendPollInput,
  SendPollVoteInput,
  SendPtvInput,
  SendStickerInput,
  UpdateOrderInput,
} from './model-rich.js';
import type { ResilienceOptions } from './resilience.js';
import type {
  AccountProfile,
  BulkItem,
  BulkResult,
  Chat,
  Contact,
  DeleteMessageInput,
  DomainEvent,
  Group,
  InstanceStatus,
  MessageStatus,
  Page,
  PageRequest,
  PhoneCheck,
  ProviderKind,
  ReadMessageInput,
  SendButtonsInput,
  SendContactInput,
  SendDocumentInput,
  SendListInput,
  SendLocationInput,
  SendMediaInput,
  SendReactionInput,
  SendTextInput,
  SentMessage,
  BusinessProfile,
  BusinessProfileInput,
  BusinessCategory,
  Country,
  Media,
  MessageTemplate,
  NamedOption,
  ProfilePhotoInput,
  SendFlowInput,
  SendProductInput,
  SendProductListInput,
  SendTemplateInput,
  TemplateInput,
  TemplateScope,
  WebhookEndpoint,
} from './model.js';
import type { CreatedProviderInstance, NewProviderInstance, ProviderAccountPage, ProviderAccountQuery } from './account.model.js';
import type { AccountSecurity, RegistrationResult, RegistrationStep, SecurityChange, UnbanStatus } from './account.model.js';
import type { AccountSettingsInput, NewContact, PrivacyInput, PrivacySettings, QrCode, QueuePage, WebhookRegistration } from './account.model.js';
import type { CatalogSettingsInput, ChatExpiration, Collection, CursorPage, Label, LabelColor, LabelInput, Product, ProductInput, ProductPage } from './model.js';
import type {
  Community,
  CommunityChanges,
  CommunityLinkAction,
  CreateCommunityInput,
  CreateGroupInput,
  CreatedGroup,
  GroupChanges,
  GroupInvitation,
  ParticipantChange,
} from './model.js';

/**
 * The provider boundary: what a provider folder must implement and what the graph may rely
 * on. A provider implements the **ports** (areas) it has and declares the **capabilities** it
 * offers; the registry asserts at start that every declared capability has its method
 * ({@link CAPABILITY_METHODS}). The graph calls a port method only through
 * {@link requireCapability}, so an action a provider lacks fails with
 * `CAPABILITY_NOT_SUPPORTED` before any HTTP request. Which documented operation serves which
 * method is written in each provider's `operations.ts`, never here.
 *
 * Obligations of every port method, unless its own docstring says otherwise (the contract
 * suite in `test/contract/` checks them against the providers' simulators):
 * - **Requests.** It sends exactly the documented request (method, path, headers, body, field
 *   spelling); the provider's documentation is the authority. A method makes one request
 *   unless its docstring says more, and never retries by itself: a failed send is retried, if
 *   at all, by the caller (the idempotency wrapper), never twice by the provider layer.
 * - **Inputs.** They arrive validated and normalised by the resolver layer: recipients and
 *   phones as international digits without `+` (E.164 digits, `5511999999999`) or a group id
 *   as the provider spells it; the graph-wide limits of `limits.ts` checked. A provider
 *   re-checks only what is specific to it (its own documented limits, as named constants; the
 *   fields its operation requires) and throws `GraphError` `BAD_USER_INPUT` through
 *   `badInput`, naming the input path (`input.footer`, `input.sections[0].rows[2].title`),
 *   before any request.
 * - **Nothing dropped.** An input field that the provider's operation cannot carry (a quote, a
 *   delay, a caption, a footer, a header kind…) is refused with `BAD_USER_INPUT` naming it,
 *   never sent without it.
 * - **Errors.** It fails only with `GraphError` `BAD_USER_INPUT` (before any request) or with
 *   `ProviderError` (`http.ts`): `PROVIDER_UNAUTHORIZED` when the provider refuses the
 *   instance's credentials (HTTP 401/403 or its documented equivalent);
 *   `PROVIDER_RATE_LIMITED` on HTTP 429, with `retryAfterMs` (ms) from `Retry-After` when sent;
 *   `PROVIDER_UNAVAILABLE` on HTTP 5xx, a timeout, a refused connection, or a WhatsApp session
 *   the provider says is not connected; `NOT_FOUND` where the provider's error reading says
 *   the named thing does not exist; `PROVIDER_ERROR` for any other refusal and for a 2xx answer
 *   that lacks what the method must return (an id, a link). Its extensions carry `provider`,
 *   `operation`, `httpStatus` and `providerCode` when known; its message and extensions never
 *   carry a URL, a credential, a phone number or a message body.
 * - **Nothing found.** A method typed `T | null` resolves with null when the provider says the
 *   thing does not exist (HTTP 404 or its documented empty answer), never throws for it; a list
 *   resolves with an empty list or page.
 * - **Confirmations.** A method typed `Promise<boolean>` resolves with the provider's
 *   confirmation: true when its answer says the action happened, false when it answers without
 *   saying so. A method typed `Promise<void>` resolves once the provider accepted the request
 *   and throws `ProviderError` `PROVIDER_ERROR` (`providerCode: 'FAILED'`) when a 2xx answer
 *   says the action did not happen.
 * - **Output.** It returns the domain types of `model.ts`, never wire shapes; ids are the
 *   provider's own, as strings; timestamps are epoch ms.
 * - **Time.** Each request is bounded by the instance's timeout (`timeoutMs`, default
 *   `DEFAULT_TIMEOUT_MS` of `http.ts`, 15 000 ms); past it the method throws
 *   `PROVIDER_UNAVAILABLE`.
 */

/**
 * The capabilities of the kinds of message beyond text and plain media (issue 8): stickers to
 * status posts, one per kind, each served by a `MessagingPort` method (`model-rich.ts` holds
 * their inputs). Part of {@link CAPABILITIES}; a provider that can send them all lists this.
 */
export const RICH_SEND_CAPABILITIES = [
  'SEND_STICKER',
  'SEND_GIF',
  'SEND_PTV',
  'SEND_LINK',
  'SEND_FORWARD',
  'EDIT_MESSAGE',
  'SEND_ACTION_BUTTONS',
  'SEND_OTP_BUTTON',
  'SEND_PIX_BUTTON',
  'SEND_CAROUSEL',
  'SEND_POLL',
  'SEND_POLL_VOTE',
  'SEND_CATALOG_PRODUCT',
  'SEND_CATALOG',
  'SEND_ORDER',
  'SEND_ORDER_STATUS',
  'SEND_ORDER_PAYMENT',
  'PIN_MESSAGE',
  'SEND_EVENT',
  'EDIT_EVENT',
  'SEND_EVENT_RESPONSE',
  'SEND_CHANNEL_ADMIN_INVITE',
  'SEND_CALL',
  'SEND_STATUS',
  'SEND_STATUS_REPLY',
] as const;

/**
 * Everything a provider may be able to do, one entry per port method
 * ({@link CAPABILITY_METHODS}). Names are the graph's, not any provider's; `Instance.capabilities`
 * lists an instance's subset to clients.
 */
export const CAPABILITIES = [
  // account
  'INSTANCE_STATUS',
  'ACCOUNT_PROFILE',
  // messaging
  'SEND_TEXT',
  'SEND_IMAGE',
  'SEND_VIDEO',
  'SEND_AUDIO',
  'SEND_DOCUMENT',
  'SEND_LOCATION',
  'SEND_REACTION',
  'SEND_CONTACT',
  'SEND_BUTTONS',
  'SEND_LIST',
  'SEND_BULK',
  'READ_MESSAGE',
  'DELETE_MESSAGE',
  'MESSAGE_STATUS',
  // chats
  'LIST_CHATS',
  'GET_CHAT',
  // contacts
  'LIST_CONTACTS',
  'GET_CONTACT',
  'CHECK_PHONES',
  'PROFILE_PICTURE',
  // groups
  'LIST_GROUPS',
  'GET_GROUP',
  // messaging (business API sends)
  'SEND_TEMPLATE',
  'SEND_PRODUCT',
  'SEND_PRODUCT_LIST',
  'SEND_FLOW',
  // templates
  'LIST_TEMPLATES',
  'GET_TEMPLATE',
  'CREATE_TEMPLATE',
  'UPDATE_TEMPLATE',
  'PROPOSE_TEMPLATE',
  'TEMPLATE_CATEGORIES',
  'TEMPLATE_LANGUAGES',
  // media
  'GET_MEDIA',
  // business
  'BUSINESS_PROFILE',
  'UPDATE_BUSINESS_PROFILE',
  'BUSINESS_ABOUT',
  'UPDATE_BUSINESS_ABOUT',
  'BUSINESS_PHOTO',
  'UPDATE_BUSINESS_PHOTO',
  // webhook admin
  'LIST_WEBHOOKS',
  'PULL_NOTIFICATIONS',
  // reference
  'COUNTRIES',
  // chat management (one capability per action, so a client can hide each one)
  'MARK_CHAT_READ',
  'ARCHIVE_CHAT',
  'PIN_CHAT',
  'MUTE_CHAT',
  'CLEAR_CHAT',
  'DELETE_CHAT',
  'CHAT_EXPIRATION',
  // labels
  'LIST_LABELS',
  'LABEL_COLORS',
  'CREATE_LABEL',
  'UPDATE_LABEL',
  'DELETE_LABEL',
  'ASSIGN_LABEL',
  'UNASSIGN_LABEL',
  // catalog: products, settings, collections
  'LIST_PRODUCTS',
  'GET_PRODUCT',
  'UPSERT_PRODUCT',
  'DELETE_PRODUCT',
  'CONFIGURE_CATALOG',
  'LIST_COLLECTIONS',
  'LIST_COLLECTION_PRODUCTS',
  'CREATE_COLLECTION',
  'UPDATE_COLLECTION',
  'DELETE_COLLECTION',
  'ADD_COLLECTION_PRODUCTS',
  'REMOVE_COLLECTION_PRODUCTS',
  // group management (GroupsPort): one capability per method, so a client can hide each action
  'CREATE_GROUP',
  'UPDATE_GROUP',
  'MANAGE_GROUP_PARTICIPANTS',
  'LEAVE_GROUP',
  'GROUP_INVITE_LINK',
  'RESET_GROUP_INVITE_LINK',
  'GROUP_INVITATION',
  'JOIN_GROUP',
  // communities (CommunitiesPort)
  'LIST_COMMUNITIES',
  'GET_COMMUNITY',
  'CREATE_COMMUNITY',
  'UPDATE_COMMUNITY',
  'LINK_COMMUNITY_GROUPS',
  'MANAGE_COMMUNITY_PARTICIPANTS',
  'RESET_COMMUNITY_INVITE_LINK',
  'DEACTIVATE_COMMUNITY',
  // rich sends (MessagingPort, model-rich.ts)
  ...RICH_SEND_CAPABILITIES,
  // connecting a number (SessionPort)
  'QR_CODE',
  'PAIRING_CODE',
  'RESTART_INSTANCE',
  'DISCONNECT_INSTANCE',
  'RENAME_INSTANCE',
  // the account's own profile and settings (ProfilePort)
  'UPDATE_PROFILE_NAME',
  'UPDATE_PROFILE_ABOUT',
  'UPDATE_PROFILE_PICTURE',
  'ACCOUNT_SETTINGS',
  'UPDATE_ACCOUNT_SETTINGS',
  // privacy (PrivacyPort)
  'PRIVACY',
  'UPDATE_PRIVACY',
  // the address book (ContactAdminPort)
  'ADD_CONTACTS',
  'REMOVE_CONTACTS',
  'BLOCK_CONTACT',
  'REPORT_CONTACT',
  // the send queue (QueuePort)
  'LIST_QUEUE',
  'CANCEL_QUEUED_MESSAGE',
  'CLEAR_QUEUE',
  // webhook registration (WebhookRegistrationPort)
  'REGISTER_WEBHOOKS',
  // business categories (BusinessPort)
  'BUSINESS_CATEGORIES',
  // account administration (AccountAdminPort): API keys with the admin scope only
  'MOBILE_REGISTRATION',
  'UNBAN_NUMBER',
  'ACCOUNT_SECURITY',
  'UPDATE_ACCOUNT_SECURITY',
  // the partner (integrator) API of the deployment's provider account (PartnerPort): API keys with the admin scope only
  'PROVIDER_ACCOUNTS',
  'CREATE_PROVIDER_INSTANCE',
  'SUBSCRIBE_PROVIDER_INSTANCE',
  'CANCEL_PROVIDER_INSTANCE',
] as const;
/** One of {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];

/** Account area: the instance's connection and own profile. */
export interface AccountPort {
  /**
   * The connection state of the instance's WhatsApp session, as the provider reports it now.
   * A session that is down is an answer, not an error: `state: 'DISCONNECTED'` with the
   * provider's `detail`; `UNKNOWN` when the answer does not say. `balance` only when the
   * provider reports one.
   * @throws ProviderError `PROVIDER_UNAUTHORIZED` when the credentials are refused, `PROVIDER_UNAVAILABLE` when the provider cannot be reached
   */
  getStatus(): Promise<InstanceStatus>;
  /**
   * The account's own profile and device. May read them with more than one request (in
   * parallel); a field the provider does not report is null, never invented.
   * @throws ProviderError as every port method
   */
  getProfile(): Promise<AccountProfile>;
}

/**
 * Messaging area: sends and message management.
 *
 * Obligations of every `send…` method, on top of those of every port method:
 * - It sends one message to `input.to` and resolves with a {@link SentMessage}: `id` is the
 *   message id the provider's later status events carry (when the provider's documented answer
 *   has none, a locally generated UUID that no event will match); `chatId` is the recipient
 *   as sent or as the provider echoes it; `status` is `PENDING` when the provider only queued
 *   the message and `SENT` when its answer says it went out; `timestamp` is the epoch ms at
 *   which the answer arrived; `content` is what was sent, typed where `model.ts` has a type
 *   and `unsupported` (with the sent structure as `raw`) otherwise; `clientReference` echoes
 *   `input.clientReference`.
 * - The {@link SendOptions} it cannot honour for this kind of message (a quote, a delay, a
 *   typing indicator) are refused with `BAD_USER_INPUT` naming the field; `delaySeconds` and
 *   `typingSeconds` are whole seconds within the provider's documented range.
 * @throws GraphError `BAD_USER_INPUT` naming the field, before any request
 * @throws ProviderError as every port method; `PROVIDER_ERROR` when the answer has no message id where the provider documents one
 */
export interface MessagingPort {
  /**
   * Sends a text. `editMessageId` replaces the text of a message sent earlier and `mentions`
   * (phone digits) mentions group members: carried when the provider documents them, refused
   * with `BAD_USER_INPUT` otherwise. `previewUrl` is a hint that a provider without a preview
   * switch may leave to WhatsApp.
   */
  sendText(input: SendTextInput): Promise<SentMessage>;
  /** Sends an image; `media` is an http(s) URL or a base64 `data:` URI (a provider that takes URLs only refuses the latter with `BAD_USER_INPUT`). */
  sendImage(input: SendMediaInput): Promise<SentMessage>;
  /** Sends a video; `media` as for {@link MessagingPort.sendImage}. */
  sendVideo(input: SendMediaInput): Promise<SentMessage>;
  /** Sends an audio clip; `media` as for {@link MessagingPort.sendImage}. Audio carries no caption: a caption is refused with `BAD_USER_INPUT`. */
  sendAudio(input: SendMediaInput): Promise<SentMessage>;
  /**
   * Sends a document; `media` as for {@link MessagingPort.sendImage}, `extension` without the
   * dot (`pdf`), `fileName` as the recipient sees it (refused when the provider cannot carry one).
   */
  sendDocument(input: SendDocumentInput): Promise<SentMessage>;
  /**
   * Sends a location pin: `latitude` in degrees (-90..90), `longitude` in degrees (-180..180).
   * `name` and `address` are required by some providers (`BAD_USER_INPUT` when missing there).
   */
  sendLocation(input: SendLocationInput): Promise<SentMessage>;
  /** Reacts with `emoji` to the message `messageId` in the chat `to`; an empty `emoji` removes the account's reaction. */
  sendReaction(input: SendReactionInput): Promise<SentMessage>;
  /** Shares contact cards: at least one, each with a name and at least one phone (`BAD_USER_INPUT` otherwise). */
  sendContact(input: SendContactInput): Promise<SentMessage>;
  /**
   * Sends a reply-buttons message. WhatsApp's button rules (`limits.ts`: 1 to 3 buttons, titles
   * of at most 20 characters, unique ids) hold; a header kind or footer the provider's operation
   * cannot carry is refused, and one it requires is `BAD_USER_INPUT` when missing.
   */
  sendButtons(input: SendButtonsInput): Promise<SentMessage>;
  /**
   * Sends a list message: `buttonText` opens the list, `sections` hold the rows. The provider's
   * own list rules (number of sections and rows, title and description lengths in characters,
   * unique row ids, required fields) are checked before the request.
   */
  sendList(input: SendListInput): Promise<SentMessage>;
  /**
   * Sends every item as a text message, splitting them into as many requests as the provider's
   * per-request maximum requires, one request after the other. Resolves with exactly one
   * {@link BulkResult} per item, in input order: `message` for an accepted item, `error`
   * (`{code, message}`: a graph error code and a safe message) for an item refused locally,
   * refused by the provider, or lost with its request. A failed item never stops the others,
   * and a failed item is never a rejection: the method resolves even when every item failed.
   */
  sendBulk(items: BulkItem[]): Promise<BulkResult[]>;
  /** Marks the message `messageId` of the chat `chatId` as read (blue ticks); resolves once the provider accepted it. */
  readMessage(input: ReadMessageInput): Promise<void>;
  /** Deletes the message `messageId` of the chat `chatId`; `owner` says the account sent it (then it is deleted for everyone). */
  deleteMessage(input: DeleteMessageInput): Promise<void>;
  /**
   * The current status of a message this account sent, asked of the provider now.
   * @returns the status, or null when the provider does not know the message (HTTP 404) or reports a status the graph does not know
   * @throws ProviderError as every port method, except for an unknown message
   */
  getMessageStatus(messageId: string): Promise<MessageStatus | null>;
  /**
   * Sends an approved message template (`templateId`, the provider's id) with the values of
   * its placeholders and header media. Every parameter carries what its type needs (text, an
   * http(s) media link, a document's file name, a flow token), and a button component its
   * `subType` and 0-based `index`; `BAD_USER_INPUT` otherwise.
   */
  sendTemplate(input: SendTemplateInput): Promise<SentMessage>;
  /** Sends one product (`productRetailerId`) of the catalog `catalogId`, with its body text and footer. */
  sendProduct(input: SendProductInput): Promise<SentMessage>;
  /** Sends several products of the catalog `catalogId` in titled sections; the provider's limits on sections and products are checked first. */
  sendProductList(input: SendProductListInput): Promise<SentMessage>;
  /** Sends a WhatsApp Flow: a message whose button (`flowCta`) opens the flow `flowId` at `screen`, with `data` for that screen. */
  sendFlow(input: SendFlowInput): Promise<SentMessage>;
  // Rich sends (issue 8; types in model-rich.ts). Each follows the obligations above; the
  // content of its `SentMessage` is typed where model.ts has a type, `unsupported` otherwise.
  /** Sends a sticker (`author` refused with `BAD_USER_INPUT` where the provider cannot carry one). */
  sendSticker(input: SendStickerInput): Promise<SentMessage>;
  /** Sends a GIF (an MP4 that loops) with an optional caption. */
  sendGif(input: SendGifInput): Promise<SentMessage>;
  /** Sends a PTV (round video note); a caption is refused. */
  sendPtv(input: SendPtvInput): Promise<SentMessage>;
  /** Sends a text with a link preview card. */
  sendLink(input: SendLinkInput): Promise<SentMessage>;
  /** Forwards the message `messageId` of the chat `fromChatId` to `to`. */
  forwardMessage(input: ForwardMessageInput): Promise<SentMessage>;
  /** Replaces the text of the message `messageId` the account sent to `to`. */
  editMessage(input: EditMessageInput): Promise<SentMessage>;
  /** Sends a text with URL, call and quick-reply buttons; a combination the provider documents as failing is refused. */
  sendActionButtons(input: SendActionButtonsInput): Promise<SentMessage>;
  /** Sends a text with a button that copies a one-time code. */
  sendOtpButton(input: SendOtpButtonInput): Promise<SentMessage>;
  /** Sends a button that copies a PIX key. */
  sendPixButton(input: SendPixButtonInput): Promise<SentMessage>;
  /** Sends a carousel of cards, each with an image, a text and action buttons. */
  sendCarousel(input: SendCarouselInput): Promise<SentMessage>;
  /** Sends a poll. */
  sendPoll(input: SendPollInput): Promise<SentMessage>;
  /** Votes on a poll by option names. */
  sendPollVote(input: SendPollVoteInput): Promise<SentMessage>;
  /** Sends a product card of the catalog owned by `catalogPhone`. */
  sendCatalogProduct(input: SendCatalogProductInput): Promise<SentMessage>;
  /** Sends a catalog card of the catalog owned by `catalogPhone`. */
  sendCatalog(input: SendCatalogInput): Promise<SentMessage>;
  /** Sends an order for the customer's approval, with its payment settings. */
  sendOrder(input: SendOrderInput): Promise<SentMessage>;
  /** Tells the customer the order's new status. */
  updateOrderStatus(input: UpdateOrderInput): Promise<SentMessage>;
  /** Tells the customer the order's new payment status. */
  updateOrderPayment(input: UpdateOrderInput): Promise<SentMessage>;
  /** Pins or unpins a message in its chat. */
  pinMessage(input: PinMessageInput): Promise<SentMessage>;
  /** Sends an event. */
  sendEvent(input: SendEventInput): Promise<SentMessage>;
  /** Edits an event sent earlier. */
  editEvent(input: EditEventInput): Promise<SentMessage>;
  /** Answers an event (going or not). */
  respondToEvent(input: RespondToEventInput): Promise<SentMessage>;
  /** Invites `to` to administer a channel. */
  sendChannelAdminInvite(input: SendChannelAdminInviteInput): Promise<SentMessage>;
  /** Rings `to` for a few seconds; the result's content is `unsupported` (`type: 'call'`). */
  sendCall(input: SendCallInput): Promise<SentMessage>;
  /** Posts a status (story): text, image or video; its `chatId` is `status@broadcast`. */
  postStatus(input: PostStatusInput): Promise<SentMessage>;
  /** Replies to someone's status with a text, a GIF or a sticker. */
  replyToStatus(input: ReplyToStatusInput): Promise<SentMessage>;
}

/**
 * Chats area: the account's conversations. `chatId` is a phone (international digits) for a
 * one-to-one chat or a group id as the provider spells it. The management methods resolve with
 * the provider's confirmation (true: done; false: the provider answered without confirming).
 */
export interface ChatsPort {
  /**
   * One page of the account's chats, in the provider's order (most recent first where it
   * documents one). `page` is 1-based; at most `pageSize` items; `hasNextPage` is true when the
   * provider may have more (a full page from a provider that gives no total counts as "may").
   * @returns an empty page (`items: []`, `hasNextPage: false`) past the end or when there is no chat
   */
  listChats(page: PageRequest): Promise<Page<Chat>>;
  /** @returns the chat, or null when there is no such chat (HTTP 404, or an answer without the chat) */
  getChat(chatId: string): Promise<Chat | null>;
  /** Marks the whole chat read (`read: true`) or unread (`read: false`). */
  markChatRead(chatId: string, read: boolean): Promise<boolean>;
  /** Archives (`archived: true`) or unarchives the chat. */
  archiveChat(chatId: string, archived: boolean): Promise<boolean>;
  /** Pins (`pinned: true`) or unpins the chat. */
  pinChat(chatId: string, pinned: boolean): Promise<boolean>;
  /** Mutes (`muted: true`, with no end) or unmutes the chat's notifications. */
  muteChat(chatId: string, muted: boolean): Promise<boolean>;
  /** Deletes the chat's messages, keeping the chat. */
  clearChat(chatId: string): Promise<boolean>;
  /** Deletes the chat and its messages from the account. */
  deleteChat(chatId: string): Promise<boolean>;
  /** Sets how long new messages in the chat live before they disappear; `OFF` keeps them. */
  setChatExpiration(chatId: string, expiration: ChatExpiration): Promise<boolean>;
}

/** Contacts area: the WhatsApp users the account knows, and whether numbers are on WhatsApp. `phone` is international digits. */
export interface ContactsPort {
  /**
   * One page of the account's contacts; paging as {@link ChatsPort.listChats}.
   * @returns an empty page past the end or when there is no contact
   */
  listContacts(page: PageRequest): Promise<Page<Contact>>;
  /** @returns the contact, or null when there is no such contact (HTTP 404, or an answer without it) */
  getContact(phone: string): Promise<Contact | null>;
  /**
   * Whether each phone is on WhatsApp, in one request for all of them (the graph batches the
   * phones of a GraphQL request through a DataLoader). Resolves with exactly one
   * {@link PhoneCheck} per input phone, in input order, `input` echoing the phone asked.
   * @returns `[]` without any request when `phones` is empty
   * @throws GraphError `BAD_USER_INPUT` (`input.phones…`) for a phone that is not digits, or more phones than the provider checks in one request
   */
  checkPhones(phones: string[]): Promise<PhoneCheck[]>;
  /** @returns the URL of the contact's profile picture, or null when the contact has none, hides it, or is unknown (HTTP 404) */
  getProfilePicture(phone: string): Promise<string | null>;
}

/**
 * Groups area: the account's WhatsApp groups and their administration. `groupId` is the group
 * id as the provider spells it; a provider that documents a shape for it refuses another shape
 * with `BAD_USER_INPUT` before any request. Phones are international digits. An invitation
 * link is `https://chat.whatsapp.com/…`; anything else is `BAD_USER_INPUT`.
 */
export interface GroupsPort {
  /**
   * One page of the account's groups; paging as {@link ChatsPort.listChats}. A listing may
   * leave `participants` empty when the provider's list does not carry them ({@link GroupsPort.getGroup} fills them).
   * @returns an empty page past the end or when the account is in no group
   */
  listGroups(page: PageRequest): Promise<Page<Group>>;
  /** @returns the group with its participants, or null when there is no such group (HTTP 404, or an answer without it) */
  getGroup(groupId: string): Promise<Group | null>;
  /**
   * Creates a group named `input.name` with its first participants.
   * @returns its id and its invitation link (null when the answer has none)
   * @throws GraphError `BAD_USER_INPUT` (`input.participants`) below the provider's minimum of participants
   * @throws ProviderError `PROVIDER_ERROR` when the answer has no group id
   */
  createGroup(input: CreateGroupInput): Promise<CreatedGroup>;
  /**
   * Applies only the given (non-null) changes, one request each, in the order name,
   * description, photo, settings. The first failure stops the rest; the changes already made
   * stay made (there is no rollback).
   * @throws ProviderError `PROVIDER_ERROR` (`providerCode: 'FAILED'`) when the provider says a change did not happen
   */
  updateGroup(groupId: string, changes: GroupChanges): Promise<void>;
  /**
   * Adds, removes, approves (join requests), rejects, promotes to admin or demotes the listed
   * participants, in one request; `autoInvite` (ADD only) sends an invitation link to those
   * WhatsApp will not let the account add directly.
   * @throws GraphError `BAD_USER_INPUT` (`input.phones`) when no phone is given
   * @throws ProviderError `PROVIDER_ERROR` (`providerCode: 'FAILED'`) when the provider says the change did not happen
   */
  changeGroupParticipants(groupId: string, change: ParticipantChange): Promise<void>;
  /**
   * The account leaves the group.
   * @throws ProviderError `PROVIDER_ERROR` (`providerCode: 'FAILED'`) when the provider says it did not
   */
  leaveGroup(groupId: string): Promise<void>;
  /** @returns the group's current invitation link; never empty: an answer without a link throws `ProviderError` `PROVIDER_ERROR` */
  getGroupInviteLink(groupId: string): Promise<string>;
  /**
   * Revokes the group's invitation link.
   * @returns the new link; an answer without one throws `ProviderError` `PROVIDER_ERROR`
   */
  resetGroupInviteLink(groupId: string): Promise<string>;
  /**
   * Reads the group an invitation link leads to, without joining it.
   * @returns the group (with `participantsCount` when given), or null when the link leads nowhere (revoked or mistyped: HTTP 404)
   * @throws GraphError `BAD_USER_INPUT` (`url`) when `url` is not an invitation link
   */
  getGroupInvitation(url: string): Promise<GroupInvitation | null>;
  /**
   * Joins the group of an invitation link.
   * @throws GraphError `BAD_USER_INPUT` (`input.url`) when it is not one
   * @throws ProviderError `PROVIDER_ERROR` when the provider says the account did not join
   */
  joinGroup(url: string): Promise<void>;
}

/**
 * Communities area: WhatsApp communities and the groups linked to them. `communityId` and
 * group ids as the provider spells them (a documented shape is checked, `BAD_USER_INPUT`
 * otherwise); phones are international digits. Void methods throw `ProviderError`
 * `PROVIDER_ERROR` (`providerCode: 'FAILED'`) when the provider says the action did not happen.
 */
export interface CommunitiesPort {
  /**
   * One page of the account's communities; paging as {@link ChatsPort.listChats}. A listing may
   * leave `groups` null when the provider's list does not carry them.
   * @returns an empty page past the end or when the account is in no community
   */
  listCommunities(page: PageRequest): Promise<Page<Community>>;
  /** @returns the community with its linked groups, or null when there is no such community (HTTP 404, or an answer without it) */
  getCommunity(communityId: string): Promise<Community | null>;
  /**
   * Creates a community.
   * @returns it, with its announcement group when the answer names it
   * @throws ProviderError `PROVIDER_ERROR` when the answer has no community id
   */
  createCommunity(input: CreateCommunityInput): Promise<Community>;
  /** Applies only the given (non-null) changes (description, who can add groups), one request each, in that order; the first failure stops the rest, with no rollback. */
  updateCommunity(communityId: string, changes: CommunityChanges): Promise<void>;
  /**
   * Links groups to the community or unlinks them, in one request.
   * @throws GraphError `BAD_USER_INPUT` (`input.groupIds`) when none is given, one is not a group id, or there are more than the provider's most groups per community
   */
  changeCommunityGroups(communityId: string, action: CommunityLinkAction, groupIds: string[]): Promise<void>;
  /**
   * Adds, removes, promotes or demotes community participants, in one request (`autoInvite`
   * as for groups).
   * @throws GraphError `BAD_USER_INPUT` when no phone is given, or for an action the provider offers only in groups (join-request approval)
   */
  changeCommunityParticipants(communityId: string, change: ParticipantChange): Promise<void>;
  /**
   * Revokes the community's invitation link.
   * @returns the new link; an answer without one throws `ProviderError` `PROVIDER_ERROR`
   */
  resetCommunityInviteLink(communityId: string): Promise<string>;
  /** Deactivates the community: its groups are unlinked, not deleted. */
  deactivateCommunity(communityId: string): Promise<void>;
}

/** Templates area: WhatsApp message templates (pre-approved messages a business may send outside the 24 h service window). */
export interface TemplatesPort {
  /**
   * The account's templates (`MINE`) or every template available to it (`ALL`): the first
   * page the provider serves; `hasNextPage` when the provider's pagination says more exist.
   * @returns an empty page when there is none
   */
  listTemplates(scope: TemplateScope): Promise<Page<MessageTemplate>>;
  /** @returns the template, or null when the provider says there is no such template (`NOT_FOUND`) */
  getTemplate(templateId: string): Promise<MessageTemplate | null>;
  /**
   * Creates a template (proposed for WhatsApp review at once when `input.propose`). The
   * definition is checked first: label, category and language set; a body unless the category
   * is `AUTHENTICATION`; a TEXT header's text or a media header's sample URL; a dynamic URL
   * button's sample values; OTP buttons only in `AUTHENTICATION` templates.
   * @returns the template as the provider's answer shows it, or null when the answer carries none (the operation documents no answer)
   * @throws GraphError `BAD_USER_INPUT` naming the field of a definition the provider would refuse
   */
  createTemplate(input: TemplateInput): Promise<MessageTemplate | null>;
  /** Replaces a template's whole definition; checks and result as {@link TemplatesPort.createTemplate}. */
  updateTemplate(templateId: string, input: TemplateInput): Promise<MessageTemplate | null>;
  /** Submits a template for WhatsApp review (it must be proposed and approved before it can be sent). */
  proposeTemplate(templateId: string): Promise<void>;
  /** @returns the template categories the provider accepts (`UTILITY`, `MARKETING`, `AUTHENTICATION`), or `[]` */
  listTemplateCategories(): Promise<NamedOption[]>;
  /** @returns the template languages the provider accepts (`{id: 'en_US', name: 'English (US)'}`…), or `[]` */
  listTemplateLanguages(): Promise<NamedOption[]>;
}

/** Media area: files received in messages. */
export interface MediaPort {
  /**
   * What is known of the file `mediaId` (a `mediaId` of a received message's content): its
   * type, size, and the provider's own `url` when it has one fetchable without credentials
   * (null otherwise). The graph never hands either URL to a client: it signs a link to its own
   * media route (`src/media/links.ts`), which streams through {@link MediaPort.openMedia}.
   * @returns the file, or null when the provider has no such file (`NOT_FOUND`, HTTP 404)
   */
  getMedia(mediaId: string): Promise<Media | null>;
  /**
   * Opens the bytes of the file `mediaId` with the instance's credentials, for the media route
   * to stream: the provider's status (200, or 206 when it honoured `range`), content type,
   * length and range. The caller consumes or destroys `body`.
   * @param range an HTTP `Range` header value (`bytes=0-1023`) to pass on, if any
   * @param signal aborts the request (the client went away)
   * @returns the stream, or null when the provider has no such file
   * @throws ProviderError when the provider refuses or cannot be reached
   */
  openMedia(mediaId: string, range: string | undefined, signal: AbortSignal): Promise<MediaDownload | null>;
}

/** The bytes of a media file as a provider answers them (see {@link MediaPort.openMedia}). */
export interface MediaDownload {
  /** 200 (the whole file) or 206 (the range asked for). */
  status: number;
  /** `Content-Type` as the provider gives it, or null. */
  contentType: string | null;
  /** `Content-Length` in bytes, or null when the provider does not say. */
  contentLength: number | null;
  /** `Content-Range` of a 206 answer (`bytes 0-1023/4096`), or null. */
  contentRange: string | null;
  /** The body; destroy it to abandon the download. */
  body: Readable;
}

/** Business area: the business account's own WhatsApp profile. */
export interface BusinessPort {
  /** The business profile; a field the provider leaves out is null, `websites` `[]`. */
  getBusinessProfile(): Promise<BusinessProfile>;
  /**
   * Replaces the business profile.
   * @throws GraphError `BAD_USER_INPUT` for an empty field the provider requires
   */
  updateBusinessProfile(input: BusinessProfileInput): Promise<void>;
  /** @returns the profile's "about" text, or null when unset */
  getAbout(): Promise<string | null>;
  /**
   * Replaces the "about" text.
   * @throws GraphError `BAD_USER_INPUT` (`input.text`) when empty
   */
  updateAbout(text: string): Promise<void>;
  /** @returns a URL of the profile photo, or null when unset */
  getProfilePhoto(): Promise<string | null>;
  /**
   * Replaces the profile photo.
   * @throws GraphError `BAD_USER_INPUT` (`input.photo`) unless a non-empty base64 `data:` URI of a type the provider accepts (JPEG, PNG)
   */
  updateProfilePhoto(input: ProfilePhotoInput): Promise<void>;
  /**
   * The business categories the account may take, optionally searched by `query` (free text).
   * @returns the categories, or `[]`
   */
  listBusinessCategories(query: string | null): Promise<BusinessCategory[]>;
}

/** Webhook administration: the endpoints configured at the provider and the notifications it could not deliver. */
export interface WebhookAdminPort {
  /** @returns the webhook endpoints configured at the provider (never their HTTP-auth password), or `[]` */
  listWebhooks(): Promise<WebhookEndpoint[]>;
  /**
   * Fetches the notifications the provider failed to deliver and parses them exactly as the
   * webhook path does (same event ids, so the pipeline dedupes what also arrived by webhook).
   * A pulled payload that cannot be parsed becomes an `INSTANCE_EVENT` of kind
   * `UNREADABLE_NOTIFICATION` (id from its content): it is neither dropped nor thrown.
   * @param webhookId the provider's webhook id (default: the instance's configured one, else every listed webhook, one request each)
   * @returns the events, in the order pulled; `[]` when nothing is pending
   */
  pullPendingNotifications(webhookId?: string | null): Promise<DomainEvent[]>;
}

/**
 * Labels area: the account's chat labels (WhatsApp Business). Booleans are the provider's
 * confirmation (true: done; false: answered without confirming).
 */
export interface LabelsPort {
  /** @returns every label of the account, or `[]` */
  listLabels(): Promise<Label[]>;
  /** @returns the colours a label can take, by index (the `colorIndex` of {@link Label}), or `[]` */
  listLabelColors(): Promise<LabelColor[]>;
  /** @returns the new label: its id from the provider, the name and colour index asked */
  createLabel(input: LabelInput): Promise<Label>;
  /** Renames and/or recolours the label. */
  updateLabel(labelId: string, input: LabelInput): Promise<boolean>;
  /** Deletes the label (and so its assignments). */
  deleteLabel(labelId: string): Promise<boolean>;
  /** Puts the label on a chat; `chatId` is phone digits or a group id. */
  assignLabel(chatId: string, labelId: string): Promise<boolean>;
  /** Takes the label off a chat; `chatId` as for {@link LabelsPort.assignLabel}. */
  unassignLabel(chatId: string, labelId: string): Promise<boolean>;
}

/**
 * Catalog area: WhatsApp Business products, catalog settings and collections. Lists page by
 * the provider's opaque cursor. Collection ids may change when a collection changes: the
 * methods that change one return the id to use from then on.
 */
export interface CatalogPort {
  /**
   * One page of the account's own catalog (`owner` null) or of another business number's
   * (`owner` phone digits); `cursor` null for the first page.
   * @returns the products (an empty page when there is none), `nextCursor` null on the last page
   * @throws GraphError `BAD_USER_INPUT` (`after`) for a cursor on a catalog the provider serves as a single page
   */
  listProducts(owner: string | null, cursor: string | null): Promise<ProductPage>;
  /** @returns the product, or null when there is no such product (HTTP 404, or an answer without it) */
  getProduct(productId: string): Promise<Product | null>;
  /**
   * Creates the product, or updates the one with the same `retailerId`.
   * @returns the product id
   */
  upsertProduct(input: ProductInput): Promise<string>;
  /** Deletes the product. */
  deleteProduct(productId: string): Promise<boolean>;
  /** Changes the catalog's settings (whether its shopping cart is enabled). */
  configureCatalog(input: CatalogSettingsInput): Promise<boolean>;
  /** @returns one page of the account's collections (`cursor` null for the first), empty when there is none */
  listCollections(cursor: string | null): Promise<CursorPage<Collection>>;
  /**
   * One page of the products of a collection of the account's own catalog. A provider that
   * addresses the catalog by the account's number reads that number first (one more request).
   * @returns the products, empty when there is none; `nextCursor` null on the last page
   */
  listCollectionProducts(collectionId: string, cursor: string | null): Promise<CursorPage<Product>>;
  /**
   * Creates a collection of the given products.
   * @returns the new collection's id
   * @throws GraphError `BAD_USER_INPUT` (`input.productIds`) when the provider requires at least one product and none is given
   */
  createCollection(name: string, productIds: string[]): Promise<string>;
  /**
   * Renames a collection.
   * @returns its id from now on (the same one when the provider answers none)
   */
  updateCollection(collectionId: string, name: string): Promise<string>;
  /** Deletes the collection (its products stay in the catalog). */
  deleteCollection(collectionId: string): Promise<boolean>;
  /**
   * Adds products to a collection.
   * @returns its id from now on
   * @throws GraphError `BAD_USER_INPUT` (`input.productIds`) when empty
   */
  addProductsToCollection(collectionId: string, productIds: string[]): Promise<string>;
  /**
   * Removes products from a collection.
   * @returns its id from now on
   * @throws GraphError `BAD_USER_INPUT` (`input.productIds`) when empty
   */
  removeProductsFromCollection(collectionId: string, productIds: string[]): Promise<string>;
}

/** Reference data the provider serves. */
export interface ReferencePort {
  /** @returns the countries the provider lists (ISO 3166 codes and dial codes), or `[]` */
  listCountries(): Promise<Country[]>;
}

/**
 * Connecting the account's WhatsApp number: QR code, pairing code, restart, disconnect and the
 * instance's name at the provider.
 */
export interface SessionPort {
  /**
   * The QR code to scan now, as a PNG data URI with its expiry.
   * @returns null when the session is already connected (there is nothing to scan)
   */
  getQrCode(): Promise<QrCode | null>;
  /**
   * Asks for a pairing code for `phone` (international digits): typed in WhatsApp ("Link with
   * phone number") instead of scanning. The code is a secret: never logged.
   * @returns the code
   */
  requestPairingCode(phone: string): Promise<string>;
  /** Restarts the instance's session at the provider (no new scan needed). */
  restart(): Promise<void>;
  /** Disconnects the number: a new QR scan is needed to connect again. */
  disconnect(): Promise<void>;
  /** Renames the instance at the provider (its name in the provider's panel). */
  rename(name: string): Promise<void>;
}

/** The account's own WhatsApp profile (name, about text, picture) and account-wide settings. */
export interface ProfilePort {
  /** Sets the profile (push) name. */
  updateName(name: string): Promise<void>;
  /** Sets the profile "about" text. */
  updateAbout(text: string): Promise<void>;
  /** Sets the profile picture: `photo` is an https URL or a base64 `data:` URI of a JPEG or PNG (a provider that takes only one of them refuses the other with `BAD_USER_INPUT`). */
  updatePicture(input: ProfilePhotoInput): Promise<void>;
  /** The account-wide settings the provider reports; a setting it does not report is null. */
  getSettings(): Promise<AccountSettingsInput>;
  /** Applies the non-null settings, one request each, in field order; the first failure stops the rest. */
  updateSettings(input: AccountSettingsInput): Promise<void>;
}

/** Privacy: who sees the last seen, profile photo, about text, online status; who may add the account to groups; read receipts; the default message duration. */
export interface PrivacyPort {
  /** The privacy settings as far as the provider reports them (null fields are not reported). */
  getPrivacy(): Promise<PrivacySettings>;
  /** Applies the given changes, one request each, in order; the first failure stops the rest. */
  updatePrivacy(input: PrivacyInput): Promise<void>;
}

/** The account's address book and blocking. Phones are international digits. */
export interface ContactAdminPort {
  /** Saves contacts in the account's address book. */
  addContacts(contacts: NewContact[]): Promise<void>;
  /** Removes contacts from the account's address book. */
  removeContacts(phones: string[]): Promise<void>;
  /** Blocks (`blocked: true`) or unblocks the contact. */
  setContactBlocked(phone: string, blocked: boolean): Promise<void>;
  /** Reports the contact to WhatsApp (spam, abuse). */
  reportContact(phone: string): Promise<void>;
}

/** The provider's send queue: messages accepted but not sent yet. */
export interface QueuePort {
  /** One page of the queue (oldest first as the provider orders it), each a `Message` with status `PENDING`, and the queue's total count (read in parallel). */
  getQueue(page: PageRequest): Promise<QueuePage>;
  /** Drops one queued message by the id the send returned (`providerId` when the provider gave a queue id, else `id`). */
  cancelQueuedMessage(messageId: string): Promise<void>;
  /** Drops every queued message. */
  clearQueue(): Promise<void>;
}

/** Registers the graph's webhook URL with the provider. */
export interface WebhookRegistrationPort {
  /**
   * Points every webhook the graph reads at `url` (the instance's receiver URL, secret included),
   * idempotently: it reads what is registered first and changes only what differs. The URL is a
   * secret: never logged, never returned.
   */
  registerWebhooks(url: string): Promise<WebhookRegistration>;
}

/**
 * Account administration (dangerous: the graph asks for the `admin` key scope): registering the
 * number on a mobile instance, unbanning it, the account's security e-mail and PIN. Codes,
 * captchas, PINs and tokens are secrets: never logged, never returned.
 */
export interface AccountAdminPort {
  /** Runs one registration step (`phone` as international digits). */
  register(step: RegistrationStep): Promise<RegistrationResult>;
  /**
   * Asks WhatsApp to unban the number, with the appeal token the availability check returned
   * (kept by the adapter, never shown) and `description` for WhatsApp's review.
   * @throws GraphError BAD_USER_INPUT (`input`) when no availability check reported a ban first
   */
  requestUnbanning(description: string): Promise<UnbanStatus>;
  /** The security e-mail and whether a PIN is set (two requests, in parallel). */
  getSecurity(): Promise<AccountSecurity>;
  /** Applies one security change. */
  updateSecurity(change: SecurityChange): Promise<void>;
}

/** The ports by area name: the keys of {@link ProviderAdapter} that hold ports. */
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
  session: SessionPort;
  profile: ProfilePort;
  privacy: PrivacyPort;
  contactAdmin: ContactAdminPort;
  queue: QueuePort;
  webhookRegistration: WebhookRegistrationPort;
  accountAdmin: AccountAdminPort;
  partner: PartnerPort;
}
/**
 * The partner (integrator) API of one provider: the instances of the deployment's own account at
 * the provider, with a credential configured once per deployment (config `partners.<kind>`),
 * not per instance. Served by a {@link PartnerService}, never by an instance's adapter. Every
 * method is account administration (the `admin` key scope). No method returns, logs or puts in
 * an error an instance token or the integrator credential.
 */
export interface PartnerPort {
  /**
   * One page of the account's instances (`query.page` from 1). An instance that is configured
   * in the graph carries its graph id in `configuredInstanceId`.
   * @throws ProviderError as every port method
   */
  listAccounts(query: ProviderAccountQuery): Promise<ProviderAccountPage>;
  /**
   * Creates an instance (a paid resource once subscribed; a trial until then, as the provider
   * documents). Its token is neither returned nor kept.
   * @throws GraphError `BAD_USER_INPUT` naming the field, before any request
   * @throws ProviderError as every port method; `PROVIDER_ERROR` when the answer has no instance id
   */
  createInstance(input: NewProviderInstance): Promise<CreatedProviderInstance>;
  /**
   * Subscribes (pays for) the provider instance of the configured graph instance `instanceId`,
   * with that instance's own credentials from the configuration.
   * @throws GraphError `BAD_USER_INPUT` (`input.instanceId`) when the graph instance is not one of this provider's
   * @throws ProviderError as every port method
   */
  subscribeInstance(instanceId: string): Promise<void>;
  /** Cancels the subscription of the configured graph instance `instanceId` (as {@link PartnerPort.subscribeInstance}). */
  cancelInstance(instanceId: string): Promise<void>;
}

/** The deployment's partner API of one provider (built by {@link PartnerModule.create}): what it can do and its methods. */
export interface PartnerService {
  kind: ProviderKind;
  /** The partner capabilities it serves (each with its method in `partner`). */
  capabilities: ReadonlySet<Capability>;
  partner: Partial<PartnerPort>;
}

/** A provider's partner (integrator) API: its deployment-wide configuration and its service factory. */
export interface PartnerModule {
  /** zod schema of the fields of `partners.<kind>` in the configuration (config.ts validates them; `baseUrl` is added there). */
  configShape: Readonly<Record<string, z.ZodType>>;
  /** The names of its config fields that are credentials (never in an error, a log line or a GraphQL field). */
  secretFields: readonly string[];
  /** The documented default origin of the partner API. */
  defaultBaseUrl: string;
  /** The capabilities a service of this module serves; the contract suite counts them with the adapter's. */
  capabilities: readonly Capability[];
  /**
   * Builds the service. Makes no request.
   * @param config the validated `partners.<kind>` section, `baseUrl` defaulted
   * @param instances the configured instances of this provider (credentials included: subscribe and cancel use their own)
   */
  create(config: Readonly<Record<string, unknown>> & { baseUrl: string }, instances: readonly BaseInstanceConfig[], deps: ProviderDeps): PartnerService;
  /** The `partners.<kind>` section that a running simulator of this provider accepts (sandbox mode and tests), without `baseUrl`. */
  simulatorConfig: Readonly<Record<string, unknown>>;
}

/**
 * The method behind a partner capability of `service`, bound to its port.
 * @throws CapabilityError `CAPABILITY_NOT_SUPPORTED` (with `provider`, `capability`) when the service lacks it
 */
export function requirePartnerCapability<C extends Capability>(service: PartnerService, capability: C): CapabilityMethod<C> {
  const [port, method] = CAPABILITY_METHODS[capability];
  const impl = port === 'partner' ? (service.partner as Record<string, unknown>)[method] : undefined;
  if (!service.capabilities.has(capability) || typeof impl !== 'function') throw new CapabilityError(service.kind, capability);
  return (impl as (...args: unknown[]) => unknown).bind(service.partner) as CapabilityMethod<C>;
}

/** An area name. */
export type PortName = keyof PortMap;

type MethodRef = { [P in PortName]: readonly [P, keyof PortMap[P] & string] }[PortName];

/** Which port method serves each capability: `[port, method]`. The registry asserts at start that each declared capability's method exists. */
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
  SEND_STICKER: ['messaging', 'sendSticker'],
  SEND_GIF: ['messaging', 'sendGif'],
  SEND_PTV: ['messaging', 'sendPtv'],
  SEND_LINK: ['messaging', 'sendLink'],
  SEND_FORWARD: ['messaging', 'forwardMessage'],
  EDIT_MESSAGE: ['messaging', 'editMessage'],
  SEND_ACTION_BUTTONS: ['messaging', 'sendActionButtons'],
  SEND_OTP_BUTTON: ['messaging', 'sendOtpButton'],
  SEND_PIX_BUTTON: ['messaging', 'sendPixButton'],
  SEND_CAROUSEL: ['messaging', 'sendCarousel'],
  SEND_POLL: ['messaging', 'sendPoll'],
  SEND_POLL_VOTE: ['messaging', 'sendPollVote'],
  SEND_CATALOG_PRODUCT: ['messaging', 'sendCatalogProduct'],
  SEND_CATALOG: ['messaging', 'sendCatalog'],
  SEND_ORDER: ['messaging', 'sendOrder'],
  SEND_ORDER_STATUS: ['messaging', 'updateOrderStatus'],
  SEND_ORDER_PAYMENT: ['messaging', 'updateOrderPayment'],
  PIN_MESSAGE: ['messaging', 'pinMessage'],
  SEND_EVENT: ['messaging', 'sendEvent'],
  EDIT_EVENT: ['messaging', 'editEvent'],
  SEND_EVENT_RESPONSE: ['messaging', 'respondToEvent'],
  SEND_CHANNEL_ADMIN_INVITE: ['messaging', 'sendChannelAdminInvite'],
  SEND_CALL: ['messaging', 'sendCall'],
  SEND_STATUS: ['messaging', 'postStatus'],
  SEND_STATUS_REPLY: ['messaging', 'replyToStatus'],
  QR_CODE: ['session', 'getQrCode'],
  PAIRING_CODE: ['session', 'requestPairingCode'],
  RESTART_INSTANCE: ['session', 'restart'],
  DISCONNECT_INSTANCE: ['session', 'disconnect'],
  RENAME_INSTANCE: ['session', 'rename'],
  UPDATE_PROFILE_NAME: ['profile', 'updateName'],
  UPDATE_PROFILE_ABOUT: ['profile', 'updateAbout'],
  UPDATE_PROFILE_PICTURE: ['profile', 'updatePicture'],
  ACCOUNT_SETTINGS: ['profile', 'getSettings'],
  UPDATE_ACCOUNT_SETTINGS: ['profile', 'updateSettings'],
  PRIVACY: ['privacy', 'getPrivacy'],
  UPDATE_PRIVACY: ['privacy', 'updatePrivacy'],
  ADD_CONTACTS: ['contactAdmin', 'addContacts'],
  REMOVE_CONTACTS: ['contactAdmin', 'removeContacts'],
  BLOCK_CONTACT: ['contactAdmin', 'setContactBlocked'],
  REPORT_CONTACT: ['contactAdmin', 'reportContact'],
  LIST_QUEUE: ['queue', 'getQueue'],
  CANCEL_QUEUED_MESSAGE: ['queue', 'cancelQueuedMessage'],
  CLEAR_QUEUE: ['queue', 'clearQueue'],
  REGISTER_WEBHOOKS: ['webhookRegistration', 'registerWebhooks'],
  BUSINESS_CATEGORIES: ['business', 'listBusinessCategories'],
  MOBILE_REGISTRATION: ['accountAdmin', 'register'],
  UNBAN_NUMBER: ['accountAdmin', 'requestUnbanning'],
  ACCOUNT_SECURITY: ['accountAdmin', 'getSecurity'],
  UPDATE_ACCOUNT_SECURITY: ['accountAdmin', 'updateSecurity'],
  PROVIDER_ACCOUNTS: ['partner', 'listAccounts'],
  CREATE_PROVIDER_INSTANCE: ['partner', 'createInstance'],
  SUBSCRIBE_PROVIDER_INSTANCE: ['partner', 'subscribeInstance'],
  CANCEL_PROVIDER_INSTANCE: ['partner', 'cancelInstance'],
} as const satisfies Record<Capability, MethodRef>;

/** The method type behind a capability. */
export type CapabilityMethod<C extends Capability> = PortMap[(typeof CAPABILITY_METHODS)[C][0]][(typeof CAPABILITY_METHODS)[C][1] &
  keyof PortMap[(typeof CAPABILITY_METHODS)[C][0]]];

/** An inbound webhook request as the receiver hands it to the provider, after the path secret (or {@link WebhookPort.authenticate}) passed. */
export interface InboundWebhook {
  /** The parsed JSON body. */
  body: unknown;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Epoch ms at which it arrived (the fallback `occurredAt`). */
  receivedAt: number;
}

/** A body that is not a payload of this provider, or a documented payload that cannot be read (wrong shape): the receiver answers 422, once, and publishes nothing. */
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
   * yet becomes `UnsupportedContent` / `INSTANCE_EVENT`, never nothing. Synchronous and
   * without I/O: the same delivery always gives the same events, in the same order.
   * `occurredAt` is the provider's time in epoch ms, else `delivery.receivedAt`.
   * @returns the events; `[]` only for a payload that carries none (an empty batch)
   * @throws WebhookPayloadError when the body is not a payload of this provider, or a field has the wrong type
   */
  parse(delivery: InboundWebhook): DomainEvent[];
  /**
   * An alternative to the path secret, for providers that authenticate their deliveries
   * themselves (HTTP Basic credentials registered with the webhook, for instance). Returns true
   * only when the delivery's headers carry this instance's configured credentials (compared in
   * constant time); false when they do not or when the instance configured none. Never throws.
   * The receiver may accept a delivery that passes either check.
   * @param headers lower-cased header names, as in {@link InboundWebhook.headers}
   */
  authenticate?(headers: InboundWebhook['headers']): boolean;
}

/** Where background work (pollers, pullers) hands the events it finds: the same pipeline as webhooks (deduped, logged, published). */
export interface EventSink {
  /**
   * Stores and publishes the events (deduplicated by id). Rejects when they could not be
   * stored; the caller then keeps what it would have marked as done and offers the same events
   * (same ids) again on its next round.
   */
  accept(events: DomainEvent[]): Promise<void>;
}

/**
 * A running provider instance: its ports, its capability set, its inbound side and background
 * work. A port is present only with the methods of the capabilities declared; a method without
 * its capability is never called.
 */
export interface ProviderAdapter {
  /** The provider this adapter speaks. */
  kind: ProviderKind;
  /** The graph's instance id (the configuration's `id`), not the provider's. */
  instanceId: string;
  /**
   * Exactly what this instance can do (it may depend on the instance's configuration); each
   * entry must have its method, or the server does not start (`assertCapabilities` in
   * `registry.ts` throws `CapabilityAssertionError`).
   */
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
  session?: Partial<SessionPort>;
  profile?: Partial<ProfilePort>;
  privacy?: Partial<PrivacyPort>;
  contactAdmin?: Partial<ContactAdminPort>;
  queue?: Partial<QueuePort>;
  webhookRegistration?: Partial<WebhookRegistrationPort>;
  accountAdmin?: Partial<AccountAdminPort>;
  /** Never on an instance's adapter: the partner API belongs to the deployment's {@link PartnerService}. */
  partner?: Partial<PartnerPort>;
  /** Present when the provider posts webhooks; absent, the receiver answers 404 for this instance. */
  webhooks?: WebhookPort;
  /**
   * Starts background work (pollers, pullers) that hands its events to `sink`; called once
   * after the server is ready. Returns at once (timers, unref'd so they never keep the process
   * alive); never throws; a failed round is logged (code only) and retried on the next one.
   */
  start?(sink: EventSink): void;
  /** Stops background work; called on shutdown. Resolves once a round in flight has finished; calling it twice is harmless. */
  stop?(): Promise<void>;
}

/** What every provider factory gets. */
export interface ProviderDeps {
  /** The server's logger; a provider logs through a child with `provider` and `instanceId`, codes only, never a secret, phone or body. */
  logger: Logger;
  /** Prometheus metrics (provider request counts and durations, in seconds); absent in some tests. */
  metrics?: Metrics;
  /**
   * Where a polling provider keeps the messages it still asks about, and the lease that lets one
   * replica poll at a time: shared by every replica when the server's stores are (Redis).
   * Absent in some tests; a provider then keeps its own, per process.
   */
  tracking?: TrackingStore;
}

/**
 * Sent messages awaiting a delivery report, per instance, and a leader lease per instance, for
 * the providers whose status events are polled rather than posted. Provider neutral: a record
 * is the provider's own text (JSON), opaque to the store. Shared by every replica when the
 * server's stores are (Redis); one process otherwise (memory). Every method rejects when the
 * backend cannot be reached (a Redis error); it never throws synchronously.
 */
export interface TrackingStore {
  /**
   * Tracks (or re-tracks) message `id` of `instanceId` with `record`, replacing its earlier
   * record, until `ttlMs` (ms, from now; at least 1) passes; then drops the entries whose time
   * passed and, while the instance tracks more than `max` messages, those expiring soonest.
   */
  track(instanceId: string, id: string, record: string, ttlMs: number, max: number): Promise<void>;
  /**
   * At most `limit` (≥ 1) tracked messages of `instanceId` whose time has not passed, expiring
   * soonest first (for equal `ttlMs`: oldest first); drops those whose time passed.
   * @returns `{id, record}` pairs, empty when none
   */
  list(instanceId: string, limit: number): Promise<Array<{ id: string; record: string }>>;
  /** Stops tracking message `id` of `instanceId`; harmless when it is not tracked. */
  untrack(instanceId: string, id: string): Promise<void>;
  /**
   * Takes or renews `instanceId`'s leader lease for `owner` (a random token per poller):
   * resolves true when `owner` holds it for the next `ttlMs` ms (it was free or expired, or
   * `owner` already held it and it is renewed), false when another owner holds it. Atomic.
   */
  lead(instanceId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Drops `instanceId`'s lease if `owner` holds it (compare-and-delete), so another replica takes over at once. */
  resign(instanceId: string, owner: string): Promise<void>;
}

/** The config fields every instance has, whatever its provider (DESIGN.md, "Configuration"). */
export interface BaseInstanceConfig {
  /** The graph's instance id, unique in the configuration. */
  id: string;
  /** Which provider module serves the instance. */
  provider: ProviderKind;
  /** The secret path segment of the instance's webhook URL (`/webhooks/{id}/{webhookSecret}`); a secret. */
  webhookSecret: string;
  /** The provider's origin (scheme, host, port, no trailing slash needed); default the module's `defaultBaseUrl`. */
  baseUrl?: string;
  /** Circuit breaker, read retries, `Retry-After` and pacing of the instance's outbound calls; every field defaults (`resilience.ts`). */
  resilience?: ResilienceOptions;
}

/** A simulator's running server (sandbox mode and tests): it answers with the provider's documented examples and checks auth and required fields as the provider does. */
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
  injectFault: (fault: SimFault) => void;
  close(): Promise<void>;
}

/** A fault a simulator answers with instead of the documented response. */
export interface SimFault {
  /** HTTP status to answer (omit to answer normally after `delayMs`). */
  status?: number;
  /** JSON body of the fault answer. */
  body?: unknown;
  /** Headers of the fault answer (`Retry-After`…). */
  headers?: Record<string, string>;
  /** Wait this long before answering, ms (a timeout test sets it above the client's timeout). */
  delayMs?: number;
  /** How many requests get the fault (default 1). */
  count?: number;
  /** Only requests with this method and/or whose path contains this text get the fault (default: any request); others pass it by. */
  match?: { method?: string; pathIncludes?: string };
}

/** A request a simulator received. */
export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The path without the query string. */
  path: string;
  /** Query parameters, decoded. */
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (null when none). */
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
  /** Whether the simulated WhatsApp session starts connected (default true); false: it waits for a simulated QR scan. */
  connected?: boolean;
}

/** One provider's module, as the registry knows it: everything the server, the suites and the scripts need about the provider. */
export interface ProviderModule<C extends BaseInstanceConfig = BaseInstanceConfig> {
  /** The provider's kind; the registry's key. */
  kind: ProviderKind;
  /** zod schema of the provider-specific instance fields (merged with the base fields by config.ts). */
  configShape: Readonly<Record<string, z.ZodType>>;
  /** The documented default origin for `baseUrl` (scheme and host, no path prefix). */
  defaultBaseUrl: string;
  /**
   * ISO 3166-1 alpha-2 country used to read national-format phone numbers given to this
   * provider's instances (a provider that serves one country reads `07…` as that country's
   * number); an instance's `defaultCountry` overrides it.
   */
  defaultCountry: string;
  /**
   * Builds the adapter of one configured instance. Makes no request and starts nothing (that
   * is {@link ProviderAdapter.start}); `config` is already validated against `configShape`.
   */
  create(config: C, deps: ProviderDeps): ProviderAdapter;
  /** Starts the provider's simulator on 127.0.0.1 (sandbox mode and tests). Resolves once it listens. */
  startSimulator(options?: SimulatorOptions): Promise<SimulatorHandle>;
  /** The provider's name as people write it (`docs/providers.md` headings). */
  title: string;
  /** The file name of the provider's published documentation that doc line numbers refer to (e.g. `<provider>.txt`). */
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
  /** The provider's partner (integrator) API, when it documents one (configured once per deployment, `partners.<kind>`). */
  partner?: PartnerModule;
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

/**
 * {@link requireCapability}, with every failure a graph error: a provider mapping that stumbles
 * on a reply it cannot read (a `TypeError` on a missing field of valid JSON) fails as
 * `PROVIDER_ERROR` with `providerCode: 'MALFORMED_REPLY'`, naming the provider and the
 * capability (and the kind of failure, an error class name, never its message, which may quote
 * the reply), instead of an "Unexpected error.". Graph errors (and `http.ts`'s `ProviderError`s) pass unchanged.
 * @throws GraphError `CAPABILITY_NOT_SUPPORTED` when the provider lacks it; the call's own graph errors; `PROVIDER_ERROR` `MALFORMED_REPLY`
 */
export function readableCapability<C extends Capability>(adapter: ProviderAdapter, capability: C): CapabilityMethod<C> {
  const method = requireCapability(adapter, capability) as (...a: unknown[]) => unknown;
  const guarded = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await method(...args);
    } catch (err) {
      if (err instanceof GraphError) throw err;
      throw malformedReplyError(adapter.kind, capability, err);
    }
  };
  return guarded as CapabilityMethod<C>;
}

/** The `PROVIDER_ERROR` (`MALFORMED_REPLY`) for a reply of `provider` to `capability` the graph could not read. */
export function malformedReplyError(provider: ProviderKind, capability: Capability, cause?: unknown): GraphError {
  return new GraphError('PROVIDER_ERROR', `The ${provider} reply to ${capability} could not be read`, {
    provider,
    capability,
    providerCode: 'MALFORMED_REPLY',
    ...(cause instanceof Error ? { cause: cause.name } : {}),
  });
}

/** `CAPABILITY_NOT_SUPPORTED`: the instance's provider cannot do this. */
export class CapabilityError extends GraphError {
  constructor(provider: ProviderKind, capability: string) {
    super('CAPABILITY_NOT_SUPPORTED', `${provider} instances do not support ${capability}`, { provider, capability });
  }
}

/**
 * A stable, short event id from the provider's own ids (same parts → same id, so redeliveries
 * dedupe): the first 22 characters of the base64url SHA-256 of the parts (null and undefined
 * read as empty).
 */
export function stableEventId(...parts: Array<string | number | null | undefined>): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u001f'))
    .digest('base64url')
    .slice(0, 22);
}
