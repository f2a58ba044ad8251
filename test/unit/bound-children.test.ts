import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { AppServices } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { boundChildren, createMetrics, type Metrics } from '../../src/metrics.js';
import { ProviderHttpClient } from '../../src/providers/http.js';
import { PROVIDER_KINDS, type DomainEvent } from '../../src/providers/model.js';
import { CACHE_KINDS, MemoryCacheBackend, ReadCache } from '../../src/providers/read-cache.js';
import { webhookHandler } from '../../src/server/webhook-receiver.js';
import { createMemoryStores } from '../../src/subscriptions/memory-stores.js';
import { EventPipeline } from '../../src/subscriptions/pipeline.js';

/**
 * Metric label children bound once, not per event: `boundChildren` (src/metrics.ts) and its users
 * (the webhook receiver, the event pipeline, the provider HTTP client), and the read cache, which
 * binds every kind up front. Each binds a metric's label child once per distinct label value, ever
 * (counted with a spy on `labels`), and counts land on the label asked for.
 */

/** The value of the series of `metric` whose labels include `labels` (0 when it has none). */
async function valueOf(
  metric: { get(): Promise<{ values: Array<{ labels: Record<string, string | number>; value: number; metricName?: string }> }> },
  labels: Record<string, string>,
  metricName?: string,
): Promise<number> {
  const { values } = await metric.get();
  const series = values.find((v) => (metricName === undefined || v.metricName === metricName) && Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return series?.value ?? 0;
}

const [KIND_A, KIND_B] = PROVIDER_KINDS;

describe('boundChildren', () => {
  it('binds once per key, ever, and answers the same child after', async () => {
    const metrics = createMetrics();
    const labels = vi.spyOn(metrics.eventsPublished, 'labels');
    const child = boundChildren((type: string) => metrics.eventsPublished.labels({ type }));
    for (let i = 0; i < 50; i++) child('A').inc();
    for (let i = 0; i < 20; i++) child('B').inc();
    expect(child('A')).toBe(child('A'));
    expect(child('A')).not.toBe(child('B'));
    expect(labels).toHaveBeenCalledTimes(2);
    expect(labels.mock.calls).toEqual([[{ type: 'A' }], [{ type: 'B' }]]);
    expect(await valueOf(metrics.eventsPublished, { type: 'A' })).toBe(50);
    expect(await valueOf(metrics.eventsPublished, { type: 'B' })).toBe(20);
  });

  it('nests for two labels: one bind per distinct pair', async () => {
    const metrics = createMetrics();
    const labels = vi.spyOn(metrics.webhooks, 'labels');
    const child = boundChildren((provider: string) => boundChildren((outcome: string) => metrics.webhooks.labels({ provider, outcome })));
    for (let i = 0; i < 10; i++) {
      child('p')('ok').inc();
      child('p')('bad').inc();
      child('q')('ok').inc();
    }
    expect(labels).toHaveBeenCalledTimes(3);
    expect(await valueOf(metrics.webhooks, { provider: 'p', outcome: 'ok' })).toBe(10);
    expect(await valueOf(metrics.webhooks, { provider: 'p', outcome: 'bad' })).toBe(10);
    expect(await valueOf(metrics.webhooks, { provider: 'q', outcome: 'ok' })).toBe(10);
    expect(await valueOf(metrics.webhooks, { provider: 'q', outcome: 'bad' })).toBe(0);
  });

  it('keeps nothing from a bind that throws: the next call binds again', () => {
    let calls = 0;
    const child = boundChildren((key: string) => {
      calls++;
      if (calls === 1) throw new Error('refused');
      return { key };
    });
    expect(() => child('a')).toThrow('refused');
    expect(child('a')).toEqual({ key: 'a' });
    expect(child('a')).toBe(child('a'));
    expect(calls).toBe(2);
  });
});

describe('boundChildren in its users', () => {
  it('EventPipeline: one eventsPublished child per event type', async () => {
    const metrics = createMetrics();
    const labels = vi.spyOn(metrics.eventsPublished, 'labels');
    const stores = createMemoryStores();
    const pipeline = new EventPipeline(stores, createLogger('silent'), metrics);
    const event = (id: string, state: 'CONNECTED' | 'DISCONNECTED'): DomainEvent => ({ id, type: 'CONNECTION_CHANGED', instanceId: 'i1', occurredAt: 0, state });
    for (let i = 0; i < 5; i++) await pipeline.offer([event(`c${i}`, 'CONNECTED'), event(`d${i}`, 'DISCONNECTED')]);
    // duplicates are not counted
    expect(await pipeline.offer([event('c0', 'CONNECTED')])).toEqual(['duplicate']);
    expect(labels).toHaveBeenCalledTimes(1);
    expect(await valueOf(metrics.eventsPublished, { type: 'CONNECTION_CHANGED' })).toBe(10);
    await stores.close();
  });

  it('ProviderHttpClient: one histogram child per operation and one counter child per operation and outcome', async () => {
    const metrics = createMetrics();
    const requestLabels = vi.spyOn(metrics.providerRequests, 'labels');
    const secondsLabels = vi.spyOn(metrics.providerRequestSeconds, 'labels');
    const agent = new MockAgent();
    agent.disableNetConnect();
    const origin = 'http://provider.test';
    agent.get(origin).intercept({ path: '/base/ok', method: 'GET' }).reply(200, '{}').times(4);
    agent.get(origin).intercept({ path: '/base/missing', method: 'GET' }).reply(404, '{}').times(3);
    agent.get(origin).intercept({ path: '/base/ok', method: 'POST' }).reply(200, '{}').times(2);
    const http = new ProviderHttpClient({ provider: KIND_A, baseUrl: `${origin}/base`, metrics, dispatcher: agent });
    try {
      for (let i = 0; i < 4; i++) await http.request({ operation: 'read', method: 'GET', path: '/ok' });
      for (let i = 0; i < 3; i++) await expect(http.request({ operation: 'read', method: 'GET', path: '/missing' })).rejects.toMatchObject({ code: 'PROVIDER_ERROR' });
      for (let i = 0; i < 2; i++) await http.request({ operation: 'write', method: 'POST', path: '/ok', body: {} });
    } finally {
      await agent.close();
    }
    expect(secondsLabels).toHaveBeenCalledTimes(2);
    expect(requestLabels).toHaveBeenCalledTimes(3);
    expect(await valueOf(metrics.providerRequests, { provider: KIND_A, operation: 'read', outcome: 'ok' })).toBe(4);
    expect(await valueOf(metrics.providerRequests, { provider: KIND_A, operation: 'read', outcome: 'PROVIDER_ERROR' })).toBe(3);
    expect(await valueOf(metrics.providerRequests, { provider: KIND_A, operation: 'write', outcome: 'ok' })).toBe(2);
    expect(await valueOf(metrics.providerRequestSeconds, { provider: KIND_A, operation: 'read' }, 'whatsgraph_provider_request_seconds_count')).toBe(7);
    expect(await valueOf(metrics.providerRequestSeconds, { provider: KIND_A, operation: 'write' }, 'whatsgraph_provider_request_seconds_count')).toBe(2);
  });

  it('ReadCache: the children of every kind bound once, at construction (exported at 0), none per lookup', async () => {
    const metrics = createMetrics();
    const lookupLabels = vi.spyOn(metrics.readCache, 'labels');
    const invalidationLabels = vi.spyOn(metrics.readCacheInvalidations, 'labels');
    const cache = new ReadCache(new MemoryCacheBackend(), {}, metrics);
    expect(lookupLabels).toHaveBeenCalledTimes(2 * CACHE_KINDS.length);
    expect(invalidationLabels).toHaveBeenCalledTimes(CACHE_KINDS.length);
    for (const kind of CACHE_KINDS) expect(await valueOf(metrics.readCache, { kind, outcome: 'hit' })).toBe(0);
    const fetch = async (keys: string[]) => keys.map((k) => `v:${k}`);
    await cache.readMany('contacts', 'i1', ['a', 'b'], fetch);
    await cache.readMany('contacts', 'i1', ['a', 'b', 'c'], fetch);
    await cache.readMany('groups', 'i1', ['g'], fetch);
    await cache.invalidate('i1', [{ kind: 'contacts', all: true }]);
    expect(lookupLabels).toHaveBeenCalledTimes(2 * CACHE_KINDS.length);
    expect(invalidationLabels).toHaveBeenCalledTimes(CACHE_KINDS.length);
    expect(await valueOf(metrics.readCache, { kind: 'contacts', outcome: 'miss' })).toBe(3);
    expect(await valueOf(metrics.readCache, { kind: 'contacts', outcome: 'hit' })).toBe(2);
    expect(await valueOf(metrics.readCache, { kind: 'groups', outcome: 'miss' })).toBe(1);
    expect(await valueOf(metrics.readCache, { kind: 'groups', outcome: 'hit' })).toBe(0);
    expect(await valueOf(metrics.readCacheInvalidations, { kind: 'contacts' })).toBe(1);
    expect(await valueOf(metrics.readCacheInvalidations, { kind: 'groups' })).toBe(0);
  });

  describe('webhook receiver: one webhooks child per provider and outcome', () => {
    let server: Server;
    let url: string;
    let metrics: Metrics;
    let labels: MockInstance<Metrics['webhooks']['labels']>;

    beforeAll(async () => {
      metrics = createMetrics();
      labels = vi.spyOn(metrics.webhooks, 'labels');
      const entries = new Map(
        [
          ['a', KIND_A],
          ['b', KIND_B],
        ].map(([id, kind]) => [id, { adapter: { kind, webhooks: { parse: () => [] } }, webhookSecret: `secret-${id}` }]),
      );
      const services = {
        metrics,
        logger: createLogger('silent'),
        instances: { find: (id: string) => entries.get(id), get: (id: string) => entries.get(id) },
        pipeline: { offer: async () => [] },
      } as unknown as AppServices;
      const handler = webhookHandler(services);
      server = createServer((req, res) => {
        if (!handler.handle(req, res)) res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const post = (path: string, type = 'application/json') => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: '{}' });

    it('counts accepted, unauthorized and invalid deliveries on their labels, binding each pair once', async () => {
      for (let i = 0; i < 3; i++) {
        expect((await post('/webhooks/a/secret-a')).status).toBe(200);
        expect((await post('/webhooks/b/secret-b')).status).toBe(200);
        expect((await post('/webhooks/a/wrong')).status).toBe(401);
        expect((await post('/webhooks/nobody/secret')).status).toBe(401);
        expect((await post('/webhooks/a/secret-a', 'text/plain')).status).toBe(415);
      }
      expect(labels).toHaveBeenCalledTimes(5);
      expect(await valueOf(metrics.webhooks, { provider: KIND_A, outcome: 'accepted' })).toBe(3);
      expect(await valueOf(metrics.webhooks, { provider: KIND_B, outcome: 'accepted' })).toBe(3);
      expect(await valueOf(metrics.webhooks, { provider: KIND_A, outcome: 'unauthorized' })).toBe(3);
      expect(await valueOf(metrics.webhooks, { provider: 'unknown', outcome: 'unauthorized' })).toBe(3);
      expect(await valueOf(metrics.webhooks, { provider: KIND_A, outcome: 'invalid' })).toBe(3);
      expect(await valueOf(metrics.webhooks, { provider: KIND_B, outcome: 'unauthorized' })).toBe(0);
    });
  });
});
