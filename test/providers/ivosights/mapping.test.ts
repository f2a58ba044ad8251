import { describe, expect, it } from 'vitest';
import { mapIvosightsError } from '../../../src/providers/ivosights/errors.js';
import {
  isoToMs,
  secondsToMs,
  toMedia,
  toPhoneChecks,
  toSendButtons,
  toSendFlow,
  toSendList,
  toSendProduct,
  toSendProductList,
  toSendTemplate,
  toTemplate,
  toTemplateRequest,
  toWebhookEndpoint,
} from '../../../src/providers/ivosights/mapping.js';
import { missingRequired, REQUIRED_FIELDS } from '../../../src/providers/ivosights/simulator/required-fields.js';

/** Table-driven checks of the IVOWBA mapping, error reading and the simulator's required-field rule. */

describe('mapIvosightsError', () => {
  const cases: Array<[number, unknown, ReturnType<typeof mapIvosightsError>]> = [
    [404, { message: 'File not found' }, { code: 'NOT_FOUND', message: 'ivosights: file not found', providerCode: '404' }],
    [404, null, { code: 'NOT_FOUND', message: 'ivosights: not found', providerCode: '404' }],
    [400, { errors: [{ code: 470, title: 'outside the window' }] }, { code: 'PROVIDER_ERROR', message: 'ivosights refused the request: outside the window', providerCode: '470' }],
    // a title that echoes the recipient or the text is withheld: only WhatsApp's code is given
    [
      400,
      { errors: [{ code: 131026, title: 'Recipient 6281234567890 cannot receive "hi there"' }] },
      { code: 'PROVIDER_ERROR', message: 'ivosights refused the request (WhatsApp error 131026)', providerCode: '131026' },
    ],
    [
      400,
      { errors: [{ code: 100, title: 'Invalid parameter: to=+62 812' }] },
      { code: 'PROVIDER_ERROR', message: 'ivosights refused the request (WhatsApp error 100)', providerCode: '100' },
    ],
    [
      422,
      { message: 'The given data was invalid.', errors: { wa_id: ['required'], text: ['required'] } },
      { code: 'PROVIDER_ERROR', message: 'ivosights rejected the request (invalid fields: wa_id, text)', providerCode: 'VALIDATION' },
    ],
    [401, { message: 'Unauthenticated.' }, undefined],
    [403, null, undefined],
    [429, null, undefined],
    [503, { message: 'down' }, undefined],
    [400, 'plain text', undefined],
  ];
  it.each(cases)('HTTP %i %j', (status, body, expected) => {
    expect(mapIvosightsError(status, body)).toEqual(expected);
  });

  it('never echoes a validation field name that could carry data', () => {
    const mapped = mapIvosightsError(422, { errors: { 'hello this is my message body with spaces': ['x'], text: ['y'] } });
    expect(mapped?.message).toBe('ivosights rejected the request (invalid fields: text)');
  });
});

