import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { toGlobalId } from '../../../src/global-ids.js';
import { zapiModule } from '../../../src/providers/zapi/index.js';
import { collect, eventually, gql, settle, startTestApp, wsClient, type Collected } from '../../helpers/app.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';

/**
 * Real-world variations of Z-API's webhook payloads (issue 8, item 5), from
 * test/fixtures/zapi/webhooks-variations.json: each posted over real HTTP to the running
 * sandbox's webhook receiver, answered 2xx, and delivered to a graphql-ws `events`
 * subscriber exactly once per distinct event, typed.
 */

interface Variation {
  name: string;
  lines: [number, number];
  why: string;
  payloads: Array<Record<string, unknown>>;
}
const { variations } = JSON.parse(readFileSync(resolve(REPO_ROOT, 'test/fixtures/zapi/webhooks-variations.json'), 'utf8')) as { variations: Variation[] };
const byName = (name: string): Variation => {
  const v = variations.find((x) => x.name === name);
  if (!v) throw new Error(`no variation ${name}`);
  return v;
};

const EVENTS = `subscription($i: ID!) { events(instanceId: $i) {
  __typename id type occurredAt
  ... on MessageReceivedEvent { message { id providerMessageId fromMe timestamp senderId senderLid chatLid edited forwarded viewOnce expirationSeconds sentFromApi replyToMessageId chat { id chatId }
    content { __typename
      ... on TextContent { body }
      ... on ImageContent { url width height caption }
      ... on AudioContent { seconds voice }
      ... on ButtonsContent { body buttons { type id text } }
      ... on ListContent { body title buttonText sections { rows { id title description } } }
      ... on UnsupportedContent { type raw }
    } } }
  ... on MessageStatusChangedEvent { messageId status participantId statusChat: chatId }
  ... on ChatReadEvent { readChat: chatId messageIds }
  ... on PresenceChangedEvent { chatId presence lastSeenAt }
  ... on ConnectionChangedEvent { state detail }
  ... on GroupParticipantsChangedEvent { groupId action actorId participants { id phone lid } }
  ... on InstanceNotificationEvent { kind raw }
} }`;

type Ev = Record<string, any>;

let app: RunningApp;
let client: Client;
let sub: Collected;
let instanceId: string;
let url: string;
let received = 0;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The payload with its `VAR-…` ids made unique to this run (the event log and dedupe store outlive a run), and `$SENT` replaced. */
function prepare(payload: unknown, sent: string): unknown {
  return JSON.parse(
    JSON.stringify(payload)
      .replace(/"\$SENT"/g, JSON.stringify(sent))
      .replace(/"(VAR-[A-Z0-9-]+)"/g, `"$1-${run}"`),
  );
}
const id = (name: string) => `${name}-${run}`;

/** Posts the variation's payloads in order; every one must be answered 200. @returns how many events the subscriber must receive and the answers */
async function post(v: Variation, sent = ''): Promise<{ published: number; answers: Array<{ received: number; published: number }> }> {
  const answers = [];
  for (const payload of v.payloads) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(prepare(payload, sent)) });
    expect(res.status, `${v.name}: ${v.why}`).toBe(200);
    answers.push((await res.json()) as { received: number; published: number });
  }
  return { published: answers.reduce((n, a) => n + a.published, 0), answers };
}

/** Posts a variation and returns the events the subscriber got for it (exactly as many as were published; nothing more after a settle). */
async function deliver(v: Variation, sent = ''): Promise<Ev[]> {
  const { published } = await post(v, sent);
  const from = received;
  received += published;
  const results = await sub.waitForCount(received);
  await settle(200);
  expect(sub.results.length, `${v.name}: delivered once`).toBe(received);
  return results.slice(from, received).map((r) => {
    expect(r.errors).toBeUndefined();
    return r.data!.events as Ev;
  });
}

