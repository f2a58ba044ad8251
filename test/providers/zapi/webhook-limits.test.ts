import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { zapiModule } from '../../../src/providers/zapi/index.js';
import { MAX_EVENTS_PER_DELIVERY } from '../../../src/server/webhook-receiver.js';
import { gql, sandboxConfig, startTestApp } from '../../helpers/app.js';

/**
 * The cap on events per delivery (issue 12, "Right codes"), with the Z-API payload that can
 * carry many: a status webhook lists the ids it applies to (`ids`, z-api.txt
 * "MessageStatusCallback"), one status event each. 60,000 ids took 31 s and wrote 60,000
 * events before the cap; now the delivery is refused whole, fast, with nothing stored.
 */

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp(sandboxConfig());
});
afterAll(async () => {
  await app?.close();
});

describe('Z-API status webhook with 60,000 ids', () => {
  it(`is answered 413 (over ${MAX_EVENTS_PER_DELIVERY} events) fast, and nothing is stored`, async () => {
    const instance = app.instanceConfigs.find((c) => c.provider === zapiModule.kind)!;
    const count = `{ events(instanceId: "${instance.id}", first: 500) { events { id } } }`;
    const before = await gql(app.url, count);
    const ids = Array.from({ length: 60_000 }, (_, i) => `s${i}`);
    const started = Date.now();
    const res = await fetch(`${app.url}/webhooks/${encodeURIComponent(instance.id)}/${encodeURIComponent(instance.webhookSecret)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'MessageStatusCallback', status: 'READ', ids, momment: Date.now(), phone: '5511987654321', instanceId: 'x' }),
    });
    expect(res.status).toBe(413);
    expect(String(((await res.json()) as { reason?: unknown }).reason)).toMatch(/60000 events/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const after = await gql(app.url, count);
    expect(after.data?.events.events.length).toBe(before.data?.events.events.length);
    expect((await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(1_000) })).status).toBe(200);
  });
});
