import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GatewayConfig } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { collect, eventually, gql, wsClient } from '../helpers/app.js';
import { startHiveGateway, type RunningHiveGateway } from '../helpers/hive-gateway.js';
import { useSimulatedApp } from '../helpers/simulated-app.js';

/**
 * Composition proved with real tools (issue 11 item 2): whatsgraph's subgraph SDL, read from its
 * running server's `_service { sdl }`, composed by `@apollo/composition` with a CRM subgraph
 * written here (`@apollo/subgraph` on `@apollo/server`, a real port), and the supergraph served
 * by Hive Gateway's runtime over real HTTP and WebSocket: a query that crosses both subgraphs
 * both ways, and a `messageReceived` subscription through the gateway (gateway → whatsgraph over
 * graphql-ws) carrying a message from a webhook POSTed to whatsgraph, joined with the CRM's customer.
 */

const INSTANCE = 'zapi';
/** The simulator's seeded contact (`Z-API SUPPORT`), the CRM's customer's WhatsApp. */
const PHONE = '5511999999999';
const WEBHOOK_SECRET = `${INSTANCE}-webhook-secret-0123456789`;

const h = useSimulatedApp([{ id: INSTANCE, provider: 'zapi', simulator: { autoReply: false } }]);

/** The CRM subgraph: customers with their WhatsApp contact and conversation, and `Contact.customer` joined on whatsgraph's natural key. */
const CRM_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key"])

  type Customer @key(fields: "id") {
    id: ID!
    name: String!
    "The customer's WhatsApp contact (whatsgraph's Contact, by instance and phone)."
    whatsapp: Contact
    "The customer's open conversation (whatsgraph's Chat, by instance and chat id)."
    conversation: Chat
  }

  type Contact @key(fields: "instanceId phone") {
    instanceId: String!
    phone: String!
    customer: Customer
  }

  type Chat @key(fields: "instanceId chatId", resolvable: false) {
    instanceId: String!
    chatId: String!
  }

  type Query {
    customer(id: ID!): Customer
  }
`);

interface CrmCustomer {
  id: string;
  name: string;
  /** As a CRM keeps it: with `+` and spaces. */
  phone: string;
}
const CUSTOMERS: CrmCustomer[] = [{ id: 'c-1', name: 'Ana Souza', phone: '+55 11 99999-9999' }];
const digits = (phone: string) => phone.replace(/\D/g, '');

const crmResolvers = {
  Query: { customer: (_: unknown, { id }: { id: string }) => CUSTOMERS.find((c) => c.id === id) ?? null },
  Customer: {
    __resolveReference: ({ id }: { id: string }) => CUSTOMERS.find((c) => c.id === id) ?? null,
    whatsapp: (c: CrmCustomer) => ({ instanceId: INSTANCE, phone: digits(c.phone) }),
    conversation: (c: CrmCustomer) => ({ instanceId: INSTANCE, chatId: digits(c.phone) }),
  },
  Contact: {
    __resolveReference: (ref: { instanceId: string; phone: string }) => ({ ...ref }),
    customer: (ref: { instanceId: string; phone: string }) => (ref.instanceId === INSTANCE ? (CUSTOMERS.find((c) => digits(c.phone) === ref.phone) ?? null) : null),
  },
};

let crm: { server: ApolloServer; url: string };
let supergraphSdl: string;
let gateway: RunningHiveGateway;
let gatewayUrl: string;

beforeAll(async () => {
  const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs: CRM_SDL, resolvers: crmResolvers as never }]), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  crm = { server, url };

  // whatsgraph's SDL as a router reads it: `_service { sdl }` from the running server
  const whatsgraphSdl = await gql<{ _service: { sdl: string } }>(h.app.url, '{ _service { sdl } }');
  const crmSdl = await gql<{ _service: { sdl: string } }>(crm.url.replace(/\/$/, ''), '{ _service { sdl } }');
  const composed = composeServices([
    { name: 'whatsgraph', typeDefs: parse(whatsgraphSdl.data!._service.sdl), url: `${h.app.url}/graphql` },
    { name: 'crm', typeDefs: parse(crmSdl.data!._service.sdl), url: crm.url },
  ]);
  expect(composed.errors?.map((e) => e.message)).toBeUndefined();
  supergraphSdl = composed.supergraphSdl!;

  const config: GatewayConfig = {
    supergraph: supergraphSdl,
    // whatsgraph serves subscriptions over graphql-ws on /graphql (Hive Gateway docs, "Subscriptions using WebSockets")
    transportEntries: { whatsgraph: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } },
    logging: false,
    // a failing subgraph call shows its cause in the test's assertion, not Yoga's "Unexpected error."
    maskedErrors: false,
  };
  gateway = await startHiveGateway(config);
  gatewayUrl = gateway.url;

  // the customer's conversation as the phone has it: a chat row on the simulator and one inbound message kept by whatsgraph
  const seeded = await fetch(`${h.sims[INSTANCE]!.url}/sim/chats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chats: [{ phone: PHONE, name: 'Ana (chat)', archived: 'false', pinned: 'false', unread: '1', lastMessageTime: '1730000000' }], replace: true }),
  });
  expect(seeded.status).toBe(200);
  expect((await postWebhook('HISTORY-1', 'Olá, meu pedido chegou?')).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await crm?.server.stop();
});

