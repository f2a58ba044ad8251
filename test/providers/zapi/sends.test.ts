import { RICH_SEND_CAPABILITIES } from '../../../src/providers/contract.js';
import { describe, expect, it } from 'vitest';
import { zapiModule as zapi } from '../../../src/providers/zapi/index.js';
import { DOC_OPERATIONS } from '../../../src/providers/zapi/operations.js';
import { toGlobalId } from '../../../src/global-ids.js';
import { gql } from '../../helpers/app.js';
import { operationFixtures } from '../../helpers/fixtures.js';
import { zapiHarness } from './harness.js';

const h = zapiHarness();
const ops = new Map(operationFixtures(zapi).map((o) => [o.key, o]));

/** The documented request example of an operation (test/fixtures/zapi/operations.json). */
function example(key: string): Record<string, unknown> {
  const op = ops.get(key);
  if (!op) throw new Error(`no fixture for ${key}`);
  return op.requestExample as Record<string, unknown>;
}

/**
 * One rich send: the documented operation it reaches (`key`), the mutation and input type, the
 * input, and the body Z-API must receive: the doc's request example unless `body` says
 * otherwise (where the example holds placeholders such as "pin | unpin", the doc's curl sample
 * of the same section, cited).
 */
interface Row {
  key: string;
  mutation: string;
  type: string;
  input: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** The path when it is not the key's (`/send-text` for `POST /send-text plain`). */
  path?: string;
  /** The documented answer has no `messageId`: the message id is the `zaapId`. */
  zaapOnly?: boolean;
  /** The payload's `message.content` (selected by {@link CONTENT}): the kind the inbound parser gives the same message. */
  content: Record<string, unknown>;
}

const LOGO = 'https://www.z-api.io/wp-content/themes/z-api/dist/images/logo.svg';
const MP4 = 'https://file-examples.com/storage/fe88505b6162b2538a045ce/2017/04/file_example_MP4_480_1_5MG.mp4';
const ORDER_ITEMS = [
  { price: 150, quantity: 2, name: 'order 1', isCustomItem: true, productId: 'custom-item-4N8FCTW23N7' },
  { productId: '23940797548900636', price: 150, quantity: 2, name: 'order 2', isCustomItem: false },
];
const ORDER_UPDATE = {
  to: '554499999999',
  orderMessageId: '3EB0F91BBA791BB0A787FC',
  text: 'Order update text message',
  referenceId: '4N8FCTW1WM6',
  orderRequestId: '4N8FCTW22W4',
  orderStatus: 'PROCESSING',
  order: { currency: 'BRL', discount: 10, tax: 10, shipping: 5, items: ORDER_ITEMS },
};
const CAROUSEL_CARD = {
  text: 'Card text',
  image: 'https://firebasestorage.googleapis.com/v0/b/zaap-messenger-web.appspot.com/o/logo.png?alt=media',
  buttons: [
    { id: '1', label: 'Button Name', url: 'https://z-api.io', type: 'URL' },
    { id: '2', label: 'Button Name', type: 'REPLY' },
  ],
};

/** A carousel card as the received carousel shows it (z-api.txt 11601-11687): an image header, the text, the hydrated buttons. */
const CAROUSEL_CONTENT = {
  body: 'Card text',
  header: { image: { __typename: 'ImageContent' } },
  buttons: [
    { type: 'URL', text: 'Button Name', id: '1', url: 'https://z-api.io', phoneNumber: null, index: 0 },
    { type: 'REPLY', text: 'Button Name', id: '2', url: null, phoneNumber: null, index: 1 },
  ],
};
/** An order update as its echo shows it (`reviewOrder`, z-api.txt 12674-12724): statuses in the wire's words. */
const ORDER_UPDATE_CONTENT = {
  __typename: 'OrderDetailsContent',
  stage: 'UPDATE',
  referenceId: '4N8FCTW1WM6',
  orderRequestId: '4N8FCTW22W4',
  orderStatus: 'processing',
  currency: 'BRL',
  items: [
    { productId: 'custom-item-4N8FCTW23N7', name: 'order 1', price: 150, quantity: 2, isCustomItem: true },
    { productId: '23940797548900636', name: 'order 2', price: 150, quantity: 2, isCustomItem: false },
  ],
};

