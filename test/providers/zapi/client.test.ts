import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_METHODS, requireCapability, type ProviderAdapter, type RecordedRequest, type SimulatorHandle } from '../../../src/providers/contract.js';
import { GraphError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import type { DomainEvent, MessageReceivedEvent } from '../../../src/providers/model.js';
import { ZAPI_CAPABILITIES, zapiModule, type ZapiInstanceConfig } from '../../../src/providers/zapi/index.js';
import { ZAPI_SIM_REPLY_TEXT, zapiSimProfilePictureUrl } from '../../../src/providers/zapi/simulator/index.js';

const logger = createLogger('silent');

let sim: SimulatorHandle;
let adapter: ProviderAdapter;
let config: ZapiInstanceConfig;
let prefix: string;

function makeConfig(overrides: Partial<ZapiInstanceConfig> = {}): ZapiInstanceConfig {
  return {
    id: 'zapi-it',
    provider: 'zapi',
    webhookSecret: 'secret-1234',
    baseUrl: sim.url,
    ...(sim.instanceConfig as Pick<ZapiInstanceConfig, 'instanceId' | 'token' | 'clientToken'>),
    ...overrides,
  };
}

function last(): RecordedRequest {
  const r = sim.requests.at(-1);
  if (!r) throw new Error('no request recorded');
  return r;
}

/** The error a call throws (fails the test when it resolves). */
async function failure(call: () => Promise<unknown>): Promise<GraphError> {
  try {
    await call();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    return err as GraphError;
  }
  throw new Error('expected the call to fail');
}

/** Asserts that no credential appears in an error's message or serialised extensions. */
function expectNoSecrets(err: GraphError): void {
  const text = `${err.message} ${JSON.stringify(err.extensions)} ${JSON.stringify(err.toJSON())}`;
  expect(text).not.toContain(config.token);
  expect(text).not.toContain(config.clientToken as string);
  expect(text).not.toContain(config.instanceId);
  expect(text).not.toContain(sim.url);
}

beforeAll(async () => {
  sim = await zapiModule.startSimulator({ port: 0, stepDelayMs: 10 });
  config = makeConfig();
  adapter = zapiModule.create(config, { logger });
  prefix = `/instances/${config.instanceId}/token/${config.token}`;
});

afterAll(async () => {
  await sim.close();
});

describe('Z-API adapter against the simulator: capabilities and account', () => {
  it('declares exactly what it implements, each with its method', () => {
    expect([...adapter.capabilities].sort()).toEqual([...ZAPI_CAPABILITIES].sort());
    for (const cap of adapter.capabilities) {
      const [port, method] = CAPABILITY_METHODS[cap];
      expect(typeof (adapter[port] as Record<string, unknown> | undefined)?.[method], cap).toBe('function');
    }
    expect(() => requireCapability(adapter, 'SEND_BULK')).toThrow(/does not support|do not support/);
    expect(() => requireCapability(adapter, 'MESSAGE_STATUS')).toThrow(GraphError);
  });

  it('GET /status with the instance path and Client-Token header', async () => {
    const status = await requireCapability(adapter, 'INSTANCE_STATUS')();
    expect(status).toEqual({ state: 'CONNECTED', phoneConnected: true, detail: null });
    const r = last();
    expect(r.method).toBe('GET');
    expect(r.path).toBe(`${prefix}/status`);
    expect(r.headers['client-token']).toBe(config.clientToken);
  });

  it('GET /me + GET /device → profile, without the instance token', async () => {
    const before = sim.requests.length;
    const profile = await requireCapability(adapter, 'ACCOUNT_PROFILE')();
    const paths = sim.requests
      .slice(before)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(paths).toEqual([`GET ${prefix}/device`, `GET ${prefix}/me`]);
    expect(profile).toMatchObject({ phone: '554499999999', name: 'Z-API Sandbox', isBusiness: false, device: { model: 'Z-API', manufacturer: 'android' } });
    expect(profile.extra).toMatchObject({ instanceName: 'Z-API sandbox', paymentStatus: 'RECEIVED', sessionId: 175 });
    expect(JSON.stringify(profile)).not.toContain(config.token);
  });
});

describe('Z-API adapter: sends use the documented paths and field names', () => {
  it('send-text with delayMessage, delayTyping, reply messageId, mentioned and editMessageId', async () => {
    const sent = await requireCapability(
      adapter,
      'SEND_TEXT',
    )({
      to: '120363019502650977-group',
      text: 'Hello @5511777777777',
      delaySeconds: 5,
      typingSeconds: 2,
      replyToMessageId: 'QUOTED1',
      mentions: ['5511777777777'],
      editMessageId: 'EDIT1',
      clientReference: 'ref-1',
    });
    const r = last();
    expect(`${r.method} ${r.path}`).toBe(`POST ${prefix}/send-text`);
    expect(r.headers['client-token']).toBe(config.clientToken);
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.body).toEqual({
      phone: '120363019502650977-group',
      message: 'Hello @5511777777777',
      delayMessage: 5,
      delayTyping: 2,
      messageId: 'QUOTED1',
      mentioned: ['5511777777777'],
      editMessageId: 'EDIT1',
    });
    expect(sent).toMatchObject({ chatId: '120363019502650977-group', status: 'PENDING', clientReference: 'ref-1', content: { kind: 'text', body: 'Hello @5511777777777' } });
    expect(sent.id).toMatch(/^[0-9A-F]{20}$/);
    expect(sent.providerId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('each send gets a fresh message id', async () => {
    const send = requireCapability(adapter, 'SEND_TEXT');
    const a = await send({ to: '5511999999999', text: 'one' });
    const b = await send({ to: '5511999999999', text: 'two' });
    expect(a.id).not.toBe(b.id);
    expect(last().body).toEqual({ phone: '5511999999999', message: 'two' });
  });

  it('send-image, send-video, send-audio, send-document/{extension}', async () => {
    await requireCapability(adapter, 'SEND_IMAGE')({ to: '5511999999999', media: 'https://x.test/a.png', caption: 'Logo', replyToMessageId: 'Q2', delaySeconds: 1 });
    expect(`${last().method} ${last().path}`).toBe(`POST ${prefix}/send-image`);
    expect(last().body).toEqual({ phone: '5511999999999', image: 'https://x.test/a.png', caption: 'Logo', messageId: 'Q2', delayMessage: 1 });

    await requireCapability(adapter, 'SEND_VIDEO')({ to: '5511999999999', media: 'https://x.test/v.mp4', caption: 'Test' });
    expect(last().path).toBe(`${prefix}/send-video`);
    expect(last().body).toEqual({ phone: '5511999999999', video: 'https://x.test/v.mp4', caption: 'Test' });

    await requireCapability(adapter, 'SEND_AUDIO')({ to: '5511999999999', media: 'data:audio/mpeg;base64,SUQz', typingSeconds: 15 });
    expect(last().path).toBe(`${prefix}/send-audio`);
    expect(last().body).toEqual({ phone: '5511999999999', audio: 'data:audio/mpeg;base64,SUQz', delayTyping: 15 });

    const doc = await requireCapability(adapter, 'SEND_DOCUMENT')({ to: '5544999999999', media: 'https://x.test/e.pdf', extension: '.pdf', fileName: 'My PDF' });
    expect(last().path).toBe(`${prefix}/send-document/pdf`);
    expect(last().body).toEqual({ phone: '5544999999999', document: 'https://x.test/e.pdf', fileName: 'My PDF' });
    expect(doc.content).toMatchObject({ kind: 'document', fileName: 'My PDF' });
  });

  it('send-location with string coordinates, title and address', async () => {
    await requireCapability(
      adapter,
      'SEND_LOCATION',
    )({ to: '5511999998888', latitude: -23.0696347, longitude: -50.4357913, name: 'Google Brazil', address: 'Av. Brg. Faria Lima, 3477' });
    expect(last().path).toBe(`${prefix}/send-location`);
    expect(last().body).toEqual({ phone: '5511999998888', title: 'Google Brazil', address: 'Av. Brg. Faria Lima, 3477', latitude: '-23.0696347', longitude: '-50.4357913' });
  });

  it('send-reaction, and send-remove-reaction for an empty emoji', async () => {
    const send = requireCapability(adapter, 'SEND_REACTION');
    await send({ to: '5511999999999', messageId: 'TARGET1', emoji: '❤️' });
    expect(last().path).toBe(`${prefix}/send-reaction`);
    expect(last().body).toEqual({ phone: '5511999999999', reaction: '❤️', messageId: 'TARGET1' });
    await send({ to: '5511999999999', messageId: 'TARGET1', emoji: '' });
    expect(last().path).toBe(`${prefix}/send-remove-reaction`);
    expect(last().body).toEqual({ phone: '5511999999999', messageId: 'TARGET1' });
  });

  it('send-contact for one card with one phone, send-contacts otherwise', async () => {
    const send = requireCapability(adapter, 'SEND_CONTACT');
    await send({ to: '5511999999999', contacts: [{ name: 'Z-API Contato', phones: ['554498398733'] }] });
    expect(last().path).toBe(`${prefix}/send-contact`);
    expect(last().body).toEqual({ phone: '5511999999999', contactName: 'Z-API Contato', contactPhone: '554498398733' });
    await send({
      to: '5544999999999',
      contacts: [
        { name: 'A', phones: ['5544999999999', '5544999999998'] },
        { name: 'B', phones: ['5544999999997'] },
      ],
    });
    expect(last().path).toBe(`${prefix}/send-contacts`);
    expect(last().body).toEqual({
      phone: '5544999999999',
      contacts: [
        { name: 'A', phones: ['5544999999999', '5544999999998'] },
        { name: 'B', phones: ['5544999999997'] },
      ],
    });
  });

  it('send-button-list (with image) and send-option-list', async () => {
    await requireCapability(
      adapter,
      'SEND_BUTTONS',
    )({
      to: '5511999999999',
      body: 'Is Z-API Good?',
      header: { image: 'https://x.test/i.png' },
      buttons: [
        { id: '1', title: 'Great' },
        { id: '2', title: 'Excellent' },
      ],
    });
    expect(last().path).toBe(`${prefix}/send-button-list`);
    expect(last().body).toEqual({
      phone: '5511999999999',
      message: 'Is Z-API Good?',
      buttonList: {
        image: 'https://x.test/i.png',
        buttons: [
          { id: '1', label: 'Great' },
          { id: '2', label: 'Excellent' },
        ],
      },
    });

    await requireCapability(
      adapter,
      'SEND_LIST',
    )({
      to: '5511999999999',
      body: 'Select the best option:',
      buttonText: 'Open options list',
      header: 'Available Options',
      sections: [
        {
          rows: [
            { id: '1', title: 'Z-API', description: 'Z-API Wings for your imagination' },
            { id: '2', title: 'Others', description: "They don't work" },
          ],
        },
      ],
    });
    expect(last().path).toBe(`${prefix}/send-option-list`);
    expect(last().body).toEqual({
      phone: '5511999999999',
      message: 'Select the best option:',
      optionList: {
        title: 'Available Options',
        buttonLabel: 'Open options list',
        options: [
          { id: '1', title: 'Z-API', description: 'Z-API Wings for your imagination' },
          { id: '2', title: 'Others', description: "They don't work" },
        ],
      },
    });
  });

  it('read-message (POST body) and delete message (DELETE with query)', async () => {
    await requireCapability(adapter, 'READ_MESSAGE')({ chatId: '5511999998888', messageId: '3999984263738042930CD6ECDE9VDWSA' });
    expect(`${last().method} ${last().path}`).toBe(`POST ${prefix}/read-message`);
    expect(last().body).toEqual({ phone: '5511999998888', messageId: '3999984263738042930CD6ECDE9VDWSA' });
    await requireCapability(adapter, 'DELETE_MESSAGE')({ chatId: '5511999998888', messageId: '123', owner: true });
    expect(`${last().method} ${last().path}`).toBe(`DELETE ${prefix}/messages`);
    expect(last().query).toEqual({ messageId: '123', phone: '5511999998888', owner: 'true' });
    expect(last().body).toBeUndefined();
  });
});

describe('Z-API adapter: chats, contacts, groups', () => {
  it('GET /chats pages with page/pageSize and normalises string booleans and second timestamps', async () => {
    const list = requireCapability(adapter, 'LIST_CHATS');
    const first = await list({ page: 1, pageSize: 2 });
    expect(last().query).toEqual({ page: '1', pageSize: '2' });
    expect(first.hasNextPage).toBe(true);
    expect(first.items[0]).toMatchObject({
      id: '5511999999999',
      name: 'Z-API SUPPORT',
      pinned: true,
      archived: false,
      isMuted: false,
      isSpam: false,
      unreadCount: 0,
      isGroup: false,
    });
    // Earlier tests sent to 5511999999999: the simulator moved its last message time (seconds on the wire) to now.
    expect(Math.abs(first.items[0]!.lastMessageAt! - Date.now())).toBeLessThan(60_000);
    expect(first.items[1]).toMatchObject({ id: '5511988888888', mutedUntil: null, lastMessageAt: 1622990503000 });
    const second = await list({ page: 2, pageSize: 2 });
    expect(second.items.map((c) => c.isGroup)).toEqual([true, true]);
    expect(second.items[0]!.lastMessageAt).toBe(1730918668000);
    const all = await list({ page: 1, pageSize: 100 });
    expect(all.hasNextPage).toBe(false);
    const beyond = await list({ page: 50, pageSize: 100 });
    expect(beyond).toEqual({ items: [], hasNextPage: false });
  });

  it('GET /chats/{phone}, null for an unknown chat', async () => {
    const get = requireCapability(adapter, 'GET_CHAT');
    expect(await get('5511999999999')).toMatchObject({ id: '5511999999999', profilePictureUrl: expect.stringContaining('https://pps.whatsapp.net/') });
    expect(last().path).toBe(`${prefix}/chats/5511999999999`);
    expect(await get('5500000000000')).toBeNull();
  });

  it('GET /contacts (paged) and /contacts/{phone}', async () => {
    const page = await requireCapability(adapter, 'LIST_CONTACTS')({ page: 1, pageSize: 1 });
    expect(last().query).toEqual({ page: '1', pageSize: '1' });
    expect(page.items).toEqual([
      {
        id: '559999999999',
        phone: '559999999999',
        lid: null,
        name: 'First and last name of contact 1',
        shortName: 'Contact Name 1',
        notifyName: 'WhatsApp Name 1',
        businessName: 'Name no vcard',
        profilePictureUrl: null,
      },
    ]);
    expect(page.hasNextPage).toBe(true);
    const c = await requireCapability(adapter, 'GET_CONTACT')('551199999999');
    expect(last().path).toBe(`${prefix}/contacts/551199999999`);
    expect(c).toMatchObject({ phone: '551199999999', notifyName: 'WhatsApp contact name', profilePictureUrl: zapiSimProfilePictureUrl('551199999999') });
    expect(await requireCapability(adapter, 'GET_CONTACT')('5500000000000')).toBeNull();
  });

  it('POST /phone-exists-batch: one request, results in input order (even last digit exists)', async () => {
    const before = sim.requests.length;
    const checks = await requireCapability(adapter, 'CHECK_PHONES')(['554499999998', '554488888881', '5511999999990']);
    expect(sim.requests.length - before).toBe(1);
    expect(`${last().method} ${last().path}`).toBe(`POST ${prefix}/phone-exists-batch`);
    expect(last().body).toEqual({ phones: ['554499999998', '554488888881', '5511999999990'] });
    expect(checks).toEqual([
      { input: '554499999998', exists: true, waId: '554499999998' },
      { input: '554488888881', exists: false, waId: '554488888881' },
      { input: '5511999999990', exists: true, waId: '5511999999990' },
    ]);
  });

  it('GET /profile-picture?phone= → the link', async () => {
    expect(await requireCapability(adapter, 'PROFILE_PICTURE')('5544999999999')).toBe(zapiSimProfilePictureUrl('5544999999999'));
    expect(last().path).toBe(`${prefix}/profile-picture`);
    expect(last().query).toEqual({ phone: '5544999999999' });
  });

  it('GET /groups (paged) and /group-metadata/{phone}', async () => {
    const page = await requireCapability(adapter, 'LIST_GROUPS')({ page: 1, pageSize: 10 });
    expect(last().query).toEqual({ page: '1', pageSize: '10' });
    // the doc's chat examples, then the community example's announcement group and linked group (z-api.txt 8700-8760)
    expect(page.items.map((g) => g.name).slice(0, 2)).toEqual(['Test group', 'My group in Z-API']);
    expect(page.items.map((g) => g.name)).toContain('Other group');
    expect(page.hasNextPage).toBe(false);
    const g = await requireCapability(adapter, 'GET_GROUP')('120363019502650977-group');
    expect(last().path).toBe(`${prefix}/group-metadata/120363019502650977-group`);
    expect(g).toMatchObject({
      id: '120363019502650977-group',
      name: 'My group in Z-API',
      description: 'Z-API Group',
      ownerId: '5511999999999',
      createdAt: 1588721491000,
      invitationLink: 'https://chat.whatsapp.com/40Aasd6af1',
      onlyAdminsSend: false,
      onlyAdminsEdit: false,
    });
    expect(g!.participants).toEqual([
      { id: '5511888888888', phone: '5511888888888', isAdmin: false, isSuperAdmin: false, name: null },
      { id: '5511777777777', phone: '5511777777777', isAdmin: true, isSuperAdmin: false, name: 'ZAPIs Boys' },
    ]);
    expect(await requireCapability(adapter, 'GET_GROUP')('1203-unknown-group')).toBeNull();
  });
});

describe('Z-API adapter: limits checked before any request', () => {
  const cases: Array<[string, () => Promise<unknown>, string]> = [
    ['delaySeconds 0', () => requireCapability(adapter, 'SEND_TEXT')({ to: '5511999999999', text: 'x', delaySeconds: 0 }), 'input.delaySeconds'],
    ['delaySeconds 16', () => requireCapability(adapter, 'SEND_TEXT')({ to: '5511999999999', text: 'x', delaySeconds: 16 }), 'input.delaySeconds'],
    ['delaySeconds 2.5', () => requireCapability(adapter, 'SEND_IMAGE')({ to: '5511999999999', media: 'https://x', delaySeconds: 2.5 }), 'input.delaySeconds'],
    ['typingSeconds 16', () => requireCapability(adapter, 'SEND_TEXT')({ to: '5511999999999', text: 'x', typingSeconds: 16 }), 'input.typingSeconds'],
    ['typingSeconds on an image', () => requireCapability(adapter, 'SEND_IMAGE')({ to: '5511999999999', media: 'https://x', typingSeconds: 3 }), 'input.typingSeconds'],
    ['a reply on audio', () => requireCapability(adapter, 'SEND_AUDIO')({ to: '5511999999999', media: 'https://x', replyToMessageId: 'Q' }), 'input.replyToMessageId'],
    ['a location without name', () => requireCapability(adapter, 'SEND_LOCATION')({ to: '5511999999999', latitude: 1, longitude: 2, address: 'a' }), 'input.name'],
    ['a bad document extension', () => requireCapability(adapter, 'SEND_DOCUMENT')({ to: '5511999999999', media: 'https://x', extension: 'p/df' }), 'input.extension'],
    ['a button footer', () => requireCapability(adapter, 'SEND_BUTTONS')({ to: '5511999999999', body: 'b', footer: 'f', buttons: [{ id: '1', title: 't' }] }), 'input.footer'],
    [
      'a list with two sections',
      () => requireCapability(adapter, 'SEND_LIST')({ to: '5511999999999', body: 'b', buttonText: 'o', header: 'h', sections: [{ rows: [] }, { rows: [] }] }),
      'input.sections',
    ],
    ['50 001 phones', () => requireCapability(adapter, 'CHECK_PHONES')(Array.from({ length: 50_001 }, (_, i) => String(5511900000000 + i))), 'input.phones'],
  ];
  it.each(cases)('%s → BAD_USER_INPUT naming the field, nothing sent', async (_name, call, field) => {
    const before = sim.requests.length;
    const err = await failure(call);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.field).toBe(field);
    expect(sim.requests.length).toBe(before);
  });
});

describe('Z-API simulator: auth and required fields as Z-API answers them', () => {
  it('a missing required field is a 400 naming it', async () => {
    const res = await fetch(`${sim.url}${prefix}/send-text`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'client-token': config.clientToken as string },
      body: JSON.stringify({ phone: '5511999999999' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ fields: ['message'] });
    const opt = await fetch(`${sim.url}${prefix}/send-option-list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'client-token': config.clientToken as string },
      body: JSON.stringify({ phone: '1', message: 'm', optionList: { title: 't', buttonLabel: 'b', options: [{ title: 'x' }] } }),
    });
    expect(opt.status).toBe(400);
    expect(await opt.json()).toMatchObject({ fields: ['optionList.options[0].description'] });
  });

  it('a missing Client-Token is answered {"error":"null not allowed"} and maps to PROVIDER_UNAUTHORIZED', async () => {
    const res = await fetch(`${sim.url}${prefix}/status`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'null not allowed' });
    const noToken = zapiModule.create(makeConfig({ clientToken: undefined }), { logger });
    const err = await failure(() => requireCapability(noToken, 'INSTANCE_STATUS')());
    expect(err.code).toBe('PROVIDER_UNAUTHORIZED');
    expect(err.extensions).toMatchObject({ provider: 'zapi', providerCode: 'NOT_ALLOWED', httpStatus: 401 });
    expectNoSecrets(err);
  });

  it('a wrong instance token or Client-Token → PROVIDER_UNAUTHORIZED without the secret', async () => {
    for (const overrides of [{ token: 'WRONG-TOKEN-0001' }, { clientToken: 'WRONG-CLIENT-0001' }]) {
      const bad = zapiModule.create(makeConfig(overrides), { logger });
      const err = await failure(() => requireCapability(bad, 'SEND_TEXT')({ to: '5511999999999', text: 'secret body text' }));
      expect(err.code).toBe('PROVIDER_UNAUTHORIZED');
      const text = `${err.message} ${JSON.stringify(err.extensions)}`;
      expect(text).not.toContain('WRONG-');
      expect(text).not.toContain('secret body text');
    }
  });
});

describe('Z-API adapter: provider failures', () => {
  it('401 → PROVIDER_UNAUTHORIZED', async () => {
    sim.injectFault({ status: 401, body: { error: 'unauthorized' } });
    const err = await failure(() => requireCapability(adapter, 'INSTANCE_STATUS')());
    expect(err.code).toBe('PROVIDER_UNAUTHORIZED');
    expectNoSecrets(err);
  });

  it('429 with Retry-After → PROVIDER_RATE_LIMITED with retryAfterMs', async () => {
    sim.injectFault({ status: 429, headers: { 'retry-after': '7' }, body: { error: 'Too many requests' } });
    // on its own instance: after a 429 with Retry-After, an instance refuses its calls until then (issue 12)
    const limited = zapiModule.create(makeConfig(), { logger });
    const err = await failure(() => requireCapability(limited, 'SEND_TEXT')({ to: '5511999999999', text: 'hi' }));
    expect(err.code).toBe('PROVIDER_RATE_LIMITED');
    expect(err.extensions.retryAfterMs).toBe(7000);
    expectNoSecrets(err);
  });

  it('500 → PROVIDER_UNAVAILABLE', async () => {
    sim.injectFault({ status: 500, body: { error: 'boom' } });
    const err = await failure(() => requireCapability(adapter, 'LIST_CHATS')({ page: 1, pageSize: 5 }));
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.extensions.httpStatus).toBe(500);
    expectNoSecrets(err);
  });

  it('a timeout (answer slower than timeoutMs) → PROVIDER_UNAVAILABLE', async () => {
    const slowClient = zapiModule.create(makeConfig({ timeoutMs: 150 }), { logger });
    sim.injectFault({ delayMs: 1000 });
    const err = await failure(() => requireCapability(slowClient, 'INSTANCE_STATUS')());
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toMatch(/in time/);
    expectNoSecrets(err);
  });

  it('documented error bodies: not connected → PROVIDER_UNAVAILABLE; IP restriction → PROVIDER_UNAUTHORIZED without the IP', async () => {
    sim.injectFault({ status: 400, body: { error: 'You are not connected.' } });
    const notConnected = await failure(() => requireCapability(adapter, 'SEND_TEXT')({ to: '5511999999999', text: 'hi' }));
    expect(notConnected.code).toBe('PROVIDER_UNAVAILABLE');
    expect(notConnected.extensions.providerCode).toBe('NOT_CONNECTED');
    sim.injectFault({ status: 400, body: { error: '203.0.113.9 not allowed' } });
    const ip = await failure(() => requireCapability(adapter, 'INSTANCE_STATUS')());
    expect(ip.code).toBe('PROVIDER_UNAUTHORIZED');
    expect(`${ip.message} ${JSON.stringify(ip.extensions)}`).not.toContain('203.0.113.9');
  });
});

describe('Z-API simulator: webhooks after a send', () => {
  let receiver: Server;
  let receiverUrl: string;
  const bodies: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/zapi-it/secret`;
  });

  afterAll(async () => {
    sim.setWebhookUrl(null);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  async function waitFor(count: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (bodies.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  it('posts Delivery → SENT → RECEIVED → READ → an inbound reply, in documented shapes, which parse to the matching events', async () => {
    bodies.length = 0;
    sim.setWebhookUrl(receiverUrl);
    const sent = await requireCapability(adapter, 'SEND_TEXT')({ to: '5544999999990', text: 'ping' });
    await waitFor(5);
    expect(bodies.map((b) => `${b.type as string}${b.status ? `:${b.status as string}` : ''}`)).toEqual([
      'DeliveryCallback',
      'MessageStatusCallback:SENT',
      'MessageStatusCallback:RECEIVED',
      'MessageStatusCallback:READ',
      'ReceivedCallback:RECEIVED',
    ]);
    for (const b of bodies) expect(b.instanceId).toBe(config.instanceId);
    expect(bodies[0]).toMatchObject({ phone: '5544999999990', messageId: sent.id, zaapId: sent.providerId });
    for (const b of bodies.slice(1, 4)) expect(b).toMatchObject({ ids: [sent.id], phone: '5544999999990', phoneDevice: 0, isGroup: false });

    const events: DomainEvent[] = bodies.flatMap((body) => adapter.webhooks!.parse({ body, headers: {}, receivedAt: Date.now() }));
    expect(events.map((e) => (e.type === 'MESSAGE_STATUS_CHANGED' ? e.status : e.type))).toEqual(['SENT', 'SENT', 'DELIVERED', 'READ', 'MESSAGE_RECEIVED']);
    expect(events[0]!.id).toBe(events[1]!.id);
    const reply = events[4] as MessageReceivedEvent;
    expect(reply.message).toMatchObject({ chatId: '5544999999990', fromMe: false, senderId: '5544999999990', content: { kind: 'text', body: ZAPI_SIM_REPLY_TEXT } });
    expect(reply.message.id).not.toBe(sent.id);
  });

  it('with autoReply false there is no inbound reply', async () => {
    const quiet = await zapiModule.startSimulator({ port: 0, stepDelayMs: 5, autoReply: false, webhookUrl: receiverUrl });
    try {
      bodies.length = 0;
      const quietAdapter = zapiModule.create(
        {
          id: 'zapi-quiet',
          provider: 'zapi',
          webhookSecret: 'x',
          baseUrl: quiet.url,
          ...(quiet.instanceConfig as Pick<ZapiInstanceConfig, 'instanceId' | 'token' | 'clientToken'>),
        },
        { logger },
      );
      await requireCapability(quietAdapter, 'SEND_TEXT')({ to: '5544999999992', text: 'ping' });
      await waitFor(4);
      await new Promise((r) => setTimeout(r, 150));
      expect(bodies.map((b) => String(b.type))).toEqual(['DeliveryCallback', 'MessageStatusCallback', 'MessageStatusCallback', 'MessageStatusCallback']);
    } finally {
      await quiet.close();
    }
  });
});
