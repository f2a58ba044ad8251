import { z } from 'zod';
import { badInput } from '../../../errors.js';
import type { CreatedProviderInstance, NewProviderInstance, ProviderAccount, ProviderAccountPage, ProviderAccountQuery, ProviderInstanceDevice } from '../../account.model.js';
import type { BaseInstanceConfig, Capability, PartnerPort, PartnerService, ProviderDeps } from '../../contract.js';
import { encodePath, ProviderError, ProviderHttpClient } from '../../http.js';
import type { ZapiInstanceConfig } from '../adapter.js';
import { mapZapiError } from '../errors.js';
import { toBool, toEpochMs, toNumber } from '../mapping.js';
import type { WireBool, WireNumber } from '../wire/common.js';
import type { ZapiCreateInstanceBody, ZapiCreatedInstance, ZapiPartnerInstance, ZapiPartnerInstancePage } from '../wire/partner.js';

/** The partner capabilities Z-API serves once `partners.zapi` is configured (z-api.txt 13462-13791). */
export const ZAPI_PARTNER_CAPABILITIES: readonly Capability[] = ['PROVIDER_ACCOUNTS', 'CREATE_PROVIDER_INSTANCE', 'SUBSCRIBE_PROVIDER_INSTANCE', 'CANCEL_PROVIDER_INSTANCE'];

/** The `partners.zapi` section: the integrator token (z-api.txt 13470-13480), a credential (`${VAR}`), and the timeout of one request. */
export const zapiPartnerConfigShape = {
  token: z.string().min(1).describe('the integrator token Z-API gives its integrating partners, sent as `Authorization: Bearer` (z-api.txt 13470-13480, 13594)'),
  timeoutMs: z.number().int().positive().optional().describe('deadline of one partner API request, ms'),
};

