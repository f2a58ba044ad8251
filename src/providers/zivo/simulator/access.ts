import type { SimulatorAccess } from '../../contract.js';

/**
 * How a suite calls the Zivo simulator directly: `partnerID` and `apikey` in the JSON body of a
 * POST, in the query of a GET (zivo.txt 20-24). No seeded ids are needed.
 */
export const ZIVO_SIMULATOR_ACCESS: SimulatorAccess = {
  authorise(config, operation, request) {
    if (operation.method === 'GET') {
      request.query.set('partnerID', String(config.partnerId));
      request.query.set('apikey', String(config.apiKey));
    } else {
      request.body = { partnerID: config.partnerId, apikey: config.apiKey, ...(request.body as object | undefined) };
    }
  },
  seedIds: () => ({}),
};
