import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { RecordedRequest, SimulatorHandle } from '../../src/providers/contract.js';
import { docOperationKey } from '../../src/providers/doc-operations.js';
import { SIM_MEDIA_ID, SIM_WEBHOOK_ID } from '../../src/providers/ivosights/simulator/index.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { gql, sandboxConfig, startTestApp } from '../helpers/app.js';
import { readCatalog } from '../helpers/docs.js';

/**
 * Every documented operation of Ivosights, Zivo and Zixflow, reached through its GraphQL
 * field on the running app: the simulator must receive the documented method and path, the
 * documented credentials, and a body with the documented fields. The table must cover each
 * catalog exactly, so an operation added to a catalog without a graph test fails here.
 */
interface CatalogOp { method: string; path: string; variant?: string }
interface Row {
  /** GraphQL operation (variables `$i` = the instance id). */
  query: string;
  variables?: Record<string, unknown>;
  instance: string;
  /** Fields the recorded JSON body (or query for GETs) must contain. */
  expect?: Record<string, unknown>;
}

const TEMPLATE = '60243665e4058d3b4a377bd2';
const send = (mutation: string, type: string, input: Record<string, unknown>, instance = 'ivo'): Row => ({
  instance,
  query: `mutation($input: ${type}!) { ${mutation}(input: $input) { message { id } } }`,
  variables: { input: { instanceId: instance, to: '+62 812 3456 789', ...input } },
});
const read = (selection: string, instance = 'ivo'): Row => ({ instance, query: `query($i: ID!) { instance(id: $i) { ${selection} } }` });

