import type { SimulatorAccess } from '../../contract.js';

/**
 * How a suite calls the Ivosights simulator directly: the API key in the `X-API-KEY` header
 * (ivosights-ivowba.txt, "Authentication"); the seeded ids are the documentation's example
 * template (lines 769-852) and the simulator's webhook.
 */
export const IVOSIGHTS_SIMULATOR_ACCESS: SimulatorAccess = {
  authorise(config, _operation, request) {
    request.headers['x-api-key'] = String(config.apiKey);
  },
  seedIds: (config) => ({ templateId: '60243665e4058d3b4a377bd2', template_id: '60243665e4058d3b4a377bd2', webhookId: String(config.webhookId) }),
};
