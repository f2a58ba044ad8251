import type { DocOperationTable } from '../doc-operations.js';

/**
 * Which graph capability reaches each documented Ivosights IVOWBA operation
 * (ivosights-ivowba.txt, 32 operations, keyed `docOperationKey`, "METHOD path"). Built from
 * `client.ts` and `adapter.ts` (IVOSIGHTS_CAPABILITIES): every operation is served; the two
 * Sandbox copies are what a `sandbox: true` instance calls instead of the live paths
 * (client.ts SANDBOX_PREFIX). Read through `ivosightsModule.operations` by
 * `scripts/gen-providers-doc.ts` and the contract suite, which checks it covers
 * `test/fixtures/ivosights/operations.json` and names only declared capabilities.
 */
export const DOC_OPERATIONS: DocOperationTable = {
  'POST /api/v1/contacts/check': { capabilities: ['CHECK_PHONES'] }, // lines 18-79
  'GET /api/v1/countries': { capabilities: ['COUNTRIES'] }, // lines 80-134
  'GET /api/v1/media/{mediaId}': { capabilities: ['GET_MEDIA'] }, // lines 135-176
  'GET /api/v1/message-templates': { capabilities: ['LIST_TEMPLATES'] }, // lines 177-274 (scope MINE)
  'GET /api/v1/message-templates/all-templates': { capabilities: ['LIST_TEMPLATES'] }, // lines 275-397 (scope ALL)
  'POST /api/v1/message-templates': { capabilities: ['CREATE_TEMPLATE'] }, // lines 398-768
  'GET /api/v1/message-templates/{templateId}': { capabilities: ['GET_TEMPLATE'] }, // lines 769-852
  'PUT /api/v1/message-templates/{templateId}': { capabilities: ['UPDATE_TEMPLATE'] }, // lines 853-945
  'POST /api/v1/message-templates/{templateId}/propose': { capabilities: ['PROPOSE_TEMPLATE'] }, // lines 946-979
  'GET /api/v1/template-categories': { capabilities: ['TEMPLATE_CATEGORIES'] }, // lines 980-1029
  'GET /api/v1/template-languages': { capabilities: ['TEMPLATE_LANGUAGES'] }, // lines 1030-1079
  'POST /api/v1/messages/send-contact-message': { capabilities: ['SEND_CONTACT'] }, // lines 1081-1215
  'POST /api/v1/messages/send-location-message': { capabilities: ['SEND_LOCATION'] }, // lines 1216-1274
  'POST /api/v1/messages/send-media-message': { capabilities: ['SEND_IMAGE', 'SEND_VIDEO', 'SEND_AUDIO', 'SEND_DOCUMENT', 'SEND_STICKER'] }, // lines 1275-1330
  'POST /api/v1/messages/send-template-message': { capabilities: ['SEND_TEMPLATE'] }, // lines 1331-1891
  'POST /api/v1/messages/send-text-message': { capabilities: ['SEND_TEXT'] }, // lines 1892-1944
  'POST /api/v1/messages/send-reply-button-message': { capabilities: ['SEND_BUTTONS'] }, // lines 1945-2023
  'POST /api/v1/messages/send-list-message': { capabilities: ['SEND_LIST'] }, // lines 2024-2117
  'POST /api/v1/messages/send-single-product-message': { capabilities: ['SEND_PRODUCT'] }, // lines 2118-2180
  'POST /api/v1/messages/send-multi-product-message': { capabilities: ['SEND_PRODUCT_LIST'] }, // lines 2181-2265
  'POST /api/v1/messages/send-flow-message': { capabilities: ['SEND_FLOW'] }, // lines 2266-2350
  'PUT /api/v1/messages/{messageId}/read': { capabilities: ['READ_MESSAGE'] }, // lines 2351-2387
  'GET /api/v1/settings/business-profile': { capabilities: ['BUSINESS_PROFILE'] }, // lines 2389-2443
  'POST /api/v1/settings/business-profile': { capabilities: ['UPDATE_BUSINESS_PROFILE'] }, // lines 2444-2504
  'GET /api/v1/settings/profiles/about': { capabilities: ['BUSINESS_ABOUT'] }, // lines 2505-2552
  'PATCH /api/v1/settings/profiles/about': { capabilities: ['UPDATE_BUSINESS_ABOUT', 'UPDATE_PROFILE_ABOUT'] }, // lines 2553-2601
  'GET /api/v1/settings/profiles/photo': { capabilities: ['BUSINESS_PHOTO'] }, // lines 2602-2657
  'POST /api/v1/settings/profiles/photo': { capabilities: ['UPDATE_BUSINESS_PHOTO', 'UPDATE_PROFILE_PICTURE'] }, // lines 2658-2701
  'GET /api/v1/webhooks': { capabilities: ['LIST_WEBHOOKS'] }, // lines 2702-2755
  'GET /api/v1/webhooks/{webhookId}/pull-pending-notifications': { capabilities: ['PULL_NOTIFICATIONS'] }, // lines 2756-2793
  'POST /sandbox/api/v1/messages/send-text-message': { capabilities: ['SEND_TEXT'] }, // lines 3146-3200, sandbox instances
  'GET /sandbox/api/v1/media/{mediaId}': { capabilities: ['GET_MEDIA'] }, // lines 3201-3240, sandbox instances
};
