import { z } from 'zod';
import type { ProviderModule } from '../contract.js';
import { ZixflowAdapter, type ZixflowConfig } from './adapter.js';
import { startZixflowSimulator } from './simulator/index.js';
import { DOC_OPERATIONS } from './operations.js';
import { ZIXFLOW_SIMULATOR_ACCESS } from './simulator/access.js';

export { ZixflowAdapter, type ZixflowConfig } from './adapter.js';
export { startZixflowSimulator } from './simulator/index.js';

/**
 * The Zixflow provider (zixflow.txt): SEND_BUTTONS only, `POST /api/v1/campaign/whatsapp/message/send`
 * on `https://api.zixflow.com` with a Bearer API key; no webhooks. `defaultCountry` is 'IN': the
 * doc's own example number is "1xxxxxxxxxx" (line 23) but Zixflow is an Indian CRM and its
 * WhatsApp customers' local numbers are Indian; an instance's `defaultCountry` overrides it.
 */
export const zixflowModule: ProviderModule<ZixflowConfig> = {
  kind: 'zixflow',
  configShape: {
    apiKey: z.string().min(1).describe('the API key, sent as a Bearer token'),
    phoneId: z.string().min(1).describe("the sending WhatsApp number's `phoneId`"),
    timeoutMs: z.number().int().positive().optional().describe('deadline of one provider request, ms'),
  },
  defaultBaseUrl: 'https://api.zixflow.com',
  defaultCountry: 'IN',
  create: (config, deps) => new ZixflowAdapter(config, deps),
  startSimulator: (options) => startZixflowSimulator(options),
  title: 'Zixflow',
  docSource: 'zixflow.txt',
  operations: DOC_OPERATIONS,
  fixtures: 'test/fixtures/zixflow',
  secretFields: ['apiKey'],
  simulatorAccess: ZIXFLOW_SIMULATOR_ACCESS,
};
