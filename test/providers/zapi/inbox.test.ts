import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Client } from 'graphql-ws';
import type { RunningApp } from '../../../src/app.js';
import type { AppConfig } from '../../../src/config.js';
import { toGlobalId } from '../../../src/global-ids.js';
import { createLogger } from '../../../src/logger.js';
import type { SimulatorHandle } from '../../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../../src/providers/registry.js';
import { collect, gql, startTestApp, wsClient } from '../../helpers/app.js';
import { simulatedInstance } from '../../helpers/providers.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../../helpers/redis.js';

/**
 * The inbox, as a frontend lives it (issue "A graph a frontend can live in", item 1), over real
 * sockets against the Z-API simulator: three messages sent through the graph (graphql-ws), the
 * simulator's status webhooks for each (the send answers PENDING: queued; DeliveryCallback, then SENT → RECEIVED → READ,
 * z-api.txt 28-37), two replies posted as `ReceivedCallback` webhooks (text, z-api.txt
 * 11165-11300), the first edited (`isEdit`, z-api.txt 11233: the same `messageId` again), the
 * contact reacting to the second sent message (reaction return, z-api.txt 11340-11373), the
 * third deleted for everyone through `deleteMessage`; the client is dropped, and
 * `chat.messages` read again shows exactly that conversation with its final statuses. With
 * Redis, two replicas share it: webhooks go to A, B answers the same.
 */

const mod = PROVIDER_MODULES.zapi;
const INSTANCE = 'inbox';
const SECRET = 'inbox-webhook-secret-0123456789';
const PHONE = '5511988887777';

const CONVERSATION = `query($id: ID!, $chat: String!) {
  instance(id: $id) {
    chat(id: $chat) {
      id chatId unreadCount
      lastMessage { providerMessageId }
      messages(last: 10) {
        edges { cursor node { id providerMessageId fromMe status editedAt deletedAt senderId content { __typename ... on TextContent { body } } reactions { reactorId emoji fromMe } statusHistory { status at } replyTo { id providerMessageId } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
}`;

/** A `ReceivedCallback` as z-api.txt 11165-11300 documents it (text), from the contact. */
function inbound(messageId: string, text: string, momment: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(mod.samples!.inboundText(messageId, { text, occurredAt: momment, phone: PHONE }) as Record<string, unknown>), ...extra };
}