beforeAll(async () => {
  app = await startTestApp();
  const cfg = app.instanceConfigs.find((c) => c.provider === zapiModule.kind)!;
  instanceId = cfg.id;
  url = `${app.url}/webhooks/${encodeURIComponent(cfg.id)}/${encodeURIComponent(cfg.webhookSecret)}`;
  client = wsClient(app.url);
  sub = collect(client, EVENTS, { i: instanceId });
  await settle(300);
});
afterAll(async () => {
  sub?.dispose();
  await client?.dispose();
  await app?.close();
});

describe('Z-API webhook payloads as they arrive', () => {
  it('the fixture lists every variation this suite checks', () => {
    expect(variations.map((v) => v.name).sort()).toEqual(
      [
        'buttons-and-list-echo',
        'disappearing-timer',
        'group-receipts-per-participant',
        'lid-identities',
        'momment-milliseconds',
        'nulls-and-absent-keys',
        'presence-without-momment',
        'protobuf-long-numbers',
        'read-by-me',
        'sent-from-phone-and-api-echo',
        'status-broadcast-receipts',
        'unreadable',
        'waiting-then-real',
      ].sort(),
    );
  });

  it('keys absent or null where the doc shows values: typed messages with nulls, not refusals', async () => {
    const [text, image] = await deliver(byName('nulls-and-absent-keys'));
    expect(text).toMatchObject({
      type: 'MESSAGE_RECEIVED',
      message: {
        id: toGlobalId('Message', instanceId, id('VAR-NULLS-1')),
        providerMessageId: id('VAR-NULLS-1'),
        fromMe: false,
        senderLid: null,
        content: { __typename: 'TextContent', body: '' },
      },
    });
    expect(Date.parse(text!.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(image).toMatchObject({
      message: { providerMessageId: id('VAR-NULLS-2'), content: { __typename: 'ImageContent', url: 'https://', width: null, height: null, caption: null } },
    });
  });

  it('LID identities are kept on the message and on group notifications', async () => {
    const [message, added] = await deliver(byName('lid-identities'));
    expect(message).toMatchObject({
      message: { chat: { chatId: '120363019502650977-group' }, chatLid: '120363019502650977@lid', senderLid: '99887766554433@lid', senderId: null },
    });
    expect(added).toMatchObject({
      type: 'GROUP_PARTICIPANTS_CHANGED',
      action: 'ADDED',
      actorId: '11223344556677@lid',
      participants: [
        { id: '99887766554433@lid', phone: null, lid: '99887766554433@lid' },
        { id: '5544988888888', phone: '5544988888888', lid: null },
      ],
    });
  });

  it("the echo of the graph's own send is that message, and its copy from the phone's side is not a duplicate", async () => {
    const sent = await gql(app.url, 'mutation($i: ID!) { sendText(input: {instanceId: $i, to: "5544999999999", text: "hi"}) { message { id providerMessageId } } }', {
      i: instanceId,
    });
    expect(sent.errors).toBeUndefined();
    const sentId = sent.data!.sendText.message.providerMessageId as string;
    const sentGlobalId = sent.data!.sendText.message.id as string;
    // the simulator reports the send's own statuses (DeliveryCallback…): let them arrive first
    await eventually(() => sub.results.some((r) => (r.data?.events as Ev | undefined)?.messageId === sentId), 10_000, 'the simulated send status');
    await settle(500);
    received = sub.results.length;
    const v = byName('sent-from-phone-and-api-echo');
    const events = await deliver(v, sentId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ message: { id: sentGlobalId, providerMessageId: sentId, fromMe: true, sentFromApi: true, content: { body: 'hi' } } });
  });

  it('protobuf Long numbers are read as numbers (momment, disappearing timer, audio seconds)', async () => {
    const [e] = await deliver(byName('protobuf-long-numbers'));
    expect(e).toMatchObject({
      occurredAt: new Date(1_700_000_000_000).toISOString(),
      message: { expirationSeconds: 604800, content: { __typename: 'AudioContent', seconds: 10, voice: true } },
    });
  });

  it('momment in milliseconds where the doc shows seconds', async () => {
    const [disconnected, status] = await deliver(byName('momment-milliseconds'));
    expect(disconnected).toMatchObject({ type: 'CONNECTION_CHANGED', state: 'DISCONNECTED', occurredAt: new Date(1736797729000).toISOString() });
    expect(status).toMatchObject({ type: 'MESSAGE_STATUS_CHANGED', status: 'SENT', occurredAt: new Date(1736797729123).toISOString() });
  });

  it('the disappearing-message timer is on the message', async () => {
    const [e] = await deliver(byName('disappearing-timer'));
    expect(e).toMatchObject({ message: { expirationSeconds: 86400 } });
  });

  it('a waiting message, then the real one under the same id: both delivered, the redelivery of the real one not', async () => {
    const v = byName('waiting-then-real');
    const { answers, published } = await post(v);
    expect(answers.map((a) => a.published)).toEqual([1, 1, 0]);
    received += published;
    const events = (await sub.waitForCount(received)).slice(received - published).map((r) => r.data!.events as Ev);
    expect(events.map((e) => [e.message.providerMessageId, e.message.content.__typename])).toEqual([
      [id('VAR-WAIT-1'), 'PendingContent'],
      [id('VAR-WAIT-1'), 'TextContent'],
    ]);
  });

  it('presence without momment (or lastSeen) is delivered at receipt time', async () => {
    const [e] = await deliver(byName('presence-without-momment'));
    expect(e).toMatchObject({ type: 'PRESENCE_CHANGED', chatId: '5544977777777', presence: 'COMPOSING', lastSeenAt: null });
  });

  it('receipts on status@broadcast are per viewer', async () => {
    const events = await deliver(byName('status-broadcast-receipts'));
    expect(events.map((e) => [e.statusChat, e.participantId, e.status])).toEqual([
      ['status@broadcast', '5544911111111', 'READ'],
      ['status@broadcast', '5544922222222', 'READ'],
    ]);
  });

  it("a group receipt is one participant's: a second participant's READ is delivered too", async () => {
    const events = await deliver(byName('group-receipts-per-participant'));
    expect(events.map((e) => [e.participantId, e.status])).toEqual([
      ['5544933333333', 'DELIVERED'],
      ['5544933333333', 'READ'],
      ['5544944444444', 'READ'],
    ]);
  });

  it('READ_BY_ME marks the inbound chat read and is never an outbound READ', async () => {
    const events = await deliver(byName('read-by-me'));
    expect(events).toEqual([
      expect.objectContaining({ __typename: 'ChatReadEvent', type: 'CHAT_READ', readChat: '5544999999999', messageIds: [id('VAR-INBOUND-1'), id('VAR-INBOUND-2')] }),
    ]);
  });

  it('buttons and lists the account sent echo back typed, not as text', async () => {
    const [buttons, list] = await deliver(byName('buttons-and-list-echo'));
    expect(buttons).toMatchObject({ message: { fromMe: true, content: { __typename: 'ButtonsContent', body: 'Choose', buttons: [{ type: 'REPLY', id: 'y', text: 'Yes' }] } } });
    expect(list).toMatchObject({
      message: {
        content: {
          __typename: 'ListContent',
          body: 'Select the best option:',
          title: 'Available Options',
          buttonText: 'Open options list',
          sections: [{ rows: [{ id: '1', title: 'Z-API', description: 'Z-API Wings for your imagination' }] }],
        },
      },
    });
  });

  it('a payload the parser cannot read is stored (UnsupportedContent, or an UNREADABLE_PAYLOAD notification) and answered 2xx', async () => {
    const v = byName('unreadable');
    const [message, notification] = await deliver(v);
    expect(message).toMatchObject({ message: { providerMessageId: id('VAR-BAD-1'), content: { __typename: 'UnsupportedContent', type: 'unreadable', raw: { text: 'hello' } } } });
    expect(notification).toMatchObject({ type: 'INSTANCE_EVENT', kind: 'UNREADABLE_PAYLOAD', raw: { type: 'MessageStatusCallback', status: 'READ' } });
  });
});