function postWebhook(messageId: string, text: string): Promise<Response> {
  return fetch(`${h.app.url}/webhooks/${INSTANCE}/${WEBHOOK_SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PROVIDER_MODULES.zapi.samples!.inboundText(messageId, { text, phone: PHONE })),
  });
}

describe('whatsgraph in a supergraph (Apollo composition, Hive Gateway)', () => {
  it('composes: the supergraph joins Contact on both keys and has the subscription', () => {
    expect(supergraphSdl).toContain('@join__type(graph: WHATSGRAPH, key: "instanceId phone")');
    expect(supergraphSdl).toContain('@join__type(graph: CRM, key: "instanceId phone")');
    expect(supergraphSdl).toMatch(/type Subscription[\s\S]*messageReceived/);
  });

  it('one query through the gateway crosses both subgraphs both ways: customer → WhatsApp contact and conversation → messages → back to the customer', async () => {
    const res = await gql(
      gatewayUrl,
      `{ customer(id: "c-1") {
          name
          whatsapp { phone name customer { id } }
          conversation { chatId name messages(last: 5) { nodes { providerMessageId fromMe content { __typename ... on TextContent { body } } chat { contact { customer { name } } } } } }
        } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data).toEqual({
      customer: {
        name: 'Ana Souza',
        whatsapp: { phone: PHONE, name: 'Z-API SUPPORT', customer: { id: 'c-1' } },
        conversation: {
          chatId: PHONE,
          name: 'Ana (chat)',
          messages: {
            nodes: [
              {
                providerMessageId: 'HISTORY-1',
                fromMe: false,
                content: { __typename: 'TextContent', body: 'Olá, meu pedido chegou?' },
                chat: { contact: { customer: { name: 'Ana Souza' } } },
              },
            ],
          },
        },
      },
    });
  });

  it('a messageReceived subscription through the gateway (graphql-ws both sides) receives a webhook-derived message, joined with the CRM customer', async () => {
    const client = wsClient(gatewayUrl);
    const sub = collect(
      client,
      `subscription($i: ID!) { messageReceived(instanceId: $i) { providerMessageId content { ... on TextContent { body } } chat { chatId contact { phone customer { name } } } } }`,
      { i: INSTANCE },
    );
    try {
      // the gateway has opened its own graphql-ws subscription on whatsgraph
      await eventually(async () => (await h.app.services.metrics.subscriptions.get()).values[0]?.value === 1, 10_000, 'the gateway subscribed upstream');
      const id = `FED-${Date.now()}`;
      expect((await postWebhook(id, 'Quero trocar o endereço')).status).toBe(200);
      const got = await sub.waitFor((d) => d.messageReceived.providerMessageId === id);
      expect(got.messageReceived).toEqual({
        providerMessageId: id,
        content: { body: 'Quero trocar o endereço' },
        chat: { chatId: PHONE, contact: { phone: PHONE, customer: { name: 'Ana Souza' } } },
      });
      expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
    } finally {
      sub.dispose();
      await client.dispose();
    }
  });

  it('the same whatsgraph server still answers direct queries', async () => {
    const res = await gql(h.app.url, `query($i: ID!) { instance(id: $i) { chat(id: "${PHONE}") { name } } }`, { i: INSTANCE });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ instance: { chat: { name: 'Ana (chat)' } } });
  });
});