const IVOSIGHTS: Record<string, Row> = {
  'POST /api/v1/contacts/check': { ...read('phoneChecks(phones: ["+62 812 3456 789"]) { exists waId }'), expect: { contacts: ['+628123456789'] } },
  'GET /api/v1/countries': read('countries { iso }'),
  'GET /api/v1/media/{mediaId}': read(`media(id: "${SIM_MEDIA_ID}") { id mimeType }`),
  'GET /api/v1/message-templates': read('templates { id }'),
  'GET /api/v1/message-templates/all-templates': read('templates(scope: ALL) { id }'),
  'POST /api/v1/message-templates': {
    instance: 'ivo',
    query: 'mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { template { id } } }',
    variables: { input: { instanceId: 'ivo', template: { label: 'Shipped', category: 'UTILITY', language: 'id', body: { text: 'Halo {{1}}', examples: ['Agus'] } } } },
    expect: { label: 'Shipped', category_id: 'UTILITY', language_id: 'id', is_propose: false, body: { text: 'Halo {{1}}', examples: ['Agus'] } },
  },
  'GET /api/v1/message-templates/{templateId}': read(`template(id: "${TEMPLATE}") { id }`),
  'PUT /api/v1/message-templates/{templateId}': {
    instance: 'ivo',
    query: 'mutation($input: UpdateTemplateInput!) { updateTemplate(input: $input) { template { id } } }',
    variables: { input: { instanceId: 'ivo', templateId: TEMPLATE, template: { label: 'Shipped', category: 'UTILITY', language: 'id', body: { text: 'Hi {{1}}', examples: ['A'] } } } },
    expect: { label: 'Shipped', category_id: 'UTILITY', language_id: 'id', is_propose: false },
  },
  'POST /api/v1/message-templates/{templateId}/propose': {
    instance: 'ivo',
    query: 'mutation { proposeTemplate(input: {instanceId: "ivo", templateId: "60243665e4058d3b4a377bd2"}) { ok } }',
  },
  'GET /api/v1/template-categories': read('templateCategories { id }'),
  'GET /api/v1/template-languages': read('templateLanguages { id }'),
  'POST /api/v1/messages/send-contact-message': { ...send('sendContact', 'SendContactInput', { contacts: [{ name: 'John Doe', phones: ['+1 940 555 1234'] }] }), expect: { wa_id: '628123456789' } },
  'POST /api/v1/messages/send-location-message': {
    ...send('sendLocation', 'SendLocationInput', { latitude: -6.2, longitude: 106.8, name: 'Monas', address: 'Jakarta' }),
    expect: { wa_id: '628123456789', latitude: -6.2, longitude: 106.8, name: 'Monas', address: 'Jakarta' },
  },
  'POST /api/v1/messages/send-media-message': { ...send('sendImage', 'SendImageInput', { image: 'https://x.test/a.png' }), expect: { wa_id: '628123456789', type: 'image', link: 'https://x.test/a.png' } },
  'POST /api/v1/messages/send-template-message': {
    ...send('sendTemplate', 'SendTemplateInput', { templateId: TEMPLATE, components: [{ type: 'BODY', parameters: [{ type: 'TEXT', text: 'Agus' }] }] }),
    expect: { wa_id: '628123456789', template_id: TEMPLATE, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Agus' }] }] },
  },
  'POST /api/v1/messages/send-text-message': { ...send('sendText', 'SendTextInput', { text: 'halo' }), expect: { wa_id: '628123456789', text: 'halo' } },
  'POST /api/v1/messages/send-reply-button-message': {
    ...send('sendButtons', 'SendButtonsInput', { body: 'Pilih', footer: 'PT', header: { image: 'https://x.test/h.png' }, buttons: [{ id: 'y', title: 'Ya' }, { id: 'n', title: 'Tidak' }] }),
    expect: { wa_id: '628123456789', body: 'Pilih', footer: 'PT', action: { buttons: [{ id: 'y', title: 'Ya' }, { id: 'n', title: 'Tidak' }] } },
  },
  'POST /api/v1/messages/send-list-message': {
    ...send('sendList', 'SendListInput', { header: 'H', body: 'B', footer: 'F', buttonText: 'Pilih', sections: [{ title: 'S', rows: [{ id: 'a', title: 'A', description: 'd' }] }] }),
    expect: { wa_id: '628123456789', body: 'B', footer: 'F', action: { button: 'Pilih' } },
  },
  'POST /api/v1/messages/send-single-product-message': {
    ...send('sendProduct', 'SendProductInput', { catalogId: '123', productRetailerId: 'sku1', body: 'B', footer: 'F' }),
    expect: { wa_id: '628123456789', action: { catalog_id: '123', product_retailer_id: 'sku1' } },
  },
  'POST /api/v1/messages/send-multi-product-message': {
    ...send('sendProductList', 'SendProductListInput', { catalogId: '123', header: 'H', body: 'B', footer: 'F', sections: [{ title: 'S', productRetailerIds: ['sku1'] }] }),
    expect: { wa_id: '628123456789', header: 'H', action: { catalog_id: '123' } },
  },
  'POST /api/v1/messages/send-flow-message': {
    ...send('sendFlow', 'SendFlowInput', { flowId: '118', flowCta: 'Go', screen: 'WELCOME', headerText: 'H', body: 'B', footer: 'F' }),
    expect: { wa_id: '628123456789', body: 'B', footer: 'F', action: { parameters: { flow_id: '118', flow_cta: 'Go' } } },
  },
  'PUT /api/v1/messages/{messageId}/read': { instance: 'ivo', query: 'mutation { readMessage(input: {instanceId: "ivo", chatId: "628123456789", messageId: "gBEGkYiEB1VXAglK1ZEqA1YKPrU"}) { ok } }' },
  'GET /api/v1/settings/business-profile': read('businessProfile { vertical }'),
  'POST /api/v1/settings/business-profile': {
    instance: 'ivo',
    query: 'mutation($input: UpdateBusinessProfileInput!) { updateBusinessProfile(input: $input) { ok } }',
    variables: { input: { instanceId: 'ivo', address: 'Jakarta', description: 'Shop', email: 'a@b.test', vertical: 'RETAIL', websites: ['https://b.test'] } },
    expect: { address: 'Jakarta', description: 'Shop', email: 'a@b.test', vertical: 'RETAIL', websites: ['https://b.test'] },
  },
  'GET /api/v1/settings/profiles/about': read('businessAbout'),
  'PATCH /api/v1/settings/profiles/about': { instance: 'ivo', query: 'mutation { updateBusinessAbout(input: {instanceId: "ivo", text: "Open 9-5"}) { ok } }', expect: { text: 'Open 9-5' } },
  'GET /api/v1/settings/profiles/photo': { ...read('businessPhoto'), expect: { format: 'link' } },
  'POST /api/v1/settings/profiles/photo': { instance: 'ivo', query: 'mutation { updateBusinessPhoto(input: {instanceId: "ivo", photo: "data:image/png;base64,iVBORw0KGgo="}) { ok } }' },
  'GET /api/v1/webhooks': read('webhooks { id }'),
  'GET /api/v1/webhooks/{webhookId}/pull-pending-notifications': {
    instance: 'ivo',
    query: `mutation { pullPendingNotifications(input: {instanceId: "ivo", webhookId: "${SIM_WEBHOOK_ID}"}) { eventIds } }`,
  },
  'POST /sandbox/api/v1/messages/send-text-message': { ...send('sendText', 'SendTextInput', { text: 'halo sandbox' }, 'ivo-sbx'), expect: { wa_id: '628123456789', text: 'halo sandbox' } },
  'GET /sandbox/api/v1/media/{mediaId}': read(`media(id: "${SIM_MEDIA_ID}") { id }`, 'ivo-sbx'),
};

const ZIVO: Record<string, Row> = {
  'POST /api/zivo/zchat/services/sendwhatsapp': { ...send('sendText', 'SendTextInput', { text: 'hi', to: '0712345678', clientReference: 'ref-1' }, 'zivo'), expect: { mobile: '254712345678', message: 'hi' } },
  'POST /api/zivo/zchat/services/sendbulk': {
    instance: 'zivo',
    query: 'mutation { sendBulk(input: {instanceId: "zivo", messages: [{to: "0712345678", text: "a"}, {to: "0712345679", text: "b"}]}) { results { message { id } error { code } } } }',
    expect: { whatsapplist: [{ mobile: '254712345678', message: 'a' }, { mobile: '254712345679', message: 'b' }] },
  },
  'GET /api/zivo/zchat/services/getdlr': { ...read('messageStatus(messageId: "ZIVO-UNKNOWN-1")', 'zivo'), expect: { messageID: 'ZIVO-UNKNOWN-1' } },
  'GET /api/zivo/zchat/services/account': read('status connection { state balance }', 'zivo'),
};

const ZIXFLOW: Record<string, Row> = {
  'POST /api/v1/campaign/whatsapp/message/send': {
    ...send('sendButtons', 'SendButtonsInput', { to: '+91 98765 43210', body: 'Continue?', footer: 'Zixflow', header: { text: 'Hello' }, buttons: [{ id: 'y', title: 'Yes' }] }, 'zixflow'),
    expect: { to: '919876543210', type: 'interactive', interactive: { type: 'button', body: { text: 'Continue?' } } },
  },
};

const sims: Partial<Record<'ivosights' | 'zivo' | 'zixflow', SimulatorHandle>> = {};
let app: RunningApp;

beforeAll(async () => {
  for (const kind of ['ivosights', 'zivo', 'zixflow'] as const) sims[kind] = await PROVIDER_MODULES[kind].startSimulator({ stepDelayMs: 5, autoReply: false });
  const inst = (id: string, kind: 'ivosights' | 'zivo' | 'zixflow', extra: Record<string, unknown> = {}) => ({
    ...sims[kind]!.instanceConfig, id, provider: kind, webhookSecret: `${id}-secret-0123456789abcdef`, baseUrl: sims[kind]!.url, ...extra,
  });
  app = await startTestApp(sandboxConfig({ sandbox: false, instances: [inst('ivo', 'ivosights'), inst('ivo-sbx', 'ivosights', { sandbox: true }), inst('zivo', 'zivo'), inst('zixflow', 'zixflow')] as never }));
});
afterAll(async () => {
  await app?.close();
  for (const s of Object.values(sims)) await s?.close();
});

function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[^/]+')}$`);
}

