import type { InstanceConfig } from '../../src/config.js';
import type { Capability, ProviderAdapter, ProviderModule, RawSimulatorRequest, RecordedRequest, SimulatorHandle, WebhookSamples } from '../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { operationFixtures, type KeyedOperationFixture } from './fixtures.js';

/**
 * Picking a provider for a generic test through PROVIDER_MODULES, never by its name: a test
 * that needs "a provider that posts webhooks" asks {@link webhookProvider}, and reaches that
 * provider's simulator, credentials and documented operations through its module.
 *
 * The part of test/helpers/providers.ts that does not import vitest (providers.ts re-exports all
 * of it and adds the assertions), so that bench/ can import it too. Ours.
 */

/** A module that posts webhooks: its documented inbound-text sample is present. Ours. */
export type WebhookProviderModule = ProviderModule & { samples: WebhookSamples };

/**
 * The first module of PROVIDER_MODULES (registry order) with webhook `samples`: the provider
 * generic tests and the benchmarks use as "a provider that posts webhooks". Ours.
 * @throws Error when no module posts webhooks
 */
export function webhookProvider(): WebhookProviderModule {
  const mod = Object.values(PROVIDER_MODULES).find((m): m is WebhookProviderModule => m.samples !== undefined);
  if (!mod) throw new Error('no provider module has webhook samples');
  return mod;
}

/**
 * The JSON body of `mod`'s documented inbound-text webhook ({@link WebhookSamples.inboundText}). Ours.
 * @param messageId the provider message id it carries
 * @param options `text`, `occurredAt` (epoch ms), `phone` (sender, international digits)
 */
export function inboundTextBody(mod: WebhookProviderModule, messageId: string, options?: Parameters<WebhookSamples['inboundText']>[1]): string {
  return JSON.stringify(mod.samples.inboundText(messageId, options));
}

/**
 * An instance entry for the app on `sim` (a simulator of `mod`, or its `url` and `instanceConfig`
 * as another process reported them): the simulator's credentials, the graph id, the provider kind,
 * the webhook secret and the simulator's URL, then `extra`. Ours.
 */
export function simulatedInstance(
  mod: ProviderModule,
  sim: Pick<SimulatorHandle, 'url' | 'instanceConfig'>,
  id: string,
  webhookSecret: string,
  extra: Record<string, unknown> = {},
): InstanceConfig {
  const entry: Record<string, unknown> = { ...sim.instanceConfig, id, provider: mod.kind, webhookSecret, baseUrl: sim.url, ...extra };
  return entry as unknown as InstanceConfig;
}

/** The documented operations of `mod` whose operation-table route names `capability`, in document order. Ours. */
export function operationsFor(mod: ProviderModule, capability: Capability): KeyedOperationFixture[] {
  return operationFixtures(mod).filter((op) => {
    const route = mod.operations[op.key];
    return !!route && 'capabilities' in route && route.capabilities.includes(capability);
  });
}

/**
 * What `mod.simulatorAccess.authorise` adds to an empty request for `op` with `config`: the
 * credentials where the provider documents them (path prefix, headers, query, body fields). Ours.
 */
export function authorisedParts(mod: ProviderModule, config: Readonly<Record<string, unknown>>, op: { method: string; base?: string }): RawSimulatorRequest {
  const req: RawSimulatorRequest = { path: '', headers: {}, query: new URLSearchParams(), body: undefined };
  mod.simulatorAccess.authorise(config, op, req);
  return req;
}

/**
 * Whether `req` (recorded by `mod`'s simulator for an instance with `config`) is a call of the
 * documented operation `op`: same method, and its path is the documented one (parameters
 * filled in) under whatever prefix `simulatorAccess.authorise` puts in front. Ours.
 */
export function isCallOf(mod: ProviderModule, config: Readonly<Record<string, unknown>>, op: KeyedOperationFixture, req: RecordedRequest): boolean {
  const documented = `${authorisedParts(mod, config, op).path}${op.path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[^/]+');
  return req.method === op.method && new RegExp(`^${documented}$`).test(req.path);
}

/**
 * `mod`'s documented webhook payload that its parser (`adapter.webhooks`) reads as one status
 * change to `status`, with its message id replaced by `messageId` everywhere it occurs. Ours.
 * @param payloads the provider's documented payloads (`webhookFixtures(mod)`)
 * @throws Error when no documented payload is such a status change
 */
export function documentedStatusPayload(adapter: ProviderAdapter, payloads: ReadonlyArray<{ payload: unknown }>, status: string, messageId: string): unknown {
  for (const { payload } of payloads) {
    let events;
    try {
      events = adapter.webhooks?.parse({ body: structuredClone(payload), headers: {}, receivedAt: Date.now() }) ?? [];
    } catch {
      continue;
    }
    const [only] = events;
    if (events.length !== 1 || only?.type !== 'MESSAGE_STATUS_CHANGED' || only.status !== status) continue;
    const original = only.messageId;
    const replace = (v: unknown): unknown =>
      v === original ? messageId : Array.isArray(v) ? v.map(replace) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)])) : v;
    return replace(structuredClone(payload));
  }
  throw new Error(`no documented webhook payload is a single ${status} status change`);
}
