import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { gql, sandboxConfig, startTestApp } from '../helpers/app.js';
import { simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * A provider (the first that posts webhooks, {@link webhookProvider}) answering 401 / 429 / 500 /
 * nothing in time, seen through the graph: the graph's error codes, `retryAfterMs` when the
 * provider says, and no credential, URL or message text in the answer.
 */
const mod = webhookProvider();
let sim: SimulatorHandle;
let app: RunningApp;
const secret = randomBytes(16).toString('hex');

beforeAll(async () => {
  sim = await mod.startSimulator({ autoReply: false });
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      instances: [simulatedInstance(mod, sim, 'br', secret, { timeoutMs: 300 })],
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

const SEND = 'mutation { sendText(input: {instanceId: "br", to: "+55 11 98765-4321", text: "the secret plan"}) { message { id } } }';

async function sendExpectingError(): Promise<{ code: string; extensions: Record<string, unknown>; raw: string }> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEND }) });
  const raw = await res.text();
  const body = JSON.parse(raw) as { errors?: Array<{ extensions: Record<string, unknown> }> };
  expect(body.errors, raw).toBeDefined();
  return { code: String(body.errors![0]!.extensions.code), extensions: body.errors![0]!.extensions, raw };
}

function expectNoSecrets(raw: string): void {
  for (const v of Object.values(sim.instanceConfig)) if (typeof v === 'string') expect(raw).not.toContain(v);
  expect(raw).not.toContain(sim.url);
  expect(raw).not.toContain('the secret plan');
  expect(raw).not.toContain(secret);
}

describe('provider failures through the graph', () => {
  it('401 → PROVIDER_UNAUTHORIZED', async () => {
    sim.injectFault({ status: 401, body: { error: 'Client-Token not allowed' } });
    const e = await sendExpectingError();
    expect(e.code).toBe('PROVIDER_UNAUTHORIZED');
    expect(e.extensions).toMatchObject({ provider: mod.kind, httpStatus: 401 });
    expectNoSecrets(e.raw);
  });

  it('429 with Retry-After → PROVIDER_RATE_LIMITED with retryAfterMs', async () => {
    sim.injectFault({ status: 429, headers: { 'retry-after': '3' } });
    const e = await sendExpectingError();
    expect(e.code).toBe('PROVIDER_RATE_LIMITED');
    expect(e.extensions.retryAfterMs).toBe(3000);
    expectNoSecrets(e.raw);
    // during the backoff the instance refuses at once, without calling the provider (issue 12); then it calls again
    const reached = sim.requests.length;
    const during = await sendExpectingError();
    expect(during.code).toBe('PROVIDER_RATE_LIMITED');
    expect(during.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(during.extensions.retryAfterMs).toBeLessThanOrEqual(3000);
    expect(sim.requests.length).toBe(reached);
    await new Promise((r) => setTimeout(r, during.extensions.retryAfterMs as number));
  });

  it('500 → PROVIDER_UNAVAILABLE', async () => {
    sim.injectFault({ status: 500 });
    const e = await sendExpectingError();
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expectNoSecrets(e.raw);
  });

  it('no answer within timeoutMs → PROVIDER_UNAVAILABLE', async () => {
    sim.injectFault({ delayMs: 1_000, status: 200 });
    const started = Date.now();
    const e = await sendExpectingError();
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1_000);
    expectNoSecrets(e.raw);
  });

  it('works again once the provider recovers', async () => {
    const res = await gql(app.url, SEND);
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendText.message.id).toBeTruthy();
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish before the server stops', async () => {
    const slowApp = await startTestApp(sandboxConfig({ sandbox: false, instances: [simulatedInstance(mod, sim, 'br', secret, { timeoutMs: 5_000 })] }));
    sim.injectFault({ delayMs: 600 });
    const inFlight = gql(slowApp.url, SEND);
    await new Promise((r) => setTimeout(r, 150));
    const closing = slowApp.close();
    const res = await inFlight;
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendText.message.id).toBeTruthy();
    await closing;
    await expect(fetch(`${slowApp.url}/healthz`)).rejects.toThrow();
  });
});
