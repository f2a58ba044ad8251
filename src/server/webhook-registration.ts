import { GraphError } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import type { Logger } from '../logger.js';
import type { WebhookRegistration } from '../providers/account.model.js';
import { requireCapability, type CapabilityMethod } from '../providers/contract.js';

/**
 * Webhook registration by the server (issue 9, item 7): with `publicUrl` configured, each
 * instance whose provider can register webhooks (`REGISTER_WEBHOOKS`) points them at its own
 * receiver URL, `{publicUrl}/webhooks/{id}/{webhookSecret}`, at start and on `syncWebhooks`.
 * The URL carries the webhook secret: it is handed to the provider only, never logged or returned.
 */

/**
 * The receiver URL of one instance under `publicUrl` (the same path `server/webhook-receiver.ts` serves).
 * @param publicUrl the server's public origin (and optional path prefix), without a trailing slash needed
 */
export function instanceWebhookUrl(publicUrl: string, entry: Pick<InstanceEntry, 'id' | 'webhookSecret'>): string {
  return `${publicUrl.replace(/\/+$/, '')}/webhooks/${encodeURIComponent(entry.id)}/${encodeURIComponent(entry.webhookSecret)}`;
}

/**
 * Registers one instance's webhooks with its provider.
 * @param register the provider's method (default: required of the instance's adapter)
 * @throws GraphError BAD_USER_INPUT (`instanceId`) without `publicUrl`; CAPABILITY_NOT_SUPPORTED when the provider cannot register webhooks; ProviderError from the provider
 */
export async function syncInstanceWebhooks(
  entry: InstanceEntry,
  publicUrl: string | undefined,
  register: CapabilityMethod<'REGISTER_WEBHOOKS'> = requireCapability(entry.adapter, 'REGISTER_WEBHOOKS'),
): Promise<WebhookRegistration> {
  if (!publicUrl) throw new GraphError('BAD_USER_INPUT', 'The server has no publicUrl configured: it cannot tell the provider where to post webhooks', { field: 'instanceId' });
  return register(instanceWebhookUrl(publicUrl, entry));
}

/**
 * At start: registers the webhooks of every instance that can, one instance after the other,
 * and logs what each did (`instanceId`, `registered`, `changed`, or the error's code): never
 * the URL. Never throws: an instance whose provider refuses is logged and left for `syncWebhooks`.
 * @returns the instances registered, with what they did
 */
export async function registerAllWebhooks(entries: readonly InstanceEntry[], publicUrl: string, logger: Logger): Promise<Record<string, WebhookRegistration>> {
  const done: Record<string, WebhookRegistration> = {};
  for (const entry of entries) {
    if (!entry.adapter.capabilities.has('REGISTER_WEBHOOKS')) continue;
    try {
      const result = await syncInstanceWebhooks(entry, publicUrl);
      done[entry.id] = result;
      logger.info({ instanceId: entry.id, provider: entry.adapter.kind, registered: result.registered, changed: result.changed }, 'webhooks registered with the provider');
    } catch (err) {
      const code = err instanceof GraphError ? err.code : 'INTERNAL';
      logger.warn({ instanceId: entry.id, provider: entry.adapter.kind, code }, 'webhook registration failed; run syncWebhooks to retry');
    }
  }
  return done;
}
