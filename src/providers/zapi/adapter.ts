import { RICH_SEND_CAPABILITIES, type BaseInstanceConfig, type Capability, type ProviderAdapter, type ProviderDeps } from '../contract.js';
import { ProviderHttpClient } from '../http.js';
import { createZapiAdminPorts, ZapiAdminClient } from './client/admin.js';
import { createZapiBusinessPorts, ZapiBusinessClient } from './client/business.js';
import { createZapiCatalogPorts, ZapiCatalogClient } from './client/catalog.js';
import { createZapiChatsPorts, ZapiChatsClient } from './client/chats.js';
import { createZapiCommunityPorts, ZapiCommunityClient } from './client/communities.js';
import { createZapiContactsPorts, ZapiContactsClient } from './client/contacts.js';
import { createZapiGroupsPorts, ZapiGroupsClient } from './client/groups.js';
import { createZapiContactAdminPorts, ZapiContactAdminClient } from './client/contact-admin.js';
import { createZapiInstancePorts, createZapiProfilePorts, createZapiSessionPorts, ZapiInstanceClient } from './client/instance.js';
import { createZapiPrivacyPorts, ZapiPrivacyClient } from './client/privacy.js';
import { createZapiQueuePorts, ZapiQueueClient } from './client/queue.js';
import { createZapiWebhookRegistrationPorts, ZapiWebhookRegistrationClient } from './client/webhook-registration.js';
import { createZapiLabelsPorts, ZapiLabelsClient } from './client/labels.js';
import { createZapiMessagingPorts, ZapiMessagesClient } from './client/messages.js';
import { createZapiRichMessagingPorts, ZapiRichMessagesClient } from './client/rich-messages.js';
import { mapZapiError } from './errors.js';
import { parseZapiWebhook } from './webhooks.js';

/** Z-API's documented origin (z-api.txt: every URL is `https://api.z-api.io/instances/…`). */
export const ZAPI_DEFAULT_BASE_URL = 'https://api.z-api.io';

/**
 * A zapi instance entry (DESIGN.md, "Configuration"): the base fields plus Z-API's
 * credentials. `instanceId` and `token` go in the URL path, `clientToken` (the account
 * security token, z-api.txt 450-480) in the `Client-Token` header when set; `timeoutMs`
 * overrides the per-request timeout.
 */
export interface ZapiInstanceConfig extends BaseInstanceConfig {
  provider: 'zapi';
  instanceId: string;
  token: string;
  clientToken?: string;
  timeoutMs?: number;
}

/**
 * Exactly what the Z-API adapter implements. Not listed: `SEND_BULK` (Z-API has no bulk
 * send) and `MESSAGE_STATUS` (Z-API reports statuses only by webhook; it has no status query).
 */
export const ZAPI_CAPABILITIES: readonly Capability[] = [
  'INSTANCE_STATUS',
  'ACCOUNT_PROFILE',
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
  'READ_MESSAGE',
  'DELETE_MESSAGE',
  'LIST_CHATS',
  'GET_CHAT',
  'LIST_CONTACTS',
  'GET_CONTACT',
  'CHECK_PHONES',
  'PROFILE_PICTURE',
  'LIST_GROUPS',
  'GET_GROUP',
  // group management and communities (client/groups.ts, client/communities.ts)
  'CREATE_GROUP',
  'UPDATE_GROUP',
  'MANAGE_GROUP_PARTICIPANTS',
  'LEAVE_GROUP',
  'GROUP_INVITE_LINK',
  'RESET_GROUP_INVITE_LINK',
  'GROUP_INVITATION',
  'JOIN_GROUP',
  'LIST_COMMUNITIES',
  'GET_COMMUNITY',
  'CREATE_COMMUNITY',
  'UPDATE_COMMUNITY',
  'LINK_COMMUNITY_GROUPS',
  'MANAGE_COMMUNITY_PARTICIPANTS',
  'RESET_COMMUNITY_INVITE_LINK',
  'DEACTIVATE_COMMUNITY',
  // chat management, labels and the catalog (client/chats.ts, client/labels.ts, client/catalog.ts)
  'MARK_CHAT_READ',
  'ARCHIVE_CHAT',
  'PIN_CHAT',
  'MUTE_CHAT',
  'CLEAR_CHAT',
  'DELETE_CHAT',
  'CHAT_EXPIRATION',
  'LIST_LABELS',
  'LABEL_COLORS',
  'CREATE_LABEL',
  'UPDATE_LABEL',
  'DELETE_LABEL',
  'ASSIGN_LABEL',
  'UNASSIGN_LABEL',
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
  // rich sends (client/rich-messages.ts): every one
  ...RICH_SEND_CAPABILITIES,
  // connecting, profile and settings, privacy, the address book, the queue, webhook registration
  // (client/instance.ts, client/privacy.ts, client/contact-admin.ts, client/queue.ts, client/webhook-registration.ts)
  'QR_CODE',
  'PAIRING_CODE',
  'RESTART_INSTANCE',
  'DISCONNECT_INSTANCE',
  'RENAME_INSTANCE',
  'UPDATE_PROFILE_NAME',
  'UPDATE_PROFILE_ABOUT',
  'UPDATE_PROFILE_PICTURE',
  'ACCOUNT_SETTINGS',
  'UPDATE_ACCOUNT_SETTINGS',
  'PRIVACY',
  'UPDATE_PRIVACY',
  'ADD_CONTACTS',
  'REMOVE_CONTACTS',
  'BLOCK_CONTACT',
  'REPORT_CONTACT',
  'LIST_QUEUE',
  'CANCEL_QUEUED_MESSAGE',
  'CLEAR_QUEUE',
  'REGISTER_WEBHOOKS',
  // the business profile (client/business.ts): written field by field; Z-API documents no read of it
  'UPDATE_BUSINESS_PROFILE',
  'BUSINESS_CATEGORIES',
  // account administration (client/admin.ts; the graph asks for the admin key scope)
  'MOBILE_REGISTRATION',
  'UNBAN_NUMBER',
  'ACCOUNT_SECURITY',
  'UPDATE_ACCOUNT_SECURITY',
];

