import { z } from 'zod';
import type { ProviderModule } from '../contract.js';
import { ZivoAdapter, type ZivoConfig } from './adapter.js';
import { startZivoSimulator } from './simulator/index.js';
import { DOC_OPERATIONS } from './operations.js';
import { ZIVO_SIMULATOR_ACCESS } from './simulator/access.js';

export { ZivoAdapter, type ZivoConfig } from './adapter.js';
export { startZivoSimulator } from './simulator/index.js';

/**
 * The Zivo / ZChat provider (zivo.txt): SEND_TEXT, SEND_BULK, MESSAGE_STATUS and INSTANCE_STATUS
 * on `https://zivo.co.ke` + `/api/zivo/zchat/services/…`; no webhooks (a delivery-report poller,
 * `webhooks.ts` on the shared `../poller.ts`, emits status events instead). National numbers read as Kenyan (`07…` → `2547…`, zivo.txt line 63).
 */
export const zivoModule: ProviderModule<ZivoConfig> = {
  kind: 'zivo',
  configShape: {
    partnerId: z.string().min(1).describe('the `partnerID` every request carries (zivo.txt 23)'),
    apiKey: z.string().min(1).describe('the `apikey` every request carries (zivo.txt 24)'),
    statusPollIntervalMs: z.number().int().positive().optional().describe('period of the delivery-report poller, ms'),
    timeoutMs: z.number().int().positive().optional().describe('deadline of one provider request, ms'),
  },
  defaultBaseUrl: 'https://zivo.co.ke',
  defaultCountry: 'KE',
  create: (config, deps) => new ZivoAdapter(config, deps),
  startSimulator: (options) => startZivoSimulator(options),
  title: 'Zivo / ZChat',
  docSource: 'zivo.txt',
  operations: DOC_OPERATIONS,
  fixtures: 'test/fixtures/zivo',
  secretFields: ['apiKey'],
  simulatorAccess: ZIVO_SIMULATOR_ACCESS,
};
