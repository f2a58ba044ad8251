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
    apiKey: z.string().min(1).describe('the API key, sent as `X-API-KEY`'),
    sandbox: z.boolean().default(false).describe('true: the documented `/sandbox` endpoints; operations without one are refused'),
    webhookUsername: z.string().min(1).optional().describe('HTTP Basic user the provider authenticates its webhooks with (`http_auth`)'),
    webhookPassword: z.string().min(1).optional().describe('HTTP Basic password of its webhooks'),
    pullIntervalMs: z.number().int().min(MIN_PULL_INTERVAL_MS).optional().describe('period of the pull of pending notifications, ms (none without it)'),
    webhookId: z.string().min(1).optional().describe('the webhook whose pending notifications are pulled (default: every listed webhook)'),
    timeoutMs: z.number().int().positive().optional().describe('deadline of one provider request, ms'),
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
