import { z } from 'zod';
import type { BaseInstanceConfig, Capability, ProviderAdapter, ProviderDeps, ProviderModule } from '../contract.js';
import { ProviderHttpClient } from '../http.js';
import { createZapiPorts, mapZapiError, ZapiClient } from './client.js';
import { createZapiCatalogPorts, ZapiCatalogClient } from './catalog-client.js';
import { createZapiChatAdminPorts, ZapiChatAdminClient } from './chat-admin-client.js';
import { createZapiLabelsPorts, ZapiLabelsClient } from './labels-client.js';
import { createZapiCommunityPorts, ZapiCommunityClient } from './community-client.js';
import { createZapiGroupAdminPorts, ZapiGroupAdminClient } from './group-admin-client.js';
import { startZapiSimulator } from './simulator.js';
import { parseZapiWebhook } from './webhooks.js';
import { DOC_OPERATIONS } from './operations.js';
import { ZAPI_SIMULATOR_ACCESS, ZAPI_WEBHOOK_SAMPLES } from './samples.js';

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

/** The provider-specific fields of a zapi instance, as config.ts validates them. */
export const zapiConfigShape = {
  instanceId: z.string().min(1),
  token: z.string().min(1),
  clientToken: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().optional(),
};

/**
 * Exactly what the Z-API adapter implements. Not listed: `SEND_BULK` (Z-API has no bulk
 * send) and `MESSAGE_STATUS` (Z-API reports statuses only by webhook; it has no status query).
 */
export const ZAPI_CAPABILITIES: readonly Capability[] = [
  'INSTANCE_STATUS', 'ACCOUNT_PROFILE',
  'SEND_TEXT', 'SEND_IMAGE', 'SEND_VIDEO', 'SEND_AUDIO', 'SEND_DOCUMENT', 'SEND_LOCATION', 'SEND_REACTION', 'SEND_CONTACT',
  'SEND_BUTTONS', 'SEND_LIST', 'READ_MESSAGE', 'DELETE_MESSAGE',
  'LIST_CHATS', 'GET_CHAT',
  'LIST_CONTACTS', 'GET_CONTACT', 'CHECK_PHONES', 'PROFILE_PICTURE',
  'LIST_GROUPS', 'GET_GROUP',
  // group management and communities (group-admin-client.ts, community-client.ts)
  'CREATE_GROUP', 'UPDATE_GROUP', 'MANAGE_GROUP_PARTICIPANTS', 'LEAVE_GROUP', 'GROUP_INVITE_LINK', 'RESET_GROUP_INVITE_LINK', 'GROUP_INVITATION', 'JOIN_GROUP',
  'LIST_COMMUNITIES', 'GET_COMMUNITY', 'CREATE_COMMUNITY', 'UPDATE_COMMUNITY', 'LINK_COMMUNITY_GROUPS', 'MANAGE_COMMUNITY_PARTICIPANTS',
  'RESET_COMMUNITY_INVITE_LINK', 'DEACTIVATE_COMMUNITY',
  // chat management, labels and the catalog (chat-admin-client.ts, labels-client.ts, catalog-client.ts)
  'MARK_CHAT_READ', 'ARCHIVE_CHAT', 'PIN_CHAT', 'MUTE_CHAT', 'CLEAR_CHAT', 'DELETE_CHAT', 'CHAT_EXPIRATION',
  'LIST_LABELS', 'LABEL_COLORS', 'CREATE_LABEL', 'UPDATE_LABEL', 'DELETE_LABEL', 'ASSIGN_LABEL', 'UNASSIGN_LABEL',
  'LIST_PRODUCTS', 'GET_PRODUCT', 'UPSERT_PRODUCT', 'DELETE_PRODUCT', 'CONFIGURE_CATALOG',
  'LIST_COLLECTIONS', 'LIST_COLLECTION_PRODUCTS', 'CREATE_COLLECTION', 'UPDATE_COLLECTION', 'DELETE_COLLECTION',
  'ADD_COLLECTION_PRODUCTS', 'REMOVE_COLLECTION_PRODUCTS',
];

/**
 * Builds the adapter of one zapi instance: a {@link ProviderHttpClient} on
 * `{baseUrl}/instances/{instanceId}/token/{token}` with `Client-Token` when configured, the
 * instance token and client token registered as secrets (scrubbed from every error and log),
 * Z-API's documented error bodies mapped ({@link mapZapiError}), and the webhook parser.
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
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  const core = new ZapiClient(http);
  const ports = createZapiPorts(core);
  // The connected number, which `collection-products` takes as the catalog owner (`GET /device`, z-api.txt 861-897).
  const ownPhone = async () => String((await core.device())?.phone ?? '');
  const catalog = createZapiCatalogPorts(new ZapiCatalogClient(http), ownPhone);
  const labels = createZapiLabelsPorts(new ZapiLabelsClient(http));
  const chatAdmin = createZapiChatAdminPorts(new ZapiChatAdminClient(http));
  return {
    kind: 'zapi',
    instanceId: config.id,
    capabilities: new Set(ZAPI_CAPABILITIES),
    account: ports,
    messaging: ports,
    chats: { ...ports, ...chatAdmin },
    labels,
    catalog,
    contacts: ports,
    groups: { ...ports, ...createZapiGroupAdminPorts(new ZapiGroupAdminClient(http)) },
    communities: createZapiCommunityPorts(new ZapiCommunityClient(http)),
    webhooks: { parse: (delivery) => parseZapiWebhook(config.id, delivery) },
  };
}

/** The Z-API provider module the registry knows (DESIGN.md, "Providers"). */
export const zapiModule: ProviderModule<ZapiInstanceConfig> = {
  kind: 'zapi',
  configShape: zapiConfigShape,
  defaultBaseUrl: ZAPI_DEFAULT_BASE_URL,
  // Z-API is a Brazilian service and its doc writes every phone as a Brazilian number (55…).
  defaultCountry: 'BR',
  create: createZapiAdapter,
  startSimulator: startZapiSimulator,
  title: 'Z-API',
  docSource: 'z-api.txt',
  operations: DOC_OPERATIONS,
  fixtures: 'test/fixtures/zapi',
  // The instance token and the account security token (z-api.txt 450-480); the instance id is
  // part of every URL as well, so it is kept out of errors with the full URL.
  secretFields: ['token', 'clientToken'],
  simulatorAccess: ZAPI_SIMULATOR_ACCESS,
  samples: ZAPI_WEBHOOK_SAMPLES,
};
