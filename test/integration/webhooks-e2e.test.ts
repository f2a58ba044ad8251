import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { RunningApp } from '../../src/app.js';
import { toGlobalId } from '../../src/global-ids.js';
import { createLogger } from '../../src/logger.js';
import type { DomainEvent } from '../../src/providers/model.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { collect, settle, startTestApp, wsClient } from '../helpers/app.js';
import { unsupportedWebhookKinds, webhookFixtures } from '../helpers/fixtures.js';

/**
 * Every documented webhook payload of every provider (`webhookFixtures(mod)` over
 * PROVIDER_MODULES), posted over HTTP to the running sandbox server, reaches a graphql-ws
 * client on the `events` stream as the typed events the module's own parser makes of it:
 * same types in the same order, same message ids and contents, statuses (with the provider's
 * error code and title), presences, connection states and notification kinds. A payload may
 * arrive as `UnsupportedContent` only when its fixture kind is listed in the provider's
 * `test/fixtures/<provider>/webhooks-unsupported.json`, and every kind listed there must still
 * be unsupported (so the list shrinks as kinds get typed). Ids and times are made unique per
 * payload so that dedupe and the never-backwards rule (tested elsewhere) hide none of them.
 */

const logger = createLogger('silent');

/** A time-like value of a payload: an epoch integer (s or ms), or a digit string under a `…timestamp` key. */
const EPOCH_MIN = 1_000_000_000;

/**
 * A copy of `value` with its ids and times made unique by `n`: strings under `id` and `…Id`
 * keys and in `ids` arrays get `-{n}`; integers that look like epoch times, and digit strings
 * under `…timestamp` keys, get `+n`.
 */
function uniquify(value: unknown, n: number, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => (key === 'ids' && typeof v === 'string' ? `${v}-${n}` : uniquify(v, n)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, uniquify(v, n, k)]));
  if (typeof value === 'string' && (key === 'id' || /[a-z]Id$/.test(key))) return `${value}-${n}`;
  if (typeof value === 'string' && /timestamp$/i.test(key) && /^\d{9,}$/.test(value)) return String(Number(value) + n);
  if (typeof value === 'number' && Number.isInteger(value) && value >= EPOCH_MIN) return value + n;
  return value;
}

const EVENTS_QUERY = `subscription($i: ID!) { events(instanceId: $i) {
  __typename id cursor type occurredAt
  ... on MessageReceivedEvent { message { id providerMessageId fromMe chat { id } content { __typename ... on UnsupportedContent { type } } } }
  ... on MessageStatusChangedEvent { messageId status error { code title } }
  ... on PresenceChangedEvent { chatId presence }
  ... on ConnectionChangedEvent { state }
  ... on InstanceNotificationEvent { kind }
  ... on CallReceivedEvent { callChatId: chatId callId video missed }
  ... on MessageDeletedEvent { messageId deletedInChatId: chatId }
  ... on ChatReadEvent { readChatId: chatId messageIds }
  ... on GroupParticipantsChangedEvent { groupId action participants { id phone lid } }
  ... on ChannelAdminChangedEvent { channelId promoted role }
  ... on ProfileUpdatedEvent { contactId change name pictureUrl newPhone }
  ... on ChatLabelsChangedEvent { changes { chatId labelId assigned } }
} }`;

/** The GraphQL type of a content kind whose name is not `<Kind>Content`. */
const CONTENT_TYPENAMES: Record<string, string> = { template: 'TemplateMessageContent', event: 'EventMessageContent' };

