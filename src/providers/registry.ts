import { CAPABILITY_METHODS, type BaseInstanceConfig, type ProviderAdapter, type ProviderDeps, type ProviderModule } from './contract.js';
import type { ProviderKind } from './model.js';
import { ivosightsModule } from './ivosights/index.js';
import { zapiModule } from './zapi/index.js';
import { zivoModule } from './zivo/index.js';
import { zixflowModule } from './zixflow/index.js';

/**
 * The one switch on provider kind (DESIGN.md, "Rules of the house"): every other module
 * reaches a provider through this table.
 */
export const PROVIDER_MODULES: Readonly<Record<ProviderKind, ProviderModule>> = {
  zapi: zapiModule,
  ivosights: ivosightsModule,
  zivo: zivoModule,
  zixflow: zixflowModule,
};

/** An adapter that declares a capability without its method: a programming error found at start. */
export class CapabilityAssertionError extends Error {
  constructor(provider: ProviderKind, missing: string[]) {
    super(`${provider} declares capabilities without methods: ${missing.join(', ')}`);
    this.name = 'CapabilityAssertionError';
  }
}

/**
 * Checks that every declared capability of `adapter` has its port method.
 * @throws CapabilityAssertionError listing every capability without a method
 */
export function assertCapabilities(adapter: ProviderAdapter): void {
  const missing: string[] = [];
  for (const cap of adapter.capabilities) {
    const [port, method] = CAPABILITY_METHODS[cap];
    const impl = (adapter[port] as Record<string, unknown> | undefined)?.[method];
    if (typeof impl !== 'function') missing.push(cap);
  }
  if (missing.length) throw new CapabilityAssertionError(adapter.kind, missing);
}

/**
 * Creates the adapter for one configured instance (its provider chosen by `config.provider`)
 * and asserts its capabilities.
 * @param config a validated instance entry (see `config.ts`), `baseUrl` defaulted
 * @throws CapabilityAssertionError (see {@link assertCapabilities})
 */
export function createAdapter(config: BaseInstanceConfig, deps: ProviderDeps): ProviderAdapter {
  const mod = PROVIDER_MODULES[config.provider];
  const adapter = mod.create({ ...config, baseUrl: config.baseUrl ?? mod.defaultBaseUrl }, deps);
  assertCapabilities(adapter);
  return adapter;
}
