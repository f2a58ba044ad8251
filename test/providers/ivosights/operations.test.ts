import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { requireCapability, type RecordedRequest } from '../../../src/providers/contract.js';
import type { IvosightsAdapter } from '../../../src/providers/ivosights/adapter.js';
import { ivosightsModule } from '../../../src/providers/ivosights/index.js';
import {
  SIM_API_KEY,
  SIM_MEDIA_BYTES,
  SIM_MEDIA_ID,
  SIM_WEBHOOK_ID,
  startIvosightsSimulator,
  type IvosightsSimulatorHandle,
} from '../../../src/providers/ivosights/simulator/index.js';
import type { GraphError } from '../../../src/errors.js';
import { operationFixtures } from '../../helpers/fixtures.js';

/**
 * Every documented operation (test/fixtures/ivosights/operations.json), driven through the adapter against the real
 * simulator over HTTP: the simulator must have received the documented method, path,
 * headers and body (ivosights-ivowba.txt is the authority for each expected body).
 */

let sim: IvosightsSimulatorHandle;
let adapter: IvosightsAdapter;
let sandbox: IvosightsAdapter;
const logger = createLogger('silent');

function make(extra: Record<string, unknown> = {}): IvosightsAdapter {
  return ivosightsModule.create(
    { id: 'ivo-test', provider: 'ivosights', webhookSecret: 'secret-1', baseUrl: sim.url, ...(sim.instanceConfig as { apiKey: string }), ...extra },
    { logger },
  ) as IvosightsAdapter;
}

beforeAll(async () => {
  sim = await startIvosightsSimulator({ autoReply: false, stepDelayMs: 1 });
  adapter = make();
  sandbox = make({ sandbox: true });
});
afterAll(async () => {
  await sim.settle();
  await sim.close();
});
beforeEach(() => {
  sim.requests.length = 0;
});

/** The single request the simulator received, with the documented headers checked. */
function only(): RecordedRequest {
  expect(sim.requests).toHaveLength(1);
  const r = sim.requests[0]!;
  expect(r.headers['x-api-key']).toBe(SIM_API_KEY);
  expect(r.headers.accept).toBe('application/json');
  return r;
}

function expectJson(r: RecordedRequest, method: string, path: string, body?: unknown): void {
  expect(r.method).toBe(method);
  expect(r.path).toBe(path);
  expect(r.headers['content-type']).toBe('application/json');
  if (body === undefined) expect(r.body).toBeUndefined();
  else expect(r.body).toEqual(body);
}

const covered = new Set<string>();
function op(method: string, path: string, fn: () => Promise<void>): void {
  covered.add(`${method} ${path}`);
  it(`${method} ${path}`, fn);
}

