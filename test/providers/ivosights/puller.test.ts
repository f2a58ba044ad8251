import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import type { IvosightsAdapter } from '../../../src/providers/ivosights/adapter.js';
import { ivosightsModule } from '../../../src/providers/ivosights/index.js';
import { startIvosightsSimulator, type IvosightsSimulatorHandle } from '../../../src/providers/ivosights/simulator/index.js';
import type { DomainEvent } from '../../../src/providers/model.js';

/**
 * Reconciliation: what the simulator could not deliver by webhook (lines 2756-2761) comes
 * back through the periodic puller with the very ids the webhook path gives, so the
 * pipeline dedupes; webhooks carry the `http_auth` Basic credentials.
 */

const logger = createLogger('silent');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function simulator(opts: Parameters<typeof startIvosightsSimulator>[0] = {}): Promise<IvosightsSimulatorHandle> {
  const sim = await startIvosightsSimulator({ stepDelayMs: 5, ...opts });
  cleanup.push(async () => {
    await sim.settle();
    await sim.close();
  });
  return sim;
}

function adapterFor(sim: IvosightsSimulatorHandle, extra: Record<string, unknown> = {}): IvosightsAdapter {
  const a = ivosightsModule.create(
    { id: 'ivo-pull', provider: 'ivosights', webhookSecret: 's', baseUrl: sim.url, ...(sim.instanceConfig as { apiKey: string }), ...extra },
    { logger },
  ) as IvosightsAdapter;
  cleanup.push(() => a.stop());
  return a;
}

/** A webhook receiver that authenticates with the adapter's Basic auth and parses, answering `status`. */
async function receiver(adapter: IvosightsAdapter, status: () => number): Promise<{ url: string; events: DomainEvent[]; authorized: boolean[] }> {
  const events: DomainEvent[] = [];
  const authorized: boolean[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ok = adapter.webhooks.authenticate!(req.headers);
      authorized.push(ok);
      const code = status();
      if (ok && code < 300) events.push(...adapter.webhooks.parse({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers, receivedAt: Date.now() }));
      res.writeHead(ok ? code : 401).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/ivo-pull/x`, events, authorized };
}

async function until<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ivosights webhooks and the pending-notification puller', () => {
  it('posts sent → delivered → read and the reply to the webhook, with Basic auth the adapter accepts', async () => {
    const sim = await simulator();
    const adapter = adapterFor(sim);
    const rx = await receiver(adapter, () => 200);
    sim.setWebhookUrl(rx.url);
    const sent = await adapter.messaging.sendText!({ to: '628123456789', text: 'hello' });
    await until(() => (rx.events.length >= 4 ? true : undefined));
    expect(rx.authorized.every(Boolean)).toBe(true);
    expect(rx.events.map((e) => (e.type === 'MESSAGE_STATUS_CHANGED' ? e.status : e.type))).toEqual(['SENT', 'DELIVERED', 'READ', 'MESSAGE_RECEIVED']);
    const reply = rx.events[3]!;
    expect(reply.type === 'MESSAGE_RECEIVED' && reply.message.replyToMessageId).toBe(sent.id);
    expect(sim.pending).toHaveLength(0);
  });

  it('an instance with other credentials does not authenticate the deliveries', async () => {
    const sim = await simulator({ autoReply: false });
    const stranger = adapterFor(sim, { webhookPassword: 'not-the-password' });
    const rx = await receiver(stranger, () => 200);
    sim.setWebhookUrl(rx.url);
    await adapterFor(sim).messaging.sendText!({ to: '628123456789', text: 'x' });
    await sim.settle();
    expect(rx.authorized.length).toBeGreaterThan(0);
    expect(rx.authorized.some(Boolean)).toBe(false);
    expect(rx.events).toHaveLength(0);
    // refused three times each (line 2759), so all three statuses stay pending
    expect(sim.pending).toHaveLength(3);
  });

  it('the puller delivers what the webhook could not, with the same ids as a webhook delivery would', async () => {
    const sim = await simulator();
    const adapter = adapterFor(sim, { pullIntervalMs: 100 });
    // the receiver is down: every notification fails its three attempts and stays pending
    const rx = await receiver(adapter, () => 500);
    sim.setWebhookUrl(rx.url);
    await adapter.messaging.sendText!({ to: '628123456789', text: 'hello' });
    await sim.settle();
    expect(sim.pending).toHaveLength(4);
    const expectedIds = sim.pending.flatMap((p) => adapter.webhooks.parse({ body: p, headers: {}, receivedAt: Date.now() }).map((e) => e.id));

    const accepted: DomainEvent[] = [];
    adapter.start({ accept: async (events) => void accepted.push(...events) });
    await until(() => (accepted.length >= 4 ? true : undefined));
    expect(accepted.map((e) => e.id)).toEqual(expectedIds);
    expect(sim.pending).toHaveLength(0);
    expect(sim.requests.some((r) => r.path === '/api/v1/webhooks/6098c0f34dae5677e2636a5c/pull-pending-notifications')).toBe(true);

    // stop() ends the pulling
    await adapter.stop();
    const pulls = sim.requests.filter((r) => r.path.endsWith('/pull-pending-notifications')).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.requests.filter((r) => r.path.endsWith('/pull-pending-notifications')).length).toBe(pulls);
  });

  it('without a configured webhookId the puller pulls every webhook the account lists', async () => {
    const sim = await simulator({ autoReply: false });
    const adapter = adapterFor(sim, { webhookId: undefined });
    await sim.notify({ statuses: [{ id: 'm1', recipient_id: '1', status: 'read', timestamp: '5' }] });
    const events = await adapter.webhookAdmin.pullPendingNotifications!();
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/webhooks', 'GET /api/v1/webhooks/6098c0f34dae5677e2636a5c/pull-pending-notifications']);
    expect(events).toMatchObject([{ type: 'MESSAGE_STATUS_CHANGED', messageId: 'm1', status: 'READ', occurredAt: 5000 }]);
  });

  it('keeps pulling after a failed pull, and a sandbox instance never starts the puller', async () => {
    const sim = await simulator({ autoReply: false });
    const adapter = adapterFor(sim, { pullIntervalMs: 100 });
    sim.injectFault({ status: 500 });
    await sim.notify({ statuses: [{ id: 'm2', recipient_id: '1', status: 'delivered', timestamp: '6' }] });
    const accepted: DomainEvent[] = [];
    adapter.start({ accept: async (events) => void accepted.push(...events) });
    await until(() => (accepted.length ? true : undefined));
    expect(accepted[0]).toMatchObject({ messageId: 'm2', status: 'DELIVERED' });

    const sandboxed = adapterFor(sim, { sandbox: true, pullIntervalMs: 100 });
    sim.requests.length = 0;
    await adapter.stop();
    sandboxed.start({ accept: async () => undefined });
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.requests).toHaveLength(0);
  });
});