const ROWS: Row[] = [
  {
    key: 'POST /send-sticker',
    mutation: 'sendSticker',
    type: 'SendStickerInput',
    input: { to: '5511999999999', sticker: LOGO, author: 'Z-API' },
    content: { __typename: 'StickerContent' },
  },
  // The example sends `"caption": ""` (z-api.txt 2290): an empty caption is no caption, so none is sent.
  {
    key: 'POST /send-gif',
    mutation: 'sendGif',
    type: 'SendGifInput',
    input: { to: '5544999999999', gif: MP4 },
    body: { phone: '5544999999999', gif: MP4 },
    content: { __typename: 'VideoContent', gif: true },
  },
  {
    key: 'POST /send-ptv',
    mutation: 'sendPtv',
    type: 'SendPtvInput',
    input: { to: '5511999999999', video: 'http://techslides.com/demos/sample-videos/small.mp4' },
    content: { __typename: 'VideoContent', ptv: true },
  },
  {
    key: 'POST /send-link',
    mutation: 'sendLink',
    type: 'SendLinkInput',
    input: {
      to: '5511999998888',
      text: example('POST /send-link').message,
      image: 'https://firebasestorage.googleapis.com/v0/b/zaap-messenger-web.appspot.com/o/logo.png?alt=media',
      url: 'https://z-api.io',
      title: 'Z-API',
      description: 'WhatsApp Integration',
    },
    content: { __typename: 'TextContent', linkPreview: { url: 'https://z-api.io', title: 'Z-API', description: 'WhatsApp Integration' } },
  },
  {
    key: 'POST /forward-message',
    mutation: 'forwardMessage',
    type: 'ForwardMessageInput',
    input: { to: '5511999999999', messageId: '3999984263738042930CD6ECDE9VDWSA', fromChatId: '+55 11 88888-8888' },
    zaapOnly: true,
    // The graph has not seen the forwarded message (see the forward test below for one it has).
    content: { __typename: 'UnsupportedContent', type: 'forward' },
  },
  {
    key: 'POST /send-button-actions',
    mutation: 'sendActionButtons',
    type: 'SendActionButtonsInput',
    input: {
      to: '551199999999',
      text: 'a message',
      title: 'if you want to link a title',
      footer: 'if you want to link a top footer',
      buttons: [
        { id: '1', type: 'CALL', phone: '554498398733', label: 'Contact us' },
        { id: '2', type: 'URL', url: 'https://z-api.io', label: 'Visit our website' },
      ],
    },
    // Received as a hydratedTemplate with urlButton/callButton (z-api.txt 11307-11444).
    content: {
      __typename: 'TemplateMessageContent',
      templateId: null,
      body: 'a message',
      title: 'if you want to link a title',
      footer: 'if you want to link a top footer',
      buttons: [
        { type: 'CALL', text: 'Contact us', id: '1', url: null, phoneNumber: '554498398733', index: 0 },
        { type: 'URL', text: 'Visit our website', id: '2', url: 'https://z-api.io', phoneNumber: null, index: 1 },
      ],
    },
  },
  {
    key: 'POST /send-button-otp',
    mutation: 'sendOtpButton',
    type: 'SendOtpButtonInput',
    input: { to: '551199999999', text: 'Message text', code: 'Value to be copied' },
    content: { __typename: 'TemplateMessageContent', body: 'Message text', buttons: [{ type: 'COPY', text: 'Copy code', id: null, url: null, phoneNumber: null, index: 0 }] },
  },
  {
    key: 'POST /send-button-pix',
    mutation: 'sendPixButton',
    type: 'SendPixButtonInput',
    input: { to: '551199999999', pixKey: 'pix key', keyType: 'RANDOM' },
    content: { __typename: 'PixKeyContent', key: 'pix key', keyType: 'EVP', merchantName: null },
  },
  {
    key: 'POST /send-carousel',
    mutation: 'sendCarousel',
    type: 'SendCarouselInput',
    input: { to: '551199999999', text: 'Message text', cards: [CAROUSEL_CARD, CAROUSEL_CARD] },
    content: { __typename: 'CarouselContent', body: 'Message text', cards: [CAROUSEL_CONTENT, CAROUSEL_CONTENT] },
  },
  {
    key: 'POST /send-poll',
    mutation: 'sendPoll',
    type: 'SendPollInput',
    input: { to: '5511999999999', question: 'What is the best API for WhatsApp?', options: ['Z-API', 'Other'] },
    content: { __typename: 'PollContent', question: 'What is the best API for WhatsApp?', options: ['Z-API', 'Other'], maxSelections: null },
  },
  {
    key: 'POST /send-poll-vote',
    mutation: 'sendPollVote',
    type: 'SendPollVoteInput',
    input: { to: '5511999999999', pollMessageId: 'poll message id', options: ['Z-API'] },
    content: { __typename: 'PollVoteContent', pollMessageId: 'poll message id', selectedOptions: ['Z-API'] },
  },
  {
    key: 'POST /send-product',
    mutation: 'sendCatalogProduct',
    type: 'SendCatalogProductInput',
    input: { to: '5511999999999', catalogPhone: '5511999999999', productId: '7190654897637620' },
    content: { __typename: 'ProductContent', productId: '7190654897637620', businessOwnerId: '5511999999999' },
  },
  {
    key: 'POST /send-catalog',
    mutation: 'sendCatalog',
    type: 'SendCatalogInput',
    input: {
      to: '5511999999999',
      catalogPhone: '5511999999999',
      language: 'PT',
      text: 'Access this link to view our catalog on Whatsapp:',
      title: 'See the product catalog on Whatsapp.',
      description: "Learn more about this company's products and services.",
    },
    content: {
      __typename: 'TextContent',
      body: 'Access this link to view our catalog on Whatsapp:',
      linkPreview: { url: null, title: 'See the product catalog on Whatsapp.', description: "Learn more about this company's products and services." },
    },
  },
  {
    // The example's keyType is a placeholder ("Key type (cpf | cnpj | phone | email | randomKey)", z-api.txt 4356): a real one is sent.
    key: 'POST /send-order',
    mutation: 'sendOrder',
    type: 'SendOrderInput',
    input: {
      to: '554499999999',
      order: { currency: 'BRL', discount: 10, tax: 10, shipping: 5, items: [{ productId: '23940797548900636', name: 'Product Name', price: 10, quantity: 2 }] },
      pix: { key: 'PIX Key', keyType: 'RANDOM', name: 'Key name' },
      cardPayment: true,
    },
    body: {
      ...example('POST /send-order'),
      paymentSettings: { pix: { key: 'PIX Key', keyType: 'randomKey', name: 'Key name' }, card: { enabled: true } },
    },
    // The customer receives it as reviewAndPay (z-api.txt 12621-12672).
    content: {
      __typename: 'OrderDetailsContent',
      stage: 'REVIEW_AND_PAY',
      currency: 'BRL',
      discount: 10,
      tax: 10,
      shipping: 5,
      orderStatus: null,
      items: [{ productId: '23940797548900636', name: 'Product Name', price: 10, quantity: 2 }],
    },
  },
  {
    key: 'POST /order-status-update',
    mutation: 'updateOrderStatus',
    type: 'UpdateOrderInput',
    input: { ...ORDER_UPDATE, paymentStatus: 'PENDING' },
    content: { ...ORDER_UPDATE_CONTENT, paymentStatus: 'pending' },
  },
  {
    key: 'POST /order-payment-update',
    mutation: 'updateOrderPayment',
    type: 'UpdateOrderInput',
    input: { ...ORDER_UPDATE, paymentStatus: 'PAID' },
    content: { ...ORDER_UPDATE_CONTENT, paymentStatus: 'paid' },
  },
  {
    // The example's values are placeholders ("pin | unpin"): the body of the section's curl sample (z-api.txt 4736).
    key: 'POST /pin-message',
    mutation: 'pinMessage',
    type: 'PinMessageInput',
    input: { chatId: '5511999998888', messageId: '77DF5293EBC176FFA6A88838E7A6AD83', duration: 'DAYS_7' },
    body: { phone: '5511999998888', messageId: '77DF5293EBC176FFA6A88838E7A6AD83', messageAction: 'pin', pinMessageDuration: '7_days' },
    content: { __typename: 'PinContent', action: 'PIN', targetMessageId: '77DF5293EBC176FFA6A88838E7A6AD83', durationSeconds: 604800 },
  },
  {
    key: 'POST /send-newsletter-admin-invite',
    mutation: 'sendChannelAdminInvite',
    type: 'SendChannelAdminInviteInput',
    input: { to: '5511999999999', channelId: '120363166555745933@newsletter', caption: 'I want to invite you to be an admin of my WhatsApp channel.' },
    content: { __typename: 'ChannelAdminInviteContent', channelId: '120363166555745933@newsletter', text: 'I want to invite you to be an admin of my WhatsApp channel.' },
  },
  {
    // The example's callLinkType is a placeholder ("voice | video"): the section's curl sample (z-api.txt 4892).
    key: 'POST /send-event',
    mutation: 'sendEvent',
    type: 'SendEventInput',
    input: {
      to: '5511999998888',
      event: {
        name: 'Example event',
        description: 'Example description',
        startsAt: '2024-04-29T08:30:53.309Z',
        locationName: 'Location name',
        callType: 'VOICE',
        canceled: false,
      },
    },
    body: {
      phone: '5511999998888',
      event: {
        name: 'Example event',
        description: 'Example description',
        dateTime: '2024-04-29T08:30:53.309Z',
        location: { name: 'Location name' },
        callLinkType: 'voice',
        canceled: false,
      },
    },
    content: { __typename: 'EventMessageContent', name: 'Example event', description: 'Example description', startsAt: '2024-04-29T08:30:53.309Z', canceled: false },
  },
  {
    // The section's curl sample (z-api.txt 4977): no call link.
    key: 'POST /send-edit-event',
    mutation: 'editEvent',
    type: 'EditEventInput',
    input: {
      to: '5511999998888',
      eventMessageId: '3EB05669C7C3B9B27A6595',
      // Another offset, the same instant: sent in UTC as the example writes it.
      event: { name: 'Example event', description: 'Example description', startsAt: '2024-04-29T05:30:53.309-03:00', locationName: 'Location name' },
    },
    body: {
      phone: '5511999998888',
      eventMessageId: '3EB05669C7C3B9B27A6595',
      event: { name: 'Example event', description: 'Example description', dateTime: '2024-04-29T08:30:53.309Z', location: { name: 'Location name' }, canceled: false },
    },
    content: { __typename: 'EventMessageContent', name: 'Example event', startsAt: '2024-04-29T08:30:53.309Z', canceled: false },
  },
  {
    key: 'POST /send-event-response',
    mutation: 'respondToEvent',
    type: 'RespondToEventInput',
    input: { to: '120363019502650977-group', eventMessageId: 'D2D612289D9E8F62307D72409A8D9DC3', going: true },
    content: { __typename: 'EventResponseContent', eventMessageId: 'D2D612289D9E8F62307D72409A8D9DC3', response: 'GOING' },
  },
  {
    key: 'POST /send-call',
    mutation: 'sendCall',
    type: 'SendCallInput',
    input: { to: '5511999999999', durationSeconds: 5 },
    // A call is not message content (calls arrive as call events): it stays unsupported.
    content: { __typename: 'UnsupportedContent', type: 'call' },
  },
  {
    key: 'POST /send-text-status',
    mutation: 'sendStatus',
    type: 'SendStatusInput',
    input: { text: 'Your status message' },
    content: { __typename: 'TextContent', body: 'Your status message' },
  },
  { key: 'POST /send-image-status', mutation: 'sendStatus', type: 'SendStatusInput', input: { image: LOGO, caption: 'caption text' }, content: { __typename: 'ImageContent' } },
  {
    key: 'POST /send-video-status',
    mutation: 'sendStatus',
    type: 'SendStatusInput',
    input: { video: 'https://file-examples-com.github.io/uploads/2017/04/file_example_MP4_480_1_5MG.mp4', caption: 'caption text' },
    content: { __typename: 'VideoContent' },
  },
  {
    key: 'POST /reply-status-text',
    mutation: 'replyToStatus',
    type: 'ReplyToStatusInput',
    input: { to: '5544999999999', text: 'message text', statusMessageId: '1F606398F2ECAA4846269F659B6003A9' },
    content: { __typename: 'TextContent', body: 'message text' },
  },
  {
    key: 'POST /reply-status-gif',
    mutation: 'replyToStatus',
    type: 'ReplyToStatusInput',
    input: { to: '5544999999999', gif: MP4, statusMessageId: '1F606398F2ECAA4846269F659B6003A9' },
    content: { __typename: 'VideoContent', gif: true },
  },
  {
    key: 'POST /reply-status-sticker',
    mutation: 'replyToStatus',
    type: 'ReplyToStatusInput',
    input: { to: '5544999999999', sticker: LOGO, statusMessageId: '1F606398F2ECAA4846269F659B6003A9' },
    content: { __typename: 'StickerContent' },
  },
  {
    // `editMessageId` on send-text (z-api.txt 1798; the section has no example of it).
    key: 'POST /send-text plain',
    path: '/send-text',
    mutation: 'editMessage',
    type: 'EditMessageInput',
    input: { to: '5511999999999', messageId: 'D241XXXX732339502B68', text: 'Welcome to *Z-API*' },
    body: { phone: '5511999999999', message: 'Welcome to *Z-API*', editMessageId: 'D241XXXX732339502B68' },
    content: { __typename: 'TextContent', body: 'Welcome to *Z-API*' },
  },
];