function inboxSuite(backend: 'memory' | 'redis'): void {
  describe(`inbox over ${backend}`, () => {
    const prefix = uniquePrefix('inbox');
    let sim: SimulatorHandle;
    let a: RunningApp;
    let b: RunningApp | undefined;
    let client: Client;

    beforeAll(async () => {
      sim = await mod.startSimulator({ autoReply: false, stepDelayMs: 20 });
      const config: AppConfig = {
        port: 0,
        sandbox: false,
        instances: [simulatedInstance(mod, sim, INSTANCE, SECRET)],
        ...(backend === 'redis' ? { redis: { url: TEST_REDIS_URL, keyPrefix: prefix } } : {}),
        events: { retentionMs: 3_600_000, maxLength: 10_000 },
        source: 'inbox.test',
      };
      a = await startTestApp(config, { logger: createLogger('silent') });
      if (backend === 'redis') b = await startTestApp(config, { logger: createLogger('silent') });
      sim.setWebhookUrl(`${a.url}/webhooks/${INSTANCE}/${SECRET}`);
      client = wsClient(a.url);
    });

    afterAll(async () => {
      await client?.dispose();
      await Promise.all([a?.close(), b?.close()]);
      await sim?.close();
      if (backend === 'redis') await deletePrefix(prefix);
    });

    it('keeps the conversation: sends, statuses, replies, an edit, a reaction and a deletion, read back after the client is gone', async () => {
      const events = collect<{ events: { type: string; messageId?: string; status?: string; message?: { providerMessageId: string } } }>(
        client,
        `subscription($id: ID!) { events(instanceId: $id) { type ... on MessageStatusChangedEvent { messageId status } ... on MessageReceivedEvent { message { providerMessageId } } } }`,
        { id: INSTANCE },
      );
      await new Promise((r) => setTimeout(r, 200));

      // three sends through the graph, over the socket
      const sent: string[] = [];
      const sentGlobal: string[] = [];
      for (const text of ['Hi, your order shipped', 'Tracking: BR123', 'Anything else?']) {
        const res = await new Promise<{ data?: { sendText: { message: { id: string; providerMessageId: string; status: string } } }; errors?: unknown }>((resolve, reject) => {
          let result: unknown;
          client.subscribe(
            {
              query: `mutation($id: ID!, $to: String!, $text: String!) { sendText(input: {instanceId: $id, to: $to, text: $text}) { message { id providerMessageId status } } }`,
              variables: { id: INSTANCE, to: `+${PHONE}`, text },
            },
            { next: (r) => (result = r), error: reject, complete: () => resolve(result as never) },
          );
        });
        expect(res.errors).toBeUndefined();
        sent.push(res.data!.sendText.message.providerMessageId);
        sentGlobal.push(res.data!.sendText.message.id);
      }
      // every send's webhooks arrived: READ of each
      for (const id of sent) await events.waitFor((d) => d.events.type === 'MESSAGE_STATUS_CHANGED' && d.events.messageId === id && d.events.status === 'READ');

      // two replies, the first edited, a reaction to the second sent message
      const post = async (body: unknown) => {
        const res = await fetch(`${a.url}/webhooks/${INSTANCE}/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(200);
      };
      const t = Date.now();
      await post(inbound('REPLY0000000000000001', 'Thanks! When does it arrive?', t + 1_000));
      // the second reply quotes the second sent message (`referenceMessageId`, z-api.txt 11165-11300)
      await post(inbound('REPLY0000000000000002', 'No, that is all', t + 2_000, { referenceMessageId: sent[1] }));
      const edit = inbound('REPLY0000000000000001', 'Thanks! When will it arrive?', t + 3_000, { isEdit: true });
      await post(edit);
      await post(edit); // a redelivery changes nothing
      const reaction = inbound('REACT0000000000000001', '', t + 4_000);
      delete reaction.text;
      await post({
        ...reaction,
        reaction: { value: '👍', time: t + 4_000, reactionBy: PHONE, referencedMessage: { messageId: sent[1], fromMe: true, phone: PHONE, participant: null } },
      });

      // the third sent message deleted for everyone
      const del = await gql(a.url, `mutation($i: DeleteMessageInput!) { deleteMessage(input: $i) { ok } }`, {
        i: { instanceId: INSTANCE, chatId: PHONE, messageId: sent[2], owner: true },
      });
      expect(del.errors).toBeUndefined();
      await events.waitFor((d) => d.events.message?.providerMessageId === 'REACT0000000000000001');

      // the client goes away; a new page load reads the conversation
      events.dispose();
      await client.dispose();

      for (const [name, app] of [['A', a], ...(b ? [['B', b] as const] : [])] as const) {
        const res = await gql(app.url, CONVERSATION, { id: INSTANCE, chat: PHONE });
        expect(res.errors, `${name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
        const chat = res.data!.instance.chat;
        const nodes = chat.messages.edges.map((e: { node: Record<string, any> }) => e.node);
        // in reading order: exactly the conversation, no reaction message, no duplicate of the echoes
        expect(
          nodes.map((n: Record<string, any>) => n.providerMessageId),
          name,
        ).toEqual([sent[0], sent[1], sent[2], 'REPLY0000000000000001', 'REPLY0000000000000002']);
        // the graph's ids: the sends' own, and the replies' made of the instance and WhatsApp's id
        expect(nodes.map((n: Record<string, any>) => n.id)).toEqual([
          ...sentGlobal,
          toGlobalId('Message', INSTANCE, 'REPLY0000000000000001'),
          toGlobalId('Message', INSTANCE, 'REPLY0000000000000002'),
        ]);
        expect(chat.id).toBe(toGlobalId('Chat', INSTANCE, PHONE));
        expect(chat.chatId).toBe(PHONE);
        expect(nodes.map((n: Record<string, any>) => [n.fromMe, n.content.body])).toEqual([
          [true, 'Hi, your order shipped'],
          [true, 'Tracking: BR123'],
          [true, 'Anything else?'],
          [false, 'Thanks! When will it arrive?'],
          [false, 'No, that is all'],
        ]);
        const [s1, s2, s3, r1, r2] = nodes as Array<Record<string, any>>;
        expect(r2!.replyTo).toEqual({ id: sentGlobal[1], providerMessageId: sent[1] });
        expect(r1!.replyTo).toBeNull();
        expect(r1!.editedAt).not.toBeNull();
        expect(r2!.editedAt).toBeNull();
        expect([s1!.status, s2!.status, s3!.status]).toEqual(['READ', 'READ', 'DELETED']);
        expect(s3!.deletedAt).not.toBeNull();
        expect(s1!.deletedAt).toBeNull();
        expect(s1!.statusHistory.map((h: { status: string }) => h.status)).toEqual(['PENDING', 'SENT', 'DELIVERED', 'READ']);
        expect(s3!.statusHistory.map((h: { status: string }) => h.status)).toEqual(['PENDING', 'SENT', 'DELIVERED', 'READ', 'DELETED']);
        expect(s2!.reactions).toEqual([{ reactorId: PHONE, emoji: '👍', fromMe: false }]);
        expect(s1!.reactions).toEqual([]);
        expect(chat.lastMessage.providerMessageId).toBe('REPLY0000000000000002');
        expect(chat.messages.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

        // the same by id, and paging back from the newest two (a chat view's `last`/`before`)
        const one = await gql(
          app.url,
          `query($id: ID!, $m: ID!) { instance(id: $id) { message(id: $m) { id providerMessageId status reactions { emoji } chat { id chatId } } } }`,
          {
            id: INSTANCE,
            m: sent[1],
          },
        );
        expect(one.data?.instance.message).toEqual({
          id: sentGlobal[1],
          providerMessageId: sent[1],
          status: 'READ',
          reactions: [{ emoji: '👍' }],
          chat: { id: toGlobalId('Chat', INSTANCE, PHONE), chatId: PHONE },
        });
        const page = await gql(
          app.url,
          `query($id: ID!, $c: String!, $before: String) { instance(id: $id) { chat(id: $c) { messages(last: 2, before: $before) { edges { node { providerMessageId } } pageInfo { hasNextPage hasPreviousPage startCursor } } } } }`,
          {
            id: INSTANCE,
            c: PHONE,
          },
        );
        const p1 = page.data!.instance.chat.messages;
        expect(p1.edges.map((e: { node: { providerMessageId: string } }) => e.node.providerMessageId)).toEqual(['REPLY0000000000000001', 'REPLY0000000000000002']);
        expect(p1.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
        const next = await gql(
          app.url,
          `query($id: ID!, $c: String!, $before: String) { instance(id: $id) { chat(id: $c) { messages(last: 2, before: $before) { edges { node { providerMessageId } } pageInfo { hasNextPage hasPreviousPage } } } } }`,
          {
            id: INSTANCE,
            c: PHONE,
            before: p1.pageInfo.startCursor,
          },
        );
        expect(next.data!.instance.chat.messages.edges.map((e: { node: { providerMessageId: string } }) => e.node.providerMessageId)).toEqual([sent[1], sent[2]]);
        expect(next.data!.instance.chat.messages.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
        // and forward from the oldest (`first`/`after`)
        const forward = async (after: string | null) =>
          (
            await gql(
              app.url,
              `query($id: ID!, $c: String!, $after: String) { instance(id: $id) { chat(id: $c) { messages(first: 2, after: $after) { edges { node { providerMessageId } } pageInfo { hasNextPage hasPreviousPage endCursor } } } } }`,
              { id: INSTANCE, c: PHONE, after },
            )
          ).data!.instance.chat.messages;
        const f1 = await forward(null);
        expect(f1.edges.map((e: { node: { providerMessageId: string } }) => e.node.providerMessageId)).toEqual([sent[0], sent[1]]);
        expect(f1.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
        const f2 = await forward(f1.pageInfo.endCursor);
        expect(f2.edges.map((e: { node: { providerMessageId: string } }) => e.node.providerMessageId)).toEqual([sent[2], 'REPLY0000000000000001']);
        expect(f2.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      }
    });

    it("counts unread inbound messages when the chat comes without the provider's count, until the account reads them", async () => {
      // the provider no longer lists the chat (the simulator's chats emptied, then restored): `message.chat` is the graph's own, without the provider's count
      const setChats = (chats: unknown[]) =>
        fetch(`${sim.url}/sim/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chats, replace: true }) });
      expect((await setChats([])).status).toBe(200);
      onTestFinished(async () => {
        await setChats([{ phone: PHONE, name: PHONE, unread: '0', archived: 'false', pinned: 'false' }]);
      });
      const unread = async () => {
        const res = await gql(a.url, `query($id: ID!) { instance(id: $id) { message(id: "REPLY0000000000000001") { chat { id unreadCount } } } }`, { id: INSTANCE });
        expect(res.errors).toBeUndefined();
        return res.data!.instance.message.chat.unreadCount as number;
      };
      expect(await unread()).toBe(2);
      const read = await gql(a.url, `mutation($i: ReadMessageInput!) { readMessage(input: $i) { ok } }`, {
        i: { instanceId: INSTANCE, chatId: PHONE, messageId: 'REPLY0000000000000002' },
      });
      expect(read.errors).toBeUndefined();
      expect(await unread()).toBe(0);
      await fetch(`${a.url}/webhooks/${INSTANCE}/${SECRET}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(inbound('REPLY0000000000000003', 'One more thing', Date.now() + 10_000)),
      });
      expect(await unread()).toBe(1);
      if (b) {
        const res = await gql(b.url, `query($id: ID!) { instance(id: $id) { message(id: "REPLY0000000000000003") { chat { unreadCount } } } }`, { id: INSTANCE });
        expect(res.data?.instance.message.chat.unreadCount).toBe(1);
      }
    });

    it('rejects bad paging arguments with BAD_USER_INPUT', async () => {
      const q = (args: string) => gql(a.url, `query { instance(id: "${INSTANCE}") { chat(id: "${PHONE}") { messages(${args}) { edges { cursor } } } } }`);
      for (const args of ['first: 0', 'first: 101', 'last: -1', 'first: 1, last: 1', 'after: "nope"', 'before: "bm9wZQ"']) {
        const res = await q(args);
        expect(res.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
      }
    });
  });
}

inboxSuite('memory');
inboxSuite('redis');
