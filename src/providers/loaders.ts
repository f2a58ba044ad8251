import DataLoader from 'dataloader';
import { requireCapability, type ProviderAdapter } from './contract.js';
import { MAX_PHONE_BATCH } from './limits.js';
import type { PhoneCheck } from './model.js';

/**
 * Per-request DataLoaders (DESIGN.md: created per request, used for reads). A page of 50 chats
 * asking `contact { isOnWhatsApp }` costs one `checkPhones` call per instance; profile
 * picture lookups are deduplicated per phone.
 */
export class Loaders {
  private readonly phoneChecks = new Map<string, DataLoader<string, PhoneCheck>>();
  private readonly pictures = new Map<string, DataLoader<string, string | null>>();

  /**
   * Batched "is this number on WhatsApp?" for one instance.
   * @throws GraphError CAPABILITY_NOT_SUPPORTED (when loading) if the provider cannot check phones
   */
  phoneCheck(adapter: ProviderAdapter): DataLoader<string, PhoneCheck> {
    let loader = this.phoneChecks.get(adapter.instanceId);
    if (!loader) {
      const check = requireCapability(adapter, 'CHECK_PHONES');
      loader = new DataLoader<string, PhoneCheck>(
        async (phones) => {
          const results = await check([...phones]);
          const byInput = new Map(results.map((r) => [r.input, r]));
          return phones.map((p, i) => byInput.get(p) ?? results[i] ?? { input: p, exists: false, waId: null });
        },
        { maxBatchSize: MAX_PHONE_BATCH },
      );
      this.phoneChecks.set(adapter.instanceId, loader);
    }
    return loader;
  }

  /**
   * Deduplicated profile picture lookups for one instance (providers have no batch endpoint;
   * each distinct phone costs one call per request).
   */
  profilePicture(adapter: ProviderAdapter): DataLoader<string, string | null> {
    let loader = this.pictures.get(adapter.instanceId);
    if (!loader) {
      const get = requireCapability(adapter, 'PROFILE_PICTURE');
      loader = new DataLoader<string, string | null>((phones) =>
        Promise.all(phones.map((p) => get(p).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))))),
      );
      this.pictures.set(adapter.instanceId, loader);
    }
    return loader;
  }
}