describe('ivosights operations against the simulator', () => {
  op('POST', '/api/v1/contacts/check', async () => {
    const checks = await adapter.contacts.checkPhones!(['628954218621', '628127631230']);
    expectJson(only(), 'POST', '/api/v1/contacts/check', { contacts: ['+628954218621', '+628127631230'] });
    expect(checks).toEqual([
      { input: '628954218621', exists: true, waId: '628954218621' },
      { input: '628127631230', exists: false, waId: null },
    ]);
  });

  op('GET', '/api/v1/countries', async () => {
    const countries = await adapter.reference.listCountries!();
    expectJson(only(), 'GET', '/api/v1/countries');
    expect(countries[0]).toEqual({ id: '6074716f6c09086f640ee9da', name: 'Indonesia', dialCode: '+62', iso: 'ID', iso3: 'IDN' });
  });

  op('GET', '/api/v1/media/{mediaId}', async () => {
    const media = await adapter.media.getMedia!(SIM_MEDIA_ID);
    expectJson(only(), 'GET', `/api/v1/media/${SIM_MEDIA_ID}`);
    expect(media?.mimeType).toBe('image/png');
    expect(media?.sizeBytes).toBe(SIM_MEDIA_BYTES.byteLength);
    // served only behind the API key: no URL of its own; the graph links its media route
    expect(media?.url).toBeNull();
    // the documented 404 {"message":"File not found"} (lines 171-174) reads as "no such media"
    expect(await adapter.media.getMedia!('no-such-file')).toBeNull();
  });

  op('GET', '/api/v1/message-templates', async () => {
    const page = await adapter.templates.listTemplates!('MINE');
    expectJson(only(), 'GET', '/api/v1/message-templates');
    const t = page.items.find((x) => x.id === '60243665e4058d3b4a377bd2')!;
    expect(t).toMatchObject({
      label: 'New Project Setup Notification',
      name: 'new_project_setup_notification',
      whatsappTemplateId: '408466377096510',
      status: 'APPROVED',
      category: 'UTILITY',
      language: 'id',
      createdAt: Date.UTC(2021, 4, 10, 5, 13, 23, 843),
    });
    expect(t.components.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
    expect(t.components[0]).toMatchObject({ type: 'HEADER', format: 'TEXT', text: 'Notifikasi Akun {{1}}', parameterNames: ['{{1}}'] });
    expect(t.components[3]).toEqual({
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Website', url: 'https://ivosights.com', dynamic: false, examples: [] },
        { type: 'PHONE_NUMBER', text: 'Bantuan', phoneNumber: '+622122902218', countryCode: null },
      ],
    });
    expect(page.hasNextPage).toBe(false);
  });

  op('GET', '/api/v1/message-templates/all-templates', async () => {
    const page = await adapter.templates.listTemplates!('ALL');
    expectJson(only(), 'GET', '/api/v1/message-templates/all-templates');
    const issue = page.items.find((x) => x.id === '60243665e4058d3b4a377bce')!;
    expect(issue.category).toBe('ISSUE_RESOLUTION');
    expect(issue.components[0]).toMatchObject({ type: 'BODY', examples: [expect.stringContaining('Permasalahan #21')], parameterNames: ['{{1}}'] });
  });

  op('POST', '/api/v1/message-templates', async () => {
    const created = await adapter.templates.createTemplate!({
      label: 'New Project Setup Notification',
      category: 'UTILITY',
      language: 'id',
      propose: false,
      header: { format: 'TEXT', text: 'Notifikasi akun {{1}}', examples: ['Sociomile'] },
      body: { text: 'Halo {{1}}, Terimakasih.', examples: ['Salsabila'] },
      footer: 'Ivosights',
      buttons: [
        { type: 'URL', text: 'Klik sekarang', url: 'https://test.com/{{1}}', examples: ['john-doe'] },
        { type: 'PHONE_NUMBER', text: 'Call us', countryCode: '+62', phoneNumber: '85128567890' },
      ],
    });
    // the dynamic-URL create example of lines 625 (curl) / 654 (JS): `examples`, not the PHP `example`
    expectJson(only(), 'POST', '/api/v1/message-templates', {
      label: 'New Project Setup Notification',
      category_id: 'UTILITY',
      language_id: 'id',
      is_propose: false,
      header: { format: 'TEXT', text: 'Notifikasi akun {{1}}', examples: ['Sociomile'] },
      body: { text: 'Halo {{1}}, Terimakasih.', examples: ['Salsabila'] },
      footer: 'Ivosights',
      buttons: [
        { type: 'URL', text: 'Klik sekarang', url_type: 'dynamic', url: 'https://test.com/{{1}}', examples: ['john-doe'] },
        { type: 'PHONE_NUMBER', text: 'Call us', country_code: '+62', phone_number: '85128567890' },
      ],
    });
    expect(created?.status).toBe('DRAFT');
    expect(created?.components.find((c) => c.type === 'BUTTONS')).toMatchObject({
      buttons: [
        { type: 'URL', dynamic: true, examples: ['john-doe'] },
        { type: 'PHONE_NUMBER', countryCode: '+62' },
      ],
    });
  });

  it('creates an OTP template as documented (line 720, the curl form: category AUTHENTICATION, no header/body)', async () => {
    await adapter.templates.createTemplate!({
      label: 'One Time Password Template',
      category: 'AUTHENTICATION',
      language: 'id',
      propose: false,
      buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Salin Kode' }],
      addSecurityRecommendation: true,
      codeExpirationMinutes: 30,
    });
    expectJson(only(), 'POST', '/api/v1/message-templates', {
      label: 'One Time Password Template',
      category_id: 'AUTHENTICATION',
      language_id: 'id',
      is_propose: false,
      otp: [{ otp_type: 'COPY_CODE', text: 'Salin Kode' }],
      add_security_recommendation: true,
      code_expiration_minutes: 30,
    });
  });

  it('creates a media-header template with the sample URL in header.examples (line 471)', async () => {
    await adapter.templates.createTemplate!({
      label: 'Promo',
      category: 'MARKETING',
      language: 'id',
      propose: true,
      header: { format: 'IMAGE', examples: ['https://image.url'] },
      body: { text: 'Hi' },
      footer: 'Ivosights',
    });
    expectJson(only(), 'POST', '/api/v1/message-templates', {
      label: 'Promo',
      category_id: 'MARKETING',
      language_id: 'id',
      is_propose: true,
      header: { format: 'IMAGE', examples: ['https://image.url'] },
      body: { text: 'Hi', examples: [] },
      footer: 'Ivosights',
    });
  });

  op('GET', '/api/v1/message-templates/{templateId}', async () => {
    const t = await adapter.templates.getTemplate!('60243665e4058d3b4a377bd2');
    expectJson(only(), 'GET', '/api/v1/message-templates/60243665e4058d3b4a377bd2');
    expect(t?.label).toBe('New Project Setup Notification');
    sim.requests.length = 0;
    expect(await adapter.templates.getTemplate!('nope')).toBeNull();
  });

  op('PUT', '/api/v1/message-templates/{templateId}', async () => {
    const updated = await adapter.templates.updateTemplate!('60243665e4058d3b4a377bd2', {
      label: 'New Project Setup Notification',
      category: 'UTILITY',
      language: 'id',
      propose: false,
      header: { format: 'TEXT', text: 'Notifikasi akun {{1}}', examples: ['Sociomile'] },
      body: { text: 'Halo {{1}}', examples: ['Salsabila', 'Aqilah'] },
      footer: 'Ivosights',
      buttons: [{ type: 'URL', text: 'Website', url: 'https://ivosights.com/' }],
    });
    expectJson(only(), 'PUT', '/api/v1/message-templates/60243665e4058d3b4a377bd2', {
      label: 'New Project Setup Notification',
      category_id: 'UTILITY',
      language_id: 'id',
      is_propose: false,
      header: { format: 'TEXT', text: 'Notifikasi akun {{1}}', examples: ['Sociomile'] },
      body: { text: 'Halo {{1}}', examples: ['Salsabila', 'Aqilah'] },
      footer: 'Ivosights',
      buttons: [{ type: 'URL', text: 'Website', url: 'https://ivosights.com/' }],
    });
    expect(updated?.id).toBe('60243665e4058d3b4a377bd2');
    // Update's own examples spell the sample list `example` (lines 861, 890, 933); the body Create documents (`examples`, line 625) is sent
    sim.requests.length = 0;
    await adapter.templates.updateTemplate!('60243665e4058d3b4a377bd2', {
      label: 'L',
      category: 'UTILITY',
      language: 'id',
      propose: false,
      body: { text: 'B' },
      buttons: [{ type: 'URL', text: 'Website', url: 'https://ivosights.com/{{1}}', examples: ['dolore', 'illum'] }],
    });
    expect((only().body as { buttons: unknown[] }).buttons).toEqual([
      { type: 'URL', text: 'Website', url_type: 'dynamic', url: 'https://ivosights.com/{{1}}', examples: ['dolore', 'illum'] },
    ]);
  });

  op('POST', '/api/v1/message-templates/{templateId}/propose', async () => {
    await adapter.templates.proposeTemplate!('60243665e4058d3b4a377bce');
    expectJson(only(), 'POST', '/api/v1/message-templates/60243665e4058d3b4a377bce/propose');
    expect((await adapter.templates.getTemplate!('60243665e4058d3b4a377bce'))?.status).toBe('SUBMITTED');
  });

  op('GET', '/api/v1/template-categories', async () => {
    const cats = await adapter.templates.listTemplateCategories!();
    expectJson(only(), 'GET', '/api/v1/template-categories');
    expect(cats).toEqual([
      { id: 'UTILITY', name: 'Transactional' },
      { id: 'MARKETING', name: 'Marketing' },
      { id: 'AUTHENTICATION', name: 'Authentication' },
    ]);
  });

  op('GET', '/api/v1/template-languages', async () => {
    const langs = await adapter.templates.listTemplateLanguages!();
    expectJson(only(), 'GET', '/api/v1/template-languages');
    expect(langs[0]).toEqual({ id: 'id', name: 'Indonesian' });
  });

  op('POST', '/api/v1/messages/send-contact-message', async () => {
    const sent = await adapter.messaging.sendContact!({ to: '628123456789', contacts: [{ name: 'John Doe', phones: ['19405551234'] }] });
    expectJson(only(), 'POST', '/api/v1/messages/send-contact-message', {
      wa_id: '628123456789',
      contacts: [{ name: { formatted_name: 'John Doe' }, phones: [{ phone: '+19405551234', type: 'CELL' }] }],
    });
    expect(sent.id).toMatch(/^gBEG/);
    expect(sent.chatId).toBe('628123456789');
  });

  op('POST', '/api/v1/messages/send-location-message', async () => {
    await adapter.messaging.sendLocation!({ to: '628123456789', latitude: 37.758056, longitude: -122.425332, name: 'Facebook', address: '1 Hacker Way, Menlo Park, CA 94025' });
    expectJson(only(), 'POST', '/api/v1/messages/send-location-message', {
      wa_id: '628123456789',
      latitude: 37.758056,
      longitude: -122.425332,
      name: 'Facebook',
      address: '1 Hacker Way, Menlo Park, CA 94025',
    });
  });

  op('POST', '/api/v1/messages/send-media-message', async () => {
    const link = 'https://www.google.com/images/branding/googlelogo/2x/googlelogo_color_92x30dp.png';
    const sent = await adapter.messaging.sendImage!({ to: '628123456789', media: link });
    expectJson(only(), 'POST', '/api/v1/messages/send-media-message', { wa_id: '628123456789', type: 'image', link });
    expect(sent.content).toMatchObject({ kind: 'image', url: link });
    sim.requests.length = 0;
    await adapter.messaging.sendDocument!({ to: '628123456789', media: 'https://x.test/a.pdf', extension: 'pdf' });
    expectJson(only(), 'POST', '/api/v1/messages/send-media-message', { wa_id: '628123456789', type: 'document', link: 'https://x.test/a.pdf' });
  });

  op('POST', '/api/v1/messages/send-template-message', async () => {
    await adapter.messaging.sendTemplate!({
      to: '628123456789',
      templateId: '60243665e4058d3b4a377bd2',
      components: [
        { type: 'BODY', parameters: [{ type: 'TEXT', text: 'Agus Santoso' }] },
        { type: 'HEADER', parameters: [{ type: 'DOCUMENT', link: 'https://ivosights.com/a.pdf', fileName: 'Display file name' }] },
        { type: 'BUTTON', subType: 'URL', index: 0, parameters: [{ type: 'TEXT', text: 'test' }] },
      ],
    });
    // index as an integer (lines 1744, 1814) rather than the string of line 1642
    expectJson(only(), 'POST', '/api/v1/messages/send-template-message', {
      wa_id: '628123456789',
      template_id: '60243665e4058d3b4a377bd2',
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Agus Santoso' }] },
        { type: 'header', parameters: [{ type: 'document', document: { link: 'https://ivosights.com/a.pdf', filename: 'Display file name' } }] },
        { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'test' }] },
      ],
    });
    sim.requests.length = 0;
    await adapter.messaging.sendTemplate!({
      to: '628123456789',
      templateId: '60243665e4058d3b4a377bd2',
      components: [{ type: 'BUTTON', subType: 'FLOW', index: 0, parameters: [{ type: 'ACTION', flowToken: '426c0a609e863870882d509ca3bcae959a5bc41d' }] }],
    });
    expect(only().body).toEqual({
      wa_id: '628123456789',
      template_id: '60243665e4058d3b4a377bd2',
      components: [{ type: 'button', sub_type: 'flow', index: 0, parameters: [{ type: 'action', action: { flow_token: '426c0a609e863870882d509ca3bcae959a5bc41d' } }] }],
    });
    sim.requests.length = 0;
    await adapter.messaging.sendTemplate!({ to: '628123456789', templateId: '60243665e4058d3b4a377bd2', components: [{ type: 'BODY', parameters: [] }] });
    expect(only().body).toEqual({ wa_id: '628123456789', template_id: '60243665e4058d3b4a377bd2', components: [{ type: 'body' }] });
  });

  op('POST', '/api/v1/messages/send-text-message', async () => {
    const sent = await adapter.messaging.sendText!({ to: '628123456789', text: 'hello', clientReference: 'ref-1' });
    expectJson(only(), 'POST', '/api/v1/messages/send-text-message', { wa_id: '628123456789', text: 'hello' });
    expect(sent).toMatchObject({ chatId: '628123456789', status: 'PENDING', content: { kind: 'text', body: 'hello' }, clientReference: 'ref-1' });
  });

  op('POST', '/api/v1/messages/send-reply-button-message', async () => {
    const link = 'https://www.google.com/images/branding/googlelogo/2x/googlelogo_color_92x30dp.png';
    await adapter.messaging.sendButtons!({ to: '628123456789', header: { image: link }, body: 'Want to know more?', footer: 'Ivosigths', buttons: [{ id: 'yes', title: 'Yes' }] });
    expectJson(only(), 'POST', '/api/v1/messages/send-reply-button-message', {
      wa_id: '628123456789',
      header: { type: 'image', link },
      body: 'Want to know more?',
      footer: 'Ivosigths',
      action: { buttons: [{ id: 'yes', title: 'Yes' }] },
    });
  });

  op('POST', '/api/v1/messages/send-list-message', async () => {
    await adapter.messaging.sendList!({
      to: '628123456789',
      header: 'Pesan Interaktif',
      body: 'Halo...',
      footer: 'PT. Ivonesia Solusi Data',
      buttonText: 'Pilih Platform',
      sections: [{ title: 'Silahkan pilih', rows: [{ id: 'sociomile', title: 'Sociomile', description: 'Omni channel Ticketing Platform' }] }],
    });
    expectJson(only(), 'POST', '/api/v1/messages/send-list-message', {
      wa_id: '628123456789',
      header: { type: 'text', text: 'Pesan Interaktif' },
      body: 'Halo...',
      footer: 'PT. Ivonesia Solusi Data',
      action: {
        button: 'Pilih Platform',
        sections: [{ title: 'Silahkan pilih', rows: [{ id: 'sociomile', title: 'Sociomile', description: 'Omni channel Ticketing Platform' }] }],
      },
    });
  });

  op('POST', '/api/v1/messages/send-single-product-message', async () => {
    await adapter.messaging.sendProduct!({
      to: '628123456789',
      body: 'Silahkan lihat detail produk kami.',
      footer: 'PT. Ivonesia Solusi Data',
      catalogId: '1234567890',
      productRetailerId: 'abcd12345',
    });
    expectJson(only(), 'POST', '/api/v1/messages/send-single-product-message', {
      wa_id: '628123456789',
      body: 'Silahkan lihat detail produk kami.',
      footer: 'PT. Ivonesia Solusi Data',
      action: { catalog_id: '1234567890', product_retailer_id: 'abcd12345' },
    });
  });

  op('POST', '/api/v1/messages/send-multi-product-message', async () => {
    await adapter.messaging.sendProductList!({
      to: '628123456789',
      header: 'New Product',
      body: 'Silahkan pilih produk kami.',
      footer: 'PT. Ivonesia Solusi Data',
      catalogId: '1234567890',
      sections: [{ title: 'New Product', productRetailerIds: ['abc12345', 'abc4567'] }],
    });
    expectJson(only(), 'POST', '/api/v1/messages/send-multi-product-message', {
      wa_id: '628123456789',
      header: 'New Product',
      body: 'Silahkan pilih produk kami.',
      footer: 'PT. Ivonesia Solusi Data',
      action: { catalog_id: '1234567890', sections: [{ title: 'New Product', product_items: [{ product_retailer_id: 'abc12345' }, { product_retailer_id: 'abc4567' }] }] },
    });
  });

  op('POST', '/api/v1/messages/send-flow-message', async () => {
    await adapter.messaging.sendFlow!({
      to: '628123456789',
      headerText: 'Header text',
      body: 'Body text of the flow',
      footer: 'Footer text of the flow',
      flowMessageVersion: '3',
      flowId: '1180378639999979',
      flowCta: 'Register',
      flowAction: 'navigate',
      screen: 'WELCOME_SCREEN',
    });
    expectJson(only(), 'POST', '/api/v1/messages/send-flow-message', {
      wa_id: '628123456789',
      header: { type: 'text', text: 'Header text' },
      body: 'Body text of the flow',
      footer: 'Footer text of the flow',
      action: {
        parameters: { flow_message_version: '3', flow_id: '1180378639999979', flow_cta: 'Register', flow_action: 'navigate', flow_action_payload: { screen: 'WELCOME_SCREEN' } },
      },
    });
  });

  op('PUT', '/api/v1/messages/{messageId}/read', async () => {
    await adapter.messaging.readMessage!({ chatId: '628123456789', messageId: 'gBEGkYiEB1VXAglK1ZEqA1YKPrU' });
    expectJson(only(), 'PUT', '/api/v1/messages/gBEGkYiEB1VXAglK1ZEqA1YKPrU/read');
  });

  op('GET', '/api/v1/settings/business-profile', async () => {
    const p = await adapter.business.getBusinessProfile!();
    expectJson(only(), 'GET', '/api/v1/settings/business-profile');
    expect(p).toMatchObject({ description: 'A Series of Platforms to Engage Your Customers', vertical: 'Professional Services', websites: ['https://ivosigths.com'] });
  });

  op('POST', '/api/v1/settings/business-profile', async () => {
    const input = {
      address: 'Jl. Tebet Barat I No.2',
      description: 'Platforms',
      email: 'hello@example.com',
      vertical: 'Professional Services',
      websites: ['https://www.ivosigths.com'],
    };
    await adapter.business.updateBusinessProfile!(input);
    expectJson(only(), 'POST', '/api/v1/settings/business-profile', input);
    expect((await adapter.business.getBusinessProfile!()).address).toBe('Jl. Tebet Barat I No.2');
  });

  op('GET', '/api/v1/settings/profiles/about', async () => {
    const about = await adapter.business.getAbout!();
    expectJson(only(), 'GET', '/api/v1/settings/profiles/about');
    expect(typeof about).toBe('string');
  });

  op('PATCH', '/api/v1/settings/profiles/about', async () => {
    await adapter.business.updateAbout!('Hello.. we are using WhatsApp Business Account');
    expectJson(only(), 'PATCH', '/api/v1/settings/profiles/about', { text: 'Hello.. we are using WhatsApp Business Account' });
    expect(await adapter.business.getAbout!()).toBe('Hello.. we are using WhatsApp Business Account');
  });

  op('GET', '/api/v1/settings/profiles/photo', async () => {
    const link = await adapter.business.getProfilePhoto!();
    const r = only();
    // format=link as the query (curl -G, line 2606), not a GET body
    expectJson(r, 'GET', '/api/v1/settings/profiles/photo');
    expect(r.query).toEqual({ format: 'link' });
    expect(link).toMatch(/^https:\/\/pps\.whatsapp\.net\//);
  });

  op('POST', '/api/v1/settings/profiles/photo', async () => {
    const png = SIM_MEDIA_BYTES.toString('base64');
    await adapter.business.updateProfilePhoto!({ photo: `data:image/png;base64,${png}` });
    const r = only();
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/api/v1/settings/profiles/photo');
    expect(String(r.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(String(r.body)).toContain('Content-Disposition: form-data; name="photo"; filename="photo.png"');
    expect(String(r.body)).toContain('Content-Type: image/png');
  });

  op('GET', '/api/v1/webhooks', async () => {
    const hooks = await adapter.webhookAdmin.listWebhooks!();
    expectJson(only(), 'GET', '/api/v1/webhooks');
    expect(hooks[0]).toEqual({
      id: SIM_WEBHOOK_ID,
      name: 'App Webhook',
      url: 'http://webhook.me/ea2f63e6-7583-4b82-9fa6-1bba131e6d93',
      events: [],
      enabled: false,
      httpAuthEnabled: true,
      httpAuthUsername: 'user',
    });
    // the http_auth password is a secret: never mapped out
    expect(JSON.stringify(hooks)).not.toContain('password');
  });

  op('GET', '/api/v1/webhooks/{webhookId}/pull-pending-notifications', async () => {
    await sim.settle();
    sim.pending.length = 0;
    await sim.notify({
      statuses: [
        { id: 'gBGGEgZHMlEfAgkM1RBkhDRr7t8', recipient_id: '12064001000', status: 'failed', timestamp: '1533332775', errors: [{ code: 470, title: 'outside the support window' }] },
      ],
    });
    sim.requests.length = 0;
    const events = await adapter.webhookAdmin.pullPendingNotifications!();
    expectJson(only(), 'GET', `/api/v1/webhooks/${SIM_WEBHOOK_ID}/pull-pending-notifications`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'MESSAGE_STATUS_CHANGED',
      messageId: 'gBGGEgZHMlEfAgkM1RBkhDRr7t8',
      status: 'FAILED',
      error: { code: '470', title: 'outside the support window' },
    });
  });

  op('POST', '/sandbox/api/v1/messages/send-text-message', async () => {
    await sandbox.messaging.sendText!({ to: '628123456789', text: 'hello' });
    expectJson(only(), 'POST', '/sandbox/api/v1/messages/send-text-message', { wa_id: '628123456789', text: 'hello' });
  });

  op('GET', '/sandbox/api/v1/media/{mediaId}', async () => {
    const media = await sandbox.media.getMedia!(SIM_MEDIA_ID);
    expectJson(only(), 'GET', `/sandbox/api/v1/media/${SIM_MEDIA_ID}`);
    expect(media?.sizeBytes).toBe(SIM_MEDIA_BYTES.byteLength);
  });

  it('covers every documented operation (test/fixtures/ivosights/operations.json)', () => {
    const documented = operationFixtures(ivosightsModule).map((o) => `${o.method} ${o.path}`);
    expect(documented).toHaveLength(32);
    expect(documented.filter((d) => !covered.has(d))).toEqual([]);
  });
});