describe('ivosights mapping', () => {
  it('reads times: epoch seconds as strings, ISO with microseconds', () => {
    expect(secondsToMs('1518694235', 1)).toBe(1518694235000);
    expect(secondsToMs(1518694235, 1)).toBe(1518694235000);
    expect(secondsToMs('', 7)).toBe(7);
    expect(secondsToMs('soon', 7)).toBe(7);
    expect(isoToMs('2021-05-10T05:13:23.843000Z')).toBe(Date.UTC(2021, 4, 10, 5, 13, 23, 843));
    expect(isoToMs(null)).toBeNull();
  });

  it('matches contact-check answers by digits, in input order, missing ones as not existing', () => {
    const res = {
      contacts: [
        { input: '+62 895-421', status: 'valid', wa_id: '62895421' },
        { input: '+628537', status: 'invalid' },
      ],
    };
    expect(toPhoneChecks(['628537', '62895421', '6211'], res)).toEqual([
      { input: '628537', exists: false, waId: null },
      { input: '62895421', exists: true, waId: '62895421' },
      { input: '6211', exists: false, waId: null },
    ]);
  });

  it('reads an AUTHENTICATION template echoed in the create shape into OTP buttons and settings', () => {
    const t = toTemplate({
      id: 'a',
      label: 'OTP',
      status: 'submitted',
      category_id: 'AUTHENTICATION',
      language_id: 'id',
      components: [],
      otp: [{ otp_type: 'COPY_CODE', text: 'Salin Kode' }],
      add_security_recommendation: true,
      code_expiration_minutes: 30,
    });
    expect(t.status).toBe('SUBMITTED');
    expect(t.components).toEqual([
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Salin Kode' }] },
      { type: 'OTP_SETTINGS', addSecurityRecommendation: true, codeExpirationMinutes: 30 },
    ]);
  });

  it('keeps unknown template components and buttons raw, and reads the `example` spelling of a URL button (line 861)', () => {
    const t = toTemplate({
      id: 'b',
      label: 'L',
      status: 'approved',
      category_id: 'UTILITY',
      language_id: 'id',
      components: [
        { type: 'CAROUSEL', cards: [] } as never,
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Yes' },
            { type: 'URL', text: 'W', url: 'https://a.test/{{1}}', example: ['x'] },
          ],
        },
      ],
    });
    expect(t.components[0]).toEqual({ type: 'OTHER', providerType: 'CAROUSEL', raw: { type: 'CAROUSEL', cards: [] } });
    expect(t.components[1]).toEqual({
      type: 'BUTTONS',
      buttons: [
        { type: 'OTHER', providerType: 'QUICK_REPLY', text: 'Yes', raw: { type: 'QUICK_REPLY', text: 'Yes' } },
        { type: 'URL', text: 'W', url: 'https://a.test/{{1}}', dynamic: true, examples: ['x'] },
      ],
    });
  });

  it('writes a static URL button without url_type/examples and always sends body.examples', () => {
    expect(
      toTemplateRequest({ label: 'L', category: 'UTILITY', language: 'id', propose: true, body: { text: 'B' }, buttons: [{ type: 'URL', text: 'W', url: 'https://a.test/' }] }),
    ).toEqual({
      label: 'L',
      category_id: 'UTILITY',
      language_id: 'id',
      is_propose: true,
      body: { text: 'B', examples: [] },
      buttons: [{ type: 'URL', text: 'W', url: 'https://a.test/' }],
    });
  });

  it('drops the webhook password and credentials embedded in its URL', () => {
    const w = toWebhookEndpoint({
      id: '1',
      name: 'n',
      url: 'https://u:p@hook.test/x',
      events: ['messages'],
      headers: [],
      status: 'on',
      http_auth: { status: 'off', username: 'u', password: 'secret-pw' },
    });
    expect(w).toEqual({ id: '1', name: 'n', url: 'https://hook.test/x', events: ['messages'], enabled: true, httpAuthEnabled: false, httpAuthUsername: 'u' });
    expect(JSON.stringify(w)).not.toContain('secret-pw');
  });

  it("reads a media answer's type and size from its headers, and gives no URL (the file is behind the API key)", () => {
    expect(toMedia('m1', 'audio/ogg; codecs=opus', '3')).toEqual({ id: 'm1', mimeType: 'audio/ogg; codecs=opus', sizeBytes: 3, url: null });
    expect(toMedia('m1', undefined, 'lots')).toEqual({ id: 'm1', mimeType: null, sizeBytes: null, url: null });
  });
});

