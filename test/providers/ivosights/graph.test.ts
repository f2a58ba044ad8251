import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { toGlobalId } from '../../../src/global-ids.js';
import { createLogger } from '../../../src/logger.js';
import { SIM_MEDIA_BYTES, SIM_MEDIA_ID, SIM_WEBHOOK_ID, startIvosightsSimulator, type IvosightsSimulatorHandle } from '../../../src/providers/ivosights/simulator/index.js';
import { eventually, gql as post, sandboxConfig, startTestApp } from '../../helpers/app.js';

/**
 * The Ivosights-only areas of the graph (templates, business profile, media, reference data,
 * webhook admin, the business-API sends and pullPendingNotifications), run as GraphQL
 * operations against the real app, asserting what the IVOWBA simulator received.
 */

let sim: IvosightsSimulatorHandle;
let app: RunningApp;
const gql = (query: string, variables: Record<string, unknown> = {}) => post(app.url, query, variables);

beforeAll(async () => {
  sim = await startIvosightsSimulator({ stepDelayMs: 5, autoReply: false });
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      source: 'test',
      instances: [
        { ...sim.instanceConfig, id: 'ivo', provider: 'ivosights', webhookSecret: 'ivo-graph-test-secret-0123456789' },
        { ...sim.instanceConfig, id: 'ivo-sandbox', provider: 'ivosights', webhookSecret: 'ivo-graph-test-secret-abcdefghij', sandbox: true },
      ] as never,
    }),
    { logger: createLogger('silent') },
  );
});
afterAll(async () => {
  await sim?.settle();
  await app?.close();
  await sim?.close();
});
beforeEach(async () => {
  await sim.settle();
  sim.requests.length = 0;
});

const TEMPLATE_FIELDS = `id label name status category language createdAt components {
  __typename
  ... on TemplateHeaderComponent { format headerText: text parameterNames }
  ... on TemplateBodyComponent { text examples }
  ... on TemplateFooterComponent { text }
  ... on TemplateButtonsComponent { buttons { __typename ... on TemplateUrlButton { text url dynamic } ... on TemplatePhoneButton { phoneNumber } } }
}`;

