import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { toGlobalId } from '../../src/global-ids.js';
import { sandboxConfig, startTestApp } from '../helpers/app.js';
import { simulatedInstance, webhookProvider } from '../helpers/providers.js';

/** `auth.apiKeys` and `cors.origins`: the graph refuses clients without a key, over HTTP and WebSocket (one instance, on the simulator of {@link webhookProvider}). */
const KEY = 'test-api-key-0123456789';
let sim: SimulatorHandle;
let app: RunningApp;

beforeAll(async () => {
  const mod = webhookProvider();
  sim = await mod.startSimulator({ autoReply: false });
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      auth: { apiKeys: [KEY] },
      cors: { origins: ['https://app.example.com'] },
      instances: [simulatedInstance(mod, sim, 'br', 'webhook-secret-0123456789')],
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

const post = (headers: Record<string, string> = {}) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ instances { id instanceId } }' }) });

describe('client API keys', () => {
  it('answers 401 UNAUTHENTICATED without a key or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-key-0123456789' }, { authorization: KEY }];
    for (const headers of attempts) {
      const res = await post(headers);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('serves a client with the key', async () => {
    const res = await post({ authorization: `Bearer ${KEY}` });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { instances: unknown } }).data.instances).toEqual([{ id: toGlobalId('Instance', 'br', ''), instanceId: 'br' }]);
  });

  it('closes a WebSocket without the key with 4403, and serves one with it', async () => {
    const url = `${app.url.replace('http', 'ws')}/graphql`;
    const refused = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: 'Bearer nope-nope-nope-nope' } });
    const code = await new Promise<number>((resolve) => {
      refused.on('closed', (e) => resolve((e as { code: number }).code));
      refused.subscribe({ query: 'subscription { connectionChanged(instanceId: "br") { state } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(code).toBe(4403);
    await refused.dispose();

    const accepted = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${KEY}` } });
    const connected = await new Promise<boolean>((resolve) => {
      accepted.on('connected', () => resolve(true));
      accepted.on('closed', () => resolve(false));
      accepted.subscribe({ query: 'subscription { connectionChanged(instanceId: "br") { state } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(connected).toBe(true);
    await accepted.dispose();
  });

  it('keeps webhooks on their own secret (no API key needed)', async () => {
    const res = await fetch(`${app.url}/webhooks/br/webhook-secret-0123456789`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ConnectedCallback', connected: true, momment: 1700000000000, instanceId: 'x', phone: '5544999999999' }),
    });
    expect(res.status).toBe(200);
  });
});

describe('CORS', () => {
  it('allows the configured origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const ok = await preflight('https://app.example.com');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
