import type { SimulatorAccess } from '../../contract.js';

/**
 * How a suite calls the Zixflow simulator directly: zixflow.txt documents no authentication, so
 * the API key goes as a Bearer token, as the public Zixflow API takes it (client.ts). The doc
 * gives no request example (lines 1-194), so the suite sends the smallest documented
 * reply-button message.
 */
export const ZIXFLOW_SIMULATOR_ACCESS: SimulatorAccess = {
  authorise(config, _operation, request) {
    request.headers.authorization = `Bearer ${String(config.apiKey)}`;
  },
  seedIds: () => ({}),
  operationBodies: {
    'POST /api/v1/campaign/whatsapp/message/send': (config) => ({
      to: '919876543210',
      phoneId: config.phoneId,
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
    }),
  },
};
