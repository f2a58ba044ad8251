import { describe, expect, it } from 'vitest';
import { eventLocalId, fromGlobalId, instanceIdOf, toGlobalId } from '../../src/global-ids.js';
import { collect, settle, wsClient } from '../helpers/app.js';
import { useSimulatedApp } from '../helpers/simulated-app.js';

/**
 * Ids a client cache can trust (issue "A graph a frontend can live in", item 3): every object's
 * `id` is a global id, unique across the graph, stable, and refetchable with `node(id)`; the
 * provider's ids are fields of their own. Two Z-API instances, each on its own simulator, know
 * the same customer's phone.
 */

const h = useSimulatedApp([
  { id: 'sales', provider: 'zapi', simulator: { autoReply: false } },
  { id: 'support', provider: 'zapi', simulator: { autoReply: false } },
  // a provider that can neither list nor read chats (Zivo: sends and statuses only)
  { id: 'bulk', provider: 'zivo', simulator: { autoReply: false } },
]);

const PHONE = '5511987654321';

async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await h.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** Seeds one chat row with PHONE (shaped as `GET /chats` rows, z-api.txt 6186-6267) in an instance's simulator. */
async function seedChat(instanceId: string, name: string): Promise<void> {
  const row = { phone: PHONE, name, archived: 'false', pinned: 'false', unread: '0', lastMessageTime: '1730000000', isMuted: '0', isMarketSpam: 'false' };
  const res = await fetch(`${h.sims[instanceId]!.url}/sim/chats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chats: [row], replace: true }),
  });
  expect(res.status).toBe(200);
}

const CHATS = `query($i: ID!) { instance(id: $i) { id instanceId chats(first: 10) { edges { node { id chatId instanceId name contact { id phone instanceId } } } } } }`;

describe('global ids and node(id)', () => {
  it('the same phone on two instances is two Chats and two Contacts, and node(id) returns each', async () => {
    await seedChat('sales', 'Ana (sales)');
    await seedChat('support', 'Ana (support)');
    const sales = (await ok(CHATS, { i: 'sales' })).instance;
    const support = (await ok(CHATS, { i: 'support' })).instance;
    const a = sales.chats.edges[0].node;
    const b = support.chats.edges[0].node;
    // the provider's id is the same; the graph's ids are not
    expect([a.chatId, b.chatId]).toEqual([PHONE, PHONE]);
    expect([a.contact.phone, b.contact.phone]).toEqual([PHONE, PHONE]);
    expect(a.id).not.toBe(b.id);
    expect(a.contact.id).not.toBe(b.contact.id);
    expect(a.id).not.toBe(a.contact.id);
    expect(sales.id).not.toBe(support.id);
    expect([sales.instanceId, support.instanceId]).toEqual(['sales', 'support']);
    // stable: computed from type, instance and provider id, nothing random or stored
    expect(a.id).toBe(toGlobalId('Chat', 'sales', PHONE));
    expect(b.contact.id).toBe(toGlobalId('Contact', 'support', PHONE));

    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Chat { chatId instanceId name } ... on Contact { phone instanceId } ... on Instance { instanceId provider } } }`;
    for (const [id, expected] of [
      [a.id, { __typename: 'Chat', id: a.id, chatId: PHONE, instanceId: 'sales', name: 'Ana (sales)' }],
      [b.id, { __typename: 'Chat', id: b.id, chatId: PHONE, instanceId: 'support', name: 'Ana (support)' }],
      [a.contact.id, { __typename: 'Contact', id: a.contact.id, phone: PHONE, instanceId: 'sales' }],
      [b.contact.id, { __typename: 'Contact', id: b.contact.id, phone: PHONE, instanceId: 'support' }],
      [sales.id, { __typename: 'Instance', id: sales.id, instanceId: 'sales', provider: 'zapi' }],
    ] as const)
      expect((await ok(NODE, { id })).node).toEqual(expected);

    // nodes(ids): in order, null for an object that does not exist
    const gone = toGlobalId('Chat', 'sales', '5511900000000');
    const many = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [b.id, gone, a.contact.id] });
    expect(many.nodes).toEqual([{ __typename: 'Chat', id: b.id }, null, { __typename: 'Contact', id: a.contact.id }]);
  });

  it('a sent message has a global id, its provider id as providerMessageId, and the payload, node(id) and Instance.message agree', async () => {
    const SEND = `mutation($input: SendTextInput!) { sendText(input: $input) { message { id providerMessageId instanceId chat { id chatId } } } }`;
    // an instanceId argument takes the Instance's global id as well as the configured id
    const salesId = (await ok(`{ instance(id: "sales") { id } }`)).instance.id;
    const viaGlobal = (await ok(SEND, { input: { instanceId: salesId, to: PHONE, text: 'hello from sales' } })).sendText.message;
    const viaConfigured = (await ok(SEND, { input: { instanceId: 'support', to: PHONE, text: 'hello from support' } })).sendText.message;
    expect(viaGlobal.instanceId).toBe('sales');
    expect(viaGlobal.id).toBe(toGlobalId('Message', 'sales', viaGlobal.providerMessageId));
    expect(viaGlobal.chat.id).toBe(toGlobalId('Chat', 'sales', PHONE));
    expect(viaConfigured.chat.id).toBe(toGlobalId('Chat', 'support', PHONE));

    const node = (await ok(`query($id: ID!) { node(id: $id) { id ... on Message { providerMessageId instanceId fromMe } } }`, { id: viaGlobal.id })).node;
    expect(node).toEqual({ id: viaGlobal.id, providerMessageId: viaGlobal.providerMessageId, instanceId: 'sales', fromMe: true });
    const byProviderId = await ok(`query($i: ID!, $m: ID!) { instance(id: $i) { message(id: $m) { id } } }`, { i: salesId, m: viaGlobal.providerMessageId });
    expect(byProviderId.instance.message.id).toBe(viaGlobal.id);
    // and a chat's history is reached through node(id) alone
    const history = await ok(`query($id: ID!) { node(id: $id) { ... on Chat { messages(last: 5) { edges { node { id } } } } } }`, { id: viaGlobal.chat.id });
    expect(history.node.messages.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(viaGlobal.id);
  });

  it('a subscription names the message by the same global id: a status event carries the kept message, which a normalised cache would update', async () => {
    const sent = (
      await ok(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id providerMessageId status } } }`, {
        input: { instanceId: 'sales', to: PHONE, text: 'status please' },
      })
    ).sendText.message;
    const client = wsClient(h.app.url);
    try {
      const sub = collect(
        client,
        `subscription { events(instanceId: "sales", types: [MESSAGE_STATUS_CHANGED]) { id cursor ... on MessageStatusChangedEvent { eventId messageId status message { id status } } } }`,
      );
      await settle(300);
      // Z-API's status webhook (z-api.txt "MessageStatusCallback"): the ids it applies to, and the status
      const res = await fetch(`${h.app.url}/webhooks/sales/sales-webhook-secret-0123456789`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'MessageStatusCallback', status: 'READ', ids: [sent.providerMessageId], momment: Date.now(), phone: PHONE, instanceId: 'x' }),
      });
      expect(res.status).toBeLessThan(300);
      const [event] = await sub.waitForCount(1);
      expect(event!.errors).toBeUndefined();
      const e = event!.data!.events;
      expect(e).toMatchObject({ messageId: sent.providerMessageId, status: 'READ', message: { id: sent.id, status: 'READ' } });
      expect(e.id).toBe(toGlobalId('Event', 'sales', eventLocalId(e.cursor, e.eventId)));
      // the event is a Node: node(id) reads it back from the event log as the subscription delivered it
      const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Event { eventId cursor instanceId type } ... on MessageStatusChangedEvent { messageId status message { id } } } }`;
      expect((await ok(NODE, { id: e.id })).node).toEqual({
        __typename: 'MessageStatusChangedEvent',
        id: e.id,
        eventId: e.eventId,
        cursor: e.cursor,
        instanceId: 'sales',
        type: 'MESSAGE_STATUS_CHANGED',
        messageId: sent.providerMessageId,
        status: 'READ',
        message: { id: sent.id },
      });
    } finally {
      await client.dispose();
    }
  });

  it('every event the log keeps is a Node: events(...) and node(id)/nodes(ids) agree; an id whose event the log does not hold is null', async () => {
    const post = async (body: object) => {
      const res = await fetch(`${h.app.url}/webhooks/support/support-webhook-secret-0123456789`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
    };
    // Z-API's ReceivedCallback (a text) and PresenceChatCallback (z-api.txt "Webhooks"): two event types, two object types
    await post({
      type: 'ReceivedCallback',
      messageId: 'NODE-EVENT-1',
      phone: PHONE,
      fromMe: false,
      momment: Date.now(),
      status: 'RECEIVED',
      chatName: 'Ana',
      senderName: 'Ana',
      text: { message: 'hi' },
      instanceId: 'x',
    });
    await post({ type: 'PresenceChatCallback', phone: PHONE, status: 'COMPOSING', lastSeen: null, instanceId: 'x' });
    const page = (await ok(`{ eventsPage: events(instanceId: "support", first: 50) { events { __typename id eventId cursor } } }`)).eventsPage.events as Array<{
      __typename: string;
      id: string;
      eventId: string;
      cursor: string;
    }>;
    expect(page.map((e) => e.__typename)).toEqual(expect.arrayContaining(['MessageReceivedEvent', 'PresenceChangedEvent']));
    const ids = page.map((e) => e.id);
    const many = (await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Event { eventId cursor } } }`, { ids })).nodes;
    expect(many).toEqual(page);
    const received = page.find((e) => e.__typename === 'MessageReceivedEvent')!;
    const node = (await ok(`query($id: ID!) { node(id: $id) { ... on MessageReceivedEvent { message { id providerMessageId } } } }`, { id: received.id })).node;
    expect(node).toEqual({ message: { id: toGlobalId('Message', 'support', 'NODE-EVENT-1'), providerMessageId: 'NODE-EVENT-1' } });
    // the same place in the log with another event id, another instance, a cursor that is not one: null, not an error
    for (const id of [
      toGlobalId('Event', 'support', eventLocalId(received.cursor, 'another-event')),
      toGlobalId('Event', 'sales', eventLocalId(received.cursor, received.eventId)),
      toGlobalId('Event', 'support', eventLocalId('not-a-cursor', received.eventId)),
      toGlobalId('Event', 'support', received.eventId),
      // the same position spelled otherwise (a leading zero): node(id).id is always id, so null
      toGlobalId('Event', 'support', eventLocalId(received.cursor.replace('.', '.0'), received.eventId)),
    ])
      expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id })).node, id).toBeNull();
  });

  // Zivo takes Kenyan numbers (zivo.txt line 63)
  const KENYAN = '254712345678';
  it('on a provider that cannot read chats, conversation(chatId) and node(id) open the history the graph keeps; chat(id) is CAPABILITY_NOT_SUPPORTED', async () => {
    const sent = (
      await ok(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id chat { id } } } }`, { input: { instanceId: 'bulk', to: KENYAN, text: 'hi from bulk' } })
    ).sendText.message;
    const CONVERSATION = `query($c: String!) { instance(id: "bulk") { conversation(chatId: $c) { id chatId instanceId messages(last: 5) { edges { node { id } } } } } }`;
    const conversation = (await ok(CONVERSATION, { c: `+${KENYAN}` })).instance.conversation;
    expect(conversation).toEqual({ id: sent.chat.id, chatId: KENYAN, instanceId: 'bulk', messages: { edges: [{ node: { id: sent.id } }] } });
    expect((await ok(`query($id: ID!) { node(id: $id) { ... on Chat { chatId } } }`, { id: sent.chat.id })).node).toEqual({ chatId: KENYAN });
    // a number the graph has no message with: null, not an error
    expect((await ok(CONVERSATION, { c: '254700000001' })).instance.conversation).toBeNull();
    const refused = await h.gql(`{ instance(id: "bulk") { chat(id: "${KENYAN}") { id } } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'GET_CHAT' });
  });

  it('a string that is not a global id is BAD_USER_INPUT; an id of an unknown instance is null', async () => {
    const bad = await h.gql(`{ node(id: "${PHONE}") { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const badMany = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [toGlobalId('Chat', 'sales', PHONE), 'nope'] });
    expect(badMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids.1' });
    expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Chat', 'elsewhere', PHONE) })).node).toBeNull();
    // an id of a refetchable type that names nothing (an event id without its place in the log) is null, not an error
    expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Event', 'sales', 'x') })).node).toBeNull();
  });
});