const mutationOf = (row: Pick<Row, 'type' | 'mutation'>) =>
  `mutation($input: ${row.type}!) { ${row.mutation}(input: $input) { message { id fromMe status content { __typename } } } }`;

/** The content fields the rows check, for every kind a rich send gives. */
const CONTENT = `content {
  __typename
  ... on TextContent { body linkPreview { url title description } }
  ... on VideoContent { gif ptv }
  ... on TemplateMessageContent { templateId title body footer buttons { type text id url phoneNumber index } }
  ... on CarouselContent { body cards { body header { image { __typename } } buttons { type text id url phoneNumber index } } }
  ... on PixKeyContent { key keyType merchantName }
  ... on PollContent { question options maxSelections }
  ... on PollVoteContent { pollMessageId selectedOptions }
  ... on ProductContent { productId businessOwnerId }
  ... on OrderDetailsContent { stage referenceId orderRequestId orderStatus paymentStatus currency discount tax shipping items { productId name price quantity isCustomItem } }
  ... on PinContent { action targetMessageId durationSeconds }
  ... on EventMessageContent { name description startsAt canceled }
  ... on EventResponseContent { eventMessageId response }
  ... on ChannelAdminInviteContent { channelId text }
  ... on UnsupportedContent { type }
}`;
const contentMutationOf = (row: Row) => `mutation($input: ${row.type}!) { ${row.mutation}(input: $input) { message { id providerMessageId fromMe status ${CONTENT} } } }`;