function credentialsOf(kind: string, req: RecordedRequest, cfg: Record<string, unknown>): void {
  if (kind === 'ivosights') expect(req.headers['x-api-key']).toBe(cfg.apiKey);
  if (kind === 'zixflow') expect(req.headers.authorization).toBe(`Bearer ${String(cfg.apiKey)}`);
  if (kind === 'zivo') {
    const where = req.method === 'GET' ? req.query : (req.body as Record<string, unknown>);
    expect(where).toMatchObject({ partnerID: cfg.partnerId, apikey: cfg.apiKey });
  }
}

for (const [kind, table] of [['ivosights', IVOSIGHTS], ['zivo', ZIVO], ['zixflow', ZIXFLOW]] as const) {
  describe(`${kind}: every documented operation through the graph`, () => {
    const catalog = readCatalog<{ operations: CatalogOp[] }>(`${kind}.json`);
    const keys = catalog.operations.map((o) => docOperationKey(o.method, o.path, o.variant));

    it('has a graph test for exactly the catalog operations', () => {
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
    });

    it.each(catalog.operations.map((o, i) => [keys[i]!, o] as const))('%s', async (key, op) => {
      const row = table[key]!;
      const sim = sims[kind]!;
      const before = sim.requests.length;
      const res = await gql(app.url, row.query, { i: row.instance, ...row.variables });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const recorded = sim.requests.slice(before).filter((r) => r.method === op.method && pathPattern(op.path).test(r.path));
      expect(recorded.length, `${key}: requests seen ${sim.requests.slice(before).map((r) => `${r.method} ${r.path}`).join(', ')}`).toBeGreaterThanOrEqual(1);
      const req = recorded[0]!;
      credentialsOf(kind, req, sim.instanceConfig);
      if (row.expect) expect(req.method === 'GET' ? req.query : req.body).toMatchObject(row.expect);
    });
  });
}
