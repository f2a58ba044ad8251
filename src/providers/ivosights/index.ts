import { z } from 'zod';
import type { ProviderModule } from '../contract.js';
import { IvosightsAdapter, MIN_PULL_INTERVAL_MS, type IvosightsConfig } from './adapter.js';
import { startIvosightsSimulator } from './simulator/index.js';
import { DOC_OPERATIONS } from './operations.js';
import { IVOSIGHTS_SIMULATOR_ACCESS } from './simulator/access.js';
import { IVOSIGHTS_WEBHOOK_SAMPLES } from './webhooks.js';

export { IvosightsAdapter, IVOSIGHTS_CAPABILITIES, IVOSIGHTS_SANDBOX_CAPABILITIES, type IvosightsConfig } from './adapter.js';

/**
 * The Ivosights IVOWBA provider (ivosights-ivowba.txt): WhatsApp Business API sends,
 * templates, business profile, media, webhooks with HTTP Basic auth and a pending-notification
 * puller. Default origin `https://waba.ivosights.com` (line 5); numbers read as Indonesian by
 * default (the doc's examples are `+62…`).
 */
export const ivosightsModule: ProviderModule<IvosightsConfig> = {
  kind: 'ivosights',
  configShape: {
    apiKey: z.string().min(1),
    sandbox: z.boolean().default(false),
    webhookUsername: z.string().min(1).optional(),
    webhookPassword: z.string().min(1).optional(),
    pullIntervalMs: z.number().int().min(MIN_PULL_INTERVAL_MS).optional(),
    webhookId: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
  },
  defaultBaseUrl: 'https://waba.ivosights.com',
  defaultCountry: 'ID',
  create: (config, deps) => new IvosightsAdapter(config, deps),
  startSimulator: (options) => startIvosightsSimulator(options),
  title: 'Ivosights IVOWBA',
  docSource: 'ivosights-ivowba.txt',
  operations: DOC_OPERATIONS,
  fixtures: 'test/fixtures/ivosights',
  secretFields: ['apiKey', 'webhookPassword'],
  simulatorAccess: IVOSIGHTS_SIMULATOR_ACCESS,
  samples: IVOSIGHTS_WEBHOOK_SAMPLES,
};