describe('Z-API rich sends through the graph (issue 8): every documented send, its documented request', () => {
  it.each(ROWS.map((r) => [`${r.mutation} → ${r.key}`, r] as const))('%s', async (_name, row) => {
    const data = await h.ok(contentMutationOf(row), { input: { instanceId: 'zapi', ...row.input } });
    const path = row.path ?? row.key.split(' ')[1]!;
    const [req] = h.on('POST', path);
    expect(req, `no POST ${path}`).toBeDefined();
    expect(req!.method).toBe('POST');
    h.expectAuth(req);
    expect(req!.body).toEqual(row.body ?? example(row.key));
    const message = data[row.mutation].message;
    expect(message.fromMe).toBe(true);
    expect(message.status).toBe('PENDING');
    expect(message.providerMessageId).toMatch(row.zaapOnly ? /^[0-9A-F]{32}$/ : /^[0-9A-F]{20}$/);
    expect(message.id).toBe(toGlobalId('Message', 'zapi', message.providerMessageId));
    expect(message.content).toMatchObject(row.content);
  });

  it('the table covers every operation the rich capabilities reach', () => {
    const covered = new Set(ROWS.map((r) => r.key));
    const richCaps = new Set(ROWS.map((r) => r.mutation));
    expect(richCaps.size).toBeGreaterThan(20);
    const rich = Object.entries(DOC_OPERATIONS)
      .filter(([, v]) => 'capabilities' in v && v.capabilities.some((c) => (RICH_SEND_CAPABILITIES as readonly string[]).includes(c)))
      .map(([k]) => k);
    expect(rich.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('a sent poll maps maxSelections to pollMaxOptions (the contract query)', async () => {
    const data = await h.ok(
      'mutation { sendPoll(input: {instanceId: "zapi", to: "5511999999999", question: "Lunch?", options: ["Yes", "No"], maxSelections: 1}) { message { providerMessageId } } }',
    );
    expect(data.sendPoll.message.providerMessageId).toMatch(/^[0-9A-F]{20}$/);
    expect(h.on('POST', '/send-poll')[0]?.body).toEqual({ phone: '5511999999999', message: 'Lunch?', poll: [{ name: 'Yes' }, { name: 'No' }], pollMaxOptions: 1 });
  });

  it('unpinMessage sends messageAction unpin with the mandatory duration (z-api.txt 4692)', async () => {
    await h.ok('mutation { unpinMessage(input: {instanceId: "zapi", chatId: "5511999999999", messageId: "77DF"}) { message { id } } }');
    expect(h.on('POST', '/pin-message')[0]?.body).toEqual({ phone: '5511999999999', messageId: '77DF', messageAction: 'unpin', pinMessageDuration: '24_hours' });
  });

  it('the OTP code is sent but never echoed in the payload', async () => {
    const data = await h.ok(
      `mutation { sendOtpButton(input: {instanceId: "zapi", to: "5511999999999", text: "Your code", code: "SECRET123", buttonText: "Copy"}) { message { ${CONTENT} } } }`,
    );
    expect(data.sendOtpButton.message.content).toMatchObject({ __typename: 'TemplateMessageContent', body: 'Your code', buttons: [{ type: 'COPY', text: 'Copy', url: null }] });
    expect(JSON.stringify(data)).not.toContain('SECRET123');
    expect(h.on('POST', '/send-button-otp')[0]?.body).toMatchObject({ code: 'SECRET123' });
  });

  it('reply buttons and option lists come back as ButtonsContent and ListContent, as their echoes parse (issue 8 item 6), not text', async () => {
    const buttons = await h.ok(
      `mutation { sendButtons(input: {instanceId: "zapi", to: "5511999999999", body: "Pick", header: {image: "${LOGO}"}, buttons: [{id: "1", title: "Yes"}, {id: "2", title: "No"}]}) {
        message { content { __typename ... on ButtonsContent { body imageUrl videoUrl buttons { type text id index } } } } } }`,
    );
    expect(buttons.sendButtons.message.content).toEqual({
      __typename: 'ButtonsContent',
      body: 'Pick',
      imageUrl: LOGO,
      videoUrl: null,
      buttons: [
        { type: 'REPLY', text: 'Yes', id: '1', index: 0 },
        { type: 'REPLY', text: 'No', id: '2', index: 1 },
      ],
    });
    const list = await h.ok(
      `mutation { sendList(input: {instanceId: "zapi", to: "5511999999999", body: "Menu", header: "Options", buttonText: "Open", sections: [{rows: [{id: "a", title: "A", description: "first"}]}]}) {
        message { content { __typename ... on ListContent { body title buttonText sections { title rows { id title description } } } } } } }`,
    );
    expect(list.sendList.message.content).toEqual({
      __typename: 'ListContent',
      body: 'Menu',
      title: 'Options',
      buttonText: 'Open',
      sections: [{ title: null, rows: [{ id: 'a', title: 'A', description: 'first' }] }],
    });
  });

  it('the same idempotency key sends a poll once', async () => {
    const q = 'mutation { sendPoll(input: {instanceId: "zapi", to: "5511999999999", question: "Q?", options: ["A", "B"], idempotencyKey: "poll-once"}) { message { id } } }';
    const first = await h.ok(q);
    const second = await h.ok(q);
    expect(second.sendPoll.message.id).toBe(first.sendPoll.message.id);
    expect(h.on('POST', '/send-poll')).toHaveLength(1);
  });
});

describe('rich sends on a provider without the capability', () => {
  it.each(ROWS.map((r) => [r.mutation, r] as const))('%s on Zivo is CAPABILITY_NOT_SUPPORTED before any request', async (_name, row) => {
    const before = h.zivo.requests.length;
    const res = await gql(h.app.url, mutationOf(row), { input: { instanceId: 'zivo', ...row.input } });
    expect(res.errors?.[0]?.extensions?.code).toBe('CAPABILITY_NOT_SUPPORTED');
    expect(h.zivo.requests.length).toBe(before);
  });
});

describe('rich sends refuse bad input with BAD_USER_INPUT before any request', () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['a poll with one option', 'SendPollInput:sendPoll', { to: '5511999999999', question: 'Q?', options: ['A'] }, 'input.options'],
    ['a poll with 13 options', 'SendPollInput:sendPoll', { to: '5511999999999', question: 'Q?', options: Array.from({ length: 13 }, (_, i) => `O${i}`) }, 'input.options'],
    ['a poll with repeated options', 'SendPollInput:sendPoll', { to: '5511999999999', question: 'Q?', options: ['A', 'A'] }, 'input.options'],
    ['maxSelections above the options', 'SendPollInput:sendPoll', { to: '5511999999999', question: 'Q?', options: ['A', 'B'], maxSelections: 3 }, 'input.maxSelections'],
    ['an empty question', 'SendPollInput:sendPoll', { to: '5511999999999', question: '', options: ['A', 'B'] }, 'input.question'],
    [
      'a delay on a poll vote (not documented)',
      'SendPollVoteInput:sendPollVote',
      { to: '5511999999999', pollMessageId: 'p', options: ['A'], delaySeconds: 3 },
      'input.delaySeconds',
    ],
    [
      'four action buttons',
      'SendActionButtonsInput:sendActionButtons',
      { to: '5511999999999', text: 't', buttons: Array.from({ length: 4 }, (_, i) => ({ type: 'REPLY', label: `B${i}`, id: `${i}` })) },
      'input.buttons',
    ],
    ['a URL button without url', 'SendActionButtonsInput:sendActionButtons', { to: '5511999999999', text: 't', buttons: [{ type: 'URL', label: 'Go' }] }, 'input.buttons[0].url'],
    [
      'CALL, URL and REPLY together (z-api.txt 3170)',
      'SendActionButtonsInput:sendActionButtons',
      {
        to: '5511999999999',
        text: 't',
        buttons: [
          { type: 'CALL', label: 'Call', phone: '5511999999999' },
          { type: 'URL', label: 'Go', url: 'https://z-api.io' },
          { type: 'REPLY', label: 'Ok', id: 'ok' },
        ],
      },
      'input.buttons',
    ],
    [
      'eleven carousel cards',
      'SendCarouselInput:sendCarousel',
      { to: '5511999999999', text: 't', cards: Array.from({ length: 11 }, () => ({ text: 'c', image: LOGO })) },
      'input.cards',
    ],
    [
      'a link text that does not end with the link',
      'SendLinkInput:sendLink',
      { to: '5511999999999', text: 'see this', url: 'https://z-api.io', title: 'T', description: 'D', image: LOGO },
      'input.text',
    ],
    ['a call of 20 seconds', 'SendCallInput:sendCall', { to: '5511999999999', durationSeconds: 20 }, 'input.durationSeconds'],
    ['a status with a text and an image', 'SendStatusInput:sendStatus', { text: 'hi', image: LOGO }, 'input'],
    ['a status with nothing', 'SendStatusInput:sendStatus', {}, 'input'],
    ['a status reply with a text and a sticker', 'ReplyToStatusInput:replyToStatus', { to: '5544999999999', statusMessageId: 's', text: 'hi', sticker: LOGO }, 'input'],
    ['a sticker that is not a URL', 'SendStickerInput:sendSticker', { to: '5511999999999', sticker: 'not a url' }, 'input.sticker'],
    ['a recipient that is not a phone number or group id', 'SendPtvInput:sendPtv', { to: 'not a phone', video: LOGO }, 'input.to'],
    ['an order of zero items', 'SendOrderInput:sendOrder', { to: '5511999999999', order: { currency: 'BRL', items: [] }, cardPayment: true }, 'input.order.items'],
    [
      'an order quantity of 0',
      'SendOrderInput:sendOrder',
      { to: '5511999999999', order: { currency: 'BRL', items: [{ name: 'x', price: 1, quantity: 0 }] }, cardPayment: true },
      'input.order.items[0].quantity',
    ],
    ['an order without a way to pay', 'SendOrderInput:sendOrder', { to: '5511999999999', order: { currency: 'BRL', items: [{ name: 'x', price: 1, quantity: 1 }] } }, 'input.pix'],
    [
      'a currency that is not ISO 4217',
      'SendOrderInput:sendOrder',
      { to: '5511999999999', order: { currency: 'reais', items: [{ name: 'x', price: 1, quantity: 1 }] }, cardPayment: true },
      'input.order.currency',
    ],
    [
      'an order update item without its product id',
      'UpdateOrderInput:updateOrderStatus',
      { ...ORDER_UPDATE, paymentStatus: 'PAID', order: { currency: 'BRL', items: [{ name: 'x', price: 1, quantity: 1, isCustomItem: true }] } },
      'input.order.items[0].productId',
    ],
    ['a channel id that is not one', 'SendChannelAdminInviteInput:sendChannelAdminInvite', { to: '5511999999999', channelId: '12345', caption: 'c' }, 'input.channelId'],
    ['a typing delay on a round video (not documented)', 'SendPtvInput:sendPtv', { to: '5511999999999', video: LOGO, typingSeconds: 2 }, 'input.typingSeconds'],
    ['an empty edit', 'EditMessageInput:editMessage', { to: '5511999999999', messageId: 'm', text: '' }, 'input.text'],
  ];
  it.each(cases)('%s', async (_name, typed, input, field) => {
    const [type, mutation] = typed.split(':') as [string, string];
    const before = h.sim.requests.length;
    const err = await h.fails(`mutation($input: ${type}!) { ${mutation}(input: $input) { message { id } } }`, { input: { instanceId: 'zapi', ...input } });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field ?? err.message).toContain(field);
    expect(h.sim.requests.length).toBe(before);
  });
});