describe('ivosights sandbox instances', () => {
  it('use /sandbox for the eight endpoints the doc lists (lines 3138-3145)', async () => {
    await sandbox.messaging.sendTemplate!({ to: '628123456789', templateId: '60243665e4058d3b4a377bd2', components: [{ type: 'BODY', parameters: [] }] });
    await sandbox.messaging.sendVideo!({ to: '628123456789', media: 'https://x.test/v.mp4' });
    await sandbox.messaging.sendLocation!({ to: '628123456789', latitude: 1, longitude: 2, name: 'n', address: 'a' });
    await sandbox.messaging.sendContact!({ to: '628123456789', contacts: [{ name: 'A', phones: ['1234'] }] });
    await sandbox.messaging.sendList!({
      to: '628123456789',
      header: 'h',
      body: 'b',
      footer: 'f',
      buttonText: 'Pick',
      sections: [{ title: 's', rows: [{ id: 'r', title: 't', description: 'd' }] }],
    });
    await sandbox.messaging.sendButtons!({ to: '628123456789', header: { image: 'https://x.test/i.png' }, body: 'b', footer: 'f', buttons: [{ id: 'y', title: 'Y' }] });
    expect(sim.requests.map((r) => r.path)).toEqual([
      '/sandbox/api/v1/messages/send-template-message',
      '/sandbox/api/v1/messages/send-media-message',
      '/sandbox/api/v1/messages/send-location-message',
      '/sandbox/api/v1/messages/send-contact-message',
      '/sandbox/api/v1/messages/send-list-message',
      '/sandbox/api/v1/messages/send-reply-button-message',
    ]);
  });

  it('refuse every other operation with CAPABILITY_NOT_SUPPORTED before any request', async () => {
    const calls: Array<() => Promise<unknown>> = [
      () => sandbox.contacts.checkPhones!(['628123456789']),
      () => sandbox.messaging.sendProduct!({ to: '628123456789', body: 'b', footer: 'f', catalogId: 'c', productRetailerId: 'p' }),
      () => sandbox.messaging.readMessage!({ chatId: '1', messageId: 'm' }),
      () => sandbox.templates.listTemplates!('MINE'),
      () => sandbox.business.getAbout!(),
      () => sandbox.webhookAdmin.pullPendingNotifications!(SIM_WEBHOOK_ID),
      () => sandbox.reference.listCountries!(),
    ];
    for (const call of calls) {
      const err = (await call().catch((e: unknown) => e)) as GraphError;
      expect(err.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'ivosights', sandbox: true });
    }
    expect(sim.requests).toHaveLength(0);
  });

  it('declare only the sandbox capabilities, so the graph refuses earlier', () => {
    expect([...sandbox.capabilities].sort()).toEqual([
      'GET_MEDIA',
      'SEND_AUDIO',
      'SEND_BUTTONS',
      'SEND_CONTACT',
      'SEND_DOCUMENT',
      'SEND_IMAGE',
      'SEND_LIST',
      'SEND_LOCATION',
      // the sandbox serves send-media-message, which also sends stickers
      'SEND_STICKER',
      'SEND_TEMPLATE',
      'SEND_TEXT',
      'SEND_VIDEO',
    ]);
    expect(() => requireCapability(sandbox, 'CHECK_PHONES')).toThrow(/do not support CHECK_PHONES/);
    expect(adapter.capabilities.has('CHECK_PHONES')).toBe(true);
  });
});