/**
 * Builds the adapter of one zapi instance: one {@link ProviderHttpClient} on
 * `{baseUrl}/instances/{instanceId}/token/{token}` with `Client-Token` when configured, the
 * instance token and client token registered as secrets (scrubbed from every error and log),
 * Z-API's documented error bodies mapped ({@link mapZapiError}); one client per area on it,
 * each area's ports built from its client, and the webhook parser. Sends no request itself.
 */
export function createZapiAdapter(config: ZapiInstanceConfig, deps: ProviderDeps): ProviderAdapter {
  const origin = (config.baseUrl ?? ZAPI_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const secrets = [config.token, ...(config.clientToken ? [config.clientToken] : [])];
  const http = new ProviderHttpClient({
    provider: 'zapi',
    baseUrl: `${origin}/instances/${encodeURIComponent(config.instanceId)}/token/${encodeURIComponent(config.token)}`,
    headers: config.clientToken ? { 'Client-Token': config.clientToken } : {},
    secrets,
    mapError: mapZapiError,
    logger: deps.logger,
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.resilience ? { resilience: config.resilience } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  const instance = new ZapiInstanceClient(http);
  // The connected number, which `collection-products` takes as the catalog owner (`GET /device`, z-api.txt 861-897).
  // Concurrent reads share one request (a page of products asking their collections reads several collections at once); the next read asks again (the number may change on reconnect).
  let ownPhoneInFlight: Promise<string> | null = null;
  const ownPhone = (): Promise<string> => {
    ownPhoneInFlight ??= instance
      .device()
      .then((d) => String(d?.phone ?? ''))
      .finally(() => {
        ownPhoneInFlight = null;
      });
    return ownPhoneInFlight;
  };
  return {
    kind: 'zapi',
    instanceId: config.id,
    capabilities: new Set(ZAPI_CAPABILITIES),
    account: createZapiInstancePorts(instance),
    messaging: { ...createZapiMessagingPorts(new ZapiMessagesClient(http)), ...createZapiRichMessagingPorts(new ZapiRichMessagesClient(http)) },
    chats: createZapiChatsPorts(new ZapiChatsClient(http)),
    labels: createZapiLabelsPorts(new ZapiLabelsClient(http)),
    catalog: createZapiCatalogPorts(new ZapiCatalogClient(http), ownPhone),
    contacts: createZapiContactsPorts(new ZapiContactsClient(http)),
    groups: createZapiGroupsPorts(new ZapiGroupsClient(http)),
    communities: createZapiCommunityPorts(new ZapiCommunityClient(http)),
    business: createZapiBusinessPorts(new ZapiBusinessClient(http)),
    session: createZapiSessionPorts(instance),
    accountAdmin: createZapiAdminPorts(new ZapiAdminClient(http)),
    profile: createZapiProfilePorts(instance),
    privacy: createZapiPrivacyPorts(new ZapiPrivacyClient(http)),
    contactAdmin: createZapiContactAdminPorts(new ZapiContactAdminClient(http)),
    queue: createZapiQueuePorts(new ZapiQueueClient(http), config.id),
    webhookRegistration: createZapiWebhookRegistrationPorts(new ZapiWebhookRegistrationClient(http)),
    webhooks: { parse: (delivery) => parseZapiWebhook(config.id, delivery) },
    // No background work: stopping closes the instance's own connection pool.
    stop: () => http.close(),
  };
}