describe('global id encoding', () => {
  it('round-trips, is URL-safe, and rejects what it did not make', () => {
    for (const [type, scope, local] of [
      ['Chat', 'sales', '5511987654321'],
      ['Group', 'sales', '120363019502650977-group'],
      ['Message', 'a_b-1', '3EB0:with:colons@and/slashes'],
      ['Instance', 'sales', ''],
    ] as const) {
      const id = toGlobalId(type, scope, local);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(fromGlobalId(id)).toEqual({ type, scope, localId: local });
    }
    expect(fromGlobalId('5511987654321')).toBeNull();
    expect(fromGlobalId('sales')).toBeNull();
    expect(fromGlobalId(Buffer.from('Nope:sales:1').toString('base64url'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Chat:bad scope:1').toString('base64url'))).toBeNull();
    expect(fromGlobalId('')).toBeNull();
    expect(instanceIdOf(toGlobalId('Instance', 'sales', ''))).toBe('sales');
    expect(instanceIdOf('sales')).toBe('sales');
    // an Instance-looking id that is not one this graph made (bad scope) is taken as a configured id, unchanged
    expect(instanceIdOf(Buffer.from('Instance:bad scope:').toString('base64url'))).toBe(Buffer.from('Instance:bad scope:').toString('base64url'));
    expect(instanceIdOf(toGlobalId('Chat', 'sales', '1'))).toBe(toGlobalId('Chat', 'sales', '1'));
  });
});
