import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { RunningApp } from '../../../src/app.js';
import type { AppConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import type { SimulatorHandle } from '../../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../../src/providers/registry.js';
import { collect, gql, settle, startTestApp, wsClient } from '../../helpers/app.js';
import { simulatedInstance } from '../../helpers/providers.js';

/**
 * Rich sends in the conversation (issue 8): a poll sent through the graph reads back from
 * `Chat.messages` as a poll (not `UnsupportedContent`), a forward of it shows the poll too, and,
 * with the simulator's auto reply on, what comes back after a send arrives over the graph as
 * typed messages: the recipient's vote on the poll, a participant's answer to an event, and
 * the echo of an order status update, which is the same message as the send, not a second one.
 */

const mod = PROVIDER_MODULES.zapi;
const INSTANCE = 'rich';
const SECRET = 'rich-webhook-secret-0123456789';
const PHONE = '5511933334444';
const GROUP = '120363019502650977-group';

const CONTENT = `content {
  __typename
  ... on PollContent { question options maxSelections }
  ... on PollVoteContent { pollMessageId selectedOptions }
  ... on EventResponseContent { eventMessageId response }
  ... on OrderDetailsContent { stage orderStatus paymentStatus referenceId }
}`;

const MESSAGES = `query($id: ID!, $chat: String!) {
  instance(id: $id) { chat(id: $chat) { messages(last: 5) { edges { node { id fromMe ${CONTENT} } } } } }
}`;

interface Node {
  id: string;
  fromMe: boolean;
  content: Record<string, unknown> & { __typename: string };
}
interface Received {
  events: { type: string; message?: Node };
}

let sim: SimulatorHandle;
let app: RunningApp;
let client: Client;

const ok = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
  const res = await gql<T>(app.url, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
};
const messagesOf = async (chat: string): Promise<Node[]> => {
  const data = await ok<{ instance: { chat: { messages: { edges: Array<{ node: Node }> } } } }>(MESSAGES, { id: INSTANCE, chat });
  return data.instance.chat.messages.edges.map((e) => e.node);
};

beforeAll(async () => {
  // the auto reply is on: after a poll, an event or an order status update the simulator posts what comes back
  sim = await mod.startSimulator({ stepDelayMs: 10 });
  const config: AppConfig = {
    port: 0,
    sandbox: false,
    instances: [simulatedInstance(mod, sim, INSTANCE, SECRET)],
    events: { retentionMs: 3_600_000, maxLength: 10_000 },
    source: 'rich-conversation.test',
  };
  app = await startTestApp(config, { logger: createLogger('silent') });
  sim.setWebhookUrl(`${app.url}/webhooks/${INSTANCE}/${SECRET}`);
  client = wsClient(app.url);
});

afterAll(async () => {
  await client?.dispose();
  await app?.close();
  await sim?.close();
});

describe('rich sends in the conversation (memory store)', () => {
  it('a sent poll reads back from Chat.messages as PollContent, and a forward of it is a poll too', async () => {
    const sent = await ok(
      `mutation { sendPoll(input: {instanceId: "${INSTANCE}", to: "${PHONE}", question: "Lunch at noon?", options: ["Yes", "No"]}) { message { id providerMessageId } } }`,
    );
    const pollGlobalId: string = sent.sendPoll.message.id;
    const pollId: string = sent.sendPoll.message.providerMessageId;

    const poll = (await messagesOf(PHONE)).find((m) => m.id === pollGlobalId);
    expect(poll).toEqual({ id: pollGlobalId, fromMe: true, content: { __typename: 'PollContent', question: 'Lunch at noon?', options: ['Yes', 'No'], maxSelections: null } });

    // the graph knows the forwarded message: the forward shows its content
    const forward = await ok(
      `mutation { forwardMessage(input: {instanceId: "${INSTANCE}", to: "5511955556666", messageId: "${pollId}", fromChatId: "${PHONE}"}) { message { id ${CONTENT} } } }`,
    );
    expect(forward.forwardMessage.message.content).toEqual({ __typename: 'PollContent', question: 'Lunch at noon?', options: ['Yes', 'No'], maxSelections: null });
    expect((await messagesOf('5511955556666')).find((m) => m.id === forward.forwardMessage.message.id)?.content.__typename).toBe('PollContent');
  });

  it('a call is not kept as a message of the conversation', async () => {
    const sent = await ok(`mutation { sendCall(input: {instanceId: "${INSTANCE}", to: "${PHONE}", durationSeconds: 3}) { message { id ${CONTENT} } } }`);
    expect(sent.sendCall.message.content).toEqual({ __typename: 'UnsupportedContent' });
    const ids = (await messagesOf(PHONE)).map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(sent.sendCall.message.id);
  });
});

describe("the simulator's replies over the graph (auto reply on)", () => {
  it('a poll gets a PollVote, an event an EventResponse, an order status update its echo: MESSAGE_RECEIVED events on the events stream', async () => {
    const sub = collect<Received>(
      client,
      `subscription($i: ID!) { events(instanceId: $i, types: [MESSAGE_RECEIVED]) { type ... on MessageReceivedEvent { message { id fromMe ${CONTENT} } } } }`,
      { i: INSTANCE },
    );
    await settle(300);

    const poll = await ok(
      `mutation { sendPoll(input: {instanceId: "${INSTANCE}", to: "${PHONE}", question: "Dinner?", options: ["Pizza", "Sushi"]}) { message { providerMessageId } } }`,
    );
    const pollId: string = poll.sendPoll.message.providerMessageId;
    const vote = await sub.waitFor((d) => d.events.message?.content.__typename === 'PollVoteContent' && d.events.message.content.pollMessageId === pollId);
    expect(vote.events.message).toMatchObject({ fromMe: false, content: { pollMessageId: pollId, selectedOptions: ['Pizza'] } });

    const event = await ok(
      `mutation { sendEvent(input: {instanceId: "${INSTANCE}", to: "${GROUP}", event: {name: "Party", startsAt: "2030-01-01T20:00:00.000Z", canceled: false}}) { message { providerMessageId } } }`,
    );
    const eventId: string = event.sendEvent.message.providerMessageId;
    const response = await sub.waitFor((d) => d.events.message?.content.__typename === 'EventResponseContent' && d.events.message.content.eventMessageId === eventId);
    expect(response.events.message?.content).toMatchObject({ response: 'GOING' });

    const update = await ok(`mutation($input: UpdateOrderInput!) { updateOrderStatus(input: $input) { message { id ${CONTENT} } } }`, {
      input: {
        instanceId: INSTANCE,
        to: PHONE,
        orderMessageId: '3EB0F91BBA791BB0A787FC',
        referenceId: '4N8FCTW1WM6',
        orderRequestId: '4N8FCTW22W4',
        orderStatus: 'SHIPPED',
        paymentStatus: 'PAID',
        order: { currency: 'BRL', items: [{ productId: '23940797548900636', name: 'Item', price: 150, quantity: 2, isCustomItem: false }] },
      },
    });
    const updateId: string = update.updateOrderStatus.message.id;
    const sentContent = { __typename: 'OrderDetailsContent', stage: 'UPDATE', orderStatus: 'shipped', paymentStatus: 'paid', referenceId: '4N8FCTW1WM6' };
    expect(update.updateOrderStatus.message.content).toEqual(sentContent);
    const echo = await sub.waitFor((d) => d.events.message?.id === updateId);
    expect(echo.events.message).toEqual({ id: updateId, fromMe: true, content: sentContent });
    // the echo is the sent message: one message of that id in the conversation, with the same content
    const kept = (await messagesOf(PHONE)).filter((m) => m.id === updateId);
    expect(kept).toEqual([{ id: updateId, fromMe: true, content: sentContent }]);
    sub.dispose();
  });
});