describe('Ivosights through the graph', () => {
  it('lists templates, one template, categories and languages', async () => {
    const r = await gql(
      `{ instance(id: "ivo") { mine: templates { id templateId } all: templates(scope: ALL) { templateId category } template(id: "60243665e4058d3b4a377bd2") { ${TEMPLATE_FIELDS} } missing: template(id: "nope") { id } templateCategories { id name } templateLanguages { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    const i = r.data!.instance;
    expect(i.mine.map((t: { templateId: string }) => t.templateId)).toContain('60243665e4058d3b4a377bd2');
    expect(i.mine.map((t: { id: string }) => t.id)).toContain(toGlobalId('MessageTemplate', 'ivo', '60243665e4058d3b4a377bd2'));
    expect(i.all).toContainEqual({ templateId: '60243665e4058d3b4a377bce', category: 'ISSUE_RESOLUTION' });
    expect(i.template).toMatchObject({ label: 'New Project Setup Notification', status: 'APPROVED', createdAt: '2021-05-10T05:13:23.843Z' });
    expect(i.template.components).toEqual([
      { __typename: 'TemplateHeaderComponent', format: 'TEXT', headerText: 'Notifikasi Akun {{1}}', parameterNames: ['{{1}}'] },
      { __typename: 'TemplateBodyComponent', text: expect.stringContaining('Halo {{1}}'), examples: [] },
      { __typename: 'TemplateFooterComponent', text: 'Ivosights' },
      {
        __typename: 'TemplateButtonsComponent',
        buttons: [
          { __typename: 'TemplateUrlButton', text: 'Website', url: 'https://ivosights.com', dynamic: false },
          { __typename: 'TemplatePhoneButton', phoneNumber: '+622122902218' },
        ],
      },
    ]);
    expect(i.missing).toBeNull();
    expect(i.templateCategories).toEqual([
      { id: 'UTILITY', name: 'Transactional' },
      { id: 'MARKETING', name: 'Marketing' },
      { id: 'AUTHENTICATION', name: 'Authentication' },
    ]);
    expect(i.templateLanguages[0]).toEqual({ id: 'id' });
    expect(sim.requests.map((q) => `${q.method} ${q.path}`).sort()).toEqual([
      'GET /api/v1/message-templates',
      'GET /api/v1/message-templates/60243665e4058d3b4a377bd2',
      'GET /api/v1/message-templates/all-templates',
      'GET /api/v1/message-templates/nope',
      'GET /api/v1/template-categories',
      'GET /api/v1/template-languages',
    ]);
  });

  it('createTemplate, updateTemplate and proposeTemplate send the documented bodies', async () => {
    const created = await gql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { template { id templateId status label } } }`, {
      input: {
        instanceId: 'ivo',
        template: {
          label: 'Order shipped',
          category: 'UTILITY',
          language: 'id',
          body: { text: 'Halo {{1}}', examples: ['Agus'] },
          footer: 'Ivosights',
          buttons: [{ type: 'URL', text: 'Track', url: 'https://t.test/{{1}}', examples: ['abc'] }],
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createTemplate.template.templateId as string;
    expect(created.data!.createTemplate.template.id).toBe(toGlobalId('MessageTemplate', 'ivo', id));
    expect(created.data!.createTemplate.template).toMatchObject({ status: 'DRAFT', label: 'Order shipped' });
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/message-templates',
      body: {
        label: 'Order shipped',
        category_id: 'UTILITY',
        language_id: 'id',
        is_propose: false,
        body: { text: 'Halo {{1}}', examples: ['Agus'] },
        footer: 'Ivosights',
        buttons: [{ type: 'URL', text: 'Track', url_type: 'dynamic', url: 'https://t.test/{{1}}', examples: ['abc'] }],
      },
    });

    const updated = await gql(`mutation($input: UpdateTemplateInput!) { updateTemplate(input: $input) { template { templateId label } } }`, {
      input: { instanceId: 'ivo', templateId: id, template: { label: 'Order sent', category: 'UTILITY', language: 'id', body: { text: 'Hi {{1}}', examples: ['A'] } } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTemplate.template).toEqual({ templateId: id, label: 'Order sent' });
    expect(sim.requests[1]).toMatchObject({
      method: 'PUT',
      path: `/api/v1/message-templates/${id}`,
      body: { label: 'Order sent', category_id: 'UTILITY', language_id: 'id', is_propose: false, body: { text: 'Hi {{1}}', examples: ['A'] } },
    });

    const proposed = await gql(`mutation($input: ProposeTemplateInput!) { proposeTemplate(input: $input) { templateId ok } }`, { input: { instanceId: 'ivo', templateId: id } });
    expect(proposed.data!.proposeTemplate).toEqual({ templateId: id, ok: true });
    expect(sim.requests[2]).toMatchObject({ method: 'POST', path: `/api/v1/message-templates/${id}/propose` });
    expect(sim.requests[2]!.body).toBeUndefined();
  });

  it('a template definition the provider cannot take is BAD_USER_INPUT under input.template, before any request', async () => {
    const r = await gql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { template { id } } }`, {
      input: {
        instanceId: 'ivo',
        template: { label: 'x', category: 'UTILITY', language: 'id', body: { text: 'b' }, buttons: [{ type: 'URL', text: 'Go', url: 'https://a.test/{{1}}' }] },
      },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.template.buttons[0].examples' });
    expect(sim.requests).toHaveLength(0);
  });

  it('sendTemplate reads an Indonesian national number (08… → 628…) and sends the components', async () => {
    const r = await gql(`mutation($input: SendTemplateInput!) { sendTemplate(input: $input) { message { id status chat { chatId } content { __typename } } } }`, {
      input: {
        instanceId: 'ivo',
        to: '0812-3456-789',
        templateId: '60243665e4058d3b4a377bd2',
        components: [
          { type: 'BODY', parameters: [{ type: 'TEXT', text: 'Agus Santoso' }] },
          { type: 'HEADER', parameters: [{ type: 'IMAGE', link: 'https://x.test/i.png' }] },
        ],
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.sendTemplate.message).toMatchObject({ status: 'PENDING', chat: { chatId: '628123456789' }, content: { __typename: 'UnsupportedContent' } });
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/messages/send-template-message',
      body: {
        wa_id: '628123456789',
        template_id: '60243665e4058d3b4a377bd2',
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'Agus Santoso' }] },
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://x.test/i.png' } }] },
        ],
      },
    });
  });

  it('sendContact, sendList, sendProduct, sendProductList and sendFlow send the documented bodies', async () => {
    const send = async (mutation: string, type: string, input: Record<string, unknown>) => {
      const r = await gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { message { providerMessageId } } }`, {
        input: { instanceId: 'ivo', to: '+62 812 3456 789', ...input },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data![mutation].message.providerMessageId).toMatch(/^gBEG/);
    };
    await send('sendContact', 'SendContactInput', { contacts: [{ name: 'John Doe', phones: ['+1 (940) 555-1234'] }] });
    await send('sendList', 'SendListInput', {
      header: 'Pesan',
      body: 'Halo',
      footer: 'PT',
      buttonText: 'Pilih',
      sections: [{ title: 'S', rows: [{ id: 'a', title: 'A', description: 'd' }] }],
    });
    await send('sendProduct', 'SendProductInput', { catalogId: '1234567890', productRetailerId: 'abcd12345', body: 'Lihat', footer: 'PT' });
    await send('sendProductList', 'SendProductListInput', {
      catalogId: '1234567890',
      header: 'New',
      body: 'Pilih',
      footer: 'PT',
      sections: [{ title: 'New', productRetailerIds: ['abc12345', 'abc4567'] }],
    });
    await send('sendFlow', 'SendFlowInput', {
      flowId: '1180378639999979',
      flowCta: 'Register',
      screen: 'WELCOME_SCREEN',
      headerText: 'Header',
      body: 'Body',
      footer: 'Footer',
      data: { plan: 'gold' },
    });
    expect(sim.requests.map((q) => [q.path, q.body])).toEqual([
      ['/api/v1/messages/send-contact-message', { wa_id: '628123456789', contacts: [{ name: { formatted_name: 'John Doe' }, phones: [{ phone: '+19405551234', type: 'CELL' }] }] }],
      [
        '/api/v1/messages/send-list-message',
        {
          wa_id: '628123456789',
          header: { type: 'text', text: 'Pesan' },
          body: 'Halo',
          footer: 'PT',
          action: { button: 'Pilih', sections: [{ title: 'S', rows: [{ id: 'a', title: 'A', description: 'd' }] }] },
        },
      ],
      [
        '/api/v1/messages/send-single-product-message',
        { wa_id: '628123456789', body: 'Lihat', footer: 'PT', action: { catalog_id: '1234567890', product_retailer_id: 'abcd12345' } },
      ],
      [
        '/api/v1/messages/send-multi-product-message',
        {
          wa_id: '628123456789',
          header: 'New',
          body: 'Pilih',
          footer: 'PT',
          action: { catalog_id: '1234567890', sections: [{ title: 'New', product_items: [{ product_retailer_id: 'abc12345' }, { product_retailer_id: 'abc4567' }] }] },
        },
      ],
      [
        '/api/v1/messages/send-flow-message',
        {
          wa_id: '628123456789',
          header: { type: 'text', text: 'Header' },
          body: 'Body',
          footer: 'Footer',
          action: {
            parameters: {
              flow_message_version: '3',
              flow_id: '1180378639999979',
              flow_cta: 'Register',
              flow_action: 'navigate',
              flow_action_payload: { screen: 'WELCOME_SCREEN', data: { plan: 'gold' } },
            },
          },
        },
      ],
    ]);
  });

  it('reads the business profile, about, photo, countries, webhooks and a media file', async () => {
    const r = await gql(
      `{ instance(id: "ivo") { businessProfile { vertical websites } businessAbout businessPhoto countries { iso dialCode } webhooks { endpointId enabled httpAuthEnabled httpAuthUsername } media(id: "${SIM_MEDIA_ID}") { id mediaId mimeType sizeBytes url expiresAt } none: media(id: "nope") { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    const i = r.data!.instance;
    expect(i.businessProfile).toEqual({ vertical: 'Professional Services', websites: ['https://ivosigths.com'] });
    expect(typeof i.businessAbout).toBe('string');
    expect(i.businessPhoto).toMatch(/^https:\/\/pps\.whatsapp\.net\//);
    expect(i.countries[0]).toEqual({ iso: 'ID', dialCode: '+62' });
    expect(i.webhooks).toEqual([{ endpointId: SIM_WEBHOOK_ID, enabled: false, httpAuthEnabled: true, httpAuthUsername: 'user' }]);
    expect(i.media).toMatchObject({ id: toGlobalId('Media', 'ivo', SIM_MEDIA_ID), mediaId: SIM_MEDIA_ID, mimeType: 'image/png', sizeBytes: SIM_MEDIA_BYTES.byteLength });
    // a signed link to the server's own media route, never a data: URI or the provider's URL
    expect(i.media.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/[\w-]+\.[\w-]+$/);
    expect(Date.parse(i.media.expiresAt)).toBeGreaterThan(Date.now());
    expect(i.none).toBeNull();
    const photo = sim.requests.find((q) => q.path === '/api/v1/settings/profiles/photo')!;
    expect(photo.query).toEqual({ format: 'link' });
  });

  it('countries, webhook endpoints and media files are nodes: node(id) and nodes(ids) read each back from the provider as Instance served it', async () => {
    const listed = await gql(
      `{ instance(id: "ivo") { countries { id name dialCode iso iso3 } webhooks { id endpointId name url events enabled } media(id: "${SIM_MEDIA_ID}") { id mediaId mimeType sizeBytes } } }`,
    );
    expect(listed.errors).toBeUndefined();
    const { countries, webhooks, media } = listed.data!.instance;
    const country = countries[0];
    const NODE = `query($id: ID!) { node(id: $id) { __typename id
      ... on Country { name dialCode iso iso3 }
      ... on WebhookEndpoint { endpointId name url events enabled }
      ... on Media { mediaId mimeType sizeBytes url } } }`;
    expect((await gql(NODE, { id: country.id })).data!.node).toEqual({ __typename: 'Country', ...country });
    expect((await gql(NODE, { id: webhooks[0].id })).data!.node).toEqual({ __typename: 'WebhookEndpoint', ...webhooks[0] });
    const file = (await gql(NODE, { id: media.id })).data!.node;
    expect(file).toMatchObject({ __typename: 'Media', ...media });
    // a fresh signed link to the server's media route
    expect(file.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/[\w-]+\.[\w-]+$/);
    // one batch, in order; null for what the provider does not have
    const gone = [toGlobalId('Country', 'ivo', 'no-such-country'), toGlobalId('WebhookEndpoint', 'ivo', 'no-such-endpoint'), toGlobalId('Media', 'ivo', 'no-such-media')];
    const many = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [country.id, ...gone, media.id] });
    expect(many.errors).toBeUndefined();
    expect(many.data!.nodes).toEqual([{ __typename: 'Country', id: country.id }, null, null, null, { __typename: 'Media', id: media.id }]);
  });

  it('updates the business profile, about text and photo', async () => {
    const profile = {
      address: 'Jl. Tebet Barat I No.2',
      description: 'Platforms',
      email: 'hello@example.com',
      vertical: 'Professional Services',
      websites: ['https://www.ivosigths.com'],
    };
    const a = await gql(`mutation($input: UpdateBusinessProfileInput!) { updateBusinessProfile(input: $input) { ok } }`, { input: { instanceId: 'ivo', ...profile } });
    const b = await gql(`mutation($input: UpdateBusinessAboutInput!) { updateBusinessAbout(input: $input) { ok } }`, { input: { instanceId: 'ivo', text: 'Open 9-5' } });
    const c = await gql(`mutation($input: UpdateBusinessPhotoInput!) { updateBusinessPhoto(input: $input) { ok } }`, {
      input: { instanceId: 'ivo', photo: `data:image/png;base64,${SIM_MEDIA_BYTES.toString('base64')}` },
    });
    for (const r of [a, b, c]) expect(r.errors).toBeUndefined();
    expect(sim.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'POST /api/v1/settings/business-profile',
      'PATCH /api/v1/settings/profiles/about',
      'POST /api/v1/settings/profiles/photo',
    ]);
    expect(sim.requests[0]!.body).toEqual(profile);
    expect(sim.requests[1]!.body).toEqual({ text: 'Open 9-5' });
    expect(String(sim.requests[2]!.headers['content-type'])).toMatch(/^multipart\/form-data/);
    expect((await gql(`{ instance(id: "ivo") { businessAbout } }`)).data!.instance.businessAbout).toBe('Open 9-5');
  });

  it('pullPendingNotifications feeds the event log; a second pull of the same notification is deduped to the same ids', async () => {
    sim.setWebhookUrl(null);
    sim.pending.length = 0;
    const payload = {
      statuses: [
        {
          id: 'gBGHYoIYQIMZXwIJhuyBpuWCn4vI',
          recipient_id: '6282184083195',
          status: 'failed',
          timestamp: '1616562518',
          errors: [{ code: 470, title: 'Message failed to send because more than 24 hours have passed' }],
        },
      ],
    };
    await sim.notify(payload);
    const PULL = `mutation($input: PullPendingNotificationsInput!) { pullPendingNotifications(input: $input) { pulled eventIds } }`;
    const first = await gql(PULL, { input: { instanceId: 'ivo' } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.pullPendingNotifications.pulled).toBe(1);
    expect(sim.requests.map((q) => q.path)).toEqual([`/api/v1/webhooks/${SIM_WEBHOOK_ID}/pull-pending-notifications`]);
    const logged = await app.services.stores.log.readAfter('ivo', null, 1000);
    const failed = logged.filter((e) => e.type === 'MESSAGE_STATUS_CHANGED' && e.messageId === 'gBGHYoIYQIMZXwIJhuyBpuWCn4vI');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'FAILED', error: { code: '470' } });

    await sim.notify(payload);
    const second = await gql(PULL, { input: { instanceId: 'ivo', webhookId: SIM_WEBHOOK_ID } });
    expect(second.data!.pullPendingNotifications.eventIds).toEqual(first.data!.pullPendingNotifications.eventIds);
    const after = await app.services.stores.log.readAfter('ivo', null, 1000);
    expect(after.filter((e) => e.type === 'MESSAGE_STATUS_CHANGED' && e.messageId === 'gBGHYoIYQIMZXwIJhuyBpuWCn4vI')).toHaveLength(1);
  });

  it('webhooks authenticated with HTTP Basic (no path secret) reach the event log', async () => {
    sim.setWebhookUrl(`${app.url}/webhooks/ivo`);
    try {
      const r = await gql(`mutation($input: SendTextInput!) { sendText(input: $input) { message { providerMessageId } } }`, {
        input: { instanceId: 'ivo', to: '628123456789', text: 'hello' },
      });
      expect(r.errors).toBeUndefined();
      const id = r.data!.sendText.message.providerMessageId as string;
      await eventually(
        async () => (await app.services.stores.log.readAfter('ivo', null, 1000)).some((e) => e.type === 'MESSAGE_STATUS_CHANGED' && e.messageId === id && e.status === 'READ'),
        5000,
        'the READ status',
      );
      await sim.settle();
      expect(sim.pending).toHaveLength(0);
    } finally {
      sim.setWebhookUrl(null);
    }
  });

  it('a sandbox instance refuses what the IVOWBA Sandbox lacks with CAPABILITY_NOT_SUPPORTED, before any request', async () => {
    const r = await gql(`{ instance(id: "ivo-sandbox") { capabilities templates { id } } }`);
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'ivosights', capability: 'LIST_TEMPLATES' });
    const p = await gql(`mutation($input: SendProductInput!) { sendProduct(input: $input) { message { id } } }`, {
      input: { instanceId: 'ivo-sandbox', to: '628123456789', catalogId: 'c', productRetailerId: 'p', body: 'b', footer: 'f' },
    });
    expect(p.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'SEND_PRODUCT' });
    expect(sim.requests).toHaveLength(0);
    const t = await gql(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id } } }`, {
      input: { instanceId: 'ivo-sandbox', to: '628123456789', text: 'hi' },
    });
    expect(t.errors).toBeUndefined();
    expect(sim.requests.map((q) => q.path)).toEqual(['/sandbox/api/v1/messages/send-text-message']);
  });
});
