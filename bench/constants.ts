import type { ProviderModule, WebhookSamples } from '../src/providers/contract.js';
import { PROVIDER_MODULES } from '../src/providers/registry.js';

/** The benchmark's one instance (shared by `bench/run.ts` and `bench/server.ts`). */
export const BENCH_INSTANCE = 'bench';
/** Its webhook secret (a benchmark value, not a credential). */
export const BENCH_SECRET = 'bench-webhook-secret-0123456789';

/**
 * The provider the benchmark's instance runs on: the first module of PROVIDER_MODULES that posts
 * webhooks (has `samples`); the benchmark posts its documented inbound-text payload.
 * @throws Error when no module posts webhooks
 */
export function benchProvider(): ProviderModule & { samples: WebhookSamples } {
  const mod = Object.values(PROVIDER_MODULES).find((m): m is ProviderModule & { samples: WebhookSamples } => m.samples !== undefined);
  if (!mod) throw new Error('no provider module posts webhooks');
  return mod;
}
