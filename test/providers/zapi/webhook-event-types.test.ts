import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { zapiModule } from '../../../src/providers/zapi/index.js';
import { collect, settle, startTestApp, wsClient } from '../../helpers/app.js';
import { webhookFixtures } from '../../helpers/fixtures.js';

/**
 * Notifications are typed events on the `events` stream, and `events(types:)` filters them
 * (issue 8's contract: `events(instanceId: "…", types: [CALL_RECEIVED, MESSAGE_DELETED])`):
 * documented Z-API payloads posted over HTTP reach a filtered graphql-ws subscriber only when
 * their type is asked for.
 */

let app: RunningApp;
let client: Client;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const payload = (kind: string, extra: Record<string, unknown> = {}) => {
  const found = webhookFixtures(zapiModule).find((w) => w.kind === kind);
  if (!found) throw new Error(`no fixture ${kind}`);
  const p = structuredClone(found.payload) as Record<string, unknown>;
  return { ...p, messageId: `${String(p.messageId)}-${run}`, ...extra };
};

beforeAll(async () => {
  app = await startTestApp();
  client = wsClient(app.url);
});
afterAll(async () => {
  await client?.dispose();
  await app?.close();
});

describe('events(types:) over typed notifications', () => {
  it('a subscriber of [CALL_RECEIVED, MESSAGE_DELETED] gets the calls and the deletion, not the text or the group change', async () => {
    const cfg = app.instanceConfigs.find((c) => c.provider === zapiModule.kind)!;
    const url = `${app.url}/webhooks/${encodeURIComponent(cfg.id)}/${encodeURIComponent(cfg.webhookSecret)}`;
    const sub = collect(
      client,
      `subscription($i: ID!) { events(instanceId: $i, types: [CALL_RECEIVED, MESSAGE_DELETED]) { id type
        ... on CallReceivedEvent { callId video missed }
        ... on MessageDeletedEvent { messageId fromMe } } }`,
      { i: cfg.id },
    );
    await settle(300);
    const bodies = [
      payload('text'),
      payload('call-incoming', { callId: `CALL-${run}` }),
      payload('group-join-request-invite-link'),
      payload('call-missed', { callId: `CALL-${run}`, notification: 'CALL_MISSED_VIDEO' }),
      payload('call-missed', { callId: null, notification: 'REVOKE', referenceMessageId: `GONE-${run}`, fromMe: false }),
    ];
    for (const body of bodies) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
    }
    const results = await sub.waitForCount(3);
    await settle(300);
    expect(sub.results).toHaveLength(3);
    expect(results.map((r) => r.data!.events)).toEqual([
      expect.objectContaining({ type: 'CALL_RECEIVED', callId: `CALL-${run}`, video: false, missed: false }),
      expect.objectContaining({ type: 'CALL_RECEIVED', callId: `CALL-${run}`, video: true, missed: true }),
      expect.objectContaining({ type: 'MESSAGE_DELETED', messageId: `GONE-${run}`, fromMe: false }),
    ]);
    sub.dispose();
  });
});