describe('ivosights sent content (issue 8: a sent message shows the kind it is, as a received one would)', () => {
  it('reply buttons are ButtonsContent with the media header, footer and reply buttons', () => {
    const sent = toSendButtons({ to: '6281234567890', body: 'Pilih', footer: 'PT', header: { video: 'https://v.test/a.mp4' }, buttons: [{ id: 'y', title: 'Ya' }] });
    expect(sent.content).toEqual({
      kind: 'buttons',
      body: 'Pilih',
      footer: 'PT',
      imageUrl: null,
      videoUrl: 'https://v.test/a.mp4',
      buttons: [{ type: 'REPLY', text: 'Ya', id: 'y', index: 0 }],
    });
  });

  it('a list is ListContent with its header as the title, the button text and the sections', () => {
    const sent = toSendList({
      to: '6281234567890',
      header: 'Pesan',
      body: 'Halo',
      footer: 'PT',
      buttonText: 'Pilih',
      sections: [{ title: 'S', rows: [{ id: 'a', title: 'A', description: 'd' }] }],
    });
    expect(sent.content).toEqual({
      kind: 'list',
      body: 'Halo',
      title: 'Pesan',
      footer: 'PT',
      buttonText: 'Pilih',
      sections: [{ title: 'S', rows: [{ id: 'a', title: 'A', description: 'd' }] }],
    });
  });

  it('a single product is ProductContent by its retailer id', () => {
    const sent = toSendProduct({ to: '6281234567890', catalogId: '1234567890', productRetailerId: 'abcd12345', body: 'Lihat', footer: 'PT' });
    expect(sent.content).toEqual({ kind: 'product', productId: 'abcd12345', retailerId: 'abcd12345' });
  });

  it('a template (its text is the approved template, not sent), a product list and a flow stay unsupported, with what was sent', () => {
    const template = toSendTemplate({ to: '6281234567890', templateId: 't1', components: [{ type: 'BODY', parameters: [{ type: 'TEXT', text: 'Agus' }] }] });
    expect(template.content).toMatchObject({ kind: 'unsupported', type: 'template', raw: { templateId: 't1' } });
    const list = toSendProductList({ to: '6281234567890', catalogId: 'c', header: 'H', body: 'B', footer: 'F', sections: [{ title: 'S', productRetailerIds: ['p1'] }] });
    expect(list.content).toMatchObject({ kind: 'unsupported', type: 'product_list' });
    const flow = toSendFlow({
      to: '6281234567890',
      flowId: 'f',
      flowCta: 'Go',
      screen: 'S',
      headerText: 'H',
      body: 'B',
      footer: 'F',
      flowMessageVersion: '3',
      flowAction: 'navigate',
    });
    expect(flow.content).toMatchObject({ kind: 'unsupported', type: 'flow' });
  });
});

describe('the simulator required-field rule (catalog: nested fields only when their parent is sent)', () => {
  it('checks nested and array fields with indexes', () => {
    const req = REQUIRED_FIELDS['send-template-message']!;
    expect(missingRequired({ wa_id: '1', template_id: 't', components: [{ type: 'body' }] }, req)).toEqual([]);
    expect(missingRequired({ wa_id: '1', template_id: 't', components: [{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://a' } }] }] }, req)).toEqual([
      'components[0].parameters[0].document.filename',
    ]);
    expect(missingRequired({ template_id: 't' }, req)).toEqual(['wa_id', 'components']);
    expect(missingRequired({ wa_id: '1', template_id: 't', components: [{ parameters: [{ type: 'image', image: {} }] }] }, req)).toEqual([
      'components[0].type',
      'components[0].parameters[0].image.link',
    ]);
  });

  it('requires a nested object only when the catalog lists the parent itself', () => {
    const tpl = REQUIRED_FIELDS.template!;
    expect(missingRequired({ label: 'l', category_id: 'c', language_id: 'i', is_propose: false }, tpl)).toEqual([]);
    expect(missingRequired({ label: 'l', category_id: 'c', language_id: 'i', is_propose: false, header: { text: 'x' } }, tpl)).toEqual(['header.format', 'header.examples']);
    const buttons = REQUIRED_FIELDS['send-reply-button-message']!;
    expect(missingRequired({ wa_id: '1', body: 'b', footer: 'f', action: { buttons: [{ id: 'a' }] } }, buttons)).toEqual(['header', 'action.buttons[0].title']);
  });
});