/** What the graph must show for a domain event of instance `instanceId` (the fields of {@link EVENTS_QUERY} that come from it). */
function graphView(e: DomainEvent, instanceId: string): Record<string, unknown> {
  switch (e.type) {
    case 'MESSAGE_RECEIVED': {
      const { content } = e.message;
      const typename = CONTENT_TYPENAMES[content.kind] ?? `${content.kind.charAt(0).toUpperCase()}${content.kind.slice(1)}Content`;
      return {
        type: e.type,
        message: {
          id: toGlobalId('Message', instanceId, e.message.id),
          providerMessageId: e.message.id,
          fromMe: e.message.fromMe,
          content: { __typename: typename, ...(content.kind === 'unsupported' ? { type: content.type } : {}) },
        },
      };
    }
    case 'MESSAGE_STATUS_CHANGED':
      return { type: e.type, messageId: e.messageId, status: e.status, error: e.error ? { code: e.error.code, title: e.error.title } : null };
    case 'PRESENCE_CHANGED':
      return { type: e.type, chatId: e.chatId, presence: e.presence };
    case 'CONNECTION_CHANGED':
      return { type: e.type, state: e.state };
    case 'INSTANCE_EVENT':
      return { type: e.type, kind: e.kind };
    case 'CALL_RECEIVED':
      return { type: e.type, callChatId: e.chatId, callId: e.callId ?? null, video: e.video ?? null, missed: e.missed };
    case 'MESSAGE_DELETED':
      return { type: e.type, messageId: e.messageId, deletedInChatId: e.chatId ?? null };
    case 'CHAT_READ':
      return { type: e.type, readChatId: e.chatId ?? null, messageIds: e.messageIds };
    case 'GROUP_PARTICIPANTS_CHANGED':
      return { type: e.type, groupId: e.groupId, action: e.action, participants: e.participants.map((p) => ({ id: p.id, phone: p.phone ?? null, lid: p.lid ?? null })) };
    case 'CHANNEL_ADMIN_CHANGED':
      return { type: e.type, channelId: e.channelId, promoted: e.promoted, role: e.role ?? null };
    case 'PROFILE_UPDATED':
      return { type: e.type, contactId: e.contactId, change: e.change, name: e.name ?? null, pictureUrl: e.pictureUrl ?? null, newPhone: e.newPhone ?? null };
    case 'CHAT_LABELS_CHANGED':
      return { type: e.type, changes: e.changes };
  }
}

let app: RunningApp;
let client: Client;

beforeAll(async () => {
  app = await startTestApp();
  client = wsClient(app.url);
});
afterAll(async () => {
  await client?.dispose();
  await app?.close();
});

const withWebhooks = Object.values(PROVIDER_MODULES).filter((mod) => webhookFixtures(mod).length > 0);

it('at least one provider documents webhooks', () => {
  expect(withWebhooks.length).toBeGreaterThan(0);
});

for (const mod of withWebhooks) {
  const fixtures = webhookFixtures(mod);
  const allowedUnsupported = new Set(unsupportedWebhookKinds(mod));

  describe(`all ${fixtures.length} documented ${mod.title} webhook payloads`, () => {
    it('each arrives on a real graphql-ws subscription as the events its parser makes of it', async () => {
      const cfg = app.instanceConfigs.find((c) => c.provider === mod.kind);
      expect(cfg, `the sandbox has a ${mod.kind} instance`).toBeDefined();
      const parser = mod.create(cfg!, { logger }).webhooks;
      expect(parser, `${mod.kind} documents webhooks but has no webhook port`).toBeDefined();
      const sub = collect(client, EVENTS_QUERY, { i: cfg!.id });
      await settle(300);
      const url = `${app.url}/webhooks/${encodeURIComponent(cfg!.id)}/${encodeURIComponent(cfg!.webhookSecret)}`;
      const unsupported = new Set<string>();
      const byType: Record<string, number> = {};
      let expected = 0;
      try {
        for (const [i, w] of fixtures.entries()) {
          const name = `${w.event}/${w.kind} (lines ${w.lines.join('-')})`;
          const body = uniquify(w.payload, i + 1);
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const answer = (await res.json()) as { received: number; published: number };
          expect(res.status, name).toBe(200);
          expect(answer.received, `${name} parsed to no event`).toBeGreaterThanOrEqual(1);
          expect(answer.published, `${name}: deduped or dropped`).toBe(answer.received);
          const parsed = parser!.parse({ body: structuredClone(body), headers: {}, receivedAt: Date.now() });
          expect(parsed.length, name).toBe(answer.received);
          const from = expected;
          expected += answer.published;
          const got = (await sub.waitForCount(expected)).slice(from, expected).map((r) => {
            expect(r.errors, name).toBeUndefined();
            return r.data!.events as { __typename: string; message?: { content: { __typename: string } } };
          });
          got.forEach((event, j) => {
            expect(event, `${name} #${j}`).toMatchObject(graphView(parsed[j]!, cfg!.id));
            expect(event.__typename, name).toMatch(/Event$/);
            const key = event.message ? `${event.__typename}:${event.message.content.__typename}` : event.__typename;
            byType[key] = (byType[key] ?? 0) + 1;
            if (event.message?.content.__typename === 'UnsupportedContent') unsupported.add(w.kind);
          });
        }
      } finally {
        sub.dispose();
      }
      console.log(`[${mod.kind} webhooks] ${fixtures.length} payloads → ${expected} events; UnsupportedContent: ${[...unsupported].join(', ') || 'none'}; by type:`, byType);
      expect(
        [...unsupported].filter((k) => !allowedUnsupported.has(k)),
        'documented kinds that should be typed',
      ).toEqual([]);
      expect(
        [...allowedUnsupported].filter((k) => !unsupported.has(k)),
        'listed as unsupported in webhooks-unsupported.json but typed now: remove them there',
      ).toEqual([]);
    });
  });
}
