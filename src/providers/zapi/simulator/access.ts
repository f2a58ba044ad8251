import type { SimulatorAccess } from '../../contract.js';
import { ZAPI_SANDBOX_INTEGRATOR_TOKEN } from './index.js';

/**
 * How a suite calls the Z-API simulator directly (z-api.txt, "Introduction"): every URL is
 * `/instances/{instanceId}/token/{token}` + the documented path, except the partner
 * (integrator) API, which takes the integrator token as `Authorization: Bearer`, and the account security token goes in the `Client-Token` header
 * (z-api.txt 450-480). The seeded ids are the documentation's own examples, which the
 * simulator seeds (index.ts, catalog.ts, labels.ts, groups.ts of this folder).
 */
export const ZAPI_SIMULATOR_ACCESS: SimulatorAccess = {
  authorise(config, operation, request) {
    if (operation.base === 'partner') {
      // The integrator token of the simulated integrator account (z-api.txt 13594: `authorization: Bearer …`); no Client-Token.
      request.headers.authorization = `Bearer ${ZAPI_SANDBOX_INTEGRATOR_TOKEN}`;
      return;
    }
    request.path = `/instances/${String(config.instanceId)}/token/${String(config.token)}${request.path}`;
    if (typeof config.clientToken === 'string' && config.clientToken) request.headers['client-token'] = config.clientToken;
  },
  // communityId: the doc's example community (z-api.txt 8493-8512), which the simulator seeds.
  seedIds: (config) => ({
    phone: '5511999999999',
    groupId: '120363019502650977-group',
    communityId: '98372465382764532938',
    instanceId: String(config.instanceId),
    token: String(config.token),
    extension: 'pdf',
  }),
  operationParams: {
    // Z-API names the group id `phone` here (z-api.txt 7785-7909).
    'GET /group-metadata/{phone}': { phone: '120363019502650977-group' },
    // The doc's example contact (z-api.txt 5827-5889), which has a picture as the example shows.
    'GET /contacts/{phone}': { phone: '551199999999' },
    // The simulator's seeded labels, products and collections (the doc's example ids).
    'POST /business/edit-tag/{tagId}': { tagId: '1' },
    'DELETE /business/tag/{tagId}': { tagId: '5' },
    'PUT /chats/{phone}/tags/{tag}/add': { tag: '2' },
    'PUT /chats/{phone}/tags/{tag}/remove': { tag: '2' },
    'GET /products/{productId}': { productId: '999999999999999' },
    'DELETE /products/{productId}': { productId: '999999999999999' },
    'DELETE /catalogs/collection/{collectionId}': { collectionId: '1072603710847740' },
    'POST /catalogs/collection-edit/{collectionId}': { collectionId: '902834786123343' },
    // The catalog owner is the connected number (the simulator's ZAPI_SANDBOX_PHONE).
    'GET /catalogs/collection-products/{phone}': { phone: '554499999999', collectionId: '902834786123343' },
    // add-product (run just before) gave the doc's example collection a new id, as the doc says it does (z-api.txt 10553).
    'POST /catalogs/collection/remove-product': { collectionId: '902834786123343' },
    // Z-API names the group id `phone` here too (z-api.txt 8108); the links are the seeded group's (7830-7870).
    'POST /update-group-settings': { phone: '120363019502650977-group' },
    'GET /group-invitation-metadata': { url: 'https://chat.whatsapp.com/40Aasd6af1' },
    'GET /accept-invite-group': { url: 'https://chat.whatsapp.com/40Aasd6af1' },
    // The documented values of the privacy queries (z-api.txt 5071-5078, 5531-5534, 5588-5594).
    'GET /privacy/disallowed-contacts': { type: 'lastSeen' },
    'POST /privacy/read-receipts': { value: 'enable' },
    'POST /privacy/messages-duration': { value: 'days90' },
    // The doc's example lists every method ("sms | voice | wa_old", z-api.txt 1121-1125): one of them.
    'POST /mobile/request-registration-code': { method: 'sms' },
    // The simulator's seeded queue (the doc's example, z-api.txt 9396-9420).
    'DELETE /queue/{zaapId}': { zaapId: '39BB1684570F00E91090F6BBC7EE7642' },
  },
  // The request examples of these sections hold placeholders ("pin | unpin", "voice | video"):
  // the bodies of the same sections' curl samples instead (z-api.txt 4736, 4892, 4977).
  operationBodies: {
    'POST /pin-message': () => ({ phone: '5511999998888', messageId: '77DF5293EBC176FFA6A88838E7A6AD83', messageAction: 'pin', pinMessageDuration: '7_days' }),
    'POST /send-event': () => ({
      phone: '5511999998888',
      event: {
        name: 'Example event',
        description: 'Example description',
        dateTime: '2024-04-29T08:30:53.309Z',
        location: { name: 'Location name' },
        callLinkType: 'voice',
        canceled: false,
      },
    }),
    'POST /send-edit-event': () => ({
      phone: '5511999998888',
      eventMessageId: '3EB05669C7C3B9B27A6595',
      event: { name: 'Example event', description: 'Example description', dateTime: '2024-04-29T08:30:53.309Z', location: { name: 'Location name' }, canceled: false },
    }),
  },
};