describe('ivosights input checks and errors', () => {
  async function fails(call: () => Promise<unknown>): Promise<GraphError> {
    const err = (await call().then(
      () => undefined,
      (e: unknown) => e,
    )) as GraphError | undefined;
    expect(err).toBeDefined();
    return err!;
  }

  it('refuses what IVOWBA cannot send before any request', async () => {
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => adapter.messaging.sendImage!({ to: '62812', media: 'data:image/png;base64,AAAA' }), 'input.media'],
      [() => adapter.messaging.sendImage!({ to: '62812', media: 'https://x.test/a.png', caption: 'hi' }), 'input.caption'],
      [() => adapter.messaging.sendText!({ to: '62812', text: 'x', replyToMessageId: 'm' }), 'input.replyToMessageId'],
      [() => adapter.messaging.sendButtons!({ to: '62812', body: 'b', footer: 'f', buttons: [{ id: 'y', title: 'Y' }] }), 'input.header'],
      [() => adapter.messaging.sendButtons!({ to: '62812', header: { image: 'https://x.test/i.png' }, body: 'b', buttons: [{ id: 'y', title: 'Y' }] }), 'input.footer'],
      [
        () =>
          adapter.messaging.sendButtons!({
            to: '62812',
            header: { image: 'https://x.test/i.png' },
            body: 'b',
            footer: 'f',
            buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: 'T' })),
          }),
        'input.buttons',
      ],
      [
        () =>
          adapter.messaging.sendList!({
            to: '62812',
            header: 'h',
            body: 'b',
            footer: 'f',
            buttonText: 'x',
            sections: [{ title: 's', rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: 't', description: 'd' })) }],
          }),
        'input.sections',
      ],
      [
        () => adapter.messaging.sendList!({ to: '62812', header: 'h', body: 'b', footer: 'f', buttonText: 'x', sections: [{ title: 's', rows: [{ id: 'r', title: 't' }] }] }),
        'input.sections[0].rows[0].description',
      ],
      [
        () => adapter.messaging.sendTemplate!({ to: '62812', templateId: 't', components: [{ type: 'HEADER', parameters: [{ type: 'DOCUMENT', link: 'https://x.test/a.pdf' }] }] }),
        'input.components[0].parameters[0].fileName',
      ],
      [
        () => adapter.messaging.sendFlow!({ to: '62812', headerText: 'h', body: 'b', footer: 'f', flowMessageVersion: '3', flowId: '1', flowCta: 'Go', flowAction: 'navigate' }),
        'input.screen',
      ],
      [
        () =>
          adapter.templates.createTemplate!({
            label: 'x',
            category: 'UTILITY',
            language: 'id',
            propose: false,
            body: { text: 'b' },
            buttons: [{ type: 'URL', text: 'Go', url: 'https://a.test/{{1}}' }],
          }),
        'input.buttons[0].examples',
      ],
      [() => adapter.business.updateProfilePhoto!({ photo: 'data:image/gif;base64,R0lGOD' }), 'input.photo'],
    ];
    for (const [call, field] of cases) {
      const err = await fails(call);
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(sim.requests).toHaveLength(0);
  });

  it('maps a wrong API key to PROVIDER_UNAUTHORIZED without leaking the key', async () => {
    const bad = make({ apiKey: 'wrong-key-123456' });
    const err = await fails(() => bad.messaging.sendText!({ to: '628123456789', text: 'secret body' }));
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_UNAUTHORIZED', provider: 'ivosights', operation: 'send-text-message', httpStatus: 401 });
    const shown = JSON.stringify({ m: err.message, e: err.extensions });
    expect(shown).not.toContain('wrong-key-123456');
    expect(shown).not.toContain('secret body');
    expect(shown).not.toContain(sim.url);
  });

  it('maps a provider validation answer (422) and a rate limit (429) and an outage (500)', async () => {
    const err = await fails(() => adapter.client.sendTextMessage({ wa_id: '628123456789' } as never));
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_ERROR', providerCode: 'VALIDATION', httpStatus: 422 });
    expect(err.message).toContain('text');
    sim.injectFault({ status: 429, headers: { 'retry-after': '3' } });
    // on its own instance: after a 429 with Retry-After, an instance refuses its calls until then (issue 12)
    const limited = make();
    expect((await fails(() => limited.reference.listCountries!())).extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 3000 });
    sim.injectFault({ status: 500 });
    expect((await fails(() => adapter.media.getMedia!(SIM_MEDIA_ID))).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', operation: 'media' });
    sim.injectFault({ status: 400, body: { errors: [{ code: 131026, title: 'Message undeliverable' }] } });
    expect((await fails(() => adapter.messaging.sendText!({ to: '628123456789', text: 'x' }))).extensions).toMatchObject({ code: 'PROVIDER_ERROR', providerCode: '131026' });
  });

  it('times out as PROVIDER_UNAVAILABLE', async () => {
    const slow = make({ timeoutMs: 100 });
    sim.injectFault({ delayMs: 400 });
    expect((await fails(() => slow.reference.listCountries!())).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });
});