/** The validated `partners.zapi` section, `baseUrl` defaulted. */
export interface ZapiPartnerConfig {
  token: string;
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * Z-API's `middleware` ↔ the graph's device (z-api.txt 13722: "web, mobile"). `isDevice` of the
 * creation body "defines whether the instance will be mobile or web" (13552) without saying
 * which value is which: true is read as mobile (a device registration), false as web, as the
 * name says and as the example's `"isDevice": false` (a web instance, 13567) agrees.
 */
const DEVICE_OF_MIDDLEWARE: Readonly<Record<string, ProviderInstanceDevice>> = { web: 'WEB', mobile: 'MOBILE' };

/** A provider instance of the list → {@link ProviderAccount}; its token and webhook URLs are never copied. */
function toProviderAccount(wire: ZapiPartnerInstance, configured: ReadonlyMap<string, string>): ProviderAccount | null {
  const id = typeof wire.id === 'string' ? wire.id : '';
  if (!id) return null;
  const flag = (v: WireBool) => (v === undefined || v === null || v === '' ? null : toBool(v));
  const text = (v: string | null | undefined) => (typeof v === 'string' && v ? v : null);
  return {
    id,
    name: text(wire.name),
    createdAt: toDate(wire.created),
    dueAt: toDate(wire.due),
    paymentStatus: text(wire.paymentStatus),
    phoneConnected: flag(wire.phoneConnected),
    whatsappConnected: flag(wire.whatsappConnected),
    device: DEVICE_OF_MIDDLEWARE[String(wire.middleware ?? '').toLowerCase()] ?? null,
    configuredInstanceId: configured.get(id) ?? null,
  };
}

/**
 * A partner date: epoch ms as a number (`due: 1648565999675`, z-api.txt 13746) or a numeric
 * string (`"due": "329000002121"`, 13588), or an ISO date (`created` is an empty string in the
 * example, 13744). @returns epoch ms, null when empty or unreadable
 */
function toDate(value: WireNumber): number | null {
  if (typeof value === 'string' && value && !/^\d+$/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return toEpochMs(value);
}

/**
 * Z-API's partner API (z-api.txt 13462-13791) on its own {@link ProviderHttpClient}: origin
 * `https://api.z-api.io`, the integrator token as `Authorization: Bearer` on every request (the
 * curl samples, 13594, 13643, 13693, 13785) and no `Client-Token` (none is documented here).
 * Subscribe and cancel put the instance's own id and token in the path (13606, 13653), taken from
 * the configured instance; every token is scrubbed from errors and logs.
 */
export class ZapiPartnerClient implements PartnerPort {
  private readonly http: ProviderHttpClient;
  /** Provider instance id → graph instance id, for `configuredInstanceId`. */
  private readonly configured: ReadonlyMap<string, string>;

  /**
   * @param config the `partners.zapi` section
   * @param instances the configured zapi instances (their ids and tokens)
   */
  constructor(
    config: ZapiPartnerConfig,
    private readonly instances: readonly ZapiInstanceConfig[],
    deps: ProviderDeps,
  ) {
    this.http = new ProviderHttpClient({
      provider: 'zapi',
      baseUrl: config.baseUrl.replace(/\/+$/, ''),
      // z-api.txt 13591-13596: the curl sample sends both headers; 415 without the content type (13583).
      headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json' },
      secrets: [config.token, ...instances.map((i) => i.token)],
      mapError: mapZapiError,
      logger: deps.logger.child({ provider: 'zapi', partner: true }),
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
    });
    this.configured = new Map(instances.map((i) => [i.instanceId, i.id]));
  }

  /**
   * `GET /instances` (z-api.txt 13701-13791). `page` and `pageSize` are required, `query` and
   * `middleware` optional. The section calls them "Query params" (13727) and its URL carries
   * `?page=1&pageSize=2` (13725), while its curl sample (13787) puts them in a GET body: sent in the query.
   */
  async listAccounts(query: ProviderAccountQuery): Promise<ProviderAccountPage> {
    const wire = await this.http.request<ZapiPartnerInstancePage | null>({
      operation: 'partner-list-instances',
      method: 'GET',
      path: '/instances',
      query: {
        page: query.page,
        pageSize: query.pageSize,
        query: query.search || undefined,
        middleware: query.device ? query.device.toLowerCase() : undefined,
      },
    });
    const items = (wire?.content ?? []).flatMap((w) => toProviderAccount(w, this.configured) ?? []);
    const totalPages = toNumber(wire?.totalPage);
    const page = toNumber(wire?.page) ?? query.page;
    return {
      items,
      page,
      pageSize: toNumber(wire?.pageSize) ?? query.pageSize,
      total: toNumber(wire?.total),
      totalPages,
      hasNextPage: totalPages !== null ? page < totalPages : items.length >= query.pageSize,
    };
  }

  /** `POST /instances/integrator/on-demand` (z-api.txt 13512-13603); the answer's token is dropped at once. */
  async createInstance(input: NewProviderInstance): Promise<CreatedProviderInstance> {
    if (!input.name.trim()) throw badInput('input.name', 'must not be empty');
    const body: ZapiCreateInstanceBody = {
      name: input.name,
      ...(input.sessionName ? { sessionName: input.sessionName } : {}),
      ...(input.rejectCalls != null ? { callRejectAuto: input.rejectCalls } : {}),
      ...(input.rejectCallMessage != null ? { callRejectMessage: input.rejectCallMessage } : {}),
      ...(input.autoReadMessages != null ? { autoReadMessage: input.autoReadMessages } : {}),
      ...(input.device ? { isDevice: input.device === 'MOBILE' } : {}),
      ...(input.business != null ? { businessDevice: input.business } : {}),
    };
    const wire = await this.http.request<ZapiCreatedInstance | null>({ operation: 'partner-create-instance', method: 'POST', path: '/instances/integrator/on-demand', body });
    const id = typeof wire?.id === 'string' ? wire.id : '';
    if (!id)
      throw new ProviderError('PROVIDER_ERROR', 'zapi', 'partner-create-instance', 'zapi answered the instance creation without an instance id', {
        providerCode: 'MALFORMED_REPLY',
      });
    return { id, name: input.name, dueAt: toDate(wire?.due) };
  }

  /** `POST /instances/{id}/token/{token}/integrator/on-demand/subscription` (z-api.txt 13604-13650): 201 "OK". */
  async subscribeInstance(instanceId: string): Promise<void> {
    await this.onDemand(instanceId, 'subscription');
  }

  /** `POST /instances/{id}/token/{token}/integrator/on-demand/cancel` (z-api.txt 13651-13700): 201 "OK". */
  async cancelInstance(instanceId: string): Promise<void> {
    await this.onDemand(instanceId, 'cancel');
  }

  /** Subscribe or cancel the configured graph instance `instanceId`, with its own id and token in the path. */
  private async onDemand(instanceId: string, action: 'subscription' | 'cancel'): Promise<void> {
    const config = this.instances.find((i) => i.id === instanceId);
    if (!config) throw badInput('input.instanceId', 'is not a configured instance of this provider');
    // The documented answer is the text "OK" with 201 (13623-13624, 13673-13674), not JSON.
    await this.http.request<string | null>({
      operation: `partner-${action}`,
      method: 'POST',
      path: encodePath`/instances/${config.instanceId}/token/${config.token}` + `/integrator/on-demand/${action}`,
      responseType: 'text',
    });
  }
}

/**
 * Builds the deployment's Z-API partner service (`partners.zapi`).
 * @param config the validated section, `baseUrl` defaulted
 * @param instances every configured instance; the zapi ones lend their id and token to subscribe and cancel
 */
export function createZapiPartner(config: Readonly<Record<string, unknown>> & { baseUrl: string }, instances: readonly BaseInstanceConfig[], deps: ProviderDeps): PartnerService {
  const zapiInstances = instances.filter((i): i is ZapiInstanceConfig => i.provider === 'zapi');
  const client = new ZapiPartnerClient(config as unknown as ZapiPartnerConfig, zapiInstances, deps);
  return { kind: 'zapi', capabilities: new Set(ZAPI_PARTNER_CAPABILITIES), partner: client };
}