describe('send options the docs give (issue 8): group mentions, private replies, view once, waveform', () => {
  const rows: Array<Omit<Row, 'content'>> = [
    {
      key: 'POST /send-text mention-groups',
      path: '/send-text',
      mutation: 'sendText',
      type: 'SendTextInput',
      input: {
        to: '5511999999999-group',
        text: 'Welcome to *Z-API group* @1203634230225498-group',
        groupMentions: [{ groupId: '1203634230225498-group', subject: 'Z-API subgroup' }],
      },
    },
    {
      // The reply section's second example (z-api.txt 4076-4081).
      key: 'POST /send-text reply',
      path: '/send-text',
      mutation: 'sendText',
      type: 'SendTextInput',
      input: { to: '342532456234453-group', text: 'Welcome to *Z-API*', replyToMessageId: '3999984263738042930CD6ECDE9VDWSA', privateReply: true },
      body: { phone: '342532456234453-group', message: 'Welcome to *Z-API*', messageId: '3999984263738042930CD6ECDE9VDWSA', privateAnswer: true },
    },
    {
      key: 'POST /send-audio',
      mutation: 'sendAudio',
      type: 'SendAudioInput',
      input: { to: '5511999999999', audio: 'https://tuningmania.com.br/autosom/mp3/75%20~%2079%20Hz.MP3', viewOnce: false, waveform: true },
    },
    { key: 'POST /send-image', mutation: 'sendImage', type: 'SendImageInput', input: { to: '5511999999999', image: LOGO, caption: 'Logo', viewOnce: false } },
    {
      key: 'POST /send-video',
      mutation: 'sendVideo',
      type: 'SendVideoInput',
      input: { to: '5511999999999', video: 'https://file-examples-com.github.io/uploads/2017/04/file_example_MP4_480_1_5MG.mp4', caption: 'Test', viewOnce: false },
    },
  ];
  it.each(rows.map((r) => [`${r.mutation} → ${r.key}`, r] as const))('%s sends the documented example', async (_name, row) => {
    await h.ok(mutationOf(row), { input: { instanceId: 'zapi', ...row.input } });
    const [req] = h.on('POST', row.path ?? row.key.split(' ')[1]!);
    h.expectAuth(req);
    expect(req?.body).toEqual(row.body ?? example(row.key));
  });

  const refused: Array<[string, string, string, Record<string, unknown>, string]> = [
    ['a private reply that quotes nothing', 'zapi', 'SendTextInput:sendText', { to: '120363019502650977-group', text: 'hi', privateReply: true }, 'input.privateReply'],
    [
      'a group mention of a phone number',
      'zapi',
      'SendTextInput:sendText',
      { to: '120363019502650977-group', text: 'hi', groupMentions: [{ groupId: '5511999999999', subject: 'S' }] },
      'input.groupMentions[0].groupId',
    ],
    [
      'a group mention on Zivo (no mentions)',
      'zivo',
      'SendTextInput:sendText',
      { to: '5511999999999', text: 'hi', groupMentions: [{ groupId: '1203634230225498-group', subject: 'S' }] },
      'input.groupMentions',
    ],
    ['a private reply on Zivo (no replies)', 'zivo', 'SendTextInput:sendText', { to: '5511999999999', text: 'hi', privateReply: true }, 'input.privateReply'],
  ];
  it.each(refused)('%s is BAD_USER_INPUT before any request', async (_name, instanceId, typed, input, field) => {
    const [type, mutation] = typed.split(':') as [string, string];
    const sim = instanceId === 'zapi' ? h.sim : h.zivo;
    const before = sim.requests.length;
    const err = await h.fails(`mutation($input: ${type}!) { ${mutation}(input: $input) { message { id } } }`, { input: { instanceId, ...input } });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe(field);
    expect(sim.requests.length).toBe(before);
  });
});

