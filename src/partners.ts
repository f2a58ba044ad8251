import type { InstanceConfig } from './config.js';
import type { PartnerService, ProviderDeps } from './providers/contract.js';
import type { ProviderKind } from './providers/model.js';
import { PROVIDER_MODULES } from './providers/registry.js';

/** The `partners` section of the configuration: per provider kind, its partner module's fields (credentials included) and an optional `baseUrl`. */
export type PartnersConfig = Partial<Record<ProviderKind, Record<string, unknown> & { baseUrl?: string }>>;

/**
 * The deployment's partner (integrator) APIs, one per provider kind configured under
 * `partners.<kind>` whose module has a `partner` (see `PartnerModule` in providers/contract.ts).
 * Built once at start; makes no request.
 */
export class PartnerDirectory {
  private readonly services = new Map<ProviderKind, PartnerService>();

  /**
   * @param config the validated `partners` section (absent: none)
   * @param instances every configured instance (a partner service uses its provider's own for subscribe and cancel)
   */
  constructor(config: PartnersConfig | undefined, instances: readonly InstanceConfig[], deps: ProviderDeps) {
    for (const [kind, section] of Object.entries(config ?? {}) as Array<[ProviderKind, PartnersConfig[ProviderKind]]>) {
      const partner = PROVIDER_MODULES[kind]?.partner;
      if (!partner || !section) continue;
      this.services.set(
        kind,
        partner.create({ ...section, baseUrl: section.baseUrl ?? partner.defaultBaseUrl }, instances, { ...deps, logger: deps.logger.child({ partner: kind }) }),
      );
    }
  }

  /** The partner service of `kind`, or undefined when none is configured. */
  get(kind: ProviderKind): PartnerService | undefined {
    return this.services.get(kind);
  }

  /** The provider kinds with a configured partner API. */
  kinds(): ProviderKind[] {
    return [...this.services.keys()];
  }
}
