import { notFound } from './errors.js';
import { instanceIdOf } from './global-ids.js';
import type { InstanceConfig } from './config.js';
import type { ProviderAdapter, ProviderDeps } from './providers/contract.js';
import { PROVIDER_MODULES, createAdapter } from './providers/registry.js';

/** One configured instance at run time: its adapter and the config fields the graph may use (never its credentials). */
export interface InstanceEntry {
  id: string;
  adapter: ProviderAdapter;
  /** ISO 3166 alpha-2 country for national-format phone numbers. */
  defaultCountry: string;
  /** The path secret of `POST /webhooks/{id}/{secret}` (compared in constant time; never shown). */
  webhookSecret: string;
}

/**
 * The instances this server serves, by the graph's instance id. Built once at start; every
 * instance's capabilities are asserted then (registry.ts).
 */
export class InstanceDirectory {
  private readonly entries = new Map<string, InstanceEntry>();

  /**
   * @throws CapabilityAssertionError when a provider declares a capability it lacks
   */
  constructor(configs: InstanceConfig[], deps: ProviderDeps) {
    for (const config of configs) {
      const adapter = createAdapter(config, { ...deps, logger: deps.logger.child({ instanceId: config.id, provider: config.provider }) });
      this.entries.set(config.id, {
        id: config.id,
        adapter,
        defaultCountry: config.defaultCountry ?? PROVIDER_MODULES[config.provider].defaultCountry,
        webhookSecret: config.webhookSecret,
      });
    }
  }

  /**
   * The instance with this id: its configured id, or its `Instance` global id (global-ids.ts).
   * @throws GraphError NOT_FOUND
   */
  get(id: string): InstanceEntry {
    const entry = this.entries.get(id) ?? this.entries.get(instanceIdOf(id));
    if (!entry) throw notFound('instance', id);
    return entry;
  }

  /** The instance with this id, or undefined (for the webhook receiver, which answers 404 itself). */
  find(id: string): InstanceEntry | undefined {
    return this.entries.get(id);
  }

  /** Every instance, in configuration order. */
  list(): InstanceEntry[] {
    return [...this.entries.values()];
  }
}