describe('the Z-API simulator checks each rich send as documented', () => {
  /** Posts `body` to the simulator directly, with the instance's credentials. */
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${h.sim.url}${h.prefix}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'client-token': String(h.sim.instanceConfig.clientToken) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const cases = ROWS.filter((r) => !r.path).flatMap((row) => {
    const documented = (ops.get(row.key)?.body?.required ?? []).map((f) => f.name).filter((n) => !n.includes('.'));
    return documented.map((field) => [`${row.key} without ${field}`, row, field] as const);
  });

  it('names every documented required field of every rich send', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s is 400 naming the field', async (_name, row, field) => {
    const body = structuredClone(row.body ?? example(row.key));
    delete body[field];
    const res = await post(row.key.split(' ')[1]!, body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toContain(field);
  });

  it.each([
    ['/pin-message', { phone: '5511999999999', messageId: 'm', messageAction: 'pin | unpin', pinMessageDuration: '7_days' }, 'messageAction'],
    ['/send-button-pix', { phone: '5511999999999', pixKey: 'k', type: 'IBAN' }, 'type'],
    ['/send-event-response', { phone: '5511999999999', eventMessageId: 'e', eventResponse: 'MAYBE' }, 'eventResponse'],
    ['/send-call', { phone: '5511999999999', callDuration: 16 }, 'callDuration'],
    ['/send-button-actions', { phone: '5511999999999', message: 'm', buttonActions: [{ type: 'URL', label: 'Go' }] }, 'buttonActions[0].url'],
    ['/order-status-update', { ...example('POST /order-status-update'), orderStatus: 'lost' }, 'orderStatus'],
  ] as const)('%s with a value the docs do not list is 400 naming %s', async (path, body, field) => {
    const res = await post(path, body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toContain(field);
  });

  it('forward-message answers only zaapId, status posts zaapId and messageId, as documented (z-api.txt 1888-1890, 13845-13848)', async () => {
    const forward = await post('/forward-message', example('POST /forward-message'));
    expect(Object.keys(forward.body)).toEqual(['zaapId']);
    const status = await post('/send-text-status', example('POST /send-text-status'));
    expect(Object.keys(status.body).sort()).toEqual(['messageId', 'zaapId']);
  });
});

describe('operations Z-API documents for a phone number only', () => {
  it.each([
    ['sendCall', 'SendCallInput', {}],
    ['sendChannelAdminInvite', 'SendChannelAdminInviteInput', { channelId: '120363166555745933@newsletter', caption: 'c' }],
    ['sendOrder', 'SendOrderInput', { order: { currency: 'BRL', items: [{ name: 'x', price: 1, quantity: 1 }] }, cardPayment: true }],
  ] as const)('%s to a group is BAD_USER_INPUT before any request (z-api.txt 4295, 4756, 6706)', async (mutation, type, input) => {
    const before = h.sim.requests.length;
    const err = await h.fails(`mutation($input: ${type}!) { ${mutation}(input: $input) { message { id } } }`, {
      input: { instanceId: 'zapi', to: '120363019502650977-group', ...input },
    });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(h.sim.requests.length).toBe(before);
  });
});
